import { describe, expect, it } from 'vitest';
import { acceptedText, checkLever, leversOf, rangeText, type LeverSpec } from '../../src/scenario/levers';
import { EPSTEIN_COLOURS } from '../../web/palette';
import { epsteinLegend, viewFor } from '../../web/model-views';

const spec = (over: Partial<LeverSpec>): LeverSpec => ({ path: 'params.x', group: 'general', type: 'number', description: '', ...over });

describe('lever ranges as the app shows them', () => {
  it('never offers 0 to 9007199254740991 for an integer without a maximum (Epstein max jail term)', () => {
    const jail = leversOf('epstein').find((s) => s.path === 'params.maxJailTerm')!;
    expect(jail.type).toBe('integer');
    expect(rangeText(jail)).toBe('Range 0 or more.');
    expect(rangeText(jail)).not.toContain('9007199254740991');
    const bad = checkLever(jail, '-1');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toBe('maxJailTerm "-1" is too small; allowed: a whole number, 0 or more.');
    expect(checkLever(jail, '5000')).toEqual({ ok: true, value: 5000 });
  });

  it("shows the schema's plausible range where it has one, with what is accepted", () => {
    const officers = leversOf('governance').find((s) => s.path === 'params.enforcement.officersPer1000')!;
    expect(officers.range).toBeDefined();
    expect(rangeText(officers)).toBe(`Plausible range ${officers.range![0]} to ${officers.range![1]} ${officers.unit} (accepted: ${officers.min} to ${officers.max}).`);
    expect(rangeText(spec({ type: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, range: [1, 30], unit: 'days' }))).toBe('Plausible range 1 to 30 days (accepted: 1 or more).');
  });

  it('words every kind of bound', () => {
    expect(acceptedText(spec({ min: 0, max: 1 }))).toBe('0 to 1');
    expect(acceptedText(spec({ max: 5 }))).toBe('up to 5');
    expect(acceptedText(spec({ type: 'integer', min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }))).toBe('any whole number');
    expect(rangeText(spec({ type: 'boolean' }))).toBe('');
    // A bounded lever keeps its message (the app's field errors quote it).
    expect(checkLever(spec({ path: 'params.p', min: 0, max: 1, unit: 'probability' }), '2')).toEqual({
      ok: false,
      message: 'p "2" is too large; allowed: a number from 0 to 1 (probability).',
      problem: 'too-large',
      text: '2',
    });
  });

  it('every numeric lever of every model shows a range without the unbounded maximum', () => {
    for (const m of ['governance', 'epstein']) for (const s of leversOf(m)) expect(rangeText(s)).not.toMatch(/9007199254740991|∞/);
  });
});

describe("Epstein's legend follows the scenario's option", () => {
  const labels = (l: { label: string }[]) => l.map((x) => x.label);

  it('shows jailed citizens kept in their cells only when they keep them (jailedCellEmpty false, Mesa)', () => {
    expect(labels(epsteinLegend(false))).toContain('Jailed (kept in its cell)');
    expect(epsteinLegend(false).map((x) => x.colour)).toContain(EPSTEIN_COLOURS.jailed);
    const leaving = epsteinLegend(true);
    expect(labels(leaving).join(' ')).not.toMatch(/kept in its cell/);
    expect(leaving.map((x) => x.colour)).not.toContain(EPSTEIN_COLOURS.jailed);
    expect(labels(leaving)).toContain('Empty (jailed citizens leave their cells: not drawn)');
  });

  it('reads the option from the scenario as run, and the schema default (true) when it is absent', () => {
    const legend = (scenario: unknown) => labels(viewFor('epstein', scenario).legend);
    expect(legend({ params: { jailedCellEmpty: false } })).toContain('Jailed (kept in its cell)');
    expect(legend({ params: { jailedCellEmpty: true } })).not.toContain('Jailed (kept in its cell)');
    expect(legend({ params: {} })).not.toContain('Jailed (kept in its cell)');
    expect(legend(undefined)).not.toContain('Jailed (kept in its cell)');
    // Other models are untouched.
    expect(viewFor('governance', {}).town).toBe(true);
  });
});
