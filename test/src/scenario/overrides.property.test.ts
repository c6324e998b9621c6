/**
 * Properties of `--set path=value` (issue 10): any assignments on any raw scenario give an updated
 * scenario that parses, or a named refusal (a ScenarioError), never another throw; a valid assignment
 * to a lever lands where it says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/files';
import { leversOf, valueAt } from '../../../src/scenario/levers';
import { applyOverrides, parseSetValue, settablePaths } from '../../../src/scenario/overrides';
import { parseScenario, parseScenarioText } from '../../../src/scenario/parse';
import { anyValue, mutatedPreset, nastyString, outcome, PRESETS, runs } from './arbitraries';

const MODELS = ['epstein', 'governance'] as const;
const SETTABLE = MODELS.flatMap((m) => settablePaths(m));

/** A dotted path: a real one, a real one with a segment changed, or anything. */
const path = fc.oneof(
  fc.constantFrom(...SETTABLE),
  fc.tuple(fc.constantFrom(...SETTABLE), fc.nat(), fc.oneof(fc.string({ maxLength: 6 }), nastyString, fc.constantFrom('', '__proto__', 'constructor', 'model', 'toString', '0'))).map(([p, i, seg]) => {
    const parts = p.split('.');
    parts[i % (parts.length + 1)] = seg;
    return parts.join('.');
  }),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('params', 'population', 'mediation', '__proto__', '')), { maxLength: 6 }).map((a) => a.join('.')),
  nastyString,
);

/** A value as typed on a command line: JSON of any value, or any text. */
const valueText = fc.oneof(
  anyValue.map((v) => JSON.stringify(v) ?? 'null'),
  nastyString,
  fc.constantFrom('1e400', '-1e400', '[' .repeat(80), '{"a":1,"a":2}', 'true', 'null', '', '=', '0x10', 'NaN', 'Infinity', '1e308'),
);

const assignment = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(path, valueText).map(([p, v]) => `${p}=${v}`) },
  { weight: 1, arbitrary: nastyString },
);

describe('applyOverrides', () => {
  it('on a preset, any assignments: a scenario that parses or is refused by name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), fc.array(assignment, { maxLength: 4 }), (preset, sets) => {
        const applied = outcome(() => applyOverrides(preset.raw, sets));
        if (!applied.ok) return;
        // Through the text the loader writes (as loadScenario does), then parsed.
        const r = outcome(() => parseScenarioText(JSON.stringify(applied.value), `${preset.name} with --set ${sets.join(' ')}`));
        if (r.ok) expect(r.value.model).toBe((preset.raw as { model: string }).model);
      }),
      runs(300),
    );
  });

  it('on any raw value (what a scenario file may hold), any assignments: never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 2 }), mutatedPreset), fc.array(assignment, { maxLength: 3 }), (raw, sets) => {
        const applied = outcome(() => applyOverrides(raw, sets));
        if (applied.ok) outcome(() => parseScenario(applied.value, '--set'));
      }),
      runs(300),
    );
  });

  it('a value within a lever’s limits lands at its path and the scenario parses', () => {
    const levers = MODELS.flatMap((model) => leversOf(model).map((l) => ({ model, l })));
    fc.assert(
      fc.property(fc.constantFrom(...levers), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), ({ model, l }, u, b) => {
        const preset = PRESETS.find((p) => (p.raw as { model: string }).model === model)!;
        let value: unknown;
        if (l.type === 'boolean') value = b;
        else if (l.type === 'enum') value = l.options![Math.abs(Math.trunc(u)) % l.options!.length];
        else {
          const lo = l.min ?? -1e6;
          const hi = l.max ?? 1e6;
          const t = Math.abs(u) % 1;
          value = l.type === 'integer' ? Math.round(lo + t * (hi - lo)) : lo + t * (hi - lo);
        }
        const applied = outcome(() => applyOverrides(preset.raw, [`${l.path}=${JSON.stringify(value)}`]));
        expect(applied.ok).toBe(true);
        if (!applied.ok) return;
        expect(valueAt(applied.value, l.path)).toEqual(value);
        const r = outcome(() => parseScenario(applied.value, 'lever'));
        // The only refusal a value within limits may meet: Epstein's citizen + cop density at most 1.
        if (!r.ok) expect(r.error.problems.join('\n')).toMatch(/citizenDensity \+ copDensity must be at most 1/);
        else expect(valueAt(r.value, l.path)).toEqual(value);
      }),
      runs(300),
    );
  });

  it('parseSetValue: any text gives a value or a named refusal', () => {
    fc.assert(
      fc.property(valueText, (text) => {
        outcome(() => parseSetValue(text, 'params.x', '--set'));
      }),
      runs(300),
    );
  });

  it('loadScenario(preset, sets): a valid scenario or a named refusal', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS.map((p) => p.name)), fc.array(assignment, { maxLength: 3 }), (name, sets) => {
        const r = outcome(() => loadScenario(name, sets));
        if (r.ok) expect(parseScenario(structuredClone(r.value))).toEqual(r.value);
      }),
      runs(100),
    );
  });
});
