/**
 * Overrides such as `params.legitimacy=0.7` (from `--set` on the command line or `set.params.x=v` in a
 * URL), applied to a raw scenario before it is parsed, so the schema checks the new values too.
 */
import { MODEL_NAMES, schemaFor, type ModelName } from './schema';
import { knownKeys, objectOf, ScenarioError } from './parse';
import { nearest } from './nearest';
import { escapeEcho, quoteEcho } from './display';
import { MAX_JSON_DEPTH, scanJson } from './json-text';

/** Parse a value written on a command line or in a URL: JSON where it is JSON, else the plain string. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * parseValue with the limits of scenario files (json-text.ts): a value nested too deep or a number
 * beyond a double (`1e400`, which JSON.parse makes Infinity) is refused, naming the path it was for.
 */
export function parseSetValue(text: string, path: string, source: string): unknown {
  const scan = scanJson(text);
  const at = (where: string) => (where === '(top level)' ? path : `${path}.${where}`);
  if (scan.depthAt !== undefined) throw new ScenarioError(source, [`${at(scan.depthAt)}: nested more than ${MAX_JSON_DEPTH} levels deep`]);
  const value = parseValue(text);
  if (typeof value !== 'string' && scan.problems.length) throw new ScenarioError(source, scan.problems.map((p) => at(p.slice(0, p.indexOf(': '))) + p.slice(p.indexOf(': '))));
  return value;
}

/**
 * Apply `path=value` assignments to a copy of `raw`. Unknown paths are refused with the nearest valid
 * one; values are checked later by the schema.
 */
export function applyOverrides(raw: unknown, assignments: readonly string[], source = '--set'): Record<string, unknown> {
  const out = structuredClone(raw) as Record<string, unknown>;
  // A file may hold any JSON, `null` too: reading `.model` of null threw a TypeError (found by the
  // property test test/src/scenario/overrides.property.test.ts). parseScenario names a non-object.
  const model = (out as Record<string, unknown> | null)?.model as ModelName;
  if (!MODEL_NAMES.includes(model)) return out; // parseScenario will name the bad model
  const schema = schemaFor(model);
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new ScenarioError(source, [`${quoteEcho(a)} is not an assignment; allowed: path=value, e.g. params.legitimacy=0.7`]);
    const path = a.slice(0, eq).split('.');
    setPath(out, path, parseSetValue(a.slice(eq + 1), escapeEcho(a.slice(0, eq)), source), schema, source);
  }
  return out;
}

/** Every settable dotted path of a model's scenarios (for hints and for generated forms). */
export function settablePaths(model: ModelName): string[] {
  const paths: string[] = [];
  const walk = (schema: unknown, prefix: string[]) => {
    const obj = objectOf(schema);
    if (!obj || prefix.length > 3) {
      if (prefix.length) paths.push(prefix.join('.'));
      return;
    }
    for (const k of Object.keys(obj.shape)) {
      if (k === 'model' || k === '$schema') continue;
      walk(obj.shape[k], [...prefix, k]);
    }
  };
  walk(schemaFor(model), []);
  return paths.sort();
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown, schema: unknown, source: string): void {
  let cur = target;
  for (let i = 0; i < path.length; i++) {
    const allowed = knownKeys(schema as never, path.slice(0, i));
    if (!allowed.includes(path[i]) || path[i] === 'model') {
      const all = settablePaths(target.model as ModelName);
      const hint = nearest(path.join('.'), all);
      throw new ScenarioError(source, [
        `${escapeEcho(path.join('.'))}: unknown field${hint ? `; did you mean ${hint}?` : ''}${allowed.length && !hint ? ` Allowed here: ${allowed.filter((k) => k !== 'model').join(', ')}` : ''}`,
      ]);
    }
    if (i === path.length - 1) cur[path[i]] = value;
    else {
      const next = cur[path[i]];
      if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) cur[path[i]] = {};
      cur = cur[path[i]] as Record<string, unknown>;
    }
  }
}
