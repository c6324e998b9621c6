/**
 * The levers of a model, read from the scenario JSON Schema (json-schema.ts): one entry per settable
 * leaf under params, with its type, range, default, unit, help text and, where the schema says, its kind
 * (a policy choice or a property of society) and its plausible range. Pure data, no DOM and no Node
 * APIs, so the browser's form (web/levers.ts), the CLI's `govsim effects` and the tests share it; it
 * lives in src/ because the CLI may not import from web/ (arrows point down: web -> src -> sim).
 */
import { scenarioJsonSchema } from './json-schema';

/** What a lever stands for, from the schema's `kind` key (`.meta({ kind })` in the zod schema). */
export const LEVER_KINDS = ['policy', 'society', 'output'] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];

export interface LeverSpec {
  /** Dotted path, e.g. "params.mediation.grid.staffPer1000" (the `set.` of a link, the `--set` of the CLI). */
  path: string;
  /** Top-level group under params, e.g. "mediation". */
  group: string;
  type: 'integer' | 'number' | 'boolean' | 'enum';
  /**
   * Policy or society, when the schema marks it (on the leaf, or on a group for all its leaves);
   * undefined for an unmarked lever.
   */
  kind?: LeverKind;
  min?: number;
  max?: number;
  /**
   * The plausible range [lo, hi] (the schema's `range` key), narrower than min..max, which only say what
   * the model accepts; undefined when the schema gives none.
   */
  range?: [number, number];
  default?: unknown;
  unit?: string;
  options?: string[];
  description: string;
}

