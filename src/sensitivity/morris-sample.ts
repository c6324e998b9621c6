/**
 * Morris's elementary-effects design (Morris 1991, Technometrics 33; as in Campolongo, Cariboni &
 * Saltelli 2007 and SALib): r trajectories on a p-level grid of the unit hypercube {0, 1/(p-1), ..., 1},
 * each of k + 1 points, where each step moves one parameter by Δ = p / (2 (p - 1)) (2/3 for p = 4), every
 * parameter exactly once, in a random order and direction. The base point of a trajectory is drawn from
 * the levels that leave room for the step, so every point stays on the grid.
 *
 * Campolongo's optimised selection (pick the r most spread-out of many trajectories) is not done: the
 * trajectories are independent draws, which is Morris's original design.
 *
 * Draws come from the stream `govsim/morris/<seed>` in a fixed order (trajectory by trajectory: base
 * levels, directions, order), so the same arguments give the same design on every machine.
 */
import { Stream } from '../../sim/core/random';

export interface MorrisTrajectory {
  /** k + 1 points, each in [0, 1]^k. */
  points: Float64Array[];
  /** Which parameter step t (0..k-1) moves, from points[t] to points[t + 1]. */
  order: number[];
  /** The signed step of each move, +Δ or -Δ, by step. */
  steps: number[];
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

export function morrisSample(r: number, k: number, levels: number, seed: number): MorrisTrajectory[] {
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) throw new Error(`Morris levels must be an even whole number of at least 2, got ${levels}`);
  const delta = morrisDelta(levels);
  // Levels i / (p - 1) with i / (p - 1) + Δ <= 1: the lower half of the grid.
  const room = levels / 2;
  const stream = new Stream(`govsim/morris/${seed}`);
  const out: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const base = Array.from({ length: k }, () => stream.int(room) / (levels - 1));
    const up = Array.from({ length: k }, () => stream.chance(0.5));
    const order = new Float64Array(k);
    for (let i = 0; i < k; i++) order[i] = i;
    stream.shuffle(order);
    const start = Float64Array.from(base, (x, i) => (up[i] ? x : x + delta));
    const points = [start];
    const steps: number[] = [];
    for (const i of order) {
      const next = Float64Array.from(points[points.length - 1]);
      const step = up[i] ? delta : -delta;
      next[i] += step;
      points.push(next);
      steps.push(step);
    }
    out.push({ points, order: Array.from(order), steps });
  }
  return out;
}
