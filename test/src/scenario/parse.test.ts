import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../../src/scenario/parse';
import { applyOverrides } from '../../../src/scenario/overrides';

const base = { model: 'epstein', name: 'test', params: {} };

function problems(input: unknown): string[] {
  try {
    parseScenario(input, 'test.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario parsing', () => {
  it('fills every default', () => {
    const s = parseScenario(base);
    expect(s.params).toMatchObject({ width: 40, height: 40, citizenDensity: 0.7, arrestConstant: 2.3, threshold: 0.1 });
    expect(s.description).toBe('');
    expect(s.sources).toEqual([]);
  });

  it('names the field, the value and the allowed range', () => {
    const [p] = problems({ ...base, params: { citizenDensity: 1.5 } });
    expect(p).toContain('params.citizenDensity');
    expect(p).toContain('1.5');
    expect(p).toMatch(/at most 1/);
  });

  it('lists the allowed values of an enum', () => {
    const [p] = problems({ ...base, params: { ratioRule: 'ceil' } });
    expect(p).toContain('params.ratioRule');
    expect(p).toContain('"ceil"');
    expect(p).toContain('"round-half-even"');
  });

  it('suggests the nearest field for a misspelt one', () => {
    const [p] = problems({ ...base, params: { citizenDensty: 0.5 } });
    expect(p).toContain('params.citizenDensty');
    expect(p).toContain('did you mean "citizenDensity"');
  });

  it('refuses an unknown model with the allowed names', () => {
    const [p] = problems({ ...base, model: 'epstien' });
    expect(p).toMatch(/^model: "epstien" is not a model; allowed: "epstein"/);
  });

  it('reports a wrong type and a missing name', () => {
    const ps = problems({ model: 'epstein', params: { width: 'wide' } });
    expect(ps.some((p) => p.startsWith('name: missing'))).toBe(true);
    expect(ps.some((p) => p.startsWith('params.width: "wide" is not allowed; allowed: a number'))).toBe(true);
  });

  it('checks that citizens and cops fit on the lattice', () => {
    const [p] = problems({ ...base, params: { citizenDensity: 0.9, copDensity: 0.2 } });
    expect(p).toContain('params.copDensity');
    expect(p).toContain('at most 1');
  });

  it('reports every problem at once', () => {
    expect(problems({ ...base, params: { width: 0, height: -1, legitimacy: 2 } })).toHaveLength(3);
  });
});

describe('overrides', () => {
  it('sets nested values with JSON-typed values', () => {
    const raw = applyOverrides(base, ['params.legitimacy=0.7', 'params.movement=false', 'params.ratioRule=literal']);
    const s = parseScenario(raw);
    expect(s.params).toMatchObject({ legitimacy: 0.7, movement: false, ratioRule: 'literal' });
  });

  it('refuses an unknown path and names the nearest valid one', () => {
    expect(() => applyOverrides(base, ['params.legitimcy=0.7'])).toThrow(/did you mean params\.legitimacy/);
  });

  it('refuses a malformed assignment', () => {
    expect(() => applyOverrides(base, ['params.legitimacy'])).toThrow(/not an assignment/);
  });

  it('leaves value checking to the schema', () => {
    expect(problems(applyOverrides(base, ['params.legitimacy=7']))[0]).toContain('params.legitimacy: 7 is too large');
  });
});
