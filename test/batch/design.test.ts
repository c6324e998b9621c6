import { describe, expect, it } from 'vitest';
import { checkDesign, checkDesignPaths, designPoints, latinHypercube, parseGrid, parseRange, plannedRun, plannedRuns, type Plan } from '../../src/batch/design';
import { BatchInputError } from '../../src/batch/errors';
import { formatSeeds, parseSeeds } from '../../src/batch/seeds';
import { inShard, parseShard } from '../../src/batch/shard';
import { ScenarioError } from '../../src/scenario/parse';

describe('seeds', () => {
  it('reads ranges, lists and mixes', () => {
    expect(parseSeeds('3')).toEqual([3]);
    expect(parseSeeds('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('1,5,9')).toEqual([1, 5, 9]);
    expect(parseSeeds('0..2, 10, 4294967295')).toEqual([0, 1, 2, 10, 4294967295]);
    expect(formatSeeds([1, 2, 3, 4, 7, 9, 10])).toBe('1..4,7,9,10');
  });

  it.each([
    ['10..1', /runs backwards \(10 > 1\); write 1\.\.10/],
    ['', /no seeds given/],
    ['1,,2', /empty item/],
    ['1.5', /"1.5" is not a whole number/],
    ['-3', /not negative/],
    ['4294967296', /out of range 0\.\.4294967295/],
    ['1..3,2', /seed 2 is listed twice/],
    ['abc', /"abc" is not a whole number/],
  ])('refuses %j', (text, message) => {
    expect(() => parseSeeds(text)).toThrow(BatchInputError);
    expect(() => parseSeeds(text)).toThrow(message);
  });
});

describe('shards', () => {
  it('split run ids round-robin, every id in exactly one shard', () => {
    const n = 3;
    for (let id = 0; id < 20; id++) {
      const owners = [1, 2, 3].filter((k) => inShard(id, { k, n }));
      expect(owners).toEqual([(id % n) + 1]);
    }
    expect(inShard(7, undefined)).toBe(true);
  });

  it.each(['0/2', '3/2', '1/0', '2', 'a/b', '1-2'])('refuses --shard %s', (s) => {
    expect(() => parseShard(s)).toThrow(/--shard .*allowed: K\/N with 1 <= K <= N/);
  });
});

describe('grid designs', () => {
  it('reads lists, whole-number ranges, stepped ranges and plain values', () => {
    expect(parseGrid('params.x=0.1,0.2,0.3')).toEqual({ path: 'params.x', values: [0.1, 0.2, 0.3] });
    expect(parseGrid('params.y=1..5').values).toEqual([1, 2, 3, 4, 5]);
    expect(parseGrid('params.z=0..1:0.25').values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // 0.1 steps land on the written decimals, not on 0.30000000000000004.
    expect(parseGrid('params.z=0..0.5:0.1').values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parseGrid('params.n=moore,von-neumann').values).toEqual(['moore', 'von-neumann']);
    expect(parseGrid('params.m=true,false,null').values).toEqual([true, false, null]);
    expect(parseGrid('params.y=-2..0,5').values).toEqual([-2, -1, 0, 5]);
  });

  it.each([
    ['params.x=', /no values \(empty range\)/],
    ['params.y=5..1', /runs backwards \(5 > 1\)/],
    ['params.y=0.1..0.5', /needs whole numbers; for decimals give a step/],
    ['params.y=0..1:0', /step of 0\.\.1:0 must be positive/],
    ['params.y=1,1', /1 is listed twice/],
    ['params.x', /not of the form path=values/],
    ['seed=1,2', /vary seeds with --seeds/],
  ])('refuses --grid %s', (spec, message) => {
    expect(() => parseGrid(spec)).toThrow(message);
  });

  it('refuses empty and backwards hypercube ranges, and a path varied twice', () => {
    expect(() => parseRange('params.z=1..1')).toThrow(/the range is empty/);
    expect(() => parseRange('params.z=1..0')).toThrow(/runs backwards/);
    expect(() => parseRange('params.z=')).toThrow(/empty range/);
    expect(() => checkDesign({ grid: [parseGrid('params.x=1,2')], lhs: { n: 2, seed: 1, ranges: [parseRange('params.x=0..1')] } })).toThrow(
      /params.x is varied twice/,
    );
  });

  it('lists points grid-major: the first --grid varies slowest', () => {
    const points = designPoints({ grid: [parseGrid('params.a=1,2'), parseGrid('params.b=x,y,z')] });
    expect(points.map((p) => `${p['params.a']}${p['params.b']}`)).toEqual(['1x', '1y', '1z', '2x', '2y', '2z']);
  });

  it('refuses an unknown parameter with the nearest valid path', () => {
    const raw = { model: 'epstein', name: 't', params: {} };
    const bad = () => checkDesignPaths(raw, { grid: [parseGrid('params.legitimacyy=0.5,0.6')] });
    expect(bad).toThrow(ScenarioError);
    expect(bad).toThrow(/params.legitimacyy: unknown field; did you mean params.legitimacy\?/);
    expect(() => checkDesignPaths(raw, { grid: [parseGrid('params.legitimacy=0.5,0.6')] })).not.toThrow();
  });
});

describe('Latin hypercube', () => {
  const lhs = { n: 10, seed: 7, ranges: [parseRange('params.a=0..1'), parseRange('params.b=10..20')] };

  it('puts exactly one point in each of the n strata of every range', () => {
    const sample = latinHypercube(lhs);
    expect(sample).toHaveLength(10);
    const strataA = sample.map((p) => Math.floor(p['params.a'] * 10)).sort((x, y) => x - y);
    const strataB = sample.map((p) => Math.floor(p['params.b'] - 10)).sort((x, y) => x - y);
    expect(strataA).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(strataB).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is the same for the same seed and different for another', () => {
    expect(latinHypercube(lhs)).toEqual(latinHypercube({ ...lhs }));
    expect(latinHypercube({ ...lhs, seed: 8 })).not.toEqual(latinHypercube(lhs));
  });
});

describe('run ids', () => {
  it('number runs point by point, seeds in the order given', () => {
    const plan = { seeds: [5, 3, 9], points: [{}, {}] } as unknown as Plan;
    expect(plannedRuns(plan).map((r) => `${r.id}:${r.point}/${r.seed}`)).toEqual(['0:0/5', '1:0/3', '2:0/9', '3:1/5', '4:1/3', '5:1/9']);
    expect(plannedRun(plan, 4)).toEqual({ id: 4, point: 1, seed: 3 });
  });
});
