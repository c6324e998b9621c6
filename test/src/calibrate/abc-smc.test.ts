/**
 * ABC-SMC on toy simulators with known posteriors (cheap, no model runs):
 *  - a normal mean with known variance under a uniform prior: the exact posterior is N(ȳ, σ²/n) (the
 *    prior is flat and wide), so the ABC posterior's mean and sd must approach it as the tolerance falls;
 *  - two parameters seen only through their sum and difference: both recovered (the kernel's covariance
 *    at work);
 *  - the same inputs give the same populations; weights sum to 1; particles stay in the prior support;
 *    the budget stops a run cleanly.
 */
import { describe, expect, it } from 'vitest';
import { Stream } from '../../../sim/core/random';
import { abcSmc, type Simulate } from '../../../src/calibrate/abc-smc';
import { distance } from '../../../src/calibrate/distance';
import type { Target } from '../../../src/calibrate/targets';
import { weightedMean, weightedQuantile } from '../../../src/calibrate/weighted';
import type { Factor } from '../../../src/sensitivity/types';

const uniform = (path: string, min: number, max: number): Factor => ({ path, type: 'number', dist: 'uniform', min, max, from: 'priors' });

/** Mean of n draws from N(mu, 1), from a stream of its own per simulation id (deterministic). */
const normalMean =
  (n: number): Simulate =>
  async (thetas, firstId) =>
    thetas.map(([mu], k) => {
      const s = new Stream(`toy/${firstId + k}`);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += mu + s.normal();
      return [sum / n];
    });

const OBS_N = 25;
const Y_BAR = 1.3;
const target: Target[] = [{ metric: 'ybar', target: Y_BAR, scale: 1, source: 'toy' }];

function run(opts: Partial<Parameters<typeof abcSmc>[0]> = {}) {
  return abcSmc({
    factors: [uniform('mu', -5, 5)],
    simulate: normalMean(OBS_N),
    distance: (s) => distance(target, s),
    particles: 400,
    generations: 8,
    finalEpsilon: 0,
    maxSimulations: Infinity,
    alpha: 0.5,
    sampleSeed: 7,
    ...opts,
  });
}

