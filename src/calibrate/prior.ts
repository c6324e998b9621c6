/**
 * The prior of an ABC calibration: independent distributions over the chosen parameters, the Factors of
 * the sensitivity analysis (src/sensitivity/factors.ts: uniform over the schema's plausible range by
 * default, or a --priors file's uniform, loguniform, triangular or normal). ABC needs what a sensitivity
 * design does not: a density, to weight perturbed particles, and a support, to refuse those that leave
 * it. Values are continuous here (an integer parameter is rounded only when it is set in a scenario), and
 * a normal prior is truncated to its factor's min..max.
 */
import type { Stream } from '../../sim/core/random';
import { factorValue } from '../sensitivity/factors';
import type { Factor } from '../sensitivity/types';

/** Values keep 12 significant digits, so that posterior.csv shows what was simulated. */
export const tidy = (x: number) => Number(x.toPrecision(12));

/** One draw of each factor, in order. */
export function samplePrior(factors: readonly Factor[], stream: Stream): number[] {
  return factors.map((f) => {
    if (f.dist === 'normal') {
      // Rejection from the untruncated normal: exact truncation (factorValue clips u to 0.001..0.999).
      for (let tries = 0; tries < 10_000; tries++) {
        const x = f.mean! + f.sd! * stream.normal();
        if (x >= f.min && x <= f.max) return tidy(x);
      }
    }
    return factorValue({ ...f, type: 'number' }, stream.next());
  });
}

/** Whether every value lies in its factor's support. */
export function inSupport(factors: readonly Factor[], theta: readonly number[]): boolean {
  return factors.every((f, i) => theta[i] >= f.min && theta[i] <= f.max && (f.dist !== 'loguniform' || theta[i] > 0));
}

/** The prior density at theta (0 outside the support; a truncated normal's is not renormalised, which cancels in the weights). */
export function priorDensity(factors: readonly Factor[], theta: readonly number[]): number {
  let p = 1;
  factors.forEach((f, i) => {
    const x = theta[i];
    if (!(x >= f.min && x <= f.max)) {
      p = 0;
      return;
    }
    switch (f.dist) {
      case 'uniform':
        p *= 1 / (f.max - f.min);
        break;
      case 'loguniform':
        p *= x > 0 ? 1 / (x * Math.log(f.max / f.min)) : 0;
        break;
      case 'triangular': {
        const c = f.mode!;
        const w = f.max - f.min;
        p *= x < c ? (2 * (x - f.min)) / (w * (c - f.min)) : x > c ? (2 * (f.max - x)) / (w * (f.max - c)) : 2 / w;
        break;
      }
      case 'normal': {
        const z = (x - f.mean!) / f.sd!;
        p *= Math.exp(-0.5 * z * z) / f.sd!;
        break;
      }
    }
  });
  return p;
}

/** A scale of each factor for the kernel's ridge: its width, or its sd for a normal. */
export function priorWidths(factors: readonly Factor[]): number[] {
  return factors.map((f) => (f.dist === 'normal' ? f.sd! : f.max - f.min));
}
