/**
 * `govsim effects`: does every lever act? Each lever of a scenario's model is set to the low and the high
 * end of its range (booleans to the other value, enums to every other option), and every such variant
 * runs on the same seeds as the unchanged scenario. Every random draw comes from a stream named by
 * (seed, process), so a variant and the base meet the same chance events wherever the lever does not
 * matter (common random numbers): the per-seed difference variant - base carries the lever's effect with
 * little of the seed noise, and is exactly 0 on every seed for a lever the summary cannot see.
 *
 * Per lever end and summary metric: the mean paired difference with its 95% t interval, and whether it
 * is beyond seed noise (src/stats/tests.ts pairedEffect). A lever is inert when no metric is beyond noise
 * at any end. Variants are built with the `--set` machinery (scenario/overrides.ts), so each run is
 * exactly `govsim run <scenario> --seed S --set params.x=v`, and run on the batch worker pool.
 *
 * Results are keyed by run id (point x seeds + seed index), never by completion order, so the files are
 * the same bytes whatever the number of workers.
 */
import type { Summary } from '../../sim/core/model';
import { tableCsv } from '../output/csv';
import { scenarioHash } from '../output/run';
import { globRegExp, leverName, leversOf, valueAt, type LeverKind, type LeverSpec } from '../scenario/levers';
import { nearest } from '../scenario/nearest';
import { applyOverrides } from '../scenario/overrides';
import { parseScenario, ScenarioError } from '../scenario/parse';
import { resolveRun } from '../scenario/resolve';
import { mean } from '../stats/descriptive';
import { pairedEffect } from '../stats/tests';
import { ENGINE_VERSION } from '../version';
import type { Value } from './design';
import { BatchInputError } from './errors';
import { RunPool, type RunTask, type RunWorker } from './pool';
import { Progress } from './progress';
import { formatSeeds } from './seeds';

export type KindFilter = LeverKind | 'all';
export const KIND_FILTERS: readonly KindFilter[] = ['policy', 'society', 'all'];

// leverName and globRegExp live in scenario/levers.ts (pure, so the app can use them too); re-exported here.
export { globRegExp, leverName } from '../scenario/levers';

/**
 * The levers of `model` that match any of `globs` (all when none) and are of `kind`. A glob that matches
 * no lever, or a kind no selected lever has, is refused: a typo must not pass for "nothing to report".
 */
export function selectLevers(model: string, globs: readonly string[], kind: KindFilter): LeverSpec[] {
  const all = leversOf(model);
  let chosen = all;
  if (globs.length) {
    const res = globs.map(globRegExp);
    globs.forEach((g, i) => {
      if (!all.some((s) => res[i].test(leverName(s)))) {
        const hint = nearest(g.replace(/^params\./, ''), all.map(leverName));
        throw new BatchInputError(
          `--levers ${JSON.stringify(g)}: matches no lever of the ${model} model${hint ? `; did you mean ${hint}?` : ''}; allowed: globs on lever paths without "params.", e.g. ngo.support or mediation.*`,
        );
      }
    });
    chosen = all.filter((s) => res.some((r) => r.test(leverName(s))));
  }
  if (kind !== 'all') {
    const ofKind = chosen.filter((s) => s.kind === kind);
    if (!ofKind.length) {
      const marked = chosen.filter((s) => s.kind).length;
      throw new BatchInputError(
        `--kind ${kind}: none of the ${chosen.length} selected levers is marked ${kind}${marked ? '' : ' (the schema marks no lever\'s kind yet)'}; allowed: policy, society or all`,
      );
    }
    chosen = ofKind;
  }
  return chosen;
}

/** One setting a lever is tried at. */
export interface LeverEnd {
  /** low and high: the ends of a numeric lever's range; other: a boolean's other value or another enum option. */
  end: 'low' | 'high' | 'other';
  value: Value;
  /** run: measured; no room: the end is the base value; no range: the schema gives no bound; invalid: the schema refuses it. */
  status: 'run' | 'no room' | 'no range' | 'invalid';
  /** Why it is invalid. */
  error?: string;
  /** The raw scenario with the lever set (status run). */
  raw?: unknown;
}

export interface LeverPlan {
  spec: LeverSpec;
  lever: string;
  /** The scenario's value (defaults filled). */
  base: Value;
  /** The range tried (numeric levers): the plausible range if the schema gives one, else min..max. */
  range?: [number, number];
  rangeFrom?: 'range' | 'schema';
  ends: LeverEnd[];
}

export interface EffectsPlan {
  ref: string;
  model: string;
  name: string;
  scenarioHash: string;
  seeds: number[];
  /** --steps as given (undefined: the scenario's own), passed to the workers as batch does. */
  stepsFlag?: number;
  /** Steps each run does. */
  steps: number;
  baseRaw: unknown;
  levers: LeverPlan[];
}

