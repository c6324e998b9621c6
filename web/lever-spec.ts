/**
 * The levers of a model, read from the scenario JSON Schema (src/scenario/json-schema.ts): one entry per
 * settable leaf under params, with its type, range, default, unit and help text. Pure data, no DOM, so
 * the form (levers.ts) and the tests share it.
 */
import { scenarioJsonSchema } from '../src/scenario/json-schema';

export interface LeverSpec {
  /** Dotted path, e.g. "params.mediation.grid.staffPer1000" (the `set.` of a link, the `--set` of the CLI). */
  path: string;
  /** Top-level group under params, e.g. "mediation". */
  group: string;
  kind: 'integer' | 'number' | 'boolean' | 'enum';
  min?: number;
  max?: number;
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
};

const cache = new Map<string, LeverSpec[]>();

/** The levers of `model` in schema order; arrays and free-form fields are left to scenario files. */
export function leversOf(model: string): LeverSpec[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const root = scenarioJsonSchema() as { oneOf?: Node[] };
  const branch = root.oneOf?.find((o) => (o.properties?.model as { const?: string } | undefined)?.const === model);
  const out: LeverSpec[] = [];
  const walk = (n: Node, path: string[]) => {
    if (n.type === 'object' && n.properties) {
      for (const [k, v] of Object.entries(n.properties)) walk(v, [...path, k]);
      return;
    }
    // A nullable number (e.g. maxJailTerm): offer the number; null stays a scenario-file matter.
    const num = n.anyOf?.find((a) => a.type === 'integer' || a.type === 'number');
    const leaf = num ? { ...num, default: n.default, description: n.description, unit: n.unit } : n;
    const base = { path: path.join('.'), group: path.length > 2 ? path[1] : 'general', default: leaf.default, unit: leaf.unit, description: leaf.description ?? '' };
    if (Array.isArray(leaf.enum)) out.push({ ...base, kind: 'enum', options: leaf.enum.map(String) });
    else if (leaf.type === 'boolean') out.push({ ...base, kind: 'boolean' });
    else if (leaf.type === 'integer' || leaf.type === 'number') out.push({ ...base, kind: leaf.type, min: leaf.minimum, max: leaf.maximum });
  };
  const params = branch?.properties?.params;
  if (params) walk(params, ['params']);
  cache.set(model, out);
  return out;
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

/** Check a typed value against a lever: the value to set, or a message naming value and allowed range. */
export function checkLever(spec: LeverSpec, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const name = spec.path.replace(/^params\./, '');
  if (spec.kind === 'boolean') return { ok: true, value: text === 'true' };
  if (spec.kind === 'enum') {
    return spec.options!.includes(text)
      ? { ok: true, value: text }
      : { ok: false, message: `${name} ${JSON.stringify(text)} is not allowed; allowed: ${spec.options!.join(', ')}.` };
  }
  const range = `allowed: ${spec.kind === 'integer' ? 'a whole number' : 'a number'} from ${spec.min ?? '-∞'} to ${spec.max ?? '∞'}${spec.unit ? ` (${spec.unit})` : ''}`;
  const t = text.trim();
  if (t === '') return { ok: false, message: `${name} is empty; ${range}.` };
  const v = Number(t);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) || !Number.isFinite(v)) return { ok: false, message: `${name} ${JSON.stringify(t)} is not a number; ${range}.` };
  if (spec.kind === 'integer' && !Number.isInteger(v)) return { ok: false, message: `${name} ${JSON.stringify(t)} is not a whole number; ${range}.` };
  if (spec.min !== undefined && v < spec.min) return { ok: false, message: `${name} ${JSON.stringify(t)} is too small; ${range}.` };
  if (spec.max !== undefined && v > spec.max) return { ok: false, message: `${name} ${JSON.stringify(t)} is too large; ${range}.` };
  return { ok: true, value: v };
}
