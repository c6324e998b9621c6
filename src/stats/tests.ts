/**
 * Two-sample comparisons for paired simulation experiments: the Mann-Whitney U test, the
 * Vargha-Delaney A effect size, the paired mean difference and the Wilson interval of a proportion.
 */
import { ci95, type MeanInterval } from './descriptive';
import { normalCdf } from './distributions';

export interface MannWhitney {
  /** U of the first sample: the number of pairs (a_i, b_j) with a_i > b_j, ties counting one half. */
  u: number;
  /** The normal approximation's z (tie-corrected variance, continuity correction); 0 when U = n1 n2 / 2. */
  z: number;
  /** Two-sided p-value: exact when there are no ties and both samples have fewer than 50 values, else normal. */
  p: number;
}

/** Ranks 1..n of the values, ties sharing the average of their ranks. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => xs[i] - xs[j] || i - j);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]] === xs[order[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]] = avg;
    i = j + 1;
  }
  return r;
}

/** Mann-Whitney U (Wilcoxon rank-sum) test, two-sided. */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: NaN, z: NaN, p: NaN };
  const all = [...a, ...b];
  const r = ranks(all);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += r[i];
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  // Tie correction: sum over tie groups of t^3 - t.
  const sorted = [...all].sort((x, y) => x - y);
  let ties = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    const t = j - i + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  let z = 0;
  let pNormal = 1;
  if (variance > 0) {
    const dev = Math.max(0, Math.abs(u - mu) - 0.5);
    z = (Math.sign(u - mu) * dev) / Math.sqrt(variance);
    pNormal = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  }
  const p = ties === 0 && n1 < 50 && n2 < 50 ? exactUPValue(u, n1, n2) : pNormal;
  return { u, z, p };
}

/**
 * Exact two-sided p of U without ties: 2 min(P(U <= u), P(U >= u)), capped at 1 (as R's wilcox.test).
 * P(U = k) for sizes (i, j) follows from where the largest value lies: in the first sample with
 * probability i / (i + j) (then it beats all j others), else in the second:
 *   P_{i,j}(k) = i/(i+j) P_{i-1,j}(k - j) + j/(i+j) P_{i,j-1}(k).
 */
export function exactUPValue(u: number, n1: number, n2: number): number {
  const dist = uDistribution(n1, n2);
  const k = Math.round(u);
  let lower = 0;
  for (let x = 0; x <= Math.min(k, dist.length - 1); x++) lower += dist[x];
  let upper = 0;
  for (let x = Math.max(0, k); x < dist.length; x++) upper += dist[x];
  return Math.min(1, 2 * Math.min(lower, upper));
}

// A comparison tests many metrics with the same sample sizes; the distribution is built once per size.
const distributions = new Map<string, Float64Array>();

/** P(U = k), k = 0..n1 n2, for samples of n1 and n2 values without ties. */
function uDistribution(n1: number, n2: number): Float64Array {
  const key = `${n1},${n2}`;
  let dist = distributions.get(key);
  if (!dist) {
    if (distributions.size > 16) distributions.clear();
    dist = buildUDistribution(n1, n2);
    distributions.set(key, dist);
  }
  return dist;
}

function buildUDistribution(n1: number, n2: number): Float64Array {
  // prev[j] holds the distribution for (i - 1, j); cur[j] for (i, j).
  let prev: Float64Array[] = [];
  for (let j = 0; j <= n2; j++) prev.push(Float64Array.of(1));
  for (let i = 1; i <= n1; i++) {
    const cur: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n2; j++) {
      const d = new Float64Array(i * j + 1);
      const wa = i / (i + j);
      const wb = j / (i + j);
      const fromA = prev[j];
      const fromB = cur[j - 1];
      for (let k = 0; k < fromA.length; k++) d[k + j] += wa * fromA[k];
      for (let k = 0; k < fromB.length; k++) d[k] += wb * fromB[k];
      cur.push(d);
    }
    prev = cur;
  }
  return prev[n2];
}

/**
 * Vargha-Delaney A: the probability that a value from `a` exceeds one from `b`, ties counting one half
 * (0.5 = no effect; 0.56, 0.64, 0.71 are the conventional small, medium, large thresholds).
 */
export function varghaDelaneyA(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return NaN;
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

/**
 * Paired mean difference a_i - b_i with its 95% Student t interval: the comparison of two policies run
 * on the same seeds (common random numbers), where pairing removes the seed-to-seed noise.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): MeanInterval {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} and ${b.length}`);
  return ci95(a.map((x, i) => x - b[i]));
}

export interface Proportion {
  /** successes / n. */
  estimate: number;
  lo: number;
  hi: number;
}

/** Wilson score 95% interval of a proportion; good coverage even near 0 and 1 and for small n. */
export function wilsonInterval(successes: number, n: number): Proportion {
  if (!(n > 0) || successes < 0 || successes > n) return { estimate: NaN, lo: NaN, hi: NaN };
  const z = 1.959963984540054; // the normal 0.975 quantile
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { estimate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/**
 * Exact test that events are more frequent in A than in B, for rare-event counts over equal exposure
 * (the same seeds and horizon): given n = a + b events in all, a ~ Binomial(n, 1/2) if the rates are
 * equal, so the one-sided p-value is P(X >= a). Suited where most runs see no event at all, which
 * leaves rank tests such as Mann-Whitney with too many ties to say anything.
 */
export function rateComparison(a: number, b: number): { a: number; b: number; p: number } {
  const n = a + b;
  let p = 0;
  // P(X >= a) = sum_{k=a..n} C(n, k) / 2^n, with C computed in logs to stay finite for large n.
  for (let k = a; k <= n; k++) p += Math.exp(logChoose(n, k) - n * Math.LN2);
  return { a, b, p: Math.min(1, p) };
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

export interface PairedEffect extends MeanInterval {
  /** mean / (sd / sqrt n): how many standard errors the effect lies from 0 (±Infinity for a noiseless shift). */
  t: number;
  /** The 95% interval excludes 0 and not every pair is identical. */
  beyondNoise: boolean;
}

/**
 * Whether changing one thing moved a metric by more than seed noise: the paired differences a_i - b_i
 * (same seeds, common random numbers) with their 95% t interval. Pairs that are all identical never
 * count, whatever rounding does to the interval. A shift that is the same on every seed has sd 0 and a
 * zero-width interval; the t interval says nothing there (small counts over few seeds tie by chance:
 * +1 on both of two seeds is common), so such a shift counts only when the exact sign test would also
 * call it, i.e. n equal-signed differences with 2 * 0.5^n < 0.05 (n >= 6).
 */
export function pairedEffect(a: readonly number[], b: readonly number[]): PairedEffect {
  const d = pairedDifference(a, b);
  const identical = a.every((x, i) => x === b[i]);
  const se = d.sd / Math.sqrt(d.n);
  const t = identical ? 0 : se > 0 ? d.mean / se : d.mean > 0 ? Infinity : d.mean < 0 ? -Infinity : 0;
  const excludesZero = d.lo > 0 || d.hi < 0;
  const beyondNoise = !identical && d.n >= 2 && excludesZero && (d.sd > 0 || 2 * 0.5 ** d.n < 0.05);
  return { ...d, t, beyondNoise };
}
