import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../../../src/batch/errors';
import { leversOf } from '../../../src/scenario/levers';
import { defaultFactor, factorValue, normalQuantile, selectParameters } from '../../../src/sensitivity/factors';
import { parsePriors } from '../../../src/sensitivity/priors';
import { normalCdf } from '../../../src/stats/distributions';
import type { Factor } from '../../../src/sensitivity/types';

const numeric = leversOf('governance').filter((s) => s.type === 'number' || s.type === 'integer');

describe('parameter selection', () => {
  it('defaults to every numeric society parameter, leaving booleans and enums out by name', () => {
    const s = selectParameters('governance', [], 'society');
    expect(s.specs.length).toBeGreaterThan(50);
    expect(s.specs.every((p) => p.kind === 'society' && (p.type === 'number' || p.type === 'integer'))).toBe(true);
    expect(s.skipped).toContain('collectiveAction.ratioRule');
  });

  it('a glob that matches nothing is refused, naming it and the nearest parameter', () => {
    expect(() => selectParameters('governance', ['population.hardshipMaen'], 'society')).toThrow(/--params "population.hardshipMaen": matches no parameter.*did you mean population.hardshipMean/);
  });

  it('a selection with no numeric parameter of the kind is refused', () => {
    expect(() => selectParameters('governance', ['mediation.grid.staffed'], 'policy')).toThrow(BatchInputError);
  });
});

describe('unit -> value', () => {
  const spec = numeric.find((s) => s.path === 'params.population.hardshipMean')!;
  const intSpec = numeric.find((s) => s.path === 'params.population.villagesPerTown')!;

  it('uniform over the plausible range: ends map to the range ends', () => {
    const f = defaultFactor(spec);
    expect(f).toMatchObject({ dist: 'uniform', min: 0.05, max: 0.4, from: 'range' });
    expect(factorValue(f, 0)).toBe(0.05);
    expect(factorValue(f, 1)).toBe(0.4);
    expect(factorValue(f, 0.5)).toBe(0.225);
  });

  it('integers are rounded and stay inside the range', () => {
    const f = defaultFactor(intSpec);
    for (const u of [0, 0.13, 0.5, 0.77, 1]) {
      const v = factorValue(f, u);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(60);
    }
  });

  it('loguniform: the midpoint is the geometric mean', () => {
    const f: Factor = { path: 'p', type: 'number', dist: 'loguniform', min: 100, max: 10000, from: 'priors' };
    expect(factorValue(f, 0.5)).toBeCloseTo(1000, 6);
  });

  it('triangular: the CDF at the mode is (mode - min) / (max - min)', () => {
    const f: Factor = { path: 'p', type: 'number', dist: 'triangular', min: 0, mode: 0.25, max: 1, from: 'priors' };
    expect(factorValue(f, 0.25)).toBeCloseTo(0.25, 10);
    expect(factorValue(f, 0)).toBe(0);
    expect(factorValue(f, 1)).toBe(1);
  });

  it('normal quantile inverts the normal CDF to 1e-8', () => {
    for (const p of [0.001, 0.01, 0.02425, 0.1, 0.5, 0.8, 0.99, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 8);
  });
});

describe('priors file', () => {
  it('reads ranges and distributions, with or without "params."', () => {
    const p = parsePriors(
      {
        'population.hardshipMean': { min: 0.1, max: 0.2 },
        'params.economy.gdpPerCapitaUsd': { dist: 'loguniform', min: 500, max: 20000 },
        'economy.inequality': { dist: 'normal', mean: 0.4, sd: 0.05 },
      },
      numeric,
      'p.json',
    );
    expect(p.factors.get('params.population.hardshipMean')).toMatchObject({ dist: 'uniform', min: 0.1, max: 0.2, from: 'priors' });
    expect(p.factors.get('params.economy.gdpPerCapitaUsd')).toMatchObject({ dist: 'loguniform' });
    expect(p.factors.get('params.economy.inequality')).toMatchObject({ dist: 'normal', min: 0, max: 1, mean: 0.4, sd: 0.05 });
  });

  it('reports every problem at once, each naming the parameter, the value and what is allowed', () => {
    let message = '';
    try {
      parsePriors(
        {
          'population.hardshipMaen': { min: 0, max: 1 },
          'population.hardshipMean': { min: 0.5, max: 0.2 },
          'economy.inequality': { min: 0, max: 3 },
          'economy.gdpPerCapitaUsd': { dist: 'loguniform', min: 50, max: 100, extra: 1 },
          'population.tiesMean': { dist: 'normal', mean: 0.5, sd: 0 },
        },
        numeric,
        'p.json',
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^--priors p.json: 5 problems/);
    expect(message).toMatch(/population.hardshipMaen: not a numeric parameter of the model; did you mean population.hardshipMean\?/);
    expect(message).toMatch(/population.hardshipMean: min 0.5 must be below max 0.2/);
    expect(message).toMatch(/economy.inequality: 0..3 reaches outside the parameter's limits; the schema allows 0..1/);
    expect(message).toMatch(/economy.gdpPerCapitaUsd: .*extra/);
    expect(message).toMatch(/population.tiesMean: sd 0 must be above 0/);
  });
});