/** The range a numeric lever is tried over, and where it came from. */
export function triedRange(spec: LeverSpec): { range?: [number, number]; from?: 'range' | 'schema' } {
  if (spec.range) return { range: spec.range, from: 'range' };
  if (spec.min !== undefined && spec.max !== undefined) return { range: [spec.min, spec.max], from: 'schema' };
  return {};
}

/** The ends of each lever, each checked against the schema before anything runs. */
export async function planEffects(ref: string, raw: unknown, specs: readonly LeverSpec[], seeds: number[], steps: number | undefined): Promise<EffectsPlan> {
  const scenario = parseScenario(raw, ref);
  const levers: LeverPlan[] = specs.map((spec) => {
    const base = (valueAt(scenario, spec.path) ?? null) as Value;
    const ends: LeverEnd[] = [];
    const { range, from } = triedRange(spec);
    if (spec.type === 'boolean') {
      ends.push({ end: 'other', value: !base, status: 'run' });
    } else if (spec.type === 'enum') {
      for (const o of spec.options ?? []) if (o !== base) ends.push({ end: 'other', value: o, status: 'run' });
    } else {
      const bound = (end: 'low' | 'high', v: number | undefined): LeverEnd =>
        v === undefined ? { end, value: null, status: 'no range' } : { end, value: v, status: v === (base as unknown) ? 'no room' : 'run' };
      ends.push(bound('low', range?.[0] ?? spec.min), bound('high', range?.[1] ?? spec.max));
    }
    for (const e of ends) {
      if (e.status !== 'run') continue;
      // Exactly what `--set params.x=v` does: the value as JSON text through the override parser.
      const variant = applyOverrides(raw, [`${spec.path}=${JSON.stringify(e.value)}`], '--levers');
      try {
        parseScenario(variant, `${ref} with ${spec.path}=${JSON.stringify(e.value)}`);
        e.raw = variant;
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw err;
        e.status = 'invalid';
        e.error = err.problems.join('; ');
      }
    }
    return { spec, lever: leverName(spec), base, ...(range ? { range, rangeFrom: from } : {}), ends };
  });
  return {
    ref,
    model: scenario.model,
    name: scenario.name,
    scenarioHash: await scenarioHash(scenario),
    seeds,
    stepsFlag: steps,
    steps: resolveRun(scenario, { steps }).steps,
    baseRaw: raw,
    levers,
  };
}

/** The plan's points: 0 is the base, then every end that runs, lever by lever. */
export function planPoints(plan: EffectsPlan): { raw: unknown; source: string; lever?: number; end?: number }[] {
  const points: { raw: unknown; source: string; lever?: number; end?: number }[] = [{ raw: plan.baseRaw, source: plan.ref }];
  plan.levers.forEach((l, li) => {
    l.ends.forEach((e, ei) => {
      if (e.status === 'run') points.push({ raw: e.raw, source: `${plan.ref} with ${l.spec.path}=${JSON.stringify(e.value)}`, lever: li, end: ei });
    });
  });
  return points;
}

/** What a run left: its scalar metrics, and which metrics are records (for their missing keys). */
export type RunMetrics = { ok: true; values: Record<string, number>; records: Set<string> } | { ok: false; error: string };

/** Scalars of a summary, nested records flattened as `name.key` (as runs.csv does); lists are left out. */
export function scalarMetrics(summary: Summary): { values: Record<string, number>; records: Set<string> } {
  const values: Record<string, number> = {};
  const records = new Set<string>();
  for (const name of Object.keys(summary)) {
    const v = summary[name];
    if (typeof v === 'number') values[name] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      records.add(name);
      for (const k of Object.keys(v)) if (typeof v[k] === 'number') values[`${name}.${k}`] = v[k];
    }
  }
  return { values, records };
}

export interface RunEffectsOptions {
  workers: number;
  quiet?: boolean;
  signal?: AbortSignal;
  /** Starts one worker; tests may pass an in-process stand-in. */
  start?: () => RunWorker;
}

/** Run every point over every seed on the pool; results by run id = point x seeds + seed index. */
export async function runEffects(plan: EffectsPlan, opts: RunEffectsOptions): Promise<{ stopped: boolean; runs: RunMetrics[] }> {
  const points = planPoints(plan);
  const n = plan.seeds.length;
  const tasks: RunTask[] = [];
  points.forEach((p, pi) => {
    plan.seeds.forEach((seed, si) => {
      tasks.push({ id: pi * n + si, scenario: p.raw, seed, steps: plan.stepsFlag, source: p.source });
    });
  });
  const runs: RunMetrics[] = new Array(tasks.length);
  const progress = new Progress(tasks.length, 0, { quiet: opts.quiet });
  const pool = new RunPool({ workers: Math.max(1, Math.min(opts.workers, tasks.length)), start: opts.start });
  try {
    const res = await pool.runAll(
      tasks,
      (task, result) => {
        runs[task.id] = result.ok
          ? { ok: true, ...scalarMetrics((JSON.parse(result.outputs.files['summary.json']) as { metrics: Summary }).metrics) }
          : { ok: false, error: result.error };
        progress.tick(!result.ok);
      },
      opts.signal,
    );
    return { stopped: res.stopped, runs };
  } finally {
    progress.finish();
    await pool.close();
  }
}

