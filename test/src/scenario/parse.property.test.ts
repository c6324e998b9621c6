/**
 * Properties of the scenario parser (issue 10): whatever value or text it is given, it returns a valid
 * scenario or refuses with a list of named problems (a ScenarioError), never anything else, and quickly;
 * every refusal echoes what it was given escaped and cut (see arbitraries.ts expectSafeRefusal).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonText } from '../../../src/scenario/json-text';
import { parseScenario, parseScenarioText } from '../../../src/scenario/parse';
import { resolveRun } from '../../../src/scenario/resolve';
import { schemaFor } from '../../../src/scenario/schema';
import { anyValue, deepValue, edgeNumber, mutatedPreset, nastyString, outcome, PRESETS, runs } from './arbitraries';

/** A parsed scenario is complete and valid: parsing it again gives it back unchanged. */
function expectValid(s: ReturnType<typeof parseScenario>): void {
  expect(schemaFor(s.model).safeParse(s).success).toBe(true);
  expect(parseScenario(structuredClone(s))).toEqual(s);
  // Its run settings resolve, or are refused by name (steps over the model's limit).
  outcome(() => resolveRun(s));
}

describe('parseScenario on any value', () => {
  it('any JSON value: a valid scenario or named problems, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = outcome(() => parseScenario(v, 'prop.json'));
        if (r.ok) expectValid(r.value);
      }),
      runs(300),
    );
  });

  it('any object claiming a model, with any params', () => {
    fc.assert(
      fc.property(fc.constantFrom('epstein', 'governance'), fc.dictionary(fc.string({ maxLength: 8 }), anyValue), anyValue, (model, top, params) => {
        const r = outcome(() => parseScenario({ ...top, model, name: 'p', params }, 'prop.json'));
        if (r.ok) expectValid(r.value);
      }),
      runs(200),
    );
  });

  it('a preset with leaves replaced, keys deleted or added, values nested deep', () => {
    fc.assert(
      fc.property(mutatedPreset, (v) => {
        const r = outcome(() => parseScenario(v, 'mutated.json'));
        if (r.ok) expectValid(r.value);
      }),
      runs(300),
    );
  });

  it('a value nested deeper than JSON.stringify can follow, at any field', () => {
    const at = fc.constantFrom('name', 'sources', 'seed', 'params', 'params.legitimacy', 'params.legitimacySchedule', 'params.population', 'params.unknown', 'unknown');
    fc.assert(
      fc.property(fc.constantFrom('epstein', 'governance'), at, deepValue(20_000), (model, where, deep) => {
        const raw: Record<string, unknown> = { model, name: 'deep', params: {} };
        const [a, b] = where.split('.');
        if (b === undefined) raw[a] = deep;
        else (raw.params as Record<string, unknown>)[b] = deep;
        const r = outcome(() => parseScenario(raw, 'deep'));
        expect(r.ok).toBe(false);
      }),
      runs(60),
    );
  });

  it('every preset leaf set to an edge number or a nasty string', () => {
    fc.assert(
      fc.property(mutatedPreset, fc.oneof(edgeNumber, nastyString), (v, leaf) => {
        // Replace every number leaf under params by the same edge value (a stress of every range check).
        // (Down to 20 levels: a mutation may have nested a value thousands deep.)
        const walk = (o: unknown, d = 0): unknown =>
          d > 20 ? o : Array.isArray(o) ? o.map((x) => walk(x, d + 1)) : o !== null && typeof o === 'object' ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, d + 1)])) : typeof o === 'number' ? leaf : o;
        const raw = v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, params: walk((v as { params?: unknown }).params) } : v;
        const r = outcome(() => parseScenario(raw, 'edge.json'));
        if (r.ok) expectValid(r.value);
      }),
      runs(100),
    );
  });
});

describe('parseScenarioText and readJsonText on any text', () => {
  it('any string: a value, a valid scenario, or named problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), nastyString, fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'e', '-', ' ', '\\') })), (text) => {
        outcome(() => readJsonText(text, 'text.json'));
        const r = outcome(() => parseScenarioText(text, 'text.json'));
        if (r.ok) expectValid(r.value);
      }),
      runs(300),
    );
  });

  it('JSON text of mutated presets, with a BOM, a duplicate key or a number beyond a double spliced in', () => {
    const splice = fc.constantFrom('bom', 'dup', 'huge', 'none', 'truncate');
    fc.assert(
      fc.property(mutatedPreset, splice, fc.nat(), fc.boolean(), (v, how, at, pretty) => {
        let text = JSON.stringify(v, null, pretty ? 2 : undefined) ?? 'null';
        // Insert just after the root object's opening brace, so the text stays JSON (with a problem
        // JSON.parse hides); a brace further in may be inside a string.
        const b = text.startsWith('{') ? 1 : -1;
        if (how === 'bom') text = '\ufeff' + text;
        else if (how === 'dup' && b > 0) text = `${text.slice(0, b)}"k":1,"k":2${text[b] === '}' ? '' : ','}${text.slice(b)}`;
        else if (how === 'huge' && b > 0) text = `${text.slice(0, b)}"n":-1e400${text[b] === '}' ? '' : ','}${text.slice(b)}`;
        else if (how === 'truncate') text = text.slice(0, at % (text.length + 1));
        const r = outcome(() => parseScenarioText(text, 'spliced.json'));
        if (r.ok) expectValid(r.value);
        // What JSON.parse would hide is named (unless the text is refused first for its depth).
        const said = r.ok ? '' : r.error.problems.join('\n');
        if (how === 'dup' && b > 0) expect(said).toMatch(/appears twice|nested more than 64/);
        if (how === 'huge' && b > 0) expect(said).toMatch(/-1e400 is out of range|nested more than 64/);
      }),
      runs(200),
    );
  });

  it('every preset as text parses, with or without a BOM', () => {
    for (const p of PRESETS) {
      const r = outcome(() => parseScenarioText('\ufeff' + JSON.stringify(p.raw), p.name));
      expect(r.ok).toBe(true);
    }
  });
});
