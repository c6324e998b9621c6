/**
 * Saltelli's sampling design for first-order and total Sobol indices (Saltelli 2002; Saltelli et al.
 * 2010, "Variance based sensitivity analysis of model output", Comput. Phys. Commun. 181).
 *
 * Two independent base matrices A and B (N rows, k columns) are the two halves of one 2k-dimensional
 * Sobol sample (sobol-sequence.ts); AB_i is A with its column i taken from B. The design lists, base row
 * by base row, A_j, AB_1j ... AB_kj, B_j: N (k + 2) points, each in [0, 1)^k. Row-major order keeps
 * the points of one base row together, so a shard or an interrupted run holds whole rows' worth of work
 * spread over the sample, and `saltelliBlocks` can read the outputs back in the same order.
 */
import { sobolPoints } from './sobol-sequence';

/** Points of a Saltelli design with base sample size n and k parameters. */
export function saltelliSize(n: number, k: number): number {
  return n * (k + 2);
}

export function saltelliSample(n: number, k: number, seed: number): Float64Array[] {
  const base = sobolPoints(n, 2 * k, seed);
  const out: Float64Array[] = [];
  for (const row of base) {
    const a = row.subarray(0, k);
    const b = row.subarray(k, 2 * k);
    out.push(Float64Array.from(a));
    for (let i = 0; i < k; i++) {
      const ab = Float64Array.from(a);
      ab[i] = b[i];
      out.push(ab);
    }
    out.push(Float64Array.from(b));
  }
  return out;
}

/** Outputs of a Saltelli design split back into f(A), f(B) and f(AB_i) (each of length n). */
export interface SaltelliOutputs {
  a: Float64Array;
  b: Float64Array;
  ab: Float64Array[];
}

export function saltelliBlocks(y: ArrayLike<number>, n: number, k: number): SaltelliOutputs {
  if (y.length !== saltelliSize(n, k)) throw new Error(`a Saltelli design of N=${n}, k=${k} has ${saltelliSize(n, k)} outputs, got ${y.length}`);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: k }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    const at = j * (k + 2);
    a[j] = y[at];
    for (let i = 0; i < k; i++) ab[i][j] = y[at + 1 + i];
    b[j] = y[at + k + 1];
  }
  return { a, b, ab };
}
