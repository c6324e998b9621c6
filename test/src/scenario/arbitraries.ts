/**
 * fast-check arbitraries and checks shared by the scenario property tests (parse, overrides, CLI args):
 * the presets as raw JSON, mutations of them, awkward values and strings, and the checks every refusal
 * must pass (named problems, echoes escaped and of bounded length, quick).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { listPresets, readScenarioRaw } from '../../../src/scenario/files';
import { ScenarioError } from '../../../src/scenario/parse';

/** Every preset of scenarios/ as raw JSON (read once). */
export const PRESETS: { name: string; raw: unknown }[] = listPresets().map((name) => ({ name, raw: readScenarioRaw(name).raw }));

/** Strings a user or a file can hold: control characters, bidi overrides, lone surrogates, long runs. */
export const nastyChar = fc.constantFrom('\u0000', '\u0007', '\u001b', '\r', '\n', '\t', '\u007f', '\u009b', '\u00ad', '\u200b', '\u202e', '\u2028', '\ufeff', '\ud800', '"', '\\', '.', '=', '…');
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: nastyChar, maxLength: 40 }),
  fc.tuple(fc.constantFrom('a', 'k', '\u001b', 'é'), fc.integer({ min: 81, max: 200_000 })).map(([c, n]) => c.repeat(n)),
);

/** Numbers at the edges: huge, tiny, non-integer counts, -0, and the non-JSON ones a browser could pass. */
export const edgeNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 2 ** 32, 2 ** 53, -0, 0.5, 1e-300),
  fc.integer(),
);

/** A JSON value, or one of the awkward leaves above. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: edgeNumber },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: deepValue() },
);

/**
 * A value nested up to `maxDepth` levels deep in arrays or objects: past the loader's 64 levels, and
 * with a large `maxDepth` past what JSON.stringify's recursion can take (parseScenario also takes
 * objects, e.g. from the worker API). Such values break recursive test helpers too (pathsOf,
 * structuredClone), so only the default depth goes into anyValue.
 */
export function deepValue(maxDepth = 1000): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 1, max: maxDepth }), fc.boolean()).map(([depth, arrays]) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });
}

type Path = (string | number)[];

/** Paths of every value inside `v` (the root is []). */
export function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) pathsOf(v[i], [...prefix, i], out);
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  return out;
}

export type Mutation =
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'nest'; at: number; depth: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: anyValue }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), nastyString, fc.constantFrom('__proto__', 'constructor', 'model', 'params', 'steps')), value: anyValue }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 200 }) }),
);

/** Apply mutations to a copy of `raw`, each at a path chosen by index among the paths that exist then. */
export function mutate(raw: unknown, ms: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(raw);
  for (const m of ms) {
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length];
    const get = () => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
    const set = (v: unknown) => {
      if (path.length === 0) root = v;
      else (path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>)[path[path.length - 1]] = v;
    };
    const here = get();
    if (m.op === 'replace') set(m.value);
    else if (m.op === 'delete') {
      if (path.length === 0) continue;
      const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
      if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
      else delete (parent as Record<string, unknown>)[path[path.length - 1]];
    } else if (m.op === 'add') {
      // defineProperty, so that "__proto__" becomes an own key as JSON.parse makes it.
      if (here !== null && typeof here === 'object' && !Array.isArray(here)) Object.defineProperty(here, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else {
      let v = here;
      for (let i = 0; i < m.depth; i++) v = i % 2 ? [v] : { x: v };
      set(v);
    }
  }
  return root;
}

/** A preset, mutated a few times. */
export const mutatedPreset: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...PRESETS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([p, ms]) => mutate(p.raw, ms));

/**
 * Characters an echo must never carry raw: C0 controls (a newline only between problem lines), DEL,
 * the C1 range (CSI), bidi overrides and isolates, line and paragraph separators, zero widths.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Longest line of a message: an escaped echo (80 characters and its length), a path and a field list. */
export const MAX_LINE = 1500;
/** Most problems a refusal lists (the loader cuts at 20 and an "and more"; zod gives one per field). */
export const MAX_PROBLEMS = 400;
/** Time one parse, override or load may take, with room for a loaded 2-core machine. */
export const MAX_MS = 1000;

/**
 * fc.assert options for these properties: a slow call fails its run (MAX_MS), and a property whose
 * calls are all slow (a hang, or shrinking a slow counterexample) fails after 20 s instead of running
 * on: vitest's timeout cannot stop synchronous code.
 */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true };
}

/** Check what a refusal says: it names problems, echoes nothing raw and stays short. */
export function expectSafeRefusal(e: unknown): void {
  expect(e).toBeInstanceOf(ScenarioError);
  const err = e as ScenarioError;
  expect(err.problems.length).toBeGreaterThan(0);
  expect(err.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  for (const p of [...err.problems, err.message]) {
    expect(p).not.toMatch(RAW_CONTROL);
    for (const line of p.split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_LINE);
  }
  for (const p of err.problems) expect(p.trim()).not.toBe('');
}

/**
 * Run `fn` and return its value, or undefined after checking that it refused safely; in either case
 * within MAX_MS. Any other throw (a TypeError, a RangeError) fails the property.
 */
export function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: ScenarioError } {
  const t0 = performance.now();
  let r: { ok: true; value: T } | { ok: false; error: ScenarioError };
  try {
    r = { ok: true, value: fn() };
  } catch (e) {
    expectSafeRefusal(e);
    r = { ok: false, error: e as ScenarioError };
  }
  expect(performance.now() - t0).toBeLessThan(MAX_MS);
  return r;
}
