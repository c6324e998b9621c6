/**
 * `govsim sensitivity` end to end on a small case (2 parameters, 60 steps, 2 seeds): the files with
 * intervals, the same bytes from shards merged as from one run and from a resumed run, and refusals that
 * name the flag, the value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

const ARGS = ['sensitivity', 'social-governance', '--params', 'grievances.ratePerResidentYear,population.hardshipMean', '--seeds', '2', '--steps', '60', '--quiet'];

describe('govsim sensitivity', () => {
  it('sobol: writes indices with intervals; shards merged and a resumed run give the same bytes', () => {
    const out = tempDir();
    const args = [...ARGS, '--method', 'sobol', '--n', '4'];
    const r = govsim([...args, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sensitivity .*: 16 points x 2 seeds = 32 runs, 0 failed/);
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('metric,parameter,S1,S1Lo,S1Hi,ST,STLo,STHi,rows,variance,seedNoiseShare');
    const disputes = csv.filter((l) => l.startsWith('disputesOpened,')).map((l) => l.split(','));
    expect(disputes.map((c) => c[1])).toEqual(['population.hardshipMean', 'grievances.ratePerResidentYear']);
    // Each index has an interval (at N = 4 a percentile interval need not contain the estimate).
    for (const c of disputes) expect(Number(c[7])).toBeGreaterThanOrEqual(Number(c[6]));
    const json = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(json).toMatchObject({ method: 'sobol', n: 4, seedCount: 2, points: 16, runs: 32, failedRuns: 0 });
    expect(json.parameters.map((p: { name: string; min: number; max: number }) => [p.name, p.min, p.max])).toEqual([
      ['population.hardshipMean', 0.05, 0.4],
      ['grievances.ratePerResidentYear', 0.01, 0.04],
    ]);
    expect(json.metrics.disputesOpened.seedNoiseShare).toBeGreaterThanOrEqual(0);
    expect(json.metrics.disputesOpened.indices['grievances.ratePerResidentYear'].STLo).toBeTypeOf('number');
    expect(readFileSync(join(out, 'sensitivity.svg'), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*S1[\s\S]*<\/svg>\n$/);

    const s1 = tempDir();
    const s2 = tempDir();
    const merged = tempDir();
    expect(govsim([...args, '--out', s1, '--shard', '1/2']).status).toBe(0);
    expect(govsim([...args, '--out', s2, '--shard', '2/2']).status).toBe(0);
    const m = govsim(['merge', s1, s2, '--out', merged, '--quiet']);
    expect(m.status, m.stderr).toBe(0);
    const again = govsim([...args, '--out', s1, '--resume']);
    expect(again.status, again.stderr).toBe(0);
    for (const f of ['sensitivity.csv', 'sensitivity.json', 'sensitivity.svg', 'runs.csv']) {
      expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
      expect(readFileSync(join(s1, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
    }
  });

  it('morris: mu*, sigma and mu* intervals per parameter', () => {
    const out = tempDir();
    const r = govsim([...ARGS, '--method', 'morris', '--r', '2', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('metric,parameter,mu,muStar,muStarLo,muStarHi,sigma,effects,eeNoise,variance,seedNoiseShare');
    expect(JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'))).toMatchObject({ method: 'morris', r: 2, levels: 4, points: 6 });
  });

  it('refuses bad flags, naming flag, value and what is allowed', () => {
    const cases: [string[], RegExp][] = [
      [['--method', 'fast'], /--method "fast" is not allowed; allowed: morris, sobol/],
      [['--kind', 'output'], /--kind "output" is not allowed; allowed: society, policy, all/],
      [['--levels', '5'], /--levels 5 is not allowed; allowed: an even whole number/],
      [['--params', 'nosuch.param'], /--params "nosuch.param": matches no parameter/],
      [['--method', 'sobol', '--n', '1'], /--n: "1" is not allowed; allowed: a whole number from 2/],
      [['--method', 'sobol', '--r', '4'], /--r and --levels are for --method morris/],
    ];
    for (const [extra, message] of cases) {
      const r = govsim(['sensitivity', 'social-governance', ...extra, '--steps', '2']);
      expect(r.status, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
