/** The seed and step count a run uses: the command line's, else the scenario's, else the defaults. */
import { DEFAULT_SEED, DEFAULT_STEPS, type Scenario } from './schema';

export interface RunSettings {
  seed: number;
  steps: number;
}

export function resolveRun(scenario: Scenario, over: { seed?: number; steps?: number } = {}): RunSettings {
  return {
    seed: over.seed ?? scenario.seed ?? DEFAULT_SEED,
    steps: over.steps ?? scenario.steps ?? DEFAULT_STEPS[scenario.model],
  };
}
