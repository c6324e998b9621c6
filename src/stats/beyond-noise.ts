/**
 * "Beyond seed noise": the one decision rule for a difference between two scenarios run on the same
 * seeds, shared by `govsim compare` (src/batch/compare.ts) and the browser app's seed-noise check
 * (web/compare.ts), so both say the same about the same per-seed numbers.
 *
 * Per seed s the difference d_s = scenario_s - baseline_s (common random numbers pair them), over the
 * seeds where both values are finite. Reported: the mean difference with its 95% Student t interval (as
 * a size, for reading), and the two-sided Wilcoxon signed-rank p of the d_s (src/stats/paired.ts; a rank
 * test that does not assume normality). The difference is beyond noise when p < 0.05. With the exact
 * test (no ties), the smallest two-sided p of n non-zero differences is 2 / 2^n, so fewer than 6 seeds
 * with distinct differences never show a difference beyond noise (MIN_SEEDS_FOR_NOISE); tied
 * differences take the normal approximation, which can (five equal shifts: p = 0.037, as R gives).
 *
 * Pure: no DOM, no Node APIs (the browser imports it).
 */
import { wilcoxonSignedRank } from './paired';
import { pairedDifference } from './tests';

/** Level of the two-sided signed-rank test. */
export const NOISE_ALPHA = 0.05;

/** Fewest seeds whose exact (untied) two-sided signed-rank p can fall below NOISE_ALPHA (2 / 2^6 = 0.031). */
export const MIN_SEEDS_FOR_NOISE = 6;

export interface SeedComparison {
  /** Seeds where both values are finite. */
  n: number;
  /** Paired difference scenario - baseline, with its 95% t interval (NaN below two seeds). */
  mean: number;
  sd: number;
  lo: number;
  hi: number;
  /** Two-sided Wilcoxon signed-rank p of the per-seed differences (NaN when every pair is equal or none is left). */
  signedRankP: number;
  /** signedRankP < NOISE_ALPHA. */
  beyondNoise: boolean;
}

/** Pairs (scenario_s, baseline_s) where both are finite numbers, in seed order. */
export function finitePairs(scenario: readonly (number | undefined)[], baseline: readonly (number | undefined)[]): { scenario: number[]; baseline: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(scenario.length, baseline.length); i++) {
    const x = scenario[i];
    const y = baseline[i];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      a.push(x);
      b.push(y);
    }
  }
  return { scenario: a, baseline: b };
}

/** Compare a scenario with the baseline over the same seeds (value i of each from seed i). */
export function compareOverSeeds(scenario: readonly (number | undefined)[], baseline: readonly (number | undefined)[]): SeedComparison {
  const p = finitePairs(scenario, baseline);
  const d = pairedDifference(p.scenario, p.baseline);
  const signedRankP = p.scenario.length ? wilcoxonSignedRank(p.scenario, p.baseline).p : NaN;
  return { n: d.n, mean: d.mean, sd: d.sd, lo: d.lo, hi: d.hi, signedRankP, beyondNoise: signedRankP < NOISE_ALPHA };
}
