/**
 * Draws of the society parameters, for conclusions that must hold across the uncertainty about society
 * (design/MODEL.md section 9), not only at a preset's values. A draw is a set of values by parameter path;
 * `govsim validate` and `govsim compare` run every scenario at every draw (and at the preset's own values,
 * for reference), the same draw for every scenario of a comparison: regimes then differ only in policy.
 *
 * Two sources:
 *   - `--lhs D [--params GLOB,..] [--sample-seed S]`: a Latin hypercube of D points over every numeric
 *     `society` parameter (or those matching the globs), each uniform over the schema's plausible range
 *     (src/sensitivity/factors.ts chooses and maps them, as `govsim sensitivity --kind society` does).
 *     Each parameter's range is cut into D equal strata, each used by exactly one draw.
 *   - `--posterior FILE [--draws D] [--sample-seed S]`: the particles of a posterior (e.g. from ABC), as
 *       CSV:  one column per parameter path (`params.grievances.ratePerResidentYear` or without
 *             `params.`), an optional `weight` column, and optional `distance`, `particle`, `generation`
 *             and `id` columns, which are read past;
 *       JSON: {"particles": [{"params": {"path": value, ...}, "weight": w, "distance": d}, ...]}, or the
 *             bare array of particles.
 *     Missing weights count 1; weights need not sum to 1. With --draws D, D particles are drawn by
 *     systematic resampling in proportion to their weights (a seeded stream, so the same file and seed
 *     give the same draws), each draw then weighing 1; without it every particle is a draw with its own
 *     weight, and shares and quantiles are weighted.
 * Draws set society parameters only: a posterior naming a policy or output parameter is refused, naming
 * it. A parameter fixed with --set is held at that value and left out of the draws.
 */
import { parseInputJson, readInputText } from '../batch/input-file';
import { Stream } from '../../sim/core/random';
import { latinHypercube } from '../batch/design';
import { globRegExp, leverName } from '../batch/effects';
import { BatchInputError } from '../batch/errors';
import { leversOf, type LeverSpec } from '../scenario/levers';
import { nearest } from '../scenario/nearest';
import { defaultFactor, describeFactor, factorValue, limitsOf, selectParameters } from '../sensitivity/factors';
import type { Factor } from '../sensitivity/types';

export interface Draw {
  /** 1-based: draw 0 is the preset's own values (see `PRESET_DRAW`). */
  index: number;
  /** Values by parameter path (with `params.`). */
  values: Record<string, number>;
  /** Weight of the draw in shares and quantiles (1 for a hypercube or a resampled posterior). */
  weight: number;
  /** Posterior: the particle's row (0-based) in the file. */
  particle?: number;
}

export interface DrawSet {
  method: 'lhs' | 'posterior';
  sampleSeed: number;
  /** The parameter paths the draws set, in column order. */
  paths: string[];
  draws: Draw[];
  /** Parameters the draws would have set but --set fixes (left out). */
  fixed: string[];
  /** Hypercube: each parameter's distribution. */
  factors?: Factor[];
  /** Posterior: the file, its particle count, and whether D draws were resampled from it. */
  source?: string;
  particles?: number;
  resampled?: boolean;
}

/** Column names of a posterior file that are not parameters (only `weight` is used). */
export const RESERVED_COLUMNS = ['weight', 'distance', 'particle', 'generation', 'id'] as const;

/** Prefix of the summary-statistic columns `govsim calibrate` writes beside the parameters (ignored here). */
export const STAT_PREFIX = 'stat:';

/** Most draws allowed (each costs a full run of every scenario and seed). */
export const MAX_DRAWS = 100_000;

/** The paths `--set` assignments fix (`params.x=1` -> `params.x`). */
export function fixedBySets(sets: readonly string[]): Set<string> {
  return new Set(sets.map((s) => s.slice(0, Math.max(0, s.indexOf('='))).trim()).filter((p) => p.startsWith('params.')));
}

/** `path` is fixed by one of `fixed`: the same path or an enclosing one (`params.population={...}`). */
export function isFixed(path: string, fixed: ReadonlySet<string> | undefined): boolean {
  if (!fixed) return false;
  for (const f of fixed) if (path === f || path.startsWith(`${f}.`)) return true;
  return false;
}

/**
 * A Latin hypercube of `n` draws over the society parameters of `model` matching `globs` (all when none),
 * each uniform over its plausible range; parameters in `fixed` are left out. A glob that matches only
 * policy or output parameters is refused, naming them: draws vary society, never policy.
 */
