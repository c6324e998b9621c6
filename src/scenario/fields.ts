/** Schema pieces shared by several models' params. */
import * as z from 'zod';

/**
 * A list of scheduled changes of one parameter: at step `at` it starts moving to `to`, jumping at
 * once when `over` is 0, or linearly over `over` steps.
 */
export function scheduledChanges(what: string, value: z.ZodNumber) {
  return z
    .array(
      z
        .object({
          at: z.number().int().min(0).describe(`Step at which the ${what} starts to change.`),
          to: value.describe(`Value the ${what} moves to.`),
          over: z.number().int().min(0).default(0).describe('Steps the change takes; 0 for a sudden jump.'),
        })
        .strict(),
    )
    .default([])
    .describe(`Changes of the ${what} over time, in step order.`);
}
