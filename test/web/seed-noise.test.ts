import { describe, expect, it } from 'vitest';
import { comparisons } from '../../src/batch/compare';
import type { Plan } from '../../src/batch/design';
import type { RunRecord } from '../../src/batch/store';
import { MIN_SEEDS_FOR_NOISE, pairedDifference, spread } from '../../web/seed-noise';

/** A `govsim compare` plan of two scenarios (A the baseline, B) on `seeds`. */
const plan = (seeds: number[]): Plan => ({
  kind: 'compare',
  command: ['compare'],
  scenarios: [
    { ref: 'a.json', name: 'A', model: 'governance', scenarioHash: 'a' },
    { ref: 'b.json', name: 'B', model: 'governance', scenarioHash: 'b' },
  ],
  sets: [],
  seeds,
  series: false,
  varied: [],
  points: [0, 1].map((scenario) => ({ scenario, values: {}, steps: 10 })),
});

const rec = (run: number, point: number, seed: number, m: number): RunRecord => ({
  run,
  point,
  seed,
  params: {},
  steps: 10,
  key: 'k',
  status: 'ok',
  metrics: { m },
  outputHash: `o${run}`,
});

/** What `govsim compare` says of metric m for B against A on these per-seed numbers. */
function cli(a: number[], b: number[]) {
  const seeds = a.map((_, i) => i + 1);
  const records = [...a.map((x, i) => rec(i, 0, seeds[i], x)), ...b.map((x, i) => rec(a.length + i, 1, seeds[i], x))];
  return comparisons(plan(seeds), records)[0].metrics[0];
}

// Per-seed numbers chosen to sit on both sides of the rule: clear shifts, noise, ties, exact zeros, and
// cases where the t interval and the signed-rank test disagree (the app follows the CLI's p).
const CASES: [string, number[], number[]][] = [
  ['a clear shift on 10 seeds', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1.5, 2.4, 3.6, 4.5, 5.7, 6.4, 7.5, 8.6, 9.4, 10.5]],
  ['noise on 10 seeds', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1.2, 1.9, 3.1, 3.8, 5.2, 5.9, 7.1, 7.8, 9.05, 10.1]],
  ['five distinct positive differences (exact p = 0.0625)', [1, 2, 3, 4, 5], [1.1, 2.2, 3.3, 4.4, 5.5]],
  ['six distinct positive differences (exact p = 0.031)', [1, 2, 3, 4, 5, 6], [1.1, 2.2, 3.3, 4.4, 5.5, 6.6]],
  ['every difference +1 on 5 seeds (ties: normal approximation)', [1, 2, 3, 4, 5], [2, 3, 4, 5, 6]],
  ['identical runs', [3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3]],
  ['one outlier (t interval includes 0, ranks do not)', [0, 0, 0, 0, 0, 0, 0, 0], [0.1, 0.2, 0.15, 0.12, 0.3, 0.11, 0.13, -5]],
  ['ties and zeros', [1, 1, 2, 2, 3, 3, 4, 4, 5, 5], [1, 2, 2, 3, 3, 4, 4, 5, 5, 6]],
];

describe("the app's seed-noise check", () => {
  it.each(CASES)('decides as `govsim compare` does: %s', (_name, a, b) => {
    const c = cli(a, b);
    const app = pairedDifference(a, b)!;
    expect(app.beyondNoise).toBe(c.beyondNoise);
    expect(app.signedRankP).toBe(c.signedRankP);
    expect(app.mean).toBe(c.difference.mean);
    expect(app.lo).toBe(c.difference.lo);
    expect(app.hi).toBe(c.difference.hi);
  });

  it('uses the signed-rank rule, not the t interval', () => {
    // Five distinct positive differences: the t interval excludes 0, but the exact p = 2 / 32 = 0.0625.
    const five = pairedDifference([1, 2, 3, 4, 5], [1.1, 2.2, 3.3, 4.4, 5.5])!;
    expect(five.lo).toBeGreaterThan(0);
    expect(five.signedRankP).toBeCloseTo(0.0625, 12);
    expect(five.beyondNoise).toBe(false);
    expect(pairedDifference([1, 2, 3, 4, 5, 6], [1.1, 2.2, 3.3, 4.4, 5.5, 6.6])!.beyondNoise).toBe(true);
    expect(MIN_SEEDS_FOR_NOISE).toBe(6);
  });

  it('pairs by seed, leaves out seeds without both values, and needs two', () => {
    const d = pairedDifference([1, undefined, 3, Number.NaN], [2, 5, 4, 9])!;
    expect(d.n).toBe(2);
    expect(d.mean).toBe(1);
    expect(pairedDifference([1], [2])).toBeUndefined();
  });

  it('gives the spread over seeds', () => {
    expect(spread([3, undefined, 1, 2])).toEqual({ mean: 2, min: 1, max: 3 });
    expect(spread([undefined])).toBeUndefined();
  });
});
