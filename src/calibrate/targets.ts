/**
 * A calibration targets file (`--targets FILE`): what the model should reproduce, each with the
 * tolerance its distance is measured in and where the figure comes from. JSON:
 *   {
 *     "description": "...",                       optional
 *     "parameters": ["survey.base", ...],          optional: the society parameters to calibrate by default
 *     "targets": [
 *       {"metric": "satisfaction", "target": 0.9658, "scale": 0.01, "source": "seed: Zhejiang 2017"},
 *       {"metric": "reachedPetitionOrCountyShare", "target": 0.05, "scale": 0.02, "side": "below", "source": "..."}
 *     ]
 *   }
 * `metric` is a summary metric of the model (summary.json's `metrics`; nested ones dotted, e.g.
 * `utilisation.village`), or a ratio of two, `a/b`, taken as the ratio of their means over a particle's
 * seeds (a pooled share, e.g. `proposalsRejectedOrDelayed/proposalsAssessed`). `side` makes a bound of a
 * target: "above" (the value should be at least the target) or "below" (at most); a value on the right
 * side is at distance 0. Every problem is reported at once, each naming the entry and what is allowed.
 */
import { readInputJson } from '../batch/input-file';
import * as z from 'zod';
import { BatchInputError } from '../batch/errors';

const num = z.number().refine(Number.isFinite, 'must be a finite number');

export const TargetSchema = z
  .object({
    metric: z.string().regex(/^[A-Za-z][\w.]*(\/[A-Za-z][\w.]*)?$/, 'must be a summary metric name (dotted for nested ones) or a ratio a/b of two'),
    target: num,
    scale: num.refine((x) => x > 0, 'must be above 0 (the tolerance each deviation is divided by)'),
    side: z.enum(['above', 'below']).optional(),
    source: z.string().min(1, 'must name where the figure comes from'),
  })
  .strict();
export type Target = z.infer<typeof TargetSchema>;

const TargetsFileSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    scenario: z.string().optional(),
    parameters: z.array(z.string().min(1)).optional(),
    targets: z.array(TargetSchema).min(1, 'must hold at least one target'),
  })
  .strict();
export type TargetsFile = z.infer<typeof TargetsFileSchema>;

export function readTargets(file: string): TargetsFile {
  return parseTargets(readInputJson('--targets', file), file);
}

export function parseTargets(raw: unknown, source: string): TargetsFile {
  const parsed = TargetsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new BatchInputError(
      `--targets ${source}: ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}; allowed: {"targets": [{"metric", "target", "scale" (> 0), "source", optional "side": "above"|"below"}], optional "parameters": [paths], "description"`,
    );
  }
  const seen = new Set<string>();
  for (const t of parsed.data.targets) {
    if (seen.has(t.metric)) throw new BatchInputError(`--targets ${source}: metric ${t.metric} is targeted twice; give each metric once`);
    seen.add(t.metric);
  }
  return parsed.data;
}

/** The numbers a target reads from one run's flattened metrics: one metric, or the two of a ratio. */
export function targetParts(t: Target): string[] {
  return t.metric.split('/');
}
