/** The seed and step count a run uses: the command line's, else the scenario's, else the defaults. */
import { ScenarioError } from './parse';
import { DEFAULT_SEED, DEFAULT_STEPS, MAX_STEPS, type Scenario } from './schema';

export interface RunSettings {
  seed: number;
  steps: number;
}

export function resolveRun(scenario: Scenario, over: { seed?: number; steps?: number } = {}): RunSettings {
  const steps = over.steps ?? scenario.steps ?? DEFAULT_STEPS[scenario.model];
  const max = MAX_STEPS[scenario.model];
  if (steps > max) {
    throw new ScenarioError(scenario.name, [`steps: ${steps} is too large; allowed: at most ${max.toLocaleString('en')} for the ${scenario.model} model`]);
  }
  return { seed: over.seed ?? scenario.seed ?? DEFAULT_SEED, steps };
}
