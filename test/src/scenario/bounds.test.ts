/** Resource bounds (src/scenario/bounds.ts): sizes as typed, refusals naming the fields, and resolveRun sharing them. */
import { describe, expect, it } from 'vitest';
import { checkBounds, formatBytes, formatSeconds, type MemoryLimit, parseSize } from '../../../src/scenario/bounds';
import { parseScenario, ScenarioError } from '../../../src/scenario/parse';
import { resolveRun } from '../../../src/scenario/resolve';

const GB = 1024 ** 3;
const limit = (bytes: number, more: Partial<MemoryLimit> = {}): MemoryLimit => ({ bytes, what: 'the test limit', hint: 'no hint', ...more });

describe('parseSize', () => {
  it.each([
    ['1000', 1000],
    ['1e9', 1e9],
    ['512MB', 512 * 1024 ** 2],
    ['4GB', 4 * GB],
    ['4gb', 4 * GB],
    ['4G', 4 * GB],
    ['2GiB', 2 * GB],
    ['1.5g', 1.5 * GB],
    ['64 KB', 64 * 1024],
    ['1TB', 1024 * GB],
    ['100B', 100],
  ])('%s is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['', 'abc', '4gigs', '-1GB', '0', '0MB', 'GB', '1.2.3', '4 G B', 'iB'])('%j is not a size', (text) => expect(parseSize(text)).toBeUndefined());
});

describe('formatting', () => {
  it('prints bytes in binary units and times in words', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MB');
    expect(formatBytes(3.9 * GB)).toBe('3.9 GB');
    expect(formatSeconds(0.2)).toBe('under 1 s');
    expect(formatSeconds(3 * 3600)).toBe('~3 h');
  });
});

describe('checkBounds', () => {
  const huge = parseScenario({ model: 'epstein', name: 'huge', params: { width: 10000, height: 10000 } });

  it('refuses a lattice over the limit, naming the fields, their values and the limit', () => {
    const { problems, estimate } = checkBounds(huge, 100, limit(GB));
    expect(estimate.bytes).toBeGreaterThan(4 * GB);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^needs memory ~ \d\.\d GB, more than the limit of 1 GB \(the test limit; no hint\): agents /);
    expect(problems[0]).toContain('params.width x params.height = 10,000 x 10,000 = 100,000,000 cells');
  });

  it('accepts it under a larger limit, and without a limit', () => {
    expect(checkBounds(huge, 100, limit(64 * GB)).problems).toEqual([]);
    expect(checkBounds(huge, 100).problems).toEqual([]);
  });

  it('counts runs held at once (batch workers)', () => {
    const town = parseScenario({ model: 'governance', name: 'town' });
    const one = checkBounds(town, 365).estimate.bytes;
    expect(checkBounds(town, 365, limit(3 * one, { copies: 2 })).problems).toEqual([]);
    const [p] = checkBounds(town, 365, limit(3 * one, { copies: 4, copiesWhy: '--workers 4' })).problems;
    expect(p).toContain('x 4 runs at once (--workers 4)');
  });

  it('names the steps when the time series drives the memory (Epstein, ten million steps)', () => {
    const [p] = checkBounds(parseScenario({ model: 'epstein', name: 'long' }), 10_000_000, limit(256 * 1024 ** 2)).problems;
    expect(p).toContain('time series');
    expect(p).toContain('steps = 10,000,000 rows of 7 numbers');
  });

  it('refuses the JavaScript heap the engine would not give', () => {
    const villages = parseScenario({ model: 'governance', name: 'v', params: { population: { counties: 100, townsPerCounty: 200, villagesPerTown: 500 } } });
    const [p] = checkBounds(villages, 10, limit(1024 * GB, { heapBytes: GB })).problems;
    expect(p).toMatch(/^needs JavaScript heap ~ .*more than the engine's heap limit of 1 GB/);
    expect(p).toContain('10,000,000 villages');
  });

  it('refuses 200 grids per village at the largest hierarchy by name, under any limit (not "Invalid typed array length")', () => {
    const s = parseScenario({
      model: 'governance',
      name: 'split',
      params: { population: { counties: 1000, townsPerCounty: 200, villagesPerTown: 500, gridsPerVillage: 200 } },
    });
    const { problems } = checkBounds(s, 10);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^too large: params\.population\.counties x townsPerCounty x villagesPerTown x gridsPerVillage = 1,000 x 200 x 500 x 200 = 20,000,000,000 grids/);
  });
});

describe('resolveRun', () => {
  it('is where check and run refuse: a ScenarioError naming the source', () => {
    const s = parseScenario({ model: 'epstein', name: 'huge', params: { width: 10000, height: 10000 } });
    expect(() => resolveRun(s, {}, limit(GB), 'huge.json')).toThrow(ScenarioError);
    try {
      resolveRun(s, {}, limit(GB), 'huge.json');
    } catch (e) {
      expect((e as ScenarioError).source).toBe('huge.json');
    }
    expect(resolveRun(s, { steps: 10 }).estimate.work).toBe(10 * (70_000_000 + 7_400_000));
  });
});