export function lhsDraws(model: string, n: number, opts: { globs?: readonly string[]; sampleSeed?: number; fixed?: ReadonlySet<string> } = {}): DrawSet {
  const globs = opts.globs ?? [];
  const sampleSeed = opts.sampleSeed ?? 1;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_DRAWS)) throw new BatchInputError(`--lhs ${n}: not allowed; allowed: a whole number of draws from 1 to ${MAX_DRAWS}`);
  for (const g of globs) {
    const re = globRegExp(g);
    const matched = leversOf(model).filter((s) => re.test(leverName(s)));
    if (matched.length && !matched.some((s) => s.kind === 'society')) {
      throw new BatchInputError(
        `--params ${JSON.stringify(g)}: matches only ${matched[0].kind ?? 'unmarked'} parameters (${matched.slice(0, 5).map(leverName).join(', ')}${matched.length > 5 ? ', ...' : ''}); draws vary society parameters only, so that scenarios differ only in policy`,
      );
    }
  }
  const selection = selectParameters(model, [...globs], 'society');
  const fixed = selection.specs.filter((s) => isFixed(s.path, opts.fixed)).map((s) => s.path);
  const specs = selection.specs.filter((s) => !isFixed(s.path, opts.fixed));
  if (!specs.length) throw new BatchInputError(`--lhs: every selected society parameter is fixed by --set (${fixed.join(', ')}); nothing is left to draw`);
  const factors = specs.map(defaultFactor);
  const unit = latinHypercube({ n, seed: sampleSeed, ranges: factors.map((f) => ({ path: f.path, lo: 0, hi: 1 })) });
  const draws = unit.map((u, i) => {
    const values: Record<string, number> = {};
    for (const f of factors) values[f.path] = factorValue(f, u[f.path]);
    return { index: i + 1, values, weight: 1 };
  });
  return { method: 'lhs', sampleSeed, paths: factors.map((f) => f.path), draws, fixed, factors };
}

/** One particle of a posterior as read: values by path (with `params.`), its weight, its row. */
export interface Particle {
  values: Record<string, number>;
  weight: number;
}

/** Read a posterior file (CSV, or JSON when it ends in .json or starts with `{` or `[`). */
export function readPosterior(file: string, model: string, fixed: ReadonlySet<string> = new Set()): { particles: Particle[]; paths: string[]; fixed: string[] } {
  return parsePosterior(readInputText('--posterior', file), model, file, fixed);
}