export interface MetricEffect {
  metric: string;
  /** Seeds where both runs succeeded and the metric is finite in both. */
  n: number;
  /** Mean of the base runs over the same seeds, to read a difference against. */
  baseMean: number;
  meanDiff: number;
  sd: number;
  lo: number;
  hi: number;
  /** meanDiff in standard errors (±Infinity when every seed shifts by the same amount). */
  t: number;
  beyondNoise: boolean;
}

export interface EndResult {
  end: LeverEnd['end'];
  value: Value;
  status: LeverEnd['status'];
  error?: string;
  /** Seeds on which this end's run or the base's failed. */
  failedRuns: number;
  /** The first such failure's message (they usually share one). */
  runError?: string;
  metrics: MetricEffect[];
}

export interface LeverResult {
  lever: string;
  path: string;
  group: string;
  type: LeverSpec['type'];
  kind: LeverKind | 'unknown';
  range: [number, number] | null;
  rangeFrom: 'range' | 'schema' | null;
  options: string[] | null;
  base: Value;
  /** No metric beyond noise at any measured end; null when no end could be measured. */
  inert: boolean | null;
  ends: EndResult[];
}

export interface EffectsReport {
  engine: 'govsim';
  engineVersion: string;
  scenario: string;
  name: string;
  model: string;
  scenarioHash: string;
  command: string[];
  seeds: string;
  seedCount: number;
  steps: number;
  runs: number;
  failedRuns: number;
  levers: LeverResult[];
  /** Inert levers by kind. */
  inert: Record<LeverKind | 'unknown', string[]>;
}

/** The report of a finished run: every end against the base, metric by metric. */
export function analyseEffects(plan: EffectsPlan, runs: readonly RunMetrics[], command: string[]): EffectsReport {
  const n = plan.seeds.length;
  // Metrics in order of first appearance over the runs in id order (models list them in a fixed order).
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of runs) {
    if (!r?.ok) continue;
    for (const k of Object.keys(r.values)) {
      if (seen.has(k)) continue;
      seen.add(k);
      names.push(k);
    }
  }
  const get = (r: RunMetrics | undefined, name: string): number | undefined => {
    if (!r?.ok) return undefined;
    const v = r.values[name];
    if (v !== undefined) return v;
    // Count records (e.g. firstChannelPaths) leave out keys that never occurred: absent means 0.
    const dot = name.indexOf('.');
    return dot > 0 && r.records.has(name.slice(0, dot)) ? 0 : undefined;
  };
  let point = 0;
  const levers: LeverResult[] = plan.levers.map((l) => {
    const ends: EndResult[] = l.ends.map((e) => {
      const out: EndResult = { end: e.end, value: e.value, status: e.status, ...(e.error ? { error: e.error } : {}), failedRuns: 0, metrics: [] };
      if (e.status !== 'run') return out;
      point++;
      for (let s = 0; s < n; s++) {
        const pair = [runs[point * n + s], runs[s]];
        if (pair.every((r) => r?.ok)) continue;
        out.failedRuns++;
        const bad = pair.find((r) => r && !r.ok);
        out.runError ??= bad && !bad.ok ? bad.error : 'no result';
      }
      for (const name of names) {
        const a: number[] = [];
        const b: number[] = [];
        for (let s = 0; s < n; s++) {
          const x = get(runs[point * n + s], name);
          const y = get(runs[s], name);
          if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
            a.push(x);
            b.push(y);
          }
        }
        if (!a.length) continue;
        const d = pairedEffect(a, b);
        out.metrics.push({ metric: name, n: d.n, baseMean: mean(b), meanDiff: d.mean, sd: d.sd, lo: d.lo, hi: d.hi, t: d.t, beyondNoise: d.beyondNoise });
      }
      return out;
    });
    const measured = ends.filter((e) => e.metrics.some((m) => m.n >= 2));
    const acts = ends.some((e) => e.metrics.some((m) => m.beyondNoise));
    return {
      lever: l.lever,
      path: l.spec.path,
      group: l.spec.group,
      type: l.spec.type,
      kind: l.spec.kind ?? 'unknown',
      range: l.range ?? null,
      rangeFrom: l.rangeFrom ?? null,
      options: l.spec.type === 'enum' ? (l.spec.options ?? []) : l.spec.type === 'boolean' ? ['false', 'true'] : null,
      base: l.base,
      inert: acts ? false : measured.length ? true : null,
      ends,
    };
  });
  const inert: EffectsReport['inert'] = { policy: [], society: [], output: [], unknown: [] };
  for (const l of levers) if (l.inert) inert[l.kind].push(l.lever);
  return {
    engine: 'govsim',
    engineVersion: ENGINE_VERSION,
    scenario: plan.ref,
    name: plan.name,
    model: plan.model,
    scenarioHash: plan.scenarioHash,
    command,
    seeds: formatSeeds(plan.seeds),
    seedCount: n,
    steps: plan.steps,
    runs: runs.length,
    failedRuns: runs.filter((r) => !r?.ok).length,
    levers,
    inert,
  };
}

