/**
 * Tests for the designs the validation runs: paired samples (two scenarios run on the same seeds, so
 * seed s of one is paired with seed s of the other by common random numbers), equivalence to a band,
 * one-sided bounds, and Holm's step-down correction across a suite of tests.
 *
 *   - Wilcoxon signed-rank test: V is the sum of the ranks of the positive differences (R's V). Zero
 *     differences are dropped before ranking (Wilcoxon's own treatment, R's `wilcox.test` and SciPy's
 *     `zero_method="wilcox"`; not Pratt's). The p-value is exact when fewer than 50 non-zero
 *     differences remain and no two of their absolute values tie (R's rule); otherwise it is the normal
 *     approximation with the tie-corrected variance n(n+1)(2n+1)/24 - sum(t^3 - t)/48 and a continuity
 *     correction of 0.5 towards the mean, as R computes it.
 *   - Paired (one-sample) t test on the differences, with its two-sided 95% interval.
 *   - TOST (two one-sided tests, Schuirmann 1987) for equivalence of a mean to a band [lo, hi]:
 *     H0 mean <= lo or mean >= hi; p = max of the two one-sided p-values; equivalence at level a is
 *     shown exactly when the (1 - 2a) interval (90% for a = 0.05) lies inside the band.
 *   - Holm-Bonferroni (Holm 1979) adjusted p-values: sorted ascending, p_(j) (m - j + 1), made
 *     monotone by a running maximum and capped at 1 (R's `p.adjust(p, "holm")`).
 */
import { mean, sd } from './descriptive';
import { normalCdf, tCdf, tQuantile } from './distributions';

export type Alternative = 'two-sided' | 'greater' | 'less';

export interface SignedRank {
  /** Sum of the ranks of the positive differences (R's V). */
  v: number;
  /** Non-zero differences that were ranked. */
  n: number;
  /** Zero differences dropped. */
  zeros: number;
  p: number;
  /** Whether p is exact (else the normal approximation). */
  exact: boolean;
}

/** Wilcoxon signed-rank test of the differences a_i - b_i (paired), or of `a` alone when `b` is omitted. */
export function wilcoxonSignedRank(a: readonly number[], b: readonly number[] | undefined, alternative: Alternative = 'two-sided'): SignedRank {
  if (b && a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} and ${b.length}`);
  const all = b ? a.map((x, i) => x - b[i]) : [...a];
  const d = all.filter((x) => x !== 0 && !Number.isNaN(x));
  const zeros = all.filter((x) => x === 0).length;
  const n = d.length;
  if (n === 0) return { v: 0, n: 0, zeros, p: NaN, exact: false };
  const abs = d.map(Math.abs);
  const r = averageRanks(abs);
  let v = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) v += r[i];
  const ties = tieSum(abs);
  if (n < 50 && ties === 0) {
    const dist = signedRankDistribution(n);
    const k = Math.round(v);
    let lower = 0;
    for (let x = 0; x <= k; x++) lower += dist[x];
    let upper = 0;
    for (let x = k; x < dist.length; x++) upper += dist[x];
    const p = alternative === 'greater' ? upper : alternative === 'less' ? lower : 2 * Math.min(lower, upper);
    return { v, n, zeros, p: Math.min(1, p), exact: true };
  }
  const mu = (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - ties / 48);
  if (!(sigma > 0)) return { v, n, zeros, p: NaN, exact: false };
  const dev = v - mu;
  const correction = alternative === 'two-sided' ? Math.sign(dev) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const z = (dev - correction) / sigma;
  const p = alternative === 'greater' ? 1 - normalCdf(z) : alternative === 'less' ? normalCdf(z) : 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
  return { v, n, zeros, p: Math.min(1, p), exact: false };
}

/** Ranks 1..n, ties sharing the average of their ranks. */
function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => xs[i] - xs[j] || i - j);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]] === xs[order[i]]) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Sum over groups of equal values of t^3 - t (0 without ties). */
function tieSum(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  let ties = 0;
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[i]) j++;
    const t = j - i + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  return ties;
}

const signedRankCache = new Map<number, Float64Array>();

/**
 * P(V = k), k = 0..n(n+1)/2, without ties: each rank 1..n is positive with probability 1/2 on its own,
 * so the distribution is that of the sum of a random subset of 1..n (counted by the subset-sum recurrence).
 */
export function signedRankDistribution(n: number): Float64Array {
  let dist = signedRankCache.get(n);
  if (dist) return dist;
  const max = (n * (n + 1)) / 2;
  dist = new Float64Array(max + 1);
  dist[0] = 1;
  for (let r = 1; r <= n; r++) {
    for (let k = (r * (r + 1)) / 2; k >= r; k--) dist[k] = (dist[k] + dist[k - r]) / 2;
    for (let k = r - 1; k >= 0; k--) dist[k] /= 2;
  }
  signedRankCache.set(n, dist);
  return dist;
}

export interface TTest {
  /** Mean of the (differences of the) sample. */
  mean: number;
  sd: number;
  n: number;
  /** Standard error sd / sqrt n. */
  se: number;
  t: number;
  df: number;
  p: number;
  /** Two-sided 95% interval of the mean. */
  lo: number;
  hi: number;
}

/** One-sample t test of H0 mean = mu0 (the paired t test when given the differences). */
export function oneSampleT(xs: readonly number[], mu0 = 0, alternative: Alternative = 'two-sided'): TTest {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs);
  const se = s / Math.sqrt(n);
  const df = n - 1;
  if (!(n >= 2) || !(se > 0)) return { mean: m, sd: s, n, se, t: NaN, df, p: NaN, lo: NaN, hi: NaN };
  const t = (m - mu0) / se;
  const p = alternative === 'greater' ? 1 - tCdf(t, df) : alternative === 'less' ? tCdf(t, df) : 2 * Math.min(tCdf(t, df), 1 - tCdf(t, df));
  const half = tQuantile(0.975, df) * se;
  return { mean: m, sd: s, n, se, t, df, p: Math.min(1, p), lo: m - half, hi: m + half };
}

/** Paired t test of the differences a_i - b_i. */
export function pairedT(a: readonly number[], b: readonly number[], alternative: Alternative = 'two-sided'): TTest {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} and ${b.length}`);
  return oneSampleT(
    a.map((x, i) => x - b[i]),
    0,
    alternative,
  );
}

