/**
 * The perturbation kernel of ABC-SMC: a multivariate normal centred on the particle it perturbs, with
 * covariance twice the weighted covariance of the previous population (Beaumont, Cornuet, Marin & Robert
 * 2009, Biometrika 96; Filippi et al. 2013 show it is the optimal choice among such Gaussians for a
 * Kullback-Leibler criterion). Sampling uses the Cholesky factor L of the covariance; the density is kept
 * up to its constant (the same for every particle of a generation, so it cancels in the weights).
 */
import type { Stream } from '../../sim/core/random';
import { weightedCovariance } from './weighted';

export interface Kernel {
  /** Lower-triangular Cholesky factor of the covariance. */
  chol: number[][];
  /** The covariance itself (reported in posterior.json). */
  cov: number[][];
}

/**
 * The kernel of a population: covariance 2 Cov_w(particles), plus a tiny ridge (1e-12 of each
 * parameter's prior width squared) so that a parameter on which all particles agree still moves and the
 * factorisation never fails.
 */
export function populationKernel(points: readonly (readonly number[])[], weights: readonly number[], widths: readonly number[]): Kernel {
  const cov = weightedCovariance(points, weights).map((row) => row.map((x) => 2 * x));
  cov.forEach((row, a) => {
    row[a] += 1e-12 * widths[a] * widths[a];
  });
  return { cov, chol: cholesky(cov) };
}

/** Cholesky factor of a symmetric positive semi-definite matrix; a non-positive pivot gets a small jitter. */
export function cholesky(m: readonly (readonly number[])[]): number[][] {
  const k = m.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let p = 0; p < j; p++) s -= l[i][p] * l[j][p];
      if (i === j) {
        // Round-off on a (nearly) singular covariance: keep a small positive pivot.
        l[i][i] = Math.sqrt(s > 0 ? s : Math.max(1e-300, 1e-12 * Math.abs(m[i][i])));
      } else l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/** theta + L z, z standard normal drawn from `stream` (one draw per coordinate, in order). */
export function perturb(kernel: Kernel, theta: readonly number[], stream: Stream): number[] {
  const k = theta.length;
  const z = Array.from({ length: k }, () => stream.normal());
  return theta.map((t, i) => {
    let s = t;
    for (let j = 0; j <= i; j++) s += kernel.chol[i][j] * z[j];
    return s;
  });
}

/** The squared Mahalanobis distance (x - c)^T Cov^-1 (x - c), by forward substitution with L. */
export function mahalanobis2(kernel: Kernel, x: readonly number[], c: readonly number[]): number {
  const k = x.length;
  const y = new Array<number>(k);
  let s2 = 0;
  for (let i = 0; i < k; i++) {
    let s = x[i] - c[i];
    for (let j = 0; j < i; j++) s -= kernel.chol[i][j] * y[j];
    y[i] = s / kernel.chol[i][i];
    s2 += y[i] * y[i];
  }
  return s2;
}
