/**
 * A sensitivity design's points: the unit-cube sample of its method (Saltelli for Sobol, trajectories
 * for Morris), each mapped to parameter values (factors.ts). The sample depends only on the design
 * (method, sizes, sampling seed, number of factors), so plan.json is enough to draw it again when the
 * outputs are read back (analyse.ts), after `--resume` or `govsim merge`.
 *
 * Point order: Sobol row by row (A_j, AB_1j .. AB_kj, B_j); Morris trajectory by trajectory. Each point
 * is crossed with every seed by the batch machinery (run id = point x seeds + seed index).
 */
import type { Value } from '../batch/design';
import { factorValue } from './factors';
import { morrisSample, type MorrisTrajectory } from './morris-sample';
import { saltelliSample, saltelliSize } from './saltelli-sample';
import type { SensitivityDesign } from './types';

/** Most points a sensitivity design may have (as a sweep's MAX_POINTS). */
export const MAX_SENSITIVITY_POINTS = 1_000_000;

export function pointCount(d: SensitivityDesign): number {
  const k = d.factors.length;
  return d.method === 'sobol' ? saltelliSize(d.n!, k) : d.r! * (k + 1);
}

export function morrisTrajectories(d: SensitivityDesign): MorrisTrajectory[] {
  return morrisSample(d.r!, d.factors.length, d.levels!, d.sampleSeed);
}

/** The design's points in the unit hypercube, in run order. */
export function unitPoints(d: SensitivityDesign): Float64Array[] {
  if (d.method === 'sobol') return saltelliSample(d.n!, d.factors.length, d.sampleSeed);
  return morrisTrajectories(d).flatMap((t) => t.points);
}

/** The design's points as parameter values by path (the `values` of plan points; `--set` assignments). */
export function designValues(d: SensitivityDesign): Record<string, Value>[] {
  return unitPoints(d).map((u) => {
    const values: Record<string, Value> = {};
    d.factors.forEach((f, i) => {
      values[f.path] = factorValue(f, u[i]);
    });
    return values;
  });
}
