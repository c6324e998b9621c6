/**
 * Parsing scenarios with errors a person can act on: each problem names the field path, the value
 * found and what is allowed, e.g.
 *   params.citizenDensity: 1.5 is too large; allowed: a number at most 1
 */
import type * as z from 'zod';
import { MODEL_NAMES, schemaFor, type ModelName, type Scenario } from './schema';
import { nearest } from './nearest';
import { escapeEcho } from './display';
import { ScenarioError } from './error';
import { readJsonText } from './json-text';

export { ScenarioError };

/** Parse and fill defaults, or throw a ScenarioError listing every problem. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ScenarioError(source, [`the scenario must be a JSON object, got ${show(input)}`]);
  }
  const model = (input as { model?: unknown }).model;
  if (!MODEL_NAMES.includes(model as never)) {
    throw new ScenarioError(source, [`model: ${show(model)} is not a model; allowed: ${MODEL_NAMES.map((m) => `"${m}"`).join(', ')}`]);
  }
  const schema = schemaFor(model as ModelName);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data as Scenario;
  throw new ScenarioError(source, result.error.issues.map((i) => describeIssue(i, schema)));
}

/**
 * Parse JSON text, reporting syntax errors with the source name, and refusing what JSON.parse lets
 * through (too large, too deep, duplicate keys, numbers beyond a double: see json-text.ts).
 */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  return parseScenario(readJsonText(text, source), source);
}

export function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  const path = issue.path.length ? issue.path.map((p) => escapeEcho(String(p))).join('.') : '(top level)';
  const got = 'input' in issue ? show(issue.input) : 'nothing';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${path}: missing; allowed: ${article(issue.expected)}`;
      return `${path}: ${got} is not allowed; allowed: ${article(issue.expected)}`;
    case 'too_big':
      return `${path}: ${got} is too large; allowed: ${issue.origin === 'array' ? 'at most ' + issue.maximum + ' items' : 'a number at most ' + issue.maximum}${issue.inclusive === false ? ' (exclusive)' : ''}`;
    case 'too_small':
      return `${path}: ${got} is too small; allowed: ${issue.origin === 'array' || issue.origin === 'string' ? 'at least ' + issue.minimum + (issue.origin === 'string' ? ' characters' : ' items') : 'a number at least ' + issue.minimum}${issue.inclusive === false ? ' (exclusive)' : ''}`;
    case 'invalid_value':
      return `${path}: ${got} is not allowed; allowed: ${issue.values.map((v) => show(v)).join(', ')}`;
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      // At most 20 keys: a file with a million unknown keys still gives a readable message.
      const more = issue.keys.length > 20 ? [`... and ${issue.keys.length - 20} more unknown fields`] : [];
      return [...issue.keys.slice(0, 20)
        .map((k) => {
          const hint = nearest(k, known);
          const key = escapeEcho(k);
          return `${path === '(top level)' ? key : `${path}.${key}`}: unknown field${hint ? `; did you mean "${hint}"?` : ''}${known.length ? ` Allowed: ${known.join(', ')}` : ''}`;
        }), ...more]
        .join('\n  ');
    }
    case 'invalid_format':
      return `${path}: ${got} is not allowed; allowed: ${issue.format}`;
    case 'not_multiple_of':
      return `${path}: ${got} is not allowed; allowed: a multiple of ${issue.divisor}`;
    default:
      return `${path}: ${got} is not allowed; ${issue.message}`;
  }
}

/** Field names allowed at `path` in `schema` (wrappers such as default and refine are looked through). */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: unknown = schema;
  for (const seg of path) {
    const obj = objectOf(cur);
    if (!obj) return [];
    cur = obj.shape[String(seg)];
  }
  const obj = objectOf(cur);
  return obj ? Object.keys(obj.shape).sort() : [];
}

/** The ZodObject inside default/prefault/optional/nullable/pipe wrappers, if any. */
export function objectOf(s: unknown): z.ZodObject | undefined {
  let cur = s as { shape?: unknown; _zod?: { def?: { innerType?: unknown; in?: unknown } } } | undefined;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur.shape && typeof cur.shape === 'object') return cur as unknown as z.ZodObject;
    const d = cur._zod?.def;
    cur = (d?.innerType ?? d?.in) as typeof cur;
  }
  return undefined;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A short, JSON-like rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    // JSON.stringify fails on BigInt and on values nested deeper than its stack (thousands of levels:
    // the text loader caps nesting at 64, but parseScenario also takes objects, e.g. from the worker
    // API). String() of such an array recurses through join and overflowed too (a RangeError instead of
    // a ScenarioError; found by test/src/scenario/parse.property.test.ts), so name its kind instead.
    s = v !== null && typeof v === 'object' ? `${Array.isArray(v) ? '[…]' : '{…}'} (nested too deep to show)` : String(v);
  }
  // escapeEcho also escapes what JSON.stringify leaves raw (DEL, C1 controls, bidi overrides) and cuts.
  return escapeEcho(s, 60);
}
