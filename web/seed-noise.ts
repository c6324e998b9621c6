/**
 * Seed noise: the spread of a metric over seeds, and whether a difference between two policies run on
 * the same seeds (paired, common random numbers) is larger than seed noise. The decision is the one
 * `govsim compare` makes (src/stats/beyond-noise.ts: two-sided Wilcoxon signed-rank p < 0.05 over the
 * paired seeds, with the 95% t interval of the mean difference as its size), so the app and the CLI
 * agree on the same per-seed numbers. Pure functions.
 */
import { compareOverSeeds, MIN_SEEDS_FOR_NOISE, NOISE_ALPHA, type SeedComparison } from '../src/stats/beyond-noise';

export { MIN_SEEDS_FOR_NOISE, NOISE_ALPHA, type SeedComparison };

export function spread(values: readonly (number | undefined)[]): { mean: number; min: number; max: number } | undefined {
  const v = values.filter((x): x is number => x !== undefined && Number.isFinite(x));
  if (!v.length) return undefined;
  return { mean: v.reduce((s, x) => s + x, 0) / v.length, min: Math.min(...v), max: Math.max(...v) };
}

/**
 * Pane `scenario` against pane `baseline` over the same seeds (value i of each from seed i): scenario -
 * baseline, its interval, the signed-rank p and whether it is beyond noise; undefined below two seeds
 * with both values.
 */
export function pairedDifference(
  baseline: readonly (number | undefined)[],
  scenario: readonly (number | undefined)[],
): SeedComparison | undefined {
  const c = compareOverSeeds(scenario, baseline);
  return c.n < 2 ? undefined : c;
}
