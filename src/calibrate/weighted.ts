/**
 * Statistics of a weighted sample (an ABC population: particles with normalised importance weights):
 * mean, covariance, quantiles and the effective sample size. Pure arithmetic, no randomness.
 */

/** Weights scaled to sum to 1; refuses a sample whose weights are not positive and finite. */
export function normalise(weights: readonly number[]): number[] {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`a weight must be finite and not negative, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new Error('the weights sum to 0');
  return weights.map((w) => w / total);
}

/** Effective sample size 1 / sum(w^2) of normalised weights (Kish; Liu 2001): N when all are equal. */
export function effectiveSampleSize(weights: readonly number[]): number {
  let s = 0;
  for (const w of weights) s += w * w;
  return 1 / s;
}

/** Weighted mean of each coordinate of `points` (rows are particles). */
export function weightedMean(points: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const k = points[0]?.length ?? 0;
  const mean = new Array<number>(k).fill(0);
  points.forEach((p, i) => {
    for (let a = 0; a < k; a++) mean[a] += weights[i] * p[a];
  });
  return mean;
}

/** Weighted covariance sum_i w_i (x_i - m)(x_i - m)^T of normalised weights (the plug-in estimate). */
export function weightedCovariance(points: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const k = points[0]?.length ?? 0;
  const m = weightedMean(points, weights);
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  points.forEach((p, i) => {
    for (let a = 0; a < k; a++) {
      const da = p[a] - m[a];
      for (let b = 0; b <= a; b++) cov[a][b] += weights[i] * da * (p[b] - m[b]);
    }
  });
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) cov[b][a] = cov[a][b];
  return cov;
}

/**
 * The q-quantile of values with normalised weights: each value sits at the middle of its weight on the
 * cumulative scale (c_i = W_{i-1} + w_i / 2, sorted by value) and the quantile is interpolated linearly
 * between those points, clamped to the smallest and largest value. With equal weights this is the
 * Hazen quantile ((i - 1/2) / n); the median of two equal-weight values is their mean.
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let cum = 0;
  const at: number[] = [];
  for (const i of order) {
    at.push(cum + weights[i] / 2);
    cum += weights[i];
  }
  const target = q * cum;
  if (target <= at[0]) return values[order[0]];
  for (let r = 1; r < order.length; r++) {
    if (target <= at[r]) {
      const lo = values[order[r - 1]];
      const hi = values[order[r]];
      const span = at[r] - at[r - 1];
      return span > 0 ? lo + ((target - at[r - 1]) / span) * (hi - lo) : hi;
    }
  }
  return values[order[order.length - 1]];
}
