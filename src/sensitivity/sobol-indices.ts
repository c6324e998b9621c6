/**
 * First-order and total Sobol indices from a Saltelli design (saltelli-sample.ts):
 *   S1_i = mean(f(B) (f(AB_i) - f(A))) / V         Saltelli et al. (2010), table 2 (b)
 *   ST_i = mean((f(A) - f(AB_i))^2) / (2 V)        Jansen (1999), table 2 (f)
 * with V the variance of f(A) and f(B) pooled (as SALib does), all outputs centred on their mean first. 95% intervals are percentile bootstrap
 * intervals: the N base rows resampled with replacement (each replicate recomputes V too), the draws
 * from a seeded stream. Rows with a missing output (a failed run) are left out of every index that
 * needs them.
 */
import { Stream } from '../../sim/core/random';
import { percentileInterval } from './morris';
import type { SaltelliOutputs } from './saltelli-sample';

export interface SobolIndex {
  s1: number;
  s1Ci: [number, number];
  st: number;
  stCi: [number, number];
  /** Base rows used (at most N). */
  rows: number;
}

export interface SobolResult {
  /** Variance of the output over A and B. */
  variance: number;
  indices: SobolIndex[];
}

/**
 * S1 and ST of one parameter over the base rows `rows` (indices into a, b, abi; repeats allowed). The
 * outputs are centred on their mean over A and B first: the S1 estimator's expectation does not change,
 * but its variance does, a lot for an output whose mean is large beside its spread (a share near 0.8
 * varying by 0.01 gave S1 = -1870 uncentred at N = 8).
 */
function estimate(a: Float64Array, b: Float64Array, abi: Float64Array, rows: ArrayLike<number>): { s1: number; st: number } {
  const n = rows.length;
  let sum = 0;
  for (let t = 0; t < n; t++) sum += a[rows[t]] + b[rows[t]];
  const m = sum / (2 * n);
  let sumSq = 0;
  let first = 0;
  let total = 0;
  for (let t = 0; t < n; t++) {
    const j = rows[t];
    const aj = a[j] - m;
    const bj = b[j] - m;
    const abj = abi[j] - m;
    sumSq += aj * aj + bj * bj;
    first += bj * (abj - aj);
    total += (aj - abj) ** 2;
  }
  const v = sumSq / (2 * n);
  return { s1: first / n / v, st: total / (2 * n) / v };
}

export function sobolIndices(y: SaltelliOutputs, opts: { resamples?: number; seed?: number } = {}): SobolResult {
  const resamples = opts.resamples ?? 1000;
  const stream = new Stream(`govsim/sobol-bootstrap/${opts.seed ?? 1}`);
  const { a, b, ab } = y;
  const ok = (j: number) => Number.isFinite(a[j]) && Number.isFinite(b[j]);
  const baseRows: number[] = [];
  for (let j = 0; j < a.length; j++) if (ok(j)) baseRows.push(j);
  const variance = populationVariance([...baseRows.map((j) => a[j]), ...baseRows.map((j) => b[j])]);
  const indices = ab.map((abi) => {
    const rows = baseRows.filter((j) => Number.isFinite(abi[j]));
    const n = rows.length;
    if (n < 2) return { s1: NaN, s1Ci: [NaN, NaN] as [number, number], st: NaN, stCi: [NaN, NaN] as [number, number], rows: n };
    const point = estimate(a, b, abi, rows);
    const s1s = new Float64Array(resamples);
    const sts = new Float64Array(resamples);
    const pick = new Int32Array(n);
    for (let r = 0; r < resamples; r++) {
      for (let t = 0; t < n; t++) pick[t] = rows[stream.int(n)];
      const e = estimate(a, b, abi, pick);
      s1s[r] = e.s1;
      sts[r] = e.st;
    }
    return { s1: point.s1, s1Ci: percentileInterval(s1s), st: point.st, stCi: percentileInterval(sts), rows: n };
  });
  return { variance, indices };
}

function populationVariance(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  let m = 0;
  for (const x of xs) m += x;
  m /= xs.length;
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return s / xs.length;
}
