/**
 * The seed and step count a run uses (the command line's, else the scenario's, else the defaults), and
 * the one check that every way of running a scenario passes before anything is allocated: the model's
 * step limit and its resource bounds (src/scenario/bounds.ts). `check`, `run`, batches and the worker
 * all come through here, so whatever `check` accepts, `run` runs.
 */
import type { Estimate } from '../../sim/core/estimate';
import { checkBounds, type MemoryLimit } from './bounds';
import { ScenarioError } from './parse';
import { DEFAULT_SEED, DEFAULT_STEPS, MAX_STEPS, type Scenario } from './schema';

export interface RunSettings {
  seed: number;
  steps: number;
  /** What the run will need (sim/core/estimate.ts). */
  estimate: Estimate;
}

/**
 * Throws a ScenarioError naming the fields when the steps exceed the model's limit, the scenario is
 * beyond what the model can hold at all, or (given a `limit`) it needs more memory than the limit.
 * `source` names the scenario in the error (a file or preset; by default its name).
 */
export function resolveRun(
  scenario: Scenario,
  over: { seed?: number; steps?: number } = {},
  limit?: MemoryLimit,
  source = scenario.name,
): RunSettings {
  const steps = over.steps ?? scenario.steps ?? DEFAULT_STEPS[scenario.model];
  const max = MAX_STEPS[scenario.model];
  if (steps > max) {
    throw new ScenarioError(source, [`steps: ${steps} is too large; allowed: at most ${max.toLocaleString('en')} for the ${scenario.model} model`]);
  }
  const { estimate, problems } = checkBounds(scenario, steps, limit);
  if (problems.length) throw new ScenarioError(source, problems);
  return { seed: over.seed ?? scenario.seed ?? DEFAULT_SEED, steps, estimate };
}
