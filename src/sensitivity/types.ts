/**
 * The data of a sensitivity design as plan.json records it (src/batch/design.ts `Plan.sensitivity`):
 * enough to draw the same unit-cube sample again and read the outputs back, so `--resume` and `govsim
 * merge` need nothing but the plan. Plain data, no imports: the batch layer refers to it by type.
 */

/** How a parameter's unit-interval coordinate u becomes a value (factors.ts `factorValue`). */
export type FactorDistribution = 'uniform' | 'loguniform' | 'triangular' | 'normal';

export interface Factor {
  /** Dotted path, e.g. "params.population.hardshipMean". */
  path: string;
  type: 'number' | 'integer';
  dist: FactorDistribution;
  /** Bounds of the values drawn (uniform, loguniform, triangular; normal: truncation at the schema's limits). */
  min: number;
  max: number;
  /** Triangular: the most likely value. */
  mode?: number;
  /** Normal: mean and standard deviation. */
  mean?: number;
  sd?: number;
  /** Where the distribution came from: the schema's plausible range, its validity limits, or the priors file. */
  from: 'range' | 'schema' | 'priors';
}

export interface SensitivityDesign {
  method: 'morris' | 'sobol';
  /** Sobol: base sample size N (N (k + 2) points). */
  n?: number;
  /** Morris: trajectories r (r (k + 1) points) and grid levels p. */
  r?: number;
  levels?: number;
  /** Seed of the sampling stream (not of the runs). */
  sampleSeed: number;
  factors: Factor[];
}
