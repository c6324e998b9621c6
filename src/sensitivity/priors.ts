/**
 * A priors file (`--priors FILE`): the range or distribution of some parameters, replacing the schema's
 * plausible range for those. JSON, parameter path (with or without `params.`) -> one of
 *   {"min": 0.1, "max": 0.3}                                   uniform (the default "dist")
 *   {"dist": "loguniform", "min": 200, "max": 30000}           uniform in the logarithm (min > 0)
 *   {"dist": "triangular", "min": 0, "mode": 0.2, "max": 1}
 *   {"dist": "normal", "mean": 0.5, "sd": 0.1}                 clipped to the schema's limits
 * Every problem is reported at once, each naming the parameter, the value and what is allowed; an
 * unknown parameter gets the nearest known one. Entries for parameters outside the selection are
 * allowed (one file can serve several analyses) and listed as unused.
 */
import { readInputJson } from '../batch/input-file';
import * as z from 'zod';
import { BatchInputError } from '../batch/errors';
import { leverName, type LeverSpec } from '../scenario/levers';
import { nearest } from '../scenario/nearest';
import { limitsOf } from './factors';
import type { Factor } from './types';

const num = z.number().refine(Number.isFinite, 'must be a finite number');
const bounded = { min: num, max: num };
const PriorSchema = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('uniform'), ...bounded }).strict(),
  z.object({ dist: z.literal('loguniform'), ...bounded }).strict(),
  z.object({ dist: z.literal('triangular'), ...bounded, mode: num }).strict(),
  z.object({ dist: z.literal('normal'), mean: num, sd: num }).strict(),
]);
type Prior = z.infer<typeof PriorSchema>;

export interface Priors {
  /** By parameter path with `params.`. */
  factors: Map<string, Factor>;
  source: string;
}

/** Read and check a priors file against the model's parameters (`specs`: every numeric parameter). */
export function readPriors(file: string, specs: readonly LeverSpec[]): Priors {
  return parsePriors(readInputJson('--priors', file), specs, file);
}

export function parsePriors(raw: unknown, specs: readonly LeverSpec[], source: string): Priors {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BatchInputError(`--priors ${source}: the file must hold an object of parameter path -> {"min": .., "max": ..} or a distribution`);
  }
  const byName = new Map(specs.map((s) => [leverName(s), s]));
  const problems: string[] = [];
  const factors = new Map<string, Factor>();
  for (const [key, value] of Object.entries(raw)) {
    const name = key.replace(/^params\./, '');
    const spec = byName.get(name);
    if (!spec) {
      const hint = nearest(name, [...byName.keys()]);
      problems.push(`${key}: not a numeric parameter of the model${hint ? `; did you mean ${hint}?` : ''}`);
      continue;
    }
    const withDist = value && typeof value === 'object' && !Array.isArray(value) && !('dist' in value) ? { dist: 'uniform', ...value } : value;
    const parsed = PriorSchema.safeParse(withDist);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length ? `.${issue.path.join('.')}` : '';
        problems.push(`${key}${where}: ${issue.message}; allowed: {"min": lo, "max": hi} or {"dist": "uniform"|"loguniform"|"triangular", "min", "max"[, "mode"]} or {"dist": "normal", "mean", "sd"}`);
      }
      continue;
    }
    const why = checkPrior(parsed.data, spec);
    if (why) problems.push(`${key}: ${why}`);
    else factors.set(spec.path, toFactor(parsed.data, spec));
  }
  if (problems.length) throw new BatchInputError(`--priors ${source}: ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}`);
  return { factors, source };
}

function checkPrior(p: Prior, spec: LeverSpec): string | undefined {
  const [lo, hi] = limitsOf(spec);
  const limits = `the schema allows ${lo}..${hi}`;
  if (p.dist === 'normal') {
    if (!(p.sd > 0)) return `sd ${p.sd} must be above 0`;
    if (p.mean < lo || p.mean > hi) return `mean ${p.mean} is outside the parameter's limits; ${limits}`;
    return undefined;
  }
  if (!(p.min < p.max)) return `min ${p.min} must be below max ${p.max}`;
  if (p.min < lo || p.max > hi) return `${p.min}..${p.max} reaches outside the parameter's limits; ${limits}`;
  if (p.dist === 'loguniform' && !(p.min > 0)) return `a loguniform range needs min above 0, got ${p.min}`;
  if (p.dist === 'triangular' && (p.mode < p.min || p.mode > p.max)) return `mode ${p.mode} is outside ${p.min}..${p.max}`;
  if (spec.type === 'integer' && Math.ceil(p.min) > Math.floor(p.max)) return `${p.min}..${p.max} holds no whole number, and the parameter is one`;
  return undefined;
}

function toFactor(p: Prior, spec: LeverSpec): Factor {
  const type = spec.type as Factor['type'];
  if (p.dist === 'normal') {
    // Clipped to the schema's limits; six standard deviations where the schema sets none (JSON has no infinity).
    const [lo, hi] = limitsOf(spec);
    const min = Number.isFinite(lo) ? lo : p.mean - 6 * p.sd;
    const max = Number.isFinite(hi) ? hi : p.mean + 6 * p.sd;
    return { path: spec.path, type, dist: 'normal', min, max, mean: p.mean, sd: p.sd, from: 'priors' };
  }
  return { path: spec.path, type, dist: p.dist, min: p.min, max: p.max, ...(p.dist === 'triangular' ? { mode: p.mode } : {}), from: 'priors' };
}
