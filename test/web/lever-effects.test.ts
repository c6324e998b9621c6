import { describe, expect, it } from 'vitest';
import levers from '../../docs/levers.json';
import { CARDS } from '../../web/cards';
import { leverEffectSentence, NOT_MEASURED, type LeverEffectsTable, type LeverEntry } from '../../web/lever-effects';
import { leversOf } from '../../web/lever-spec';

const real = levers as unknown as LeverEffectsTable;

const move = (metric: string, meanDiff: number) => ({ metric, direction: meanDiff > 0 ? 'raises' : 'lowers', meanDiff, lo: meanDiff - 0.1, hi: meanDiff + 0.1, n: 20 }) as const;

const entry = (over: Partial<LeverEntry>): LeverEntry => ({
  kind: 'policy',
  type: 'number',
  range: [0, 2],
  rangeFrom: 'range',
  options: null,
  base: 1,
  inert: false,
  ends: [],
  ...over,
});

const table = (l: Record<string, LeverEntry>): LeverEffectsTable => ({
  generatedBy: 'govsim effects social-governance --seeds 20 --kind policy',
  engineVersion: '0',
  scenario: 'social-governance',
  seeds: '1..20',
  steps: 1095,
  levers: l,
});

describe('the lever help sentence', () => {
  it('says which headline outputs each end moves, which way and by how much, and which it leaves alone', () => {
    const t = table({
      'x.y': entry({
        ends: [
          { end: 'low', value: 0, status: 'run', moves: [move('petitionsPer10k', 3.1), move('officialPersonDays', 40)] },
          { end: 'high', value: 2, status: 'run', moves: [move('petitionsPer10k', -3.14), move('satisfaction', 0.0212)] },
        ],
      }),
    });
    const s = leverEffectSentence(t, 'params.x.y');
    expect(s).toMatch(/^In social-governance \(seeds 1\.\.20, 1095 days, from the preset's 1\): /);
    expect(s).toContain('Lowering it to 0 raises petitions per 10,000 residents (+3.1 per 10,000), and moves 1 other output (docs/LEVERS.md).');
    expect(s).toContain('Raising it to 2 raises satisfaction with safety (+2.1 pp) and lowers petitions per 10,000 residents (−3.1 per 10,000).');
    expect(s).toMatch(/No effect beyond noise on resolved at village level or below, .* and mean legitimacy\.$/);
    expect(s).not.toContain('No effect beyond noise on satisfaction');
  });

  it('words booleans, options, a preset at the end of its range and an inert lever', () => {
    const t = table({
      on: entry({ type: 'boolean', range: null, base: true, ends: [{ end: 'other', value: false, status: 'run', moves: [move('meanLegitimacy', -0.036)] }] }),
      pick: entry({ type: 'enum', range: null, base: 'a', options: ['a', 'b'], ends: [{ end: 'other', value: 'b', status: 'run', moves: [move('fraud', 2)] }] }),
      top: entry({ base: 2, ends: [{ end: 'low', value: 0, status: 'run', moves: [] }, { end: 'high', value: 2, status: 'no room', moves: [] }] }),
      quiet: entry({ inert: true, ends: [{ end: 'low', value: 0, status: 'run', moves: [] }, { end: 'high', value: 2, status: 'run', moves: [] }] }),
    });
    expect(leverEffectSentence(t, 'on')).toContain('Switching it off lowers mean legitimacy (−0.036).');
    expect(leverEffectSentence(t, 'pick')).toContain('Setting it to b moves 1 output (docs/LEVERS.md) but no headline one.');
    expect(leverEffectSentence(t, 'top')).toContain('Lowering it to 0 moves nothing beyond seed noise. It cannot go higher in its plausible range (the preset already uses 2).');
    expect(leverEffectSentence(t, 'quiet')).toMatch(/: moves no output beyond seed noise at either end of its range\.$/);
  });

  it('says the effect was not measured for a lever absent from the table, or without a table', () => {
    expect(NOT_MEASURED).toBe('Effect not measured; see govsim effects.');
    expect(leverEffectSentence(table({}), 'params.population.residents')).toBe(NOT_MEASURED);
    expect(leverEffectSentence(undefined, 'params.x.y')).toBe(NOT_MEASURED);
  });

  it('reads the generated docs/levers.json: every policy lever of the governance model has a sentence, society levers are not measured', () => {
    const specs = leversOf('governance');
    const policy = specs.filter((s) => s.kind === 'policy');
    expect(policy.length).toBeGreaterThan(20);
    for (const s of policy) expect(leverEffectSentence(real, s.path)).toMatch(/^In social-governance \(seeds /);
    const society = specs.find((s) => s.kind === 'society')!;
    expect(leverEffectSentence(real, society.path)).toBe(NOT_MEASURED);
    // The real table's numbers come through: staffing grid mediators is what the preset does.
    expect(leverEffectSentence(real, 'params.mediation.grid.staffed')).toMatch(/Switching it off .*lowers .*resolved at village level or below \(−\d+\.\d pp\)/);
  });

  it('names only the headline cards', () => {
    const names = CARDS.map((c) => c.label.toLowerCase());
    const s = leverEffectSentence(real, 'params.enforcement.officersPer1000');
    expect(names.some((n) => s.includes(n))).toBe(true);
    expect(s).not.toMatch(/firstChannelPaths|salariedPersonDays/);
  });
});
