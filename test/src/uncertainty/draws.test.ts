import { readFileSync } from 'node:fs';
/**
 * Draws of society for conclusions across uncertainty (src/uncertainty/draws.ts): the hypercube's
 * strata, resampling a posterior by weight, determinism under a sampling seed, and refusals that name
 * the parameter (policy or unknown paths); and the weighted summaries (src/uncertainty/summary.ts).
 */
import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../../../src/batch/errors';
import { leversOf } from '../../../src/scenario/levers';
import { quantile } from '../../../src/stats/descriptive';
import { drawsFromFlags, fixedBySets, lhsDraws, parsePosterior, posteriorDraws } from '../../../src/uncertainty/draws';
import { distribution, weightedQuantile, weightedShare } from '../../../src/uncertainty/summary';

const specs = new Map(leversOf('governance').map((s) => [s.path, s]));

describe('Latin hypercube over society', () => {
  it('defaults to every numeric society parameter, each range cut into D strata, each stratum hit once per dimension', () => {
    const d = 9;
    const set = lhsDraws('governance', d, { sampleSeed: 5 });
    expect(set.method).toBe('lhs');
    expect(set.draws.map((x) => x.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(set.paths.length).toBeGreaterThan(50);
    for (const path of set.paths) {
      const spec = specs.get(path)!;
      expect(spec.kind, path).toBe('society');
      const [lo, hi] = spec.range!;
      for (const x of set.draws) {
        expect(x.values[path]).toBeGreaterThanOrEqual(lo);
        expect(x.values[path]).toBeLessThanOrEqual(hi);
      }
      // Integers are rounded to whole numbers, which may move a value across a stratum's edge.
      if (spec.type !== 'number') continue;
      const strata = set.draws.map((x) => Math.min(d - 1, Math.floor(((x.values[path] - lo) / (hi - lo)) * d))).sort((a, b) => a - b);
      expect(strata, path).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }
  });

  it('the same sampling seed gives the same draws, another seed others', () => {
    const a = lhsDraws('governance', 4, { globs: ['grievances.*'], sampleSeed: 2 });
    expect(lhsDraws('governance', 4, { globs: ['grievances.*'], sampleSeed: 2 })).toEqual(a);
    expect(lhsDraws('governance', 4, { globs: ['grievances.*'], sampleSeed: 3 }).draws).not.toEqual(a.draws);
    expect(a.paths.every((p) => p.startsWith('params.grievances.'))).toBe(true);
  });

  it('leaves out parameters fixed by --set (a path or an enclosing object)', () => {
    const set = lhsDraws('governance', 3, { globs: ['population.*'], fixed: fixedBySets(['params.population.residents=3000']) });
    expect(set.paths).not.toContain('params.population.residents');
    expect(set.fixed).toEqual(['params.population.residents']);
    expect(() => lhsDraws('governance', 3, { globs: ['population.residents'], fixed: fixedBySets(['params.population={"residents":3000}']) })).toThrow(/fixed by --set/);
  });

  it('refuses --params that match only policy parameters, naming them', () => {
    expect(() => lhsDraws('governance', 3, { globs: ['mediation.grid.staffPer1000'] })).toThrow(/matches only policy parameters \(mediation\.grid\.staffPer1000\); draws vary society parameters only/);
    expect(() => lhsDraws('governance', 3, { globs: ['population.hardshipMaen'] })).toThrow(/did you mean population\.hardshipMean/);
  });
});

describe('posterior files', () => {
  const csv = ['params.grievances.ratePerResidentYear,population.hardshipMean,weight,distance', '0.01,0.1,6,0.3', '0.02,0.2,3,0.2', '0.03,0.3,1,0.1'].join('\n');

  it('reads CSV (paths with or without params., weight, distance read past) and JSON alike', () => {
    const fromCsv = parsePosterior(csv, 'governance', 'p.csv');
    expect(fromCsv.paths).toEqual(['params.grievances.ratePerResidentYear', 'params.population.hardshipMean']);
    expect(fromCsv.particles.map((p) => p.weight)).toEqual([6, 3, 1]);
    expect(fromCsv.particles[1].values).toEqual({ 'params.grievances.ratePerResidentYear': 0.02, 'params.population.hardshipMean': 0.2 });
    const json = JSON.stringify({
      particles: [
        { params: { 'grievances.ratePerResidentYear': 0.01, 'params.population.hardshipMean': 0.1 }, weight: 6, distance: 0.3 },
        { params: { 'grievances.ratePerResidentYear': 0.02, 'params.population.hardshipMean': 0.2 }, weight: 3 },
        { params: { 'grievances.ratePerResidentYear': 0.03, 'params.population.hardshipMean': 0.3 }, weight: 1 },
      ],
    });
    expect(parsePosterior(json, 'governance', 'p.json')).toEqual(fromCsv);
    // Without a weight column every particle weighs 1.
    expect(parsePosterior('population.hardshipMean\n0.1\n0.2\n', 'governance', 'p.csv').particles.map((p) => p.weight)).toEqual([1, 1]);
  });

  it("reads govsim calibrate's posterior.csv (its stat: columns read past) and posterior.json alike", () => {
    const dir = new URL('../../../docs/calibration/social-governance-society/', import.meta.url);
    const fromCsv = parsePosterior(readFileSync(new URL('posterior.csv', dir), 'utf8'), 'governance', 'posterior.csv');
    const fromJson = parsePosterior(readFileSync(new URL('posterior.json', dir), 'utf8'), 'governance', 'posterior.json');
    expect(fromCsv.paths).toEqual(['params.grievances.ratePerResidentYear', 'params.grievances.claimProbability', 'params.grievances.rejectionProbability', 'params.survey.base']);
    expect(fromCsv.particles).toHaveLength(60);
    expect(fromJson.paths).toEqual(fromCsv.paths);
    expect(fromJson.particles.map((p) => p.weight)).toEqual(fromCsv.particles.map((p) => p.weight));
  });

  it('resamples D draws in proportion to the weights, the same for the same seed', () => {
    const post = parsePosterior(csv, 'governance', 'p.csv');
    const set = posteriorDraws(post, { draws: 1000, sampleSeed: 7, source: 'p.csv' });
    expect(set.resampled).toBe(true);
    expect(set.draws).toHaveLength(1000);
    expect(set.draws.every((d) => d.weight === 1)).toBe(true);
    const counts = [0, 1, 2].map((i) => set.draws.filter((d) => d.particle === i).length);
    // Systematic resampling: each particle floor or ceil of D w_i times.
    expect(Math.abs(counts[0] - 600)).toBeLessThanOrEqual(1);
    expect(Math.abs(counts[1] - 300)).toBeLessThanOrEqual(1);
    expect(Math.abs(counts[2] - 100)).toBeLessThanOrEqual(1);
    expect(posteriorDraws(post, { draws: 1000, sampleSeed: 7 }).draws).toEqual(set.draws);
    // Few draws: which particles come out depends on the seed, never on Math.random.
    const few = (seed: number) => posteriorDraws(post, { draws: 3, sampleSeed: seed }).draws.map((d) => d.particle);
    expect(few(1)).toEqual(few(1));
    const seen = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => few(s).join()));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('without --draws, every particle is a draw with its own weight', () => {
    const set = posteriorDraws(parsePosterior(csv, 'governance', 'p.csv'));
    expect(set.draws.map((d) => [d.index, d.weight, d.particle])).toEqual([
      [1, 6, 0],
      [2, 3, 1],
      [3, 1, 2],
    ]);
  });

  it('refuses a policy parameter, an unknown path and bad values, naming each', () => {
    expect(() => parsePosterior('params.mediation.grid.staffPer1000,weight\n1,1\n', 'governance', 'p.csv')).toThrow(
      /params\.mediation\.grid\.staffPer1000 is a policy parameter, not a society one/,
    );
    expect(() => parsePosterior('params.population.hardshipMaen\n0.1\n', 'governance', 'p.csv')).toThrow(/"params\.population\.hardshipMaen" is not a parameter of the governance model; did you mean population\.hardshipMean\?/);
    expect(() => parsePosterior('population.hardshipMean,weight\n0.1,-1\n', 'governance', 'p.csv')).toThrow(/particle 1: weight -1 is not allowed/);
    expect(() => parsePosterior('population.hardshipMean\nabc\n', 'governance', 'p.csv')).toThrow(/particle 1: params\.population\.hardshipMean = "abc" is not a finite number/);
    expect(() => parsePosterior('population.villagesPerTown\n2.5\n', 'governance', 'p.csv')).toThrow(/not a whole number/);
    expect(() => parsePosterior('population.hardshipMean,weight\n0.1,0\n', 'governance', 'p.csv')).toThrow(/every weight is 0/);
    expect(() => parsePosterior('{"particles": [{"weight": 1}]}', 'governance', 'p.json')).toThrow(/particle 1 has no "params" object/);
    expect(() => parsePosterior('population.hardshipMean\n0.1\n', 'governance', 'p.csv', fixedBySets(['params.population.hardshipMean=0.2']))).toThrow(/names no parameter that --set does not fix/);
  });

  it('flags: one source of draws, and the options that go with it', () => {
    expect(() => drawsFromFlags({ lhs: 3, posterior: 'p.csv' }, 'governance', [])).toThrow(/--lhs and --posterior: give one/);
    expect(() => drawsFromFlags({ lhs: 3, draws: 4 }, 'governance', [])).toThrow(/--draws: goes with --posterior/);
    expect(() => drawsFromFlags({ posterior: 'p.csv', params: 'x.*' }, 'governance', [])).toThrow(/--params: goes with --lhs/);
    expect(() => drawsFromFlags({ posterior: '/nonexistent/p.csv' }, 'governance', [])).toThrow(BatchInputError);
    expect(drawsFromFlags({ lhs: 2, params: 'population.hardshipMean', sampleSeed: 4 }, 'governance', []).paths).toEqual(['params.population.hardshipMean']);
  });
});

describe('summaries over weighted draws', () => {
  it('equal weights give the usual type-7 quantile; weights move it', () => {
    const xs = [5, 1, 4, 2, 3, 10];
    const ones = xs.map(() => 1);
    for (const q of [0, 0.05, 0.5, 0.95, 1]) expect(weightedQuantile(xs, ones, q)).toBeCloseTo(quantile(xs, q), 12);
    expect(weightedQuantile([1, 2, 3], [0, 0, 1], 0.5)).toBe(3);
    expect(weightedQuantile([1, 2], [3, 1], 0.5)).toBeLessThan(1.5);
    expect(weightedQuantile([1, 2], [3, 1], 0.5)).toBeGreaterThan(1);
    expect(weightedQuantile([NaN, 2], [1, 1], 0.5)).toBe(2);
    expect(distribution([], [])).toEqual({ n: 0, median: NaN, p5: NaN, p95: NaN });
  });

  it('shares are weighted', () => {
    expect(weightedShare([true, false, true, true], [1, 1, 1, 1])).toBe(0.75);
    expect(weightedShare([true, false], [3, 1])).toBe(0.75);
    expect(weightedShare([], [])).toBeNaN();
  });
});
