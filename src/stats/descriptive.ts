/**
 * Descriptive statistics of a sample. Sums run in the order given, so the same values in the same
 * order give the same bits; callers sort by run id first, which makes batch statistics independent of
 * which worker finished first.
 */
import { tQuantile } from './distributions';

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (divisor n - 1); NaN below two values. Two-pass, for accuracy. */
export function sd(xs: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (n - 1));
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's and NumPy's
 * default): position h = (n - 1) q in the sorted sample.
 */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0 || !(q >= 0 && q <= 1)) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export interface MeanInterval {
  mean: number;
  sd: number;
  n: number;
  /** Bounds of the two-sided 95% Student t interval of the mean; NaN below two values. */
  lo: number;
  hi: number;
}

/** Mean with its two-sided 95% confidence interval: mean ± t(0.975, n-1) sd / sqrt(n). */
export function ci95(xs: readonly number[]): MeanInterval {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs);
  if (n < 2) return { mean: m, sd: s, n, lo: NaN, hi: NaN };
  const half = (tQuantile(0.975, n - 1) * s) / Math.sqrt(n);
  return { mean: m, sd: s, n, lo: m - half, hi: m + half };
}