describe('ABC-SMC (toy simulators)', () => {
  it('normal mean, known variance, uniform prior: posterior mean and sd near N(ȳ, 1/n)', async () => {
    const r = await run();
    const p = r.population;
    const mus = p.thetas.map((t) => t[0]);
    const mean = weightedMean(p.thetas, p.weights)[0];
    const sd = Math.sqrt(mus.reduce((s, m, i) => s + p.weights[i] * (m - mean) ** 2, 0));
    const exactSd = 1 / Math.sqrt(OBS_N); // 0.2
    expect(r.generations.length).toBe(9);
    // Tolerances fall generation by generation, to well under the posterior sd.
    const eps = r.generations.map((g) => g.epsilon);
    for (let i = 1; i < eps.length; i++) expect(eps[i]).toBeLessThan(eps[i - 1]);
    expect(eps[eps.length - 1]).toBeLessThan(0.15 * exactSd);
    expect(Math.abs(mean - Y_BAR)).toBeLessThan(0.05);
    expect(sd).toBeGreaterThan(0.8 * exactSd);
    expect(sd).toBeLessThan(1.2 * exactSd);
    // The exact posterior's 90% interval is ȳ ± 1.645 · 0.2.
    expect(weightedQuantile(mus, p.weights, 0.05)).toBeCloseTo(Y_BAR - 1.645 * exactSd, 1);
    expect(weightedQuantile(mus, p.weights, 0.95)).toBeCloseTo(Y_BAR + 1.645 * exactSd, 1);
    // Weights normalised, ESS reported and sensible.
    expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const g of r.generations) {
      expect(g.ess).toBeGreaterThan(1);
      expect(g.ess).toBeLessThanOrEqual(400 + 1e-9);
      expect(g.acceptanceRate).toBeGreaterThan(0);
      expect(g.acceptanceRate).toBeLessThanOrEqual(1);
    }
  });

  it('recovers a known value from data the simulator made at it, and stays in the prior support', async () => {
    const truth = 2.7;
    const data = (await normalMean(OBS_N)([[truth]], 1_000_000))[0]![0];
    const r = await abcSmc({
      factors: [uniform('mu', 0, 3)],
      simulate: normalMean(OBS_N),
      distance: (s) => distance([{ metric: 'ybar', target: data, scale: 1, source: 'toy' }], s),
      particles: 200,
      generations: 6,
      finalEpsilon: 0,
      maxSimulations: Infinity,
      alpha: 0.5,
      sampleSeed: 3,
    });
    const mus = r.population.thetas.map((t) => t[0]);
    for (const m of mus) expect(m >= 0 && m <= 3).toBe(true);
    const lo = weightedQuantile(mus, r.population.weights, 0.05);
    const hi = weightedQuantile(mus, r.population.weights, 0.95);
    expect(Math.abs(weightedQuantile(mus, r.population.weights, 0.5) - truth)).toBeLessThan(0.3);
    expect(lo).toBeLessThan(truth);
    expect(hi).toBeGreaterThan(truth);
    // Near the upper bound the support is enforced by discarding proposals, which the generations count.
    expect(r.generations.slice(1).some((g) => g.outsideSupport > 0)).toBe(true);
  });

  it('two parameters seen through their sum and difference: both recovered', async () => {
    const simulate: Simulate = async (thetas, firstId) =>
      thetas.map(([a, b], k) => {
        const s = new Stream(`toy2/${firstId + k}`);
        return [a + b + 0.05 * s.normal(), a - b + 0.05 * s.normal()];
      });
    const targets: Target[] = [
      { metric: 'sum', target: 1.0, scale: 0.1, source: 'toy' },
      { metric: 'diff', target: 0.4, scale: 0.1, source: 'toy' },
    ];
    const r = await abcSmc({
      factors: [uniform('a', 0, 1), { ...uniform('b', 0, 1), dist: 'triangular', mode: 0.5 }],
      simulate,
      distance: (st) => distance(targets, st),
      particles: 200,
      generations: 6,
      finalEpsilon: 0.1,
      maxSimulations: Infinity,
      alpha: 0.5,
      sampleSeed: 11,
    });
    const m = weightedMean(r.population.thetas, r.population.weights);
    expect(m[0]).toBeCloseTo(0.7, 1);
    expect(m[1]).toBeCloseTo(0.3, 1);
  });

  it('is deterministic: the same seed gives the same populations, another seed others', async () => {
    const a = await run({ particles: 50, generations: 3 });
    const b = await run({ particles: 50, generations: 3 });
    const c = await run({ particles: 50, generations: 3, sampleSeed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('stops at the final tolerance, and at the budget with the last complete generation', async () => {
    const done = await run({ particles: 50, generations: 20, finalEpsilon: 0.05 });
    expect(done.stopReason).toMatch(/reached the final tolerance 0.05/);
    expect(done.generations[done.generations.length - 1].epsilon).toBe(0.05);
    const capped = await run({ particles: 50, generations: 20, maxSimulations: 300 });
    expect(capped.simulations).toBeLessThanOrEqual(300);
    expect(capped.stopReason).toMatch(/budget of 300 simulations ran out in generation (\d+) \(dropped; the posterior is generation \d+\)/);
    expect(capped.population.thetas).toHaveLength(50);
    await expect(run({ particles: 50, maxSimulations: 20 })).rejects.toThrow(/before generation 0/);
  });

  it('refuses a batch in which every simulation failed, naming it', async () => {
    await expect(run({ simulate: async (thetas) => thetas.map(() => null) })).rejects.toThrow(/every simulation of a batch of 400 failed/);
  });
});
