/**
 * Experimental designs and the plan of runs they give.
 *
 * A design is a full factorial grid (`--grid params.x=0.1,0.2,0.3`, `--grid params.y=1..5`,
 * `--grid params.z=0..1:0.25`) optionally crossed with a Latin hypercube sample (`--lhs N --range
 * params.w=0..1`). Points are listed grid-major: the first `--grid` varies slowest, the last fastest,
 * then the hypercube's samples in the order drawn. Every point is crossed with every seed.
 *
 * Run ids are stable: id = point * seedCount + seedIndex, i.e. runs are numbered point by point and,
 * within a point, in the order the seeds were given. The same arguments always give the same ids, which
 * is what makes run files, resumption, shards and merging agree.
 */
import { Stream } from '../../sim/core/random';
import { applyOverrides, parseValue } from '../scenario/overrides';
import type { Scenario } from '../scenario/schema';
import type { SensitivityDesign } from '../sensitivity/types';
import { BatchInputError } from './errors';

export type Value = number | string | boolean | null;

export interface GridAxis {
  path: string;
  values: Value[];
}

export interface LhsRange {
  path: string;
  lo: number;
  hi: number;
}

export interface LhsDesign {
  n: number;
  /** Seed of the sampling stream (independent of the runs' seeds). */
  seed: number;
  ranges: LhsRange[];
}

export interface Design {
  grid: GridAxis[];
  lhs?: LhsDesign;
}

/** One scenario of a plan (a batch and a sweep have one; a comparison has several). */
export interface PlanScenario {
  /** As given on the command line. */
  ref: string;
  name: string;
  model: string;
  /** Content hash of the parsed scenario with `--set` applied (see src/output/run.ts). */
  scenarioHash: string;
  /**
   * That parsed scenario itself (keys sorted), so a batch folder can be re-run from its own files
   * (`govsim replay`). Folders written before it existed lack it.
   */
  resolved?: Scenario;
}

export interface PlanPoint {
  /** Index into plan.scenarios. */
  scenario: number;
  /** Settings varied at this point, by dotted path, in the order of plan.varied. */
  values: Record<string, Value>;
  /** Steps each run of this point does. */
  steps: number;
}

/** Everything that defines a batch's runs; written to DIR/plan.json, compared on --resume and merge. */
export interface Plan {
  kind: 'batch' | 'sweep' | 'compare' | 'sensitivity';
  /** The command line after `govsim`, without flags that do not change the results. */
  command: string[];
  scenarios: PlanScenario[];
  sets: string[];
  seeds: number[];
  series: boolean;
  design?: Design;
  /** A sensitivity analysis's design (src/sensitivity): its points are drawn from it. */
  sensitivity?: SensitivityDesign;
  varied: string[];
  points: PlanPoint[];
}

export interface PlannedRun {
  id: number;
  point: number;
  seed: number;
}

export function runCount(plan: Plan): number {
  return plan.points.length * plan.seeds.length;
}

export function plannedRun(plan: Plan, id: number): PlannedRun {
  const point = Math.floor(id / plan.seeds.length);
  return { id, point, seed: plan.seeds[id % plan.seeds.length] };
}

/** The runs of a plan in id order. */
export function plannedRuns(plan: Plan): PlannedRun[] {
  const out: PlannedRun[] = [];
  for (let id = 0; id < runCount(plan); id++) out.push(plannedRun(plan, id));
  return out;
}