type Node = {
  type?: string | string[];
  properties?: Record<string, Node>;
  anyOf?: Node[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  unit?: string;
  description?: string;
  kind?: unknown;
  range?: unknown;
};

const cache = new Map<string, LeverSpec[]>();

/** The levers of `model` in schema order; arrays and free-form fields are left to scenario files. */
export function leversOf(model: string): LeverSpec[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const root = scenarioJsonSchema() as { oneOf?: Node[] };
  const branch = root.oneOf?.find((o) => (o.properties?.model as { const?: string } | undefined)?.const === model);
  const out: LeverSpec[] = [];
  const walk = (n: Node, path: string[], inherited: LeverKind | undefined) => {
    const kind = leverKind(n.kind) ?? inherited;
    if (n.type === 'object' && n.properties) {
      for (const [k, v] of Object.entries(n.properties)) walk(v, [...path, k], kind);
      return;
    }
    // A nullable number (e.g. maxJailTerm): offer the number; null stays a scenario-file matter.
    const num = n.anyOf?.find((a) => a.type === 'integer' || a.type === 'number');
    const leaf: Node = num ? { ...num, default: n.default, description: n.description, unit: n.unit, range: n.range ?? num.range } : n;
    const base = {
      path: path.join('.'),
      group: path.length > 2 ? path[1] : 'general',
      ...(kind ? { kind } : {}),
      default: leaf.default,
      unit: leaf.unit,
      description: leaf.description ?? '',
    };
    if (Array.isArray(leaf.enum)) out.push({ ...base, type: 'enum', options: leaf.enum.map(String) });
    else if (leaf.type === 'boolean') out.push({ ...base, type: 'boolean' });
    else if (leaf.type === 'integer' || leaf.type === 'number') {
      const range = plausibleRange(leaf.range);
      out.push({ ...base, type: leaf.type, min: leaf.minimum, max: leaf.maximum, ...(range ? { range } : {}) });
    }
  };
  const params = branch?.properties?.params;
  if (params) walk(params, ['params'], undefined);
  cache.set(model, out);
  return out;
}

function leverKind(v: unknown): LeverKind | undefined {
  return LEVER_KINDS.includes(v as LeverKind) ? (v as LeverKind) : undefined;
}

/** A `range` key of the schema as [lo, hi], or undefined when absent or malformed (never guessed at). */
function plausibleRange(v: unknown): [number, number] | undefined {
  if (!Array.isArray(v) || v.length !== 2) return undefined;
  const [lo, hi] = v;
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? [lo, hi] : undefined;
}

/** Read `path` of a raw scenario, or undefined. */
export function valueAt(raw: unknown, path: string): unknown {
  let cur: unknown = raw;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/**
 * A bound as the schema gives it, or undefined when it bounds nothing: zod writes `.int()` without a
 * maximum as Number.MAX_SAFE_INTEGER (9007199254740991), which no one means as a range.
 */
function bound(v: number | undefined): number | undefined {
  return v === undefined || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v;
}

/** What a numeric lever accepts, in words: "0 to 10", "0 or more", "up to 5", "any number". */
export function acceptedText(spec: Pick<LeverSpec, 'min' | 'max' | 'type'>): string {
  const lo = bound(spec.min);
  const hi = bound(spec.max);
  if (lo !== undefined && hi !== undefined) return `${lo} to ${hi}`;
  if (lo !== undefined) return `${lo} or more`;
  if (hi !== undefined) return `up to ${hi}`;
  return spec.type === 'integer' ? 'any whole number' : 'any number';
}

/**
 * The range a lever's help shows: its plausible range (the schema's `range`) where it has one, with what
 * is accepted beside it; else what is accepted, without an unbounded maximum's 9007199254740991.
 * E.g. "Plausible range 0.6 to 3 officers per 1,000 (accepted: 0 to 100)." or "Range 0 or more."
 */
export function rangeText(spec: LeverSpec): string {
  if (spec.type !== 'integer' && spec.type !== 'number') return '';
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const accepted = acceptedText(spec);
  if (spec.range) return `Plausible range ${spec.range[0]} to ${spec.range[1]}${unit} (accepted: ${accepted}).`;
  return `Range ${accepted}${unit}.`;
}

/** Check a typed value against a lever: the value to set, or a message naming value and allowed range. */
/** What is wrong with a lever value, for a page that words it in its own language (the message is English). */
export type LeverProblem = 'empty' | 'not-number' | 'not-whole' | 'too-small' | 'too-large' | 'not-option';

export function checkLever(spec: LeverSpec, text: string): { ok: true; value: unknown } | { ok: false; message: string; problem: LeverProblem; text: string } {
  const name = spec.path.replace(/^params\./, '');
  if (spec.type === 'boolean') return { ok: true, value: text === 'true' };
  if (spec.type === 'enum') {
    return spec.options!.includes(text)
      ? { ok: true, value: text }
      : { ok: false, message: `${name} ${JSON.stringify(text)} is not allowed; allowed: ${spec.options!.join(', ')}.`, problem: 'not-option', text };
  }
  const bounded = bound(spec.min) !== undefined && bound(spec.max) !== undefined;
  const range = `allowed: ${spec.type === 'integer' ? 'a whole number' : 'a number'}${bounded ? ' from ' : ', '}${acceptedText(spec)}${spec.unit ? ` (${spec.unit})` : ''}`;
  const t = text.trim();
  if (t === '') return { ok: false, message: `${name} is empty; ${range}.`, problem: 'empty', text: t };
  const v = Number(t);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) || !Number.isFinite(v)) return { ok: false, message: `${name} ${JSON.stringify(t)} is not a number; ${range}.`, problem: 'not-number', text: t };
  if (spec.type === 'integer' && !Number.isInteger(v)) return { ok: false, message: `${name} ${JSON.stringify(t)} is not a whole number; ${range}.`, problem: 'not-whole', text: t };
  if (spec.min !== undefined && v < spec.min) return { ok: false, message: `${name} ${JSON.stringify(t)} is too small; ${range}.`, problem: 'too-small', text: t };
  if (spec.max !== undefined && v > spec.max) return { ok: false, message: `${name} ${JSON.stringify(t)} is too large; ${range}.`, problem: 'too-large', text: t };
  return { ok: true, value: v };
}

/** A lever's dotted path as users write it in --levers and read it in reports: without `params.`. */
export function leverName(spec: LeverSpec): string {
  return spec.path.replace(/^params\./, '');
}

/** A glob on lever names: `*` any run of characters (dots included, so `mediation.*` is the whole group), `?` one. */
export function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^params\./, '')
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}
