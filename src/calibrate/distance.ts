/**
 * The ABC distance between a particle's summary statistics and the targets: the root mean square of the
 * scaled deviations, d = sqrt((1/k) sum_i e_i^2), e_i = (s_i - target_i) / scale_i, where a bound target
 * counts only the side it forbids (side "above": e_i = max(0, target_i - s_i) / scale_i; "below":
 * e_i = max(0, s_i - target_i) / scale_i). A Euclidean distance on statistics normalised by their
 * tolerances, divided by sqrt(k) so that d = 1 means "on average one tolerance off" whatever the number
 * of targets. A statistic that is not a finite number puts the particle at distance Infinity.
 */
import type { Target } from './targets';

export function scaledDeviations(targets: readonly Target[], stats: readonly number[]): number[] {
  return targets.map((t, i) => {
    const d = (stats[i] - t.target) / t.scale;
    if (t.side === 'above') return Math.max(0, -d);
    if (t.side === 'below') return Math.max(0, d);
    return d;
  });
}

export function distance(targets: readonly Target[], stats: readonly number[]): number {
  if (stats.length !== targets.length || !stats.every(Number.isFinite)) return Infinity;
  const e = scaledDeviations(targets, stats);
  let s = 0;
  for (const x of e) s += x * x;
  return Math.sqrt(s / targets.length);
}

export const DISTANCE_TEXT =
  'root mean square of the scaled deviations: sqrt((1/k) sum_i e_i^2), e_i = (statistic_i - target_i) / scale_i (a bound target counts only the forbidden side); statistic = mean over the particle\'s seeds';