export function parsePosterior(text: string, model: string, source: string, fixed: ReadonlySet<string> = new Set()): { particles: Particle[]; paths: string[]; fixed: string[] } {
  const trimmed = text.trim();
  const rows = source.endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[') ? jsonRows(trimmed, source) : csvRows(trimmed, source);
  if (!rows.length) throw new BatchInputError(`--posterior ${source}: holds no particle`);
  const specs = leversOf(model);
  const byName = new Map(specs.map((s) => [leverName(s), s]));
  const problems: string[] = [];
  const keys = Object.keys(rows[0].values);
  const columns = new Map<string, LeverSpec>();
  for (const key of keys) {
    const spec = byName.get(key.replace(/^params\./, ''));
    if (!spec) {
      const hint = nearest(key.replace(/^params\./, ''), [...byName.keys()]);
      problems.push(
        `${JSON.stringify(key)} is not a parameter of the ${model} model${hint ? `; did you mean ${hint}?` : ''} (allowed: society parameter paths such as params.grievances.ratePerResidentYear, and the columns ${RESERVED_COLUMNS.join(', ')} and ${STAT_PREFIX}*)`,
      );
    } else if (spec.kind !== 'society') {
      problems.push(`${spec.path} is a ${spec.kind ?? 'unmarked'} parameter, not a society one; draws set society parameters only, so that every scenario keeps its own policy`);
    } else if (spec.type !== 'number' && spec.type !== 'integer') {
      problems.push(`${spec.path} is a ${spec.type}, not a number; draws set numeric parameters only`);
    } else columns.set(key, spec);
  }
  if (problems.length) throw new BatchInputError(`--posterior ${source}: ${problems.join('; ')}`);
  const dropped = [...columns.values()].filter((s) => isFixed(s.path, fixed)).map((s) => s.path);
  const particles: Particle[] = [];
  rows.forEach((row, r) => {
    const where = `particle ${r + 1}`;
    if (Object.keys(row.values).length !== keys.length || !keys.every((k) => k in row.values)) {
      problems.push(`${where}: names other parameters than the first particle (${keys.join(', ')}); every particle must set the same ones`);
      return;
    }
    const values: Record<string, number> = {};
    for (const [key, spec] of columns) {
      const v = row.values[key];
      const [lo, hi] = limitsOf(spec);
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${where}: ${spec.path} = ${JSON.stringify(v)} is not a finite number`);
      else if (v < lo || v > hi) problems.push(`${where}: ${spec.path} = ${v} is outside the schema's limits ${lo}..${hi}`);
      else if (spec.type === 'integer' && !Number.isInteger(v)) problems.push(`${where}: ${spec.path} = ${v} is not a whole number, and the parameter is one`);
      else if (!isFixed(spec.path, fixed)) values[spec.path] = v;
    }
    const w = row.weight;
    if (w !== undefined && !(typeof w === 'number' && Number.isFinite(w) && w >= 0)) problems.push(`${where}: weight ${JSON.stringify(w)} is not allowed; allowed: a finite number >= 0`);
    particles.push({ values, weight: typeof w === 'number' ? w : 1 });
  });
  if (problems.length) throw new BatchInputError(`--posterior ${source}: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`);
  if (!(particles.reduce((s, p) => s + p.weight, 0) > 0)) throw new BatchInputError(`--posterior ${source}: every weight is 0`);
  const paths = [...columns.values()].map((s) => s.path).filter((p) => !isFixed(p, fixed));
  if (!paths.length) throw new BatchInputError(`--posterior ${source}: names no parameter${dropped.length ? ` that --set does not fix (fixed: ${dropped.join(', ')})` : ''}`);
  return { particles, paths, fixed: dropped };
}

/**
 * Draws from a posterior: with `draws` D, D particles by systematic resampling (one uniform u from the
 * stream `govsim/posterior/<seed>`, then the particles whose cumulative normalised weight first exceeds
 * (u + k) / D, k = 0..D-1: particle i is drawn floor or ceil of D w_i times), each weighing 1; without,
 * every particle with its weight.
 */
export function posteriorDraws(
  posterior: { particles: Particle[]; paths: string[]; fixed: string[] },
  opts: { draws?: number; sampleSeed?: number; source?: string } = {},
): DrawSet {
  const sampleSeed = opts.sampleSeed ?? 1;
  const { particles } = posterior;
  const base = { method: 'posterior' as const, sampleSeed, paths: posterior.paths, fixed: posterior.fixed, source: opts.source, particles: particles.length };
  if (opts.draws === undefined) {
    return { ...base, resampled: false, draws: particles.map((p, i) => ({ index: i + 1, values: p.values, weight: p.weight, particle: i })) };
  }
  const d = opts.draws;
  if (!(Number.isInteger(d) && d >= 1 && d <= MAX_DRAWS)) throw new BatchInputError(`--draws ${d}: not allowed; allowed: a whole number from 1 to ${MAX_DRAWS}`);
  const total = particles.reduce((s, p) => s + p.weight, 0);
  const u0 = new Stream(`govsim/posterior/${sampleSeed}`).next();
  const draws: Draw[] = [];
  let i = 0;
  let cum = particles[0].weight / total;
  for (let k = 0; k < d; k++) {
    const u = (u0 + k) / d;
    while (cum <= u && i < particles.length - 1) cum += particles[++i].weight / total;
    draws.push({ index: k + 1, values: particles[i].values, weight: 1, particle: i });
  }
  return { ...base, resampled: true, draws };
}

/** The CLI flags that choose draws, as read (see src/cli/commands/validate.ts and compare.ts). */
export interface DrawFlags {
  lhs?: number;
  posterior?: string;
  draws?: number;
  params?: string;
  sampleSeed?: number;
}

/** Whether any of the flags asks for draws. */
export const wantsDraws = (f: DrawFlags) => f.lhs !== undefined || f.posterior !== undefined;

/** The draws the flags ask for, for scenarios of `model` with `sets` applied (their paths are held fixed). */
export function drawsFromFlags(f: DrawFlags, model: string, sets: readonly string[]): DrawSet {
  if (f.lhs !== undefined && f.posterior !== undefined) throw new BatchInputError('--lhs and --posterior: give one; draws come from a Latin hypercube or from a posterior, not both');
  if (f.draws !== undefined && f.posterior === undefined) throw new BatchInputError('--draws: goes with --posterior FILE (how many particles to resample); a hypercube takes its size from --lhs D');
  if (f.params !== undefined && f.lhs === undefined) throw new BatchInputError('--params: goes with --lhs D (which society parameters the hypercube varies); a posterior names its own');
  const fixed = fixedBySets(sets);
  if (f.lhs !== undefined) {
    const globs = f.params === undefined ? [] : f.params.split(',').map((g) => g.trim());
    if (globs.some((g) => g === '')) throw new BatchInputError(`--params ${JSON.stringify(f.params)}: an empty glob; allowed: comma-separated globs such as population.*,economy.inequality`);
    return lhsDraws(model, f.lhs, { globs, sampleSeed: f.sampleSeed, fixed });
  }
  if (f.posterior === undefined) throw new BatchInputError('no draws asked for: give --lhs D or --posterior FILE');
  return posteriorDraws(readPosterior(f.posterior, model, fixed), { draws: f.draws, sampleSeed: f.sampleSeed, source: f.posterior });
}

/** `--set` assignments of a draw's values (JSON text round-trips every number). */
export function drawAssignments(d: Draw): string[] {
  return Object.keys(d.values).map((p) => `${p}=${JSON.stringify(d.values[p])}`);
}

/** A line or two saying where the draws come from, for the terminal. */
export function describeDraws(s: DrawSet): string {
  const head =
    s.method === 'lhs'
      ? `${s.draws.length} draws: Latin hypercube over ${s.paths.length} society parameters (sample seed ${s.sampleSeed})`
      : s.resampled
        ? `${s.draws.length} draws resampled by weight from ${s.particles} posterior particles in ${s.source} (sample seed ${s.sampleSeed}), over ${s.paths.length} parameters`
        : `${s.draws.length} draws: every particle of ${s.source}, weighted, over ${s.paths.length} parameters`;
  const fixed = s.fixed.length ? `; held at their --set values: ${s.fixed.map((p) => p.replace(/^params\./, '')).join(', ')}` : '';
  const factors = s.factors && s.factors.length <= 12 ? s.factors.map((f) => `\n    ${f.path.replace(/^params\./, '')}: ${describeFactor(f)}`).join('') : '';
  return head + fixed + factors;
}

/** What reports record of the draws: the method and, per draw, its values and weight. */
export function drawsRecord(s: DrawSet) {
  return {
    method: s.method,
    sampleSeed: s.sampleSeed,
    ...(s.source !== undefined ? { source: s.source, particles: s.particles, resampled: s.resampled } : {}),
    parameters: s.paths,
    fixedBySet: s.fixed,
    ...(s.factors ? { factors: s.factors } : {}),
  };
}

// --- reading the files -----------------------------------------------------------------------------

interface Row {
  values: Record<string, unknown>;
  weight: unknown;
}

function jsonRows(text: string, source: string): Row[] {
  const raw = parseInputJson('--posterior', source, text);
  // govsim calibrate's posterior.json holds its particles as `population`: [{values, weight, ...}].
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { particles?: unknown; population?: unknown }) : undefined;
  const list = Array.isArray(raw) ? raw : Array.isArray(obj?.particles) ? obj.particles : obj?.population;
  if (!Array.isArray(list)) {
    throw new BatchInputError(
      `--posterior ${source}: a JSON posterior is {"particles": [{"params": {"path": value, ...}, "weight": w}, ...]}, that array, or govsim calibrate's posterior.json`,
    );
  }
  return list.map((p, i) => {
    const q = p && typeof p === 'object' ? (p as { params?: unknown; values?: unknown }) : undefined;
    const params = q?.params ?? q?.values;
    if (!params || typeof params !== 'object' || Array.isArray(params)) {
      throw new BatchInputError(`--posterior ${source}: particle ${i + 1} has no "params" object of path -> value`);
    }
    return { values: params as Record<string, unknown>, weight: (p as { weight?: unknown }).weight };
  });
}

