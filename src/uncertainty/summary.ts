/**
 * Summaries over draws, each draw with a weight (1 for a hypercube or a resampled posterior): the share
 * of draws in which something holds, and quantiles of an effect. With equal weights the quantile is the
 * usual one (type 7, src/stats/descriptive.ts); with unequal weights each sorted value sits at the middle
 * of its share of the cumulative weight, (S_i - w_i / 2) / S_n, interpolated linearly between them and
 * held at the ends (Hyndman & Fan type 5 generalised to weights). Draws of weight 0 are left out.
 */
import { quantile } from '../stats/descriptive';

export interface DistributionSummary {
  /** Draws with a finite value. */
  n: number;
  median: number;
  p5: number;
  p95: number;
}

/** Weighted share of draws for which `holds` is true, over those with weight (NaN when none). */
export function weightedShare(holds: readonly boolean[], weights: readonly number[]): number {
  let yes = 0;
  let total = 0;
  holds.forEach((h, i) => {
    total += weights[i];
    if (h) yes += weights[i];
  });
  return total > 0 ? yes / total : NaN;
}

/** Weighted quantile q of the finite values (NaN when there are none). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const pairs = values.map((v, i) => [v, weights[i]] as const).filter(([v, w]) => Number.isFinite(v) && w > 0);
  if (!pairs.length || !(q >= 0 && q <= 1)) return NaN;
  pairs.sort((a, b) => a[0] - b[0]);
  if (pairs.length === 1) return pairs[0][0];
  if (pairs.every(([, w]) => w === pairs[0][1])) return quantile(pairs.map(([v]) => v), q);
  // Unequal weights: each value at the middle of its share of the cumulative weight.
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const pos: number[] = [];
  let cum = 0;
  for (const [, w] of pairs) {
    pos.push((cum + w / 2) / total);
    cum += w;
  }
  if (q <= pos[0]) return pairs[0][0];
  for (let i = 1; i < pairs.length; i++) {
    if (q <= pos[i]) {
      const t = (q - pos[i - 1]) / (pos[i] - pos[i - 1]);
      return pairs[i - 1][0] + t * (pairs[i][0] - pairs[i - 1][0]);
    }
  }
  return pairs[pairs.length - 1][0];
}

/** Median and 5-95% range of the finite values. */
export function distribution(values: readonly number[], weights: readonly number[]): DistributionSummary {
  return {
    n: values.filter((v, i) => Number.isFinite(v) && weights[i] > 0).length,
    median: weightedQuantile(values, weights, 0.5),
    p5: weightedQuantile(values, weights, 0.05),
    p95: weightedQuantile(values, weights, 0.95),
  };
}

/** A number for tables: 4 significant digits, exponent form when very large or small, '-' when not finite. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

/** A share as a percentage for tables. */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${Math.round(100 * x)}%` : '-';
}

/** Aligned text columns: the first `left` columns left-aligned, the rest right-aligned. */
export function alignRows(rows: readonly string[][], left = 1): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}
