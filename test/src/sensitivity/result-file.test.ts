/**
 * Reading sensitivity.json back (the app's Sensitivity view): files written by `govsim sensitivity`
 * (fixtures/, Morris and Sobol) parse into the result they were written from, which writes the same
 * bytes again and draws the same SVG as the CLI; bad files are refused with every problem named.
 * The fixtures were written by
 *   govsim sensitivity social-governance --kind policy --params ngo.support,mediation.grid.skill,court.judgesPer100k --r 2 --seeds 2 --steps 30 --metrics satisfaction,resolutionRate,petitionsPer10k
 *   govsim sensitivity social-governance --method sobol --n 4 --kind policy --params ngo.support,mediation.grid.skill --seeds 1 --steps 30 --metrics satisfaction,resolutionRate
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sensitivityFiles } from '../../../src/sensitivity/files';
import { sensitivitySvg } from '../../../src/sensitivity/plot';
import { parseSensitivityFile, SensitivityFileError } from '../../../src/sensitivity/result-file';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const MORRIS = fixture('morris-sensitivity.json');
const SOBOL = fixture('sobol-sensitivity.json');

function problemsOf(input: unknown): string[] {
  try {
    parseSensitivityFile(typeof input === 'string' ? input : JSON.stringify(input), 'bad.json');
  } catch (e) {
    expect(e).toBeInstanceOf(SensitivityFileError);
    return (e as SensitivityFileError).problems;
  }
  throw new Error('the file was accepted');
}

describe('a sensitivity.json read back', () => {
  for (const [name, text] of [
    ['Morris', MORRIS],
    ['Sobol', SOBOL],
    ['screening', fixture('screen-cli.json')],
  ] as const) {
    it(`${name}: writes the same bytes again`, () => {
      const f = parseSensitivityFile(text);
      const files = sensitivityFiles(f.result, f.head);
      expect(files['sensitivity.json']).toBe(text);
    });
  }

  it('Morris: the parameters, indices and NaN for nulls are the file’s', () => {
    const f = parseSensitivityFile(MORRIS);
    const raw = JSON.parse(MORRIS);
    expect(f.result.design.method).toBe('morris');
    expect(f.result.design.r).toBe(2);
    expect(f.result.parameters).toEqual(raw.parameters.map((p: { name: string }) => p.name));
    expect(f.result.seeds).toEqual([1, 2]);
    const sat = f.result.metrics.find((m) => m.metric === 'resolutionRate')!;
    expect(sat.morris).toHaveLength(3);
    expect(sat.morris![0].muStar).toBe(raw.metrics.resolutionRate.indices[f.result.parameters[0]].muStar);
    expect(f.head.plotted).toEqual(['satisfaction', 'resolutionRate', 'petitionsPer10k']);
  });

  it('draws the same SVG as the CLI (plot.ts is shared)', () => {
    const f = parseSensitivityFile(SOBOL);
    const svg = sensitivitySvg(f.result, f.head.plotted, f.head.name);
    expect(svg).toContain('ngo.support');
    expect(svg).toContain('mediation.grid.skill');
    expect(svg).toMatch(/<rect [^>]*class="s1"/);
  });
});

describe('bad files are refused with what is wrong', () => {
  const morris = () => JSON.parse(MORRIS);

  it('not JSON, or another kind of file', () => {
    expect(problemsOf('{"engine": ')[0]).toMatch(/not valid JSON/);
    expect(problemsOf({ name: 'x', model: 'governance', params: {} })[0]).toMatch(/does not look like a sensitivity\.json/);
  });

  it('a field of the wrong type, named by its path', () => {
    const f = morris();
    f.method = 'fast';
    f.parameters[0].min = 'low';
    const p = problemsOf(f);
    expect(p.some((x) => x.startsWith('method:'))).toBe(true);
    expect(p.some((x) => x.startsWith('parameters.0.min:'))).toBe(true);
  });

  it('an index missing for a parameter, or a wrong value in one', () => {
    const f = morris();
    delete f.metrics.satisfaction.indices['ngo.support'];
    f.metrics.resolutionRate.indices['ngo.support'].muStar = 'big';
    const p = problemsOf(f);
    expect(p).toContain('metrics.satisfaction.indices: no entry for ngo.support');
    expect(p.some((x) => x.startsWith('metrics.resolutionRate.indices.ngo.support.muStar:'))).toBe(true);
  });

  it('a Morris file without r, seeds that do not match their count, an unknown plotted metric', () => {
    const f = morris();
    delete f.r;
    f.seedCount = 5;
    f.plotted = ['nope'];
    const p = problemsOf(f);
    expect(p.some((x) => x.startsWith('r:'))).toBe(true);
    expect(p.some((x) => x.startsWith('seeds:'))).toBe(true);
    expect(p).toContain('plotted: nope is not among the metrics');
  });

  it('duplicate keys and numbers out of range (the scenario reader’s limits)', () => {
    expect(problemsOf(MORRIS.replace('"runs": 16,', '"runs": 16, "runs": 1,')).join()).toMatch(/runs/);
    expect(problemsOf(MORRIS.replace('"runs": 16,', '"runs": 1e400,')).join()).toMatch(/runs/);
  });
});
