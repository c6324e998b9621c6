import { describe, expect, it } from 'vitest';
import { quietWorld } from './helpers';
import { TEAM_COUNSELLING, TEAMS } from '../../../sim/governance/codes';
import {
  addGrievance,
  awarenessOf,
  CANDIDATE_CLEAN,
  CANDIDATE_DIRTY,
  CANDIDATE_STALE,
  dailyDecay,
  grievanceOf,
  hardshipOf,
  keptGrievance,
  legitimacyOf,
  meanLegitimacy,
  totalGrievance,
  touchCandidate,
} from '../../../sim/governance/citizen';

describe('a citizen’s state today', () => {
  it('legitimacy is the stored L plus the global shift, clamped to [0, 1]', () => {
    const w = quietWorld();
    w.citizens.legitimacy[5] = 0.5;
    w.legitimacyShift = -0.2;
    expect(legitimacyOf(w, 5)).toBeCloseTo(0.3, 6);
    w.legitimacyShift = -0.7;
    expect(legitimacyOf(w, 5)).toBe(0);
    w.legitimacyShift = 0.6;
    expect(legitimacyOf(w, 5)).toBe(1);
    w.totals.sumLegitimacy = 0.4 * 5000;
    w.legitimacyShift = 0.1;
    expect(meanLegitimacy(w)).toBeCloseTo(0.5, 12);
    w.legitimacyShift = -0.5;
    expect(meanLegitimacy(w)).toBe(0);
    w.legitimacyShift = 0.7;
    expect(meanLegitimacy(w)).toBe(1);
  });

  it('accumulated grievance decays lazily: g(t) = g(t0) exp(-decay (t - t0)), floored at 0 when lowered', () => {
    const w = quietWorld({ grievances: { decayPerYear: 3.65 } });
    expect(dailyDecay(w)).toBeCloseTo(Math.exp(-0.01), 12);
    w.day = 10;
    const before = w.totals.sumGrievance;
    addGrievance(w, 7, 0.5);
    expect(w.citizens.grievanceDay[7]).toBe(10);
    expect(grievanceOf(w, 7)).toBeCloseTo(0.5, 6);
    w.day = 30;
    expect(grievanceOf(w, 7)).toBeCloseTo(0.5 * Math.exp(-0.2), 6);
    addGrievance(w, 7, -0.1);
    expect(grievanceOf(w, 7)).toBeCloseTo(0.5 * Math.exp(-0.2) - 0.1, 6);
    expect(w.totals.sumGrievance - before).toBeCloseTo(0.5 * Math.exp(-0.2) - 0.1 + 0.5 - 0.5 * Math.exp(-0.2), 6);
    addGrievance(w, 7, -5);
    expect(grievanceOf(w, 7)).toBe(0);
    expect(grievanceOf(w, 8)).toBe(0);
  });

  it('hardship follows the economy’s drift, capped at 1; awareness grows with the rule of law, capped at 1', () => {
    const w = quietWorld({ ruleOfLaw: { legalAwarenessGrowthPerYear: 0.1 } });
    w.citizens.hardship[3] = 102; // 0.4
    w.hardshipFactor = 1.5;
    expect(hardshipOf(w, 3)).toBeCloseTo(0.6, 6);
    w.hardshipFactor = 3;
    expect(hardshipOf(w, 3)).toBe(1);
    w.citizens.awareness[3] = 153; // 0.6
    w.day = 730;
    expect(awarenessOf(w, 3)).toBeCloseTo(0.8, 6);
    w.day = 3650;
    expect(awarenessOf(w, 3)).toBe(1);
  });

  it('G is H (1 - L) plus grievanceWeight x accumulated grievance', () => {
    const w = quietWorld({ collectiveAction: { grievanceWeight: 2 } });
    const c = w.citizens;
    c.hardship[3] = 102;
    c.legitimacy[3] = 0.25;
    addGrievance(w, 3, 0.1);
    expect(totalGrievance(w, 3)).toBeCloseTo(0.4 * 0.75 + 2 * 0.1, 6);
  });

  it('the candidate set only holds citizens whose G can exceed T', () => {
    const w = quietWorld({ collectiveAction: { threshold: 0.5, grievanceWeight: 1 } });
    const c = w.citizens;
    const i = 1300; // village 1
    c.candidate[i] = 0;
    c.hardship[i] = 0;
    c.grievance[i] = 0;
    const sizes = () => w.candidatesByVillage.map((list) => list.length);
    const before = sizes();
    const n = before[1];
    const count = w.candidateCount;
    const dirty = w.dirtyByVillage[1];
    dirty.length = 0; // as after the village's last evaluation
    addGrievance(w, i, 0.5); // G = 0.5: not above T
    expect(c.candidate[i]).toBe(0);
    expect(sizes()).toEqual(before);
    expect(w.candidateCount).toBe(count);
    expect(dirty).toEqual([]);
    addGrievance(w, i, -0.25);
    addGrievance(w, i, 0.5); // G = 0.75 > T
    // Appended to its own village's list with critical P 0, and to that village's dirty list.
    expect(c.candidate[i]).toBe(CANDIDATE_DIRTY);
    expect(w.candidatesByVillage[1].slice(n)).toEqual([i]);
    expect(w.critByVillage[1].slice(n)).toEqual([0]);
    expect(w.critByVillage[1].length).toBe(w.candidatesByVillage[1].length);
    expect(sizes()).toEqual(before.map((s, v) => (v === 1 ? s + 1 : s)));
    expect(w.candidateCount).toBe(count + 1);
    expect(dirty).toEqual([i]);
    expect([0, 2, 3].map((v) => w.dirtyByVillage[v].includes(i))).toEqual([false, false, false]);
    // Touched again while DIRTY: already in the dirty list, not pushed twice.
    touchCandidate(w, i);
    expect(dirty).toEqual([i]);
    // Already in and evaluated (CLEAN, or STALE: evaluated alone): marked DIRTY and pushed to the dirty
    // list once, not added to the candidate list twice.
    for (const flag of [CANDIDATE_CLEAN, CANDIDATE_STALE]) {
      c.candidate[i] = flag;
      dirty.length = 0;
      touchCandidate(w, i);
      touchCandidate(w, i);
      expect(c.candidate[i]).toBe(CANDIDATE_DIRTY);
      expect(dirty).toEqual([i]);
      expect(w.candidatesByVillage[1].slice(n)).toEqual([i]);
      expect(w.critByVillage[1].slice(n)).toEqual([0]);
      expect(w.candidateCount).toBe(count + 1);
    }
    // Adding nothing touches nobody: a citizen above T left out of the set stays out.
    const j = 1400;
    c.candidate[j] = 0;
    c.hardship[j] = 255;
    w.totals.sumLegitimacy -= c.legitimacy[j];
    c.legitimacy[j] = 0;
    addGrievance(w, j, 0);
    expect(c.candidate[j]).toBe(0);
    expect(w.candidatesByVillage[1].slice(n)).toEqual([i]);
    // Lowering grievance touches nobody.
    c.candidate[i] = CANDIDATE_CLEAN;
    dirty.length = 0;
    addGrievance(w, i, -0.01);
    expect(c.candidate[i]).toBe(CANDIDATE_CLEAN);
    expect(dirty).toEqual([]);
  });

  it('counselling relieves kept grievance only where a counsellor serves the village', () => {
    const w = quietWorld({ ngo: { counsellingRelief: 0.3 } });
    w.villageMembers.fill(0);
    expect(keptGrievance(w, 1300, 1)).toBe(1);
    w.villageMembers[1 * TEAMS + TEAM_COUNSELLING] = 1;
    expect(keptGrievance(w, 1300, 1)).toBeCloseTo(0.7, 12);
    expect(keptGrievance(w, 100, 1)).toBe(1); // village 0 has none
    const off = quietWorld({ ngo: { counsellingRelief: 0 } });
    off.villageMembers.fill(1);
    expect(keptGrievance(off, 1300, 1)).toBe(1);
  });
});