/** Most points a design may have: a typo such as 0..1:0.000001 should fail fast, not fill the disk. */
export const MAX_POINTS = 1_000_000;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** `path=v1,v2,...` where each item is a value (JSON or plain text), `a..b` (whole numbers) or `a..b:step`. */
export function parseGrid(spec: string): GridAxis {
  const { path, text } = splitAssignment(spec, '--grid', 'params.x=0.1,0.2,0.3 or params.y=1..5 or params.z=0..1:0.25');
  const bad = (why: string) =>
    new BatchInputError(`--grid ${spec}: ${why}; allowed: v1,v2,... or a..b (whole numbers) or a..b:step, e.g. params.y=1..5`);
  if (text.trim() === '') throw bad('no values (empty range)');
  const values: Value[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') throw bad('an empty item');
    const dots = item.indexOf('..');
    if (dots > 0 && NUMBER.test(item.slice(0, dots).trim())) {
      values.push(...rangeValues(item, bad));
    } else {
      const v = parseValue(item);
      if (v !== null && typeof v === 'object') throw bad(`${item} is not a single value`);
      values.push(v as Value);
    }
    if (values.length > MAX_POINTS) throw bad(`more than ${MAX_POINTS} values`);
  }
  const seen = new Set<string>();
  for (const v of values) {
    const key = JSON.stringify(v);
    if (seen.has(key)) throw bad(`${key} is listed twice`);
    seen.add(key);
  }
  return { path, values };
}

function rangeValues(item: string, bad: (why: string) => Error): number[] {
  const dots = item.indexOf('..');
  const [endText, stepText] = item.slice(dots + 2).split(':');
  const a = numberOf(item.slice(0, dots), bad);
  const b = numberOf(endText, bad);
  if (a > b) throw bad(`the range ${item} runs backwards (${a} > ${b})`);
  if (stepText === undefined) {
    if (!Number.isInteger(a) || !Number.isInteger(b)) throw bad(`${item} needs whole numbers; for decimals give a step, e.g. ${a}..${b}:0.1`);
    if (b - a + 1 > MAX_POINTS) throw bad(`more than ${MAX_POINTS} values`);
    const out: number[] = [];
    for (let v = a; v <= b; v++) out.push(v);
    return out;
  }
  const step = numberOf(stepText, bad);
  if (!(step > 0)) throw bad(`the step of ${item} must be positive`);
  // A small tolerance so that 0..1:0.1 includes 1 despite binary rounding of 0.1.
  const count = Math.floor((b - a) / step + 1e-9) + 1;
  if (count > MAX_POINTS) throw bad(`more than ${MAX_POINTS} values`);
  const out: number[] = [];
  // 12 significant digits turn 0.30000000000000004 back into 0.3, so the values print as written.
  for (let i = 0; i < count; i++) out.push(Number((a + i * step).toPrecision(12)));
  return out;
}

/** `path=lo..hi`: a continuous range for the Latin hypercube. */
export function parseRange(spec: string): LhsRange {
  const { path, text } = splitAssignment(spec, '--range', 'params.z=0..1');
  const bad = (why: string) => new BatchInputError(`--range ${spec}: ${why}; allowed: lo..hi with lo < hi, e.g. params.z=0..1`);
  const dots = text.indexOf('..');
  if (text.trim() === '') throw bad('no range (empty range)');
  if (dots < 0) throw bad('not of the form lo..hi');
  const lo = numberOf(text.slice(0, dots), bad);
  const hi = numberOf(text.slice(dots + 2), bad);
  if (lo > hi) throw bad(`the range runs backwards (${lo} > ${hi})`);
  if (lo === hi) throw bad('the range is empty (lo = hi); use --set to fix a value');
  return { path, lo, hi };
}

function splitAssignment(spec: string, flag: string, example: string): { path: string; text: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new BatchInputError(`${flag} ${JSON.stringify(spec)}: not of the form path=values, e.g. ${flag} ${example}`);
  const path = spec.slice(0, eq).trim();
  if (path === 'seed') throw new BatchInputError(`${flag} ${spec}: vary seeds with --seeds, not ${flag}`);
  return { path, text: spec.slice(eq + 1) };
}

function numberOf(s: string, bad: (why: string) => Error): number {
  const t = s.trim();
  if (!NUMBER.test(t)) throw bad(`${JSON.stringify(t)} is not a number`);
  return Number(t);
}

