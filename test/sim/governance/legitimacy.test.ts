import { describe, expect, it } from 'vitest';
import { clearCandidates, smallWorld } from './helpers';
import { scripted } from './scripted';
import { encounter, encounterDelta } from '../../../sim/governance/legitimacy';
import { gridOf } from '../../../sim/governance/hierarchy';
import { CANDIDATE_DIRTY } from '../../../sim/governance/citizen';
import type { World } from '../../../sim/governance/world';

/** A tiny town: 60 residents in 2 villages of 3 grids of 10, so a grid's members can be checked one by one. */
const TINY = { residents: 60, villagesPerTown: 2, gridsPerVillage: 3 };

function tiny(legitimacy: Record<string, number> = {}): World {
  const w = smallWorld({ population: TINY, legitimacy: { spreadProbability: 0, ...legitimacy } });
  w.citizens.legitimacy.fill(0.5);
  w.totals.sumLegitimacy = 0.5 * w.citizens.n;
  w.legitimacyShift = 0;
  return w;
}

describe('legitimacy', () => {
  it('one bad encounter moves legitimacy as much as `asymmetry` good ones (Skogan 2006)', () => {
    const rate = 0.01;
    const bad = encounterDelta(0.7, 0.6, rate, 6);
    const good = encounterDelta(0.7, 0.8, rate, 6);
    expect(bad).toBeLessThan(0);
    expect(good).toBeGreaterThan(0);
    expect(Math.abs(bad) / good).toBeCloseTo(6, 10);
  });

  it('moves toward fairness at learningRate, and a bad encounter at learningRate x asymmetry (exact)', () => {
    expect(encounterDelta(0.4, 0.8, 0.1, 6)).toBeCloseTo(0.04, 12);
    expect(encounterDelta(0.8, 0.2, 0.1, 4)).toBeCloseTo(-0.24, 12);
    expect(encounterDelta(0.5, 0.5, 0.1, 4)).toBe(0);
  });

  it('a bad encounter never overshoots: rate x asymmetry is capped at 1 (legitimacy lands on f)', () => {
    expect(encounterDelta(0.8, 0.2, 0.5, 4)).toBeCloseTo(-0.6, 12);
    expect(encounterDelta(0.8, 0.2, 0.25, 4)).toBeCloseTo(-0.6, 12);
  });

  it('in the world: one unfair encounter undoes several fair ones', () => {
    const w = smallWorld({ legitimacy: { learningRate: 0.01, asymmetry: 6, spreadProbability: 0 } });
    const c = w.citizens;
    const a = 100;
    const b = 200;
    c.legitimacy[a] = 0.7;
    c.legitimacy[b] = 0.7;
    encounter(w, a, 0.6);
    for (let i = 0; i < 6; i++) encounter(w, b, 0.8);
    const down = 0.7 - c.legitimacy[a];
    const up = c.legitimacy[b] - 0.7;
    // Six good encounters (with diminishing gaps) move it about as far as one bad one, not farther.
    expect(up).toBeLessThanOrEqual(down * 1.01);
    expect(up).toBeGreaterThan(down * 0.8);
  });

  it('an encounter sets the citizen to exactly L + delta and keeps the running sum of legitimacy', () => {
    const w = tiny({ learningRate: 0.1, asymmetry: 3 });
    const sum = w.totals.sumLegitimacy;
    encounter(w, 5, 0.9);
    expect(w.citizens.legitimacy[5]).toBeCloseTo(0.54, 6);
    encounter(w, 6, 0.1);
    expect(w.citizens.legitimacy[6]).toBeCloseTo(0.38, 6);
    expect(w.totals.sumLegitimacy).toBeCloseTo(sum + 0.04 - 0.12, 6);
  });

  it('reads legitimacy with the scheduled shift and clamps the stored value to [0, 1]', () => {
    const w = tiny({ learningRate: 1, asymmetry: 1 });
    // Stored 0.9 with shift +0.3 reads as 1: a fully unfair encounter takes 1, which would go below 0.
    w.legitimacyShift = 0.3;
    w.citizens.legitimacy[3] = 0.9;
    w.totals.sumLegitimacy += 0.4;
    const sum = w.totals.sumLegitimacy;
    encounter(w, 3, 0);
    expect(w.citizens.legitimacy[3]).toBe(0);
    expect(w.totals.sumLegitimacy).toBeCloseTo(sum - 0.9, 6);
    // Stored 0.1 with shift -0.3 reads as 0: a fully fair encounter adds 1, which would go above 1.
    w.legitimacyShift = -0.3;
    w.citizens.legitimacy[4] = 0.1;
    const sum2 = w.totals.sumLegitimacy - 0.4;
    w.totals.sumLegitimacy = sum2;
    encounter(w, 4, 1);
    expect(w.citizens.legitimacy[4]).toBe(1);
    expect(w.totals.sumLegitimacy).toBeCloseTo(sum2 + 0.9, 6);
  });

  it('keeps the last encounter for the survey: tomorrow as its day, unfair when fairness is below 0.5', () => {
    const w = tiny();
    w.day = 9;
    encounter(w, 1, 0.49);
    expect(w.citizens.contactDay[1]).toBe(10);
    expect(w.citizens.contactBad[1]).toBe(1);
    encounter(w, 1, 0.5);
    expect(w.citizens.contactBad[1]).toBe(0);
    w.day = 0; // day 0's encounter is dated 1 (0 means none)
    encounter(w, 2, 0.7);
    expect(w.citizens.contactDay[2]).toBe(1);
    w.day = 70000;
    encounter(w, 2, 0.7);
    expect(w.citizens.contactDay[2]).toBe(65535);
    w.day = -3; // burn-in days before day 0 leave no dated encounter
    encounter(w, 2, 0.7);
    expect(w.citizens.contactDay[2]).toBe(0);
  });

  it('a bad encounter makes the citizen a collective-action candidate; a good one does not', () => {
    const w = tiny({ learningRate: 0.1 });
    w.params.collectiveAction.threshold = -1; // everyone's grievance exceeds it
    clearCandidates(w);
    encounter(w, 7, 0.9);
    expect(w.citizens.candidate[7]).toBe(0);
    expect(w.candidateCount).toBe(0);
    expect(w.candidatesByVillage).toEqual([[], []]);
    expect(w.dirtyByVillage).toEqual([[], []]);
    encounter(w, 8, 0.1); // village 0
    expect(w.citizens.candidate[8]).toBe(CANDIDATE_DIRTY);
    expect(w.candidatesByVillage).toEqual([[8], []]);
    expect(w.critByVillage).toEqual([[0], []]);
    expect(w.dirtyByVillage).toEqual([[8], []]);
    expect(w.candidateCount).toBe(1);
    encounter(w, 38, 0.1); // village 1: its own lists
    expect(w.candidatesByVillage).toEqual([[8], [38]]);
    expect(w.dirtyByVillage).toEqual([[8], [38]]);
    expect(w.candidateCount).toBe(2);
  });

  it('only the encountered citizen (and, with spread, grid neighbours) changes', () => {
    const w = smallWorld({ legitimacy: { spreadProbability: 0 } });
    const before = w.citizens.legitimacy.slice();
    encounter(w, 42, 0);
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (w.citizens.legitimacy[i] !== before[i]) changed++;
    expect(changed).toBe(1);
  });

  it('spreads to `neighbours` random residents of the same grid, who take spreadWeight of the change', () => {
    const w = tiny({ learningRate: 0.1, asymmetry: 1, spreadProbability: 0.5, neighbours: 3, spreadWeight: 0.25 });
    const i = 23; // grid 2: residents 20..29
    expect(gridOf(w.hierarchy, i)).toBe(2);
    // The spread draw (0.4 < 0.5), then three picks: offsets 0, 3 (the citizen itself: skipped) and 9.
    const s = scripted([0.4, 0.05, 0.35, 0.95]);
    w.streams.legitimacy = s;
    encounter(w, i, 0.1); // delta = 0.1 x (0.1 - 0.5) = -0.04
    expect(s.left()).toBe(0);
    const c = w.citizens.legitimacy;
    expect(c[i]).toBeCloseTo(0.46, 6);
    expect(c[20]).toBeCloseTo(0.49, 6);
    expect(c[29]).toBeCloseTo(0.49, 6);
    for (let j = 0; j < w.citizens.n; j++) if (j !== i && j !== 20 && j !== 29) expect(c[j]).toBe(0.5);
    expect(w.totals.sumLegitimacy).toBeCloseTo(0.5 * 60 - 0.04 - 0.02, 5);
  });

  it('tells nobody when the spread draw is not below spreadProbability', () => {
    const w = tiny({ learningRate: 0.1, spreadProbability: 0.5, neighbours: 3, spreadWeight: 0.25 });
    const s = scripted([0.5]);
    w.streams.legitimacy = s;
    encounter(w, 23, 0.9);
    expect(s.left()).toBe(0);
    let changed = 0;
    for (let j = 0; j < w.citizens.n; j++) if (w.citizens.legitimacy[j] !== 0.5) changed++;
    expect(changed).toBe(1);
  });

  it('draws nothing when spread is off by any of its three parameters', () => {
    for (const off of [{ spreadProbability: 0 }, { neighbours: 0 }, { spreadWeight: 0 }]) {
      const w = tiny({ spreadProbability: 1, neighbours: 3, spreadWeight: 0.25, ...off });
      w.streams.legitimacy = scripted([]);
      encounter(w, 23, 0.1);
    }
  });
});
