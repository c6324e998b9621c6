/**
 * The scenario format: one JSON file names a model, describes itself, cites its sources and sets the
 * model's params. Parsing fills every default, so a parsed scenario is complete and its content hash
 * identifies the run exactly.
 */
import * as z from 'zod';
import { epsteinParams } from './epstein';
import { governanceParams } from './governance';

/** Steps run when neither the scenario nor the command line says. */
export const DEFAULT_STEPS: Record<ModelName, number> = { epstein: 500, governance: 1095 };
/**
 * The longest run each model supports: the governance model keeps citizens' days (of a grievance, a
 * release, a crime) in 16-bit columns, which is what holds a citizen to 24 bytes; 65,535 days is
 * about 179 years.
 */
export const MAX_STEPS: Record<ModelName, number> = { epstein: 10_000_000, governance: 65_535 };
export const DEFAULT_SEED = 1;

const envelope = {
  name: z.string().min(1).describe('Short name shown in lists and outputs.'),
  description: z.string().default('').describe('One paragraph: what the scenario shows and what it assumes.'),
  sources: z.array(z.string()).default([]).describe('Sources of the parameter values and assumptions.'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('Default random seed (0..2^32-1).'),
  steps: z.number().int().min(1).max(10_000_000).optional().describe('Default number of steps to run.'),
  $schema: z.string().optional().describe('Path of the JSON Schema, for editors.'),
};

export const epsteinScenario = z
  .object({
    model: z.literal('epstein').describe('The classic Epstein (2002) civil-violence lattice model.'),
    ...envelope,
    params: epsteinParams.prefault({}),
  })
  .strict();

export const governanceScenario = z
  .object({
    model: z
      .literal('governance')
      .describe('The governance model: disputes, mediation, petitions and collective action under three regimes.'),
    ...envelope,
    params: governanceParams.prefault({}),
  })
  .strict();

export const MODEL_NAMES = ['epstein', 'governance'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const scenarioSchema = z.discriminatedUnion('model', [epsteinScenario, governanceScenario]);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** The scenario schema of one model (the union's member whose `model` is `name`). */
export function schemaFor(name: ModelName): z.ZodType {
  switch (name) {
    case 'epstein':
      return epsteinScenario;
    case 'governance':
      return governanceScenario;
  }
}