/** Check a design as a whole: each path varied once, sizes sensible. */
export function checkDesign(design: Design): void {
  const paths = [...design.grid.map((g) => g.path), ...(design.lhs?.ranges.map((r) => r.path) ?? [])];
  const seen = new Set<string>();
  for (const p of paths) {
    if (seen.has(p)) throw new BatchInputError(`${p} is varied twice; give each parameter one --grid or --range`);
    seen.add(p);
  }
  if (design.lhs) {
    if (!(design.lhs.n >= 1)) throw new BatchInputError('--lhs: the sample needs at least 1 point');
    if (design.lhs.ranges.length === 0) throw new BatchInputError('--lhs needs at least one --range path=lo..hi');
  }
  let points = 1;
  for (const g of design.grid) points *= g.values.length;
  if (design.lhs) points *= design.lhs.n;
  if (points > MAX_POINTS) throw new BatchInputError(`the design has ${points} points; at most ${MAX_POINTS} are allowed`);
}

/**
 * Refuse unknown parameter paths before anything runs, with the nearest valid path (applyOverrides
 * throws a ScenarioError naming it). Values are not checked here: a value the schema refuses fails only
 * the runs of its point, which are reported with their seed and parameters.
 */
export function checkDesignPaths(raw: unknown, design: Design): void {
  for (const g of design.grid) applyOverrides(raw, [`${g.path}=${JSON.stringify(g.values[0])}`], '--grid');
  for (const r of design.lhs?.ranges ?? []) applyOverrides(raw, [`${r.path}=${JSON.stringify(r.lo)}`], '--range');
}

/** The varied paths, in column order. */
export function variedPaths(design: Design): string[] {
  return [...design.grid.map((g) => g.path), ...(design.lhs?.ranges.map((r) => r.path) ?? [])];
}

/** The design's points in the documented order (grid-major, then hypercube samples). */
export function designPoints(design: Design): Record<string, Value>[] {
  let points: Record<string, Value>[] = [{}];
  for (const axis of design.grid) {
    const next: Record<string, Value>[] = [];
    for (const p of points) for (const v of axis.values) next.push({ ...p, [axis.path]: v });
    points = next;
  }
  if (design.lhs) {
    const sample = latinHypercube(design.lhs);
    const next: Record<string, Value>[] = [];
    for (const p of points) for (const s of sample) next.push({ ...p, ...s });
    points = next;
  }
  return points;
}

/**
 * A Latin hypercube sample: each range is cut into n equal strata and each stratum is used exactly once
 * per dimension, the strata paired across dimensions by random permutations, with a uniform position
 * inside each stratum. Draws come from the stream `govsim/lhs/<seed>`, in a fixed order (dimension by
 * dimension: its permutation, then its n offsets), so the sample is the same on every machine.
 */
export function latinHypercube(lhs: LhsDesign): Record<string, number>[] {
  const stream = new Stream(`govsim/lhs/${lhs.seed}`);
  const out: Record<string, number>[] = Array.from({ length: lhs.n }, () => ({}));
  for (const r of lhs.ranges) {
    const perm = new Float64Array(lhs.n);
    for (let i = 0; i < lhs.n; i++) perm[i] = i;
    stream.shuffle(perm);
    for (let i = 0; i < lhs.n; i++) {
      const u = (perm[i] + stream.next()) / lhs.n;
      out[i][r.path] = r.lo + u * (r.hi - r.lo);
    }
  }
  return out;
}

/** `--set`-style assignments of a point's values (JSON text round-trips every number exactly). */
export function assignments(values: Record<string, Value>): string[] {
  return Object.keys(values).map((p) => `${p}=${JSON.stringify(values[p])}`);
}

/** A point's values as short text for messages: `params.x=0.2, params.y=3`. */
export function describeValues(values: Record<string, Value>): string {
  return Object.keys(values)
    .map((p) => `${p}=${JSON.stringify(values[p])}`)
    .join(', ');
}
