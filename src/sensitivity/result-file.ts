/**
 * Reading a sensitivity.json back (the app's Sensitivity view opens one dropped, picked or linked):
 * the inverse of files.ts. The text goes through the scenario reader's limits (json-text.ts: size,
 * depth, duplicate keys, 1e400), then a zod schema checks its shape, then cross-checks what a schema
 * cannot say (the method's own fields, one index per parameter in every metric, the seed list against
 * the seed count). Every problem is listed, each with its path in the file.
 *
 * The result is the SensitivityResult the file was written from (nulls back to NaN, key order as in the
 * file), so sensitivityFiles() on it writes the same bytes again and plot.ts draws the same picture as
 * the CLI's sensitivity.svg. Pure: no Node APIs, so the browser can use it.
 */
import * as z from 'zod';
import { parseSeeds } from '../batch/seeds';
import { readJsonText } from '../scenario/json-text';
import type { MetricResult, SensitivityResult } from './analyse';
import type { ReportHead } from './files';
import type { MorrisIndex } from './morris';
import type { SobolIndex } from './sobol-indices';
import type { Factor, SensitivityDesign } from './types';

export class SensitivityFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a sensitivity.json of govsim: ${problems.join('; ')}`);
    this.name = 'SensitivityFileError';
  }
}

const num = z.number();
const maybe = z.number().nullable();
const whole = z.number().int().nonnegative();

const FactorSchema = z.object({
  name: z.string().min(1),
  path: z.string().min(1),
  type: z.enum(['number', 'integer']),
  dist: z.enum(['uniform', 'loguniform', 'triangular', 'normal']),
  min: num,
  max: num,
  mode: num.optional(),
  mean: num.optional(),
  sd: num.optional(),
  from: z.enum(['range', 'schema', 'priors']),
});

const MorrisRow = z.object({ mu: maybe, muStar: maybe, muStarLo: maybe, muStarHi: maybe, sigma: maybe, effects: whole });
const SobolRow = z.object({ S1: maybe, S1Lo: maybe, S1Hi: maybe, ST: maybe, STLo: maybe, STHi: maybe, rows: whole });

const MetricSchema = z.object({
  points: whole,
  variance: maybe,
  seedNoiseVariance: maybe,
  seedNoiseShare: maybe,
  eeNoise: maybe.optional(),
  indices: z.record(z.string(), z.unknown()),
});

const FileSchema = z.object({
  engine: z.literal('govsim'),
  engineVersion: z.string(),
  scenario: z.string(),
  name: z.string(),
  model: z.string(),
  scenarioHash: z.string(),
  command: z.array(z.string()),
  plotted: z.array(z.string()),
  method: z.enum(['morris', 'sobol']),
  n: whole.optional(),
  r: whole.optional(),
  levels: whole.optional(),
  sampleSeed: whole,
  seeds: z.string(),
  seedCount: whole,
  points: whole,
  runs: whole,
  failedRuns: whole,
  parameters: z.array(FactorSchema).min(1),
  metrics: z.record(z.string(), MetricSchema),
});

type FileShape = z.infer<typeof FileSchema>;

export interface SensitivityFile {
  result: SensitivityResult;
  head: ReportHead;
  engineVersion: string;
}

const nan = (x: number | null | undefined) => (typeof x === 'number' ? x : NaN);
const where = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(the file)');

/** Parse and check a sensitivity.json's text (or its parsed JSON); throws a SensitivityFileError listing every problem. */
export function parseSensitivityFile(input: string | unknown, source = 'sensitivity.json'): SensitivityFile {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = readJsonText(input, source);
    } catch (e) {
      throw new SensitivityFileError(source, (e as { problems?: string[] }).problems ?? [(e as Error).message]);
    }
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((i) => `${where(i.path)}: ${i.message}`);
    if (raw && typeof raw === 'object' && !('engine' in raw) && !('metrics' in raw)) {
      problems.unshift('this does not look like a sensitivity.json (no "engine" or "metrics"; a scenario or summary file?)');
    }
    throw new SensitivityFileError(source, problems);
  }
  // Validated; built from the input itself so that key order (of factors, metrics) is the file's.
  const f = raw as FileShape;
  const problems: string[] = [];
  if (f.method === 'morris') {
    if (!(f.r !== undefined && f.r >= 1)) problems.push('r: a Morris file needs the number of trajectories r');
    if (!(f.levels !== undefined && f.levels >= 2 && f.levels % 2 === 0)) problems.push(`levels: a Morris file needs an even number of grid levels, got ${f.levels}`);
  } else if (!(f.n !== undefined && f.n >= 1)) problems.push('n: a Sobol file needs the base sample size n');
  const names = f.parameters.map((p) => p.name);
  if (new Set(names).size !== names.length) problems.push('parameters: a parameter is listed twice');
  let seeds: number[] = [];
  try {
    seeds = parseSeeds(f.seeds, 'seeds');
    if (seeds.length !== f.seedCount) problems.push(`seeds: "${f.seeds}" lists ${seeds.length} seeds, seedCount says ${f.seedCount}`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  const Row = f.method === 'morris' ? MorrisRow : SobolRow;
  const metrics: MetricResult[] = [];
  for (const [metric, m] of Object.entries(f.metrics)) {
    const keys = Object.keys(m.indices);
    const missing = names.filter((n) => !keys.includes(n));
    const extra = keys.filter((k) => !names.includes(k));
    if (missing.length) problems.push(`metrics.${metric}.indices: no entry for ${missing.join(', ')}`);
    if (extra.length) problems.push(`metrics.${metric}.indices: ${extra.join(', ')} is not among the parameters`);
    const rows: unknown[] = [];
    for (const name of names) {
      if (!(name in m.indices)) continue;
      const row = Row.safeParse(m.indices[name]);
      if (!row.success) for (const i of row.error.issues) problems.push(`metrics.${metric}.indices.${name}${i.path.length ? `.${where(i.path)}` : ''}: ${i.message}`);
      rows.push(m.indices[name]);
    }
    const out: MetricResult = {
      metric,
      points: m.points,
      variance: nan(m.variance),
      seedNoiseVariance: nan(m.seedNoiseVariance),
      seedNoiseShare: nan(m.seedNoiseShare),
    };
    // As analyse.ts: a metric that does not vary has no indices, only its noise.
    if (out.variance > 0 && rows.length === names.length) {
      if (f.method === 'morris') {
        out.morris = (rows as z.infer<typeof MorrisRow>[]).map(
          (x): MorrisIndex => ({ mu: nan(x.mu), muStar: nan(x.muStar), sigma: nan(x.sigma), muStarCi: [nan(x.muStarLo), nan(x.muStarHi)], effects: x.effects }),
        );
        out.eeNoise = nan(m.eeNoise);
      } else {
        out.sobol = (rows as z.infer<typeof SobolRow>[]).map(
          (x): SobolIndex => ({ s1: nan(x.S1), s1Ci: [nan(x.S1Lo), nan(x.S1Hi)], st: nan(x.ST), stCi: [nan(x.STLo), nan(x.STHi)], rows: x.rows }),
        );
      }
    }
    metrics.push(out);
  }
  if (!metrics.length) problems.push('metrics: no metric in the file');
  const unknown = f.plotted.filter((p) => !(p in f.metrics));
  if (unknown.length) problems.push(`plotted: ${unknown.join(', ')} is not among the metrics`);
  if (problems.length) throw new SensitivityFileError(source, problems.slice(0, 20));

  const factors = f.parameters.map(({ name: _name, ...factor }) => factor as Factor);
  const design: SensitivityDesign =
    f.method === 'morris' ? { method: 'morris', r: f.r, levels: f.levels, sampleSeed: f.sampleSeed, factors } : { method: 'sobol', n: f.n, sampleSeed: f.sampleSeed, factors };
  return {
    result: { design, parameters: names, seeds, runs: f.runs, failedRuns: f.failedRuns, metrics },
    head: { scenario: f.scenario, name: f.name, model: f.model, scenarioHash: f.scenarioHash, command: f.command, plotted: f.plotted },
    engineVersion: f.engineVersion,
  };
}
