/**
 * Morris's screening measures from a trajectory design (morris-sample.ts): for each parameter the
 * elementary effects EE = (f(x + Δ e_i) - f(x)) / Δ, one per trajectory, and
 *   mu     their mean (signed: effects of opposite sign cancel),
 *   mu*    the mean of their absolute values (Campolongo et al. 2007: the measure of importance),
 *   sigma  their standard deviation (n - 1 denominator): interactions or nonlinearity.
 * Δ is measured in the unit hypercube, so an effect is the output change over a move of Δ times the
 * parameter's range, comparable across parameters. mu* gets a 95% bootstrap interval (percentile, the
 * trajectories resampled with replacement from a seeded stream). A trajectory with a missing output
 * (a failed run) drops only the effects that need that output.
 */
import { Stream } from '../../sim/core/random';
import type { MorrisTrajectory } from './morris-sample';

export interface MorrisIndex {
  mu: number;
  muStar: number;
  sigma: number;
  /** 95% bootstrap interval of mu*. */
  muStarCi: [number, number];
  /** Elementary effects that could be computed (at most r). */
  effects: number;
}

/** Elementary effects by parameter; `y[t][s]` is the output at point s of trajectory t (NaN: missing). */
export function elementaryEffects(design: readonly MorrisTrajectory[], y: readonly ArrayLike<number>[], k: number): number[][] {
  const ee: number[][] = Array.from({ length: k }, () => []);
  design.forEach((traj, t) => {
    for (let s = 0; s < k; s++) {
      const d = (y[t][s + 1] - y[t][s]) / traj.steps[s];
      if (Number.isFinite(d)) ee[traj.order[s]].push(d);
    }
  });
  return ee;
}

export function morrisIndices(design: readonly MorrisTrajectory[], y: readonly ArrayLike<number>[], k: number, opts: { resamples?: number; seed?: number } = {}): MorrisIndex[] {
  const resamples = opts.resamples ?? 1000;
  const stream = new Stream(`govsim/morris-bootstrap/${opts.seed ?? 1}`);
  return elementaryEffects(design, y, k).map((ee) => {
    const n = ee.length;
    if (!n) return { mu: NaN, muStar: NaN, sigma: NaN, muStarCi: [NaN, NaN], effects: 0 };
    const abs = ee.map(Math.abs);
    const muStar = meanOf(abs);
    const boot = new Float64Array(resamples);
    for (let b = 0; b < resamples; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += abs[stream.int(n)];
      boot[b] = s / n;
    }
    return { mu: meanOf(ee), muStar, sigma: sdOf(ee), muStarCi: percentileInterval(boot), effects: n };
  });
}

function meanOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function sdOf(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = meanOf(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** The 2.5% and 97.5% points of bootstrap replicates (linear interpolation between order statistics). */
export function percentileInterval(reps: Float64Array): [number, number] {
  const sorted = Float64Array.from(reps.filter(Number.isFinite)).sort();
  if (!sorted.length) return [NaN, NaN];
  const at = (q: number) => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
  };
  return [at(0.025), at(0.975)];
}