function csvRows(text: string, source: string): Row[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new BatchInputError(`--posterior ${source}: a CSV posterior needs a header row and at least one particle`);
  const header = splitCsvLine(lines[0]).map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new BatchInputError(`--posterior ${source}: column ${JSON.stringify(h)} appears twice`);
    seen.add(h);
  }
  const reserved = new Set<string>(RESERVED_COLUMNS);
  return lines.slice(1).map((line, r) => {
    const cells = splitCsvLine(line);
    if (cells.length !== header.length) throw new BatchInputError(`--posterior ${source}: row ${r + 2} has ${cells.length} cells, the header ${header.length}`);
    const values: Record<string, unknown> = {};
    let weight: unknown;
    header.forEach((h, c) => {
      const cell = cells[c].trim();
      const v = cell === '' ? undefined : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell) ? Number(cell) : cell;
      if (h === 'weight') weight = v;
      else if (!reserved.has(h) && !h.startsWith(STAT_PREFIX)) values[h] = v;
    });
    return { values, weight };
  });
}

/** One CSV line's cells (RFC 4180 quoting; no line breaks inside cells). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

/** The preset's own values: the reference every draw is set beside (index 0, no values, weight 0). */
export const PRESET_DRAW: Draw = { index: 0, values: {}, weight: 0 };