export interface Equivalence {
  mean: number;
  sd: number;
  n: number;
  se: number;
  df: number;
  /** p of H0 mean <= lo (small: the mean is above lo). */
  pLower: number;
  /** p of H0 mean >= hi (small: the mean is below hi). */
  pUpper: number;
  /** max(pLower, pUpper): equivalence to [lo, hi] is shown at level a when p < a. */
  p: number;
  /** The (1 - 2 alpha) interval of the mean (90% for alpha 0.05); equivalence at alpha iff it lies inside [lo, hi]. */
  ciLo: number;
  ciHi: number;
}

/**
 * TOST: is the mean (of a sample, or of paired differences) within [lo, hi]? With a target and a
 * margin, lo = target - margin and hi = target + margin (H0 |mean - target| >= margin).
 */
export function tost(xs: readonly number[], lo: number, hi: number, alpha = 0.05): Equivalence {
  const n = xs.length;
  const m = mean(xs);
  const s = sd(xs);
  const se = s / Math.sqrt(n);
  const df = n - 1;
  if (!(n >= 2) || !(se > 0)) return { mean: m, sd: s, n, se, df, pLower: NaN, pUpper: NaN, p: NaN, ciLo: NaN, ciHi: NaN };
  const pLower = 1 - tCdf((m - lo) / se, df);
  const pUpper = tCdf((m - hi) / se, df);
  const half = tQuantile(1 - alpha, df) * se;
  return { mean: m, sd: s, n, se, df, pLower, pUpper, p: Math.max(pLower, pUpper), ciLo: m - half, ciHi: m + half };
}

export interface Holm {
  /** Adjusted p-values in the order given (NaN where the input was NaN). */
  adjusted: number[];
  /**
   * The level each raw p is compared with at its step, alpha / (m - j + 1) for the j-th smallest: the
   * raw p a test would have needed to be rejected at its place (given that those before it were).
   */
  levels: number[];
}

/** Holm-Bonferroni adjustment of the p-values; NaN entries are left out of the family (as R does). */
export function holm(ps: readonly number[], alpha = 0.05): Holm {
  const idx = ps.map((_, i) => i).filter((i) => !Number.isNaN(ps[i]));
  idx.sort((i, j) => ps[i] - ps[j] || i - j);
  const m = idx.length;
  const adjusted = ps.map(() => NaN);
  const levels = ps.map(() => NaN);
  let running = 0;
  idx.forEach((i, j) => {
    running = Math.max(running, Math.min(1, (m - j) * ps[i]));
    adjusted[i] = running;
    levels[i] = alpha / (m - j);
  });
  return { adjusted, levels };
}

/** The standard normal quantile (by bisection on normalCdf; for planning seed counts, not for p-values). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Seeds a one-sided test at level `alpha` needs for 80% power against an effect of `effect` (a mean, or
 * a distance from a bound) when one seed's value has standard deviation `sd`:
 * n = ((z_{1-alpha} + z_{0.8}) sd / effect)^2, at least 2 (the normal-approximation rule; the t test and
 * the signed-rank test, whose efficiency against the t test is 3/pi = 0.955 for normal data, need a few
 * more). Infinity when the effect is 0 or the wrong way.
 */
export function seedsForPower(effect: number, sdOne: number, alpha: number, power = 0.8): number {
  if (!(effect > 0)) return Infinity;
  if (!(sdOne > 0)) return 2;
  const z = normalQuantile(1 - alpha) + normalQuantile(power);
  return Math.max(2, Math.ceil(((z * sdOne) / effect) ** 2));
}

/** Poisson CDF P(X <= k) for mean lambda. */
export function poissonCdf(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  let term = Math.exp(-lambda);
  let s = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    s += term;
  }
  return Math.min(1, s);
}

/** Binomial CDF P(X <= k) for n trials of probability q, summed in logs. */
export function binomialCdf(k: number, n: number, q: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (q <= 0) return 1;
  if (q >= 1) return 0;
  let s = 0;
  for (let i = 0; i <= k; i++) s += Math.exp(lnChoose(n, i) + i * Math.log(q) + (n - i) * Math.log1p(-q));
  return Math.min(1, s);
}

function lnChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}
