/** The scenario format as JSON Schema, for editors (scenario files point at it with "$schema"). */
import * as z from 'zod';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'govsim scenario',
    description: 'A govsim scenario: which model to run, with what parameters, and the sources behind them.',
  };
}