export const CSV_COLUMNS = ['lever', 'kind', 'end', 'value', 'base', 'metric', 'meanDiff', 'lo', 'hi', 'n', 'beyondNoise'] as const;

/** effects.csv (one row per lever x measured end x metric) and effects.json (everything, with `inert`). */
export function effectsFiles(report: EffectsReport): Record<string, string> {
  const rows = report.levers.flatMap((l) =>
    l.ends.flatMap((e) =>
      e.metrics.map((m) => ({
        lever: l.lever,
        kind: l.kind,
        end: e.end,
        value: e.value,
        base: l.base,
        metric: m.metric,
        meanDiff: m.meanDiff,
        lo: m.lo,
        hi: m.hi,
        n: m.n,
        beyondNoise: m.beyondNoise,
      })),
    ),
  );
  // JSON has no Infinity: a noiseless shift's t is written as null (its sd is 0 and its interval a point).
  const json = JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
  return { 'effects.csv': tableCsv(CSV_COLUMNS, rows), 'effects.json': json };
}

/**
 * The metrics an end moves beyond noise, largest |t| first. Shifts that are the same on every seed all
 * have infinite t (typical of small counts over few seeds), so ties go to the larger change relative to
 * the base's mean, then to the name, for a stable order.
 */
export function moved(e: EndResult): MetricEffect[] {
  const rel = (m: MetricEffect) => (m.baseMean !== 0 ? Math.abs(m.meanDiff / m.baseMean) : Infinity);
  return e.metrics
    .filter((m) => m.beyondNoise)
    .sort((a, b) => Math.abs(b.t) - Math.abs(a.t) || rel(b) - rel(a) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
}

/** A number in 3 significant digits, for people. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '-' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e6 || a < 1e-4 ? x.toExponential(2) : String(Number(x.toPrecision(3)));
}

export function signed(x: number): string {
  return x > 0 ? `+${num(x)}` : num(x);
}

/** One metric's effect: `volunteers -4.93e3 [-5.1e3, -4.7e3]`. */
export function describeEffect(m: MetricEffect): string {
  return `${m.metric} ${signed(m.meanDiff)} [${num(m.lo)}, ${num(m.hi)}]`;
}

export function showValue(v: Value): string {
  return typeof v === 'string' ? v : String(v);
}

/** The printed summary: inert levers by kind, and per lever what it moves most. */
export function effectsSummary(report: EffectsReport, top = 3): string {
  const lines: string[] = [];
  const kinds: (LeverKind | 'unknown')[] = ['policy', 'society', 'output', 'unknown'];
  const inertCount = kinds.reduce((s, k) => s + report.inert[k].length, 0);
  lines.push(`inert levers (no summary metric beyond seed noise at any end): ${inertCount} of ${report.levers.length}`);
  for (const k of kinds) {
    if (!report.levers.some((l) => l.kind === k)) continue;
    lines.push(`  ${k === 'unknown' ? 'kind not marked' : k}: ${report.inert[k].length ? report.inert[k].join(', ') : '-'}`);
  }
  lines.push('what each lever moves most (largest |t|, mean paired difference [95% CI]):');
  const width = Math.max(...report.levers.map((l) => l.lever.length));
  for (const l of report.levers) {
    const parts = l.ends.map((e) => {
      const at = `${e.end === 'other' ? '=' : `${e.end} `}${showValue(e.value)}`;
      if (e.status === 'no room') return `${at}: no room (the base value)`;
      if (e.status === 'no range') return `${e.end}: no range in the schema`;
      if (e.status === 'invalid') return `${at}: refused by the schema (${e.error})`;
      const m = moved(e);
      const failed = e.failedRuns ? ` (${e.failedRuns} of ${report.seedCount} seeds failed)` : '';
      return `${at}: ${m.length ? m.slice(0, top).map(describeEffect).join(', ') + (m.length > top ? `, +${m.length - top} more` : '') : 'nothing beyond noise'}${failed}`;
    });
    lines.push(`  ${l.lever.padEnd(width)}  ${parts.join('; ')}`);
  }
  return lines.join('\n');
}
