import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { accountabilityStep } from '../../../sim/governance/accountability';
import { CH_VILLAGE } from '../../../sim/governance/codes';
import type { World } from '../../../sim/governance/world';

/** 60 residents: one town of 4 villages of 15. */
const TINY = { residents: 60, villagesPerTown: 4, gridsPerVillage: 1 };

function town(strength: number, share: number, enabled = true): World {
  const w = smallWorld({
    population: TINY,
    accountability: { enabled, strength, discretionaryShare: share },
    mediation: { village: { staffed: true, staffPer1000: 100, hoursPerDay: 8, serviceDays: 20, hoursPerCase: 4 } },
  });
  w.attention.fill(1);
  return w;
}

function survey(w: World, asked: number[], unhappy: number[]): void {
  w.villageAsked.set(asked);
  w.villageUnhappy.set(unhappy);
}

const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 10));

describe('accountability ("let the people decide")', () => {
  it('moves attention toward the least satisfied village and conserves total staff', () => {
    const w = town(1, 0.5);
    // Dissatisfied shares 0.1, 0.2, 0.3, 0.6; overall 0.3: weights 1/3, 2/3, 1, 2 (mean 1)
    survey(w, [10, 10, 10, 10], [1, 2, 3, 6]);
    accountabilityStep(w);
    expect(Array.from(w.attention)).toEqual(close([2 / 3, 5 / 6, 1, 1.5]));
    expect(Array.from(w.villageDissatisfaction)).toEqual(close([0.1, 0.2, 0.3, 0.6]));
    // Residents before each village, weighted by attention: 60 in all, as before.
    expect(Array.from(w.attentionBefore)).toEqual(close([0, 10, 22.5, 37.5, 60]));
  });

  it('weights are 1 + strength x (d_v - d) / d, floored at 0, and normalised by their resident-weighted mean', () => {
    const w = town(2, 0.5);
    // weights max(0, 1 + 2 x (d_v - 0.3) / 0.3): 0 (not -1/3), 1/3, 1, 3; mean 13/12
    survey(w, [10, 10, 10, 10], [1, 2, 3, 6]);
    accountabilityStep(w);
    const m = 13 / 12;
    expect(Array.from(w.attention)).toEqual(close([0.5, 0.5 + 1 / 6 / m, 0.5 + 0.5 / m, 0.5 + 1.5 / m]));
  });

  it('only the discretionary share moves', () => {
    const w = town(1, 0.2);
    survey(w, [10, 10, 10, 10], [1, 2, 3, 6]);
    accountabilityStep(w);
    expect(Array.from(w.attention)).toEqual(close([0.8 + 0.2 / 3, 0.8 + 0.4 / 3, 1, 1.2]));
  });

  it('a village with no respondent this time keeps its last score', () => {
    const w = town(1, 0.5);
    w.villageDissatisfaction.set([0, 0, 0, 0.6]);
    survey(w, [10, 10, 10, 0], [1, 2, 6, 0]);
    accountabilityStep(w);
    // d = 9 / 30 = 0.3; scores 0.1, 0.2, 0.6, 0.6 (kept): weights 1/3, 2/3, 2, 2, mean 5/4
    expect(Array.from(w.villageDissatisfaction)).toEqual(close([0.1, 0.2, 0.6, 0.6]));
    expect(Array.from(w.attention)).toEqual(close([0.5 + 0.5 / 3 / 1.25, 0.5 + 1 / 3 / 1.25, 0.5 + 1 / 1.25, 0.5 + 1 / 1.25]));
  });

  it('the overall dissatisfied share is floored at 0.01; with every weight 0 attention stays even', () => {
    const w = town(1, 0.5);
    survey(w, [10, 10, 10, 10], [0, 0, 0, 0]);
    accountabilityStep(w);
    // weights 1 + (0 - 0.01) / 0.01 = 0: nobody is worse than anybody
    expect(Array.from(w.attention)).toEqual(close([1, 1, 1, 1]));
    const v = town(0.5, 0.5);
    survey(v, [10, 10, 10, 10], [0, 0, 0, 1]);
    accountabilityStep(v);
    // d = 1/40 = 0.025; weights 0.5, 0.5, 0.5, 1 + 0.5 x 0.075 / 0.025 = 2.5; mean 1
    expect(Array.from(v.attention)).toEqual(close([0.75, 0.75, 0.75, 1.75]));
    const f = town(0.5, 0.5);
    survey(f, [100, 100, 100, 100], [0, 0, 0, 2]);
    accountabilityStep(f);
    // d = 2/400 = 0.005, floored at 0.01: weights 0.5, 0.5, 0.5, 1 + 0.5 x 0.01 / 0.01 = 1.5; mean 0.75
    expect(Array.from(f.attention)).toEqual(close([0.5 + 0.25 / 0.75, 0.5 + 0.25 / 0.75, 0.5 + 0.25 / 0.75, 0.5 + 0.75 / 0.75]));
  });

  it('does nothing when off, with no discretionary share, or with no respondents', () => {
    for (const w of [town(1, 0.5, false), town(1, 0), town(1, 0.5)]) {
      if (w.params.accountability.enabled && w.params.accountability.discretionaryShare > 0) survey(w, [0, 0, 0, 0], [0, 0, 0, 0]);
      else survey(w, [10, 10, 10, 10], [1, 2, 3, 6]);
      const score = Array.from(w.villageDissatisfaction);
      accountabilityStep(w);
      expect(Array.from(w.attention)).toEqual([1, 1, 1, 1]);
      if (!w.params.accountability.enabled || w.params.accountability.discretionaryShare === 0) expect(Array.from(w.villageDissatisfaction)).toEqual(score);
    }
  });

  it('village mediators follow attention: more slots for the worst village, the same in all', () => {
    const w = town(1, 0.5);
    const r = w.resolvers;
    const slots = () => [0, 1, 2, 3].map((v) => r.slots[r.base[CH_VILLAGE] + v]);
    const before = slots();
    survey(w, [10, 10, 10, 10], [1, 2, 3, 6]);
    accountabilityStep(w);
    const after = slots();
    expect(after.reduce((a, b) => a + b)).toBe(before.reduce((a, b) => a + b));
    expect(after[3]).toBeGreaterThan(before[3]);
    expect(after[0]).toBeLessThan(before[0]);
  });
});
