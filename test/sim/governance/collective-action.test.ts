import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quietWorld, scripted, smallModel, smallWorld } from './helpers';
import { arrestProbability, grievance, isActive, ratioCode } from '../../../sim/core/activation';
import { collectiveActionStep, gridActives, openEpisodes, presence, projectActives, rescanCandidates } from '../../../sim/governance/collective-action';
import { CIT_ACTIVE, CIT_DETAINED, CIT_DISPUTE, CIT_PETITIONING, CIT_QUIET } from '../../../sim/governance/codes';
import type { World } from '../../../sim/governance/world';
import { gridOf } from '../../../sim/governance/hierarchy';
import { encounter } from '../../../sim/governance/legitimacy';
import { addGrievance, CANDIDATE_CLEAN, CANDIDATE_DIRTY, CANDIDATE_FIRM, CANDIDATE_STALE, CANDIDATE_SURE, grievanceOf, hardshipOf, leaveFirm, legitimacyOf, totalGrievance, touchCandidate } from '../../../sim/governance/citizen';

describe('collective action', () => {
  it('takes Epstein’s rule from the one shared implementation (sim/core/activation), as sim/epstein does', () => {
    const gov = readFileSync(new URL('../../../sim/governance/collective-action.ts', import.meta.url), 'utf8');
    const ep = readFileSync(new URL('../../../sim/epstein/model.ts', import.meta.url), 'utf8');
    for (const src of [gov, ep]) {
      expect(src).toMatch(/import \{[^}]*\bisActive\b[^}]*\} from '\.\.\/core\/activation'/);
      expect(src).toMatch(/\barrestProbability\b/);
    }
    // No second copy of the rule: the governance model never computes exp(-k ...) itself.
    expect(gov).not.toMatch(/Math\.exp\(-/);
  });

  it('makes exactly the decisions of the core rule for the same inputs', () => {
    const w = smallWorld({ legitimacy: { initialMean: 0.4, initialSpread: 0.3 }, enforcement: { arrestsPerOfficerDay: 0 } });
    const ca = w.params.collectiveAction;
    collectiveActionStep(w); // day 0: from zero actives
    const prev = w.villageActives.slice();
    w.day++;
    // Expected decisions from the core functions, with yesterday's village counts.
    const expected: number[] = [];
    for (let i = 0; i < w.citizens.n; i++) {
      const G = grievance(hardshipOf(w, i), legitimacyOf(w, i)) + ca.grievanceWeight * grievanceOf(w, i);
      const v = w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
      const self = w.citizens.state[i] === CIT_ACTIVE ? 1 : 0;
      const P = arrestProbability(presence(w, v), prev[v] - self, ca.arrestConstant, ratioCode(ca.ratioRule));
      if (G > ca.threshold && isActive(G, w.citizens.riskAversion[i] / 255, P, ca.threshold)) expected.push(i);
      expect(totalGrievance(w, i)).toBeCloseTo(G, 12);
    }
    collectiveActionStep(w);
    const got: number[] = [];
    for (let i = 0; i < w.citizens.n; i++) if (w.citizens.state[i] === CIT_ACTIVE) got.push(i);
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('a sudden loss of legitimacy produces a mass incident with start, peak and length', () => {
    const m = smallWorld({
      collectiveAction: { massIncidentSize: 20 },
      legitimacy: { shiftSchedule: [{ at: 10, to: -0.6, over: 0 }, { at: 40, to: 0, over: 0 }] },
    });
    // Drive the step alone for 400 days: the coercive detentions of the outburst lower the detainees'
    // legitimacy, so the incident outlasts the shock by months before it ends.
    for (let d = 0; d < 400; d++) {
      m.today.detained = 0;
      collectiveActionStep(m);
      m.legitimacyShift = d + 1 >= 10 && d + 1 < 40 ? -0.6 : 0;
      m.day++;
    }
    expect(m.totals.massIncidents).toBeGreaterThanOrEqual(1);
    expect(m.incidentStarts[0]).toBeGreaterThanOrEqual(10);
    expect(m.incidentSizes[0]).toBeGreaterThan(20);
    expect(m.incidentLengths[0]).toBeGreaterThan(0);
  });

  it('keeps a candidate set smaller than the population when legitimacy is high', () => {
    const w = smallWorld();
    expect(w.candidateCount).toBeGreaterThan(0);
    expect(w.candidateCount).toBeLessThan(w.citizens.n / 5);
    let listed = 0;
    w.candidatesByVillage.forEach((list, v) => {
      listed += list.length;
      for (const i of list) {
        expect(w.citizens.candidate[i]).toBeGreaterThan(0);
        expect(w.hierarchy.gridVillage[gridOf(w.hierarchy, i)]).toBe(v);
      }
    });
    expect(listed).toBe(w.candidateCount);
  });
});

/** A world where nobody can activate, no officers detain, and day 1 is not a full-check day. */
function calmWorld(over: Parameters<typeof quietWorld>[0] = {}) {
  const w = quietWorld({ enforcement: { officersPer1000: 0 }, ...over });
  const c = w.citizens;
  c.hardship.fill(0);
  c.grievance.fill(0);
  c.riskAversion.fill(0);
  c.state.fill(CIT_QUIET);
  c.candidate.fill(0);
  w.villagePatrol.fill(0);
  w.officersPer1000 = 0;
  w.totals.scanHardship = Number.NaN;
  collectiveActionStep(w); // rescans: nobody
  expect(w.candidateCount).toBe(0);
  w.day = 1;
  return w;
}

/** Make citizens [from, to) aggrieved enough to activate whatever the arrest probability (G = 1, R = 0). */
function heat(w: World, from: number, to: number, project = false) {
  for (let i = from; i < to; i++) {
    w.citizens.hardship[i] = 255;
    w.citizens.project[i] = project ? 1 : 0;
    w.totals.sumLegitimacy -= w.citizens.legitimacy[i];
    w.citizens.legitimacy[i] = 0;
    touchCandidate(w, i);
  }
}

function cool(w: World) {
  w.citizens.hardship.fill(0);
  // The model writes stored hardship only at initialisation; lowering it here behind the model's back
  // must also drop the SURE and FIRM bounds that relied on it, as a rise in legitimacy does
  // (legitimacy.ts): each firm member leaves its block.
  const flags = w.citizens.candidate;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === CANDIDATE_SURE) flags[i] = CANDIDATE_CLEAN;
    else if (flags[i] === CANDIDATE_FIRM) leaveFirm(w, i, CANDIDATE_CLEAN);
  }
}

/** Run the step for days with the given numbers of hot citizens (in one town). */
function days(w: World, actives: number[]) {
  for (const n of actives) {
    cool(w);
    heat(w, 0, n);
    collectiveActionStep(w);
    w.day++;
  }
}

describe('collective action: episodes and detention', () => {
  it('a mass incident is a contiguous episode above the size threshold, short lulls included', () => {
    const w = calmWorld({ collectiveAction: { massIncidentSize: 20, episodeGapDays: 3 } });
    days(w, [30, 31, 10, 10, 25, 0, 0]);
    expect(w.totals.massIncidents).toBe(1);
    expect(w.totals.actives).toBe(0);
    expect(w.incidentStarts).toEqual([]); // the lull is not yet long enough
    days(w, [0]);
    expect(w.incidentStarts).toEqual([1]);
    expect(w.incidentSizes).toEqual([31]);
    expect(w.incidentLengths).toEqual([5]); // days 1..5: first to last day above
    expect(w.townEpisodeStart[0]).toBe(-1);
    // Area-wide outbursts: each rise above the size after a day at or below it.
    expect(w.totals.outbursts).toBe(2);
    expect(w.totals.peakActives).toBe(31);
    days(w, [21]);
    expect(w.totals.massIncidents).toBe(2);
    expect(openEpisodes(w)).toEqual({ sizes: [21], project: 0 });
    expect(w.townEpisodeStart[0]).toBe(w.day - 1);
  });

  it('counts an incident as caused by a project when at its peak half its actives carry an open project dispute', () => {
    for (const [burdened, counted] of [[15, 1], [14, 0]]) {
      const w = calmWorld({ collectiveAction: { massIncidentSize: 20, episodeGapDays: 1 } });
      cool(w);
      heat(w, 0, 30 - burdened);
      heat(w, 1000, 1000 + burdened, true);
      collectiveActionStep(w);
      expect(projectActives(w, 0)).toBe(burdened);
      expect(openEpisodes(w).project).toBe(counted);
      w.day++;
      cool(w);
      collectiveActionStep(w);
      expect(w.totals.incidentsFromApprovedProjects).toBe(counted);
    }
  });

  it('officers detain up to arrestsPerOfficerDay each, at random among their village’s actives', () => {
    // 0.8 officers per 1,000 in a village of 1,250: one officer, one arrest a day among 4 actives.
    const w = calmWorld({ enforcement: { arrestsPerOfficerDay: 1 } });
    w.officersPer1000 = 0.8;
    heat(w, 1250, 1252); // village 1 first: 2 actives, capacity 1 / 2
    for (const i of [3, 2, 1, 0]) heat(w, i, i + 1); // village 0, in reverse
    expect(w.candidatesByVillage.slice(0, 2)).toEqual([[3, 2, 1, 0], [1250, 1251]]);
    // Village by village, geometric skips over its actives in list order (3, 2, 1, 0, then 1250, 1251):
    // skip = floor(ln(1 - u) / ln(1 - capacity)). Village 0 (capacity 1/4): u just below 1/4 skips none
    // (citizen 3), then u = 0.9 skips 8, past the end. Village 1 (capacity 1/2): u just below 1/2 skips
    // none (1250), then u = 0.5 skips 1, past the end. Four draws, not one per active.
    w.streams.detention = scripted([0.25 - 1e-9, 0.9, 0.5 - 1e-9, 0.5]);
    collectiveActionStep(w);
    expect((w.streams.detention as unknown as { drawn: number }).drawn).toBe(4);
    const detained = [0, 1, 2, 3, 1250, 1251].map((i) => w.citizens.state[i] === CIT_DETAINED);
    expect(detained).toEqual([false, false, false, true, true, false]);
    expect(w.totals.actives).toBe(4);
    expect(Array.from(w.villageActives)).toEqual([3, 1, 0, 0]);
    expect(gridActives(w)[0]).toBe(3);
    expect(gridActives(w)[5]).toBe(1);
    expect(w.townActives[0]).toBe(4);
  });

  it('with more arrests than actives every active is detained', () => {
    const w = calmWorld({ enforcement: { arrestsPerOfficerDay: 10 } });
    w.officersPer1000 = 0.8;
    heat(w, 0, 4);
    w.streams.detention = scripted([], 0.9999);
    collectiveActionStep(w);
    expect(w.totals.actives).toBe(0);
    expect(w.totals.detainedNow).toBe(4);
  });

  it('enforcement presence is officers x residents / 1000 x presencePerOfficer plus patrols', () => {
    const w = calmWorld({ collectiveAction: { presencePerOfficer: 6, patrolDeterrence: 0.3 } });
    w.officersPer1000 = 2;
    w.villagePatrol[1] = 5;
    expect(presence(w, 1)).toBeCloseTo((2 * 1250 * 6) / 1000 + 1.5, 12);
  });

  it('drops a candidate whose G fell to T, returning an active to dispute or quiet', () => {
    const w = calmWorld();
    heat(w, 0, 2);
    w.citizens.openCases[1] = 1;
    collectiveActionStep(w);
    expect([w.citizens.state[0], w.citizens.state[1]]).toEqual([CIT_ACTIVE, CIT_ACTIVE]);
    cool(w);
    w.day++;
    collectiveActionStep(w);
    expect([w.citizens.state[0], w.citizens.state[1]]).toEqual([CIT_QUIET, CIT_DISPUTE]);
    // Dropped from their village's list (and its critical P's) at this full evaluation.
    expect([w.candidatesByVillage[0], w.critByVillage[0], w.dirtyByVillage[0]]).toEqual([[], [], []]);
    expect(w.candidateCount).toBe(0);
    expect([w.citizens.candidate[0], w.citizens.candidate[1]]).toEqual([0, 0]);
  });

  it('a deterred active turns back to dispute or quiet and stays a candidate with its critical P', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 } });
    heat(w, 0, 2);
    w.citizens.openCases[1] = 1;
    collectiveActionStep(w);
    // Risk-averse now, under heavy presence: G - R P = 1 - P < 0.1 for P > 0.9.
    w.citizens.riskAversion[0] = 255;
    w.citizens.riskAversion[1] = 255;
    w.officersPer1000 = 50;
    w.day++;
    w.streams.detention = scripted([], 0.9999);
    collectiveActionStep(w);
    expect([w.citizens.state[0], w.citizens.state[1]]).toEqual([CIT_QUIET, CIT_DISPUTE]);
    expect(w.candidatesByVillage[0]).toEqual([0, 1]);
    expect(w.candidateCount).toBe(2);
    expect(w.totals.actives).toBe(0); // candidates, but none active
    expect(w.critByVillage[0][0]).toBeCloseTo(0.9, 6); // (G - T) / R
    expect(w.villageMaxCrit[0]).toBeCloseTo(0.9, 6); // the largest of its quiet candidates'
    expect(w.citizens.candidate[0]).toBe(CANDIDATE_CLEAN);
  });

  it('skips an untouched quiet candidate while P is at least its critical value, except on full-check days if its grievance decays', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    // Citizen 1 (R = 0) is active every day, so village 0 is evaluated in full every day.
    heat(w, 0, 2);
    w.citizens.riskAversion[0] = 255;
    w.officersPer1000 = 50; // P near 1: citizen 0 stays quiet, critical P 0.9
    collectiveActionStep(w); // day 1: both new, evaluated as touched
    w.day = 2;
    collectiveActionStep(w); // day 2: a full pass (an active yesterday)
    expect([w.citizens.state[0], w.citizens.state[1]]).toEqual([CIT_QUIET, CIT_ACTIVE]);
    expect(w.candidatesByVillage[0]).toEqual([0, 1]);
    expect(w.critByVillage[0][0]).toBeCloseTo(0.9, 6);
    expect(w.citizens.candidate[0]).toBe(CANDIDATE_CLEAN);
    // Its risk aversion drops without a touch (behind the model's back): not re-evaluated...
    w.citizens.riskAversion[0] = 0;
    for (w.day = 3; w.day < 30; w.day++) {
      collectiveActionStep(w);
      expect(w.villageActives[0]).toBe(1);
    }
    expect(w.citizens.state[0]).toBe(CIT_QUIET);
    // ...nor at the 30-day check, as without an accumulated grievance its G cannot have decayed to T...
    collectiveActionStep(w); // day 30
    expect(w.citizens.state[0]).toBe(CIT_QUIET);
    // ...which evaluates those with one (for the decay): with a grievance, at the next check it is.
    w.citizens.grievance[0] = 0.01;
    w.citizens.grievanceDay[0] = 59;
    for (w.day = 31; w.day < 60; w.day++) collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_QUIET);
    collectiveActionStep(w); // day 60
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE);
  });

  it('keeps a FIRM active in its village’s block where P is 0 without visiting it, until its legitimacy rises or a rescan', () => {
    // No officers: P is 0 in every village, so the rule is G > T.
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 1);
    collectiveActionStep(w);
    w.day++;
    collectiveActionStep(w); // a full pass: its H(1 - L) clears T on its own, whatever the drift
    expect([w.citizens.state[0], w.citizens.candidate[0]]).toEqual([CIT_ACTIVE, CANDIDATE_FIRM]);
    expect([w.firmCount[0], w.candidatesByVillage[0][0], w.citizens.firmSlot[0]]).toEqual([1, 0, 0]);
    expect(w.sureFlags).toBe(true);
    // Behind the model's back (the model never lowers stored hardship): a FIRM active is not evaluated.
    w.citizens.hardship[0] = 0;
    w.day++;
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE);
    expect(w.totals.actives).toBe(1);
    // A fair encounter raises its legitimacy: it leaves the block and the next pass evaluates it.
    encounter(w, 0, 1);
    expect([w.citizens.candidate[0], w.firmCount[0]]).toEqual([CANDIDATE_CLEAN, 0]);
    w.day++;
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_QUIET);
    // A rescan clears every flag (all DIRTY), the blocks and the world's note that some may be SURE.
    w.citizens.hardship[0] = 255;
    touchCandidate(w, 0);
    w.day++;
    collectiveActionStep(w); // a village with no active yesterday: evaluated alone as touched (STALE)
    w.day++;
    collectiveActionStep(w); // a full pass: into the block
    expect([w.citizens.candidate[0], w.firmCount[0]]).toEqual([CANDIDATE_FIRM, 1]);
    w.hardshipFactor = 1.01;
    rescanCandidates(w);
    expect(w.sureFlags).toBe(false);
    expect([w.citizens.candidate[0], w.firmCount[0]]).toEqual([CANDIDATE_DIRTY, 0]);
  });

  it('keeps a SURE active (above T by a decaying grievance) unevaluated up to its last sure day, or until relieved', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    // G from accumulated grievance only (hardship 0): weight x g, decaying at decayPerYear.
    w.citizens.riskAversion[1] = 0;
    addGrievance(w, 1, 0.5);
    collectiveActionStep(w); // new: evaluated alone, active
    w.day++;
    collectiveActionStep(w); // a full pass
    expect([w.citizens.state[1], w.citizens.candidate[1], w.firmCount[0]]).toEqual([CIT_ACTIVE, CANDIDATE_SURE, 0]);
    const last = w.critByVillage[0][0];
    // Its last sure day: G is above T then, and has fallen to T a day or two later.
    const G = (day: number) => {
      const today = w.day;
      w.day = day;
      const g = totalGrievance(w, 1);
      w.day = today;
      return g;
    };
    expect(last).toBeGreaterThan(w.day + 30);
    expect(G(last)).toBeGreaterThan(0.1);
    expect(G(last + 2)).toBeLessThanOrEqual(0.1 + 1e-9);
    // Unevaluated meanwhile: its grievance cut behind the model's back changes nothing...
    const kept = w.citizens.grievance[1];
    w.citizens.grievance[1] = 0;
    w.day++;
    collectiveActionStep(w);
    expect(w.citizens.state[1]).toBe(CIT_ACTIVE);
    // ...but past its last sure day it is evaluated: dropped, its G being 0.
    w.day = last + 1;
    collectiveActionStep(w);
    expect([w.citizens.state[1], w.citizens.candidate[1]]).toEqual([CIT_QUIET, 0]);
    // A relief of its grievance through the model (a resolved dispute) makes it CLEAN at once.
    w.citizens.grievance[1] = kept;
    w.citizens.grievanceDay[1] = w.day;
    touchCandidate(w, 1);
    collectiveActionStep(w);
    w.day++;
    collectiveActionStep(w);
    expect(w.citizens.candidate[1]).toBe(CANDIDATE_SURE);
    addGrievance(w, 1, -0.01);
    expect(w.citizens.candidate[1]).toBe(CANDIDATE_CLEAN);
  });

  it('keeps every firm block exact: its members FIRM actives at their firmSlot, in a riot with detentions', () => {
    // A risen town: low legitimacy, few officers (P is 0 under the floor rule), detentions every day.
    const m = smallModel({ legitimacy: { initialMean: 0.3 }, enforcement: { officersPer1000: 0.3 } }, 3);
    const w = m.w;
    let firm = 0;
    for (let d = 0; d < 60; d++) {
      m.step(1);
      for (let v = 0; v < w.hierarchy.villages; v++) {
        const list = w.candidatesByVillage[v];
        firm += w.firmCount[v];
        for (let q = 0; q < list.length; q++) {
          const i = list[q];
          if (q < w.firmCount[v]) {
            expect([w.citizens.candidate[i], w.citizens.state[i], w.citizens.firmSlot[i]]).toEqual([CANDIDATE_FIRM, CIT_ACTIVE, q]);
          } else expect(w.citizens.candidate[i]).not.toBe(CANDIDATE_FIRM);
        }
      }
    }
    expect(firm).toBeGreaterThan(0);
    expect(w.totals.detentions).toBeGreaterThan(0);
  });

  it('dissolves a firm block when P for an active rises above 0, evaluating its members again', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 3);
    w.citizens.riskAversion[2] = 255;
    collectiveActionStep(w);
    w.day++;
    collectiveActionStep(w);
    expect(w.firmCount[0]).toBe(3);
    // Heavy presence: P near 1. Citizen 2 (R = 1, G = 1, critical P 0.9) is deterred; 0 and 1 (R = 0) are not.
    w.officersPer1000 = 50;
    w.day++;
    collectiveActionStep(w);
    expect(w.firmCount[0]).toBe(0);
    expect([0, 1, 2].map((i) => w.citizens.candidate[i])).toEqual([CANDIDATE_CLEAN, CANDIDATE_CLEAN, CANDIDATE_CLEAN]);
    expect([0, 1, 2].map((i) => w.citizens.state[i])).toEqual([CIT_ACTIVE, CIT_ACTIVE, CIT_QUIET]);
  });

  it('never marks SURE where P is above 0: a deterred candidate must be re-evaluated as P falls', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 1);
    w.officersPer1000 = 50; // heavy presence: P above 0 (the rule needs R and P); R is 0, so still active
    collectiveActionStep(w);
    w.day++;
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE); // R is 0
    expect(w.citizens.candidate[0]).toBe(CANDIDATE_CLEAN);
  });

  it('rescans the whole population only when the economy or the legitimacy shift moved by more than 0.005', () => {
    const w = calmWorld();
    w.citizens.hardship[0] = 255; // untouched: not in the set
    w.totals.sumLegitimacy -= w.citizens.legitimacy[0];
    w.citizens.legitimacy[0] = 0;
    w.hardshipFactor = 1.004;
    collectiveActionStep(w);
    expect(w.candidateCount).toBe(0);
    w.hardshipFactor = 1.006;
    collectiveActionStep(w);
    expect(w.candidatesByVillage[0]).toEqual([0]);
    expect(w.candidateCount).toBe(1);
    expect(w.totals.scanHardship).toBe(1.006);
    w.citizens.hardship[1] = 255;
    w.totals.sumLegitimacy -= w.citizens.legitimacy[1];
    w.citizens.legitimacy[1] = 0;
    w.legitimacyShift = 0.004;
    collectiveActionStep(w);
    expect(w.candidatesByVillage[0]).toEqual([0]);
    w.legitimacyShift = -0.006;
    collectiveActionStep(w);
    expect(w.totals.scanShift).toBe(-0.006);
    expect(w.candidatesByVillage).toEqual([[0, 1], [], [], []]);
    expect(w.candidateCount).toBe(2);
  });

  it('after a drift that can only lower G, refreshes the candidates’ bounds without visiting the population', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    // Citizen 0: H(1 - L) = 1, firm whatever the drift. Citizen 1: H(1 - L) just above T (hardship 27:
    // 0.106), firm only while hardship stays near its scan's factor.
    heat(w, 0, 2);
    w.citizens.hardship[1] = 27;
    collectiveActionStep(w);
    w.day++;
    collectiveActionStep(w);
    expect([w.citizens.candidate[0], w.citizens.candidate[1], w.firmCount[0]]).toEqual([CANDIDATE_FIRM, CANDIDATE_FIRM, 2]);
    // An outsider whose G the fall of hardship keeps below T is never visited: G only fell.
    w.citizens.hardship[2000] = 255;
    const scans = w.totals.scanHardship;
    w.hardshipFactor = scans - 0.1; // down by more than the refresh's 0.0025, not up
    w.day++;
    collectiveActionStep(w);
    expect(w.totals.scanHardship).toBe(scans - 0.1);
    expect(w.citizens.candidate[2000]).toBe(0); // no rescan
    // Citizen 1's H(1 - L) at the new worst drift is below T: it left the block and was evaluated (G =
    // 0.106 x 0.9, below T: quiet, out of the set); citizen 0 stays in.
    expect([w.citizens.candidate[0], w.firmCount[0], w.candidatesByVillage[0]]).toEqual([CANDIDATE_FIRM, 1, [0]]);
    expect([w.citizens.state[1], w.citizens.candidate[1]]).toEqual([CIT_QUIET, 0]);
  });

  it('a touch or a fall in legitimacy leaves a FIRM active in its block; a rise takes it out only when its bound fails', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 1);
    collectiveActionStep(w);
    w.day++;
    collectiveActionStep(w);
    expect([w.citizens.candidate[0], w.firmCount[0]]).toEqual([CANDIDATE_FIRM, 1]);
    // Its G rises: it stays an active of the block, and nothing is queued for evaluation.
    touchCandidate(w, 0);
    encounter(w, 0, 0);
    addGrievance(w, 0, 0.5);
    expect([w.citizens.candidate[0], w.firmCount[0], w.dirtyByVillage[0]]).toEqual([CANDIDATE_FIRM, 1, []]);
    // A small rise in legitimacy keeps H(1 - L) far above T: still firm.
    w.citizens.legitimacy[0] = 0;
    encounter(w, 0, 0.5);
    expect(w.citizens.legitimacy[0]).toBeGreaterThan(0);
    expect([w.citizens.candidate[0], w.firmCount[0]]).toEqual([CANDIDATE_FIRM, 1]);
    // One that takes H(1 - L) to T takes it out, CLEAN, for the next pass to evaluate.
    w.citizens.legitimacy[0] = 0.899;
    encounter(w, 0, 1);
    expect([w.citizens.candidate[0], w.firmCount[0]]).toEqual([CANDIDATE_CLEAN, 0]);
  });

  it('a rescan keeps every candidate (a detainee too) and records each candidate’s village', () => {
    const w = calmWorld();
    w.citizens.candidate[2000] = CANDIDATE_CLEAN; // already in (e.g. detained)
    w.citizens.state[2000] = CIT_DETAINED;
    w.citizens.hardship[3000] = 255;
    w.totals.sumLegitimacy -= w.citizens.legitimacy[3000];
    w.citizens.legitimacy[3000] = 0;
    rescanCandidates(w);
    expect(w.candidatesByVillage).toEqual([[], [2000], [3000], []]);
    expect(w.critByVillage).toEqual([[], [0], [0], []]);
    expect(w.candidateCount).toBe(2);
    expect([w.citizens.candidate[2000], w.citizens.candidate[3000]]).toEqual([CANDIDATE_DIRTY, CANDIDATE_DIRTY]);
    w.day = 30; // a full evaluation
    collectiveActionStep(w);
    // A detainee is not evaluated: it leaves the set while held (its release touches it back in when its G
    // is above T), and stays detained.
    expect(w.citizens.state[2000]).toBe(CIT_DETAINED);
    expect([w.candidatesByVillage[1], w.critByVillage[1], w.citizens.candidate[2000]]).toEqual([[], [], 0]);
    expect(w.candidateCount).toBe(1);
    expect(w.citizens.state[3000]).toBe(CIT_ACTIVE);
  });
});

describe('collective action: the decision of each candidate', () => {
  /** Citizen i with G = g (all accumulated grievance) and risk aversion 1. */
  function aggrieved(w: World, i: number, g: number, state = CIT_QUIET) {
    w.citizens.grievance[i] = g;
    w.citizens.grievanceDay[i] = w.day;
    w.citizens.riskAversion[i] = 255;
    w.citizens.state[i] = state;
    touchCandidate(w, i);
  }

  it('an active citizen weighs the arrest probability without itself among the actives', () => {
    // Literal C / A with C = 0.12 x 1.25 x 6 = 0.9 and 2 actives yesterday: an active citizen sees
    // A = 2 (P = 1 - exp(-2.3 x 0.45) = 0.64), a quiet one A = 3 (P = 0.50). G = 0.7, R = 1, T = 0.1.
    const w = calmWorld({ collectiveAction: { ratioRule: 'literal', threshold: 0.1, presencePerOfficer: 6, patrolDeterrence: 0 }, enforcement: { arrestsPerOfficerDay: 0 } });
    w.officersPer1000 = 0.12;
    w.villageActives[0] = 2;
    aggrieved(w, 0, 0.7, CIT_ACTIVE);
    aggrieved(w, 1, 0.7);
    collectiveActionStep(w);
    expect([w.citizens.state[0], w.citizens.state[1]]).toEqual([CIT_QUIET, CIT_ACTIVE]);
  });

  it('re-evaluates a touched candidate and an active one even while P is above their critical value', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 1);
    w.citizens.riskAversion[0] = 255;
    w.officersPer1000 = 50;
    heat(w, 1, 2); // always active (R = 0): village 0 is evaluated in full every day after the first
    collectiveActionStep(w); // day 1: both new
    w.day++;
    collectiveActionStep(w); // day 2, a full pass: citizen 0 quiet, critical P 0.9
    expect([w.citizens.state[0], w.citizens.candidate[0]]).toEqual([CIT_QUIET, CANDIDATE_CLEAN]);
    expect(w.critByVillage[0][0]).toBeCloseTo(0.9, 6);
    w.citizens.riskAversion[0] = 0;
    touchCandidate(w, 0); // dirty: evaluated in full tomorrow
    w.day++;
    collectiveActionStep(w);
    expect(w.villageActives[0]).toBe(2);
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE);
    // An active citizen (critical P 0.6 at R = 1) is re-evaluated when presence rises above it.
    const v = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    aggrieved(v, 0, 0.7);
    collectiveActionStep(v); // new: active
    v.day++;
    v.citizens.grievanceDay[0] = v.day; // G = 0.7 today
    collectiveActionStep(v); // a full pass (an active yesterday): still active, and SURE (P is 0)
    expect(v.citizens.state[0]).toBe(CIT_ACTIVE);
    expect(v.citizens.candidate[0]).toBe(CANDIDATE_SURE);
    expect(v.critByVillage[0][0]).toBeGreaterThan(v.day); // its last sure day, not a critical P
    v.officersPer1000 = 50;
    v.day++;
    collectiveActionStep(v);
    expect(v.citizens.state[0]).toBe(CIT_QUIET);
  });

  it('keeps the critical P as (G - T) / R for every candidate, one entry per candidate', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    aggrieved(w, 0, 0.7);
    w.citizens.riskAversion[0] = 51; // 0.2
    aggrieved(w, 1, 0.5);
    aggrieved(w, 1300, 0.5); // village 1
    collectiveActionStep(w); // new: both active
    // Written at a full evaluation (an active yesterday), on the same day as the grievances.
    w.day++;
    for (const i of [0, 1, 1300]) w.citizens.grievanceDay[i] = w.day;
    // Under P = 0 actives kept above T by their grievance are SURE: the entry is their last sure day.
    collectiveActionStep(w);
    expect(w.candidatesByVillage.slice(0, 2)).toEqual([[0, 1], [1300]]);
    expect([0, 1, 1300].map((i) => w.citizens.candidate[i])).toEqual([CANDIDATE_SURE, CANDIDATE_SURE, CANDIDATE_SURE]);
    expect(w.critByVillage[0][1]).toBe(w.critByVillage[1][0]); // the same grievance: the same day
    expect(w.critByVillage[0][0]).toBeGreaterThan(w.critByVillage[0][1]); // a larger one lasts longer
    expect(w.critByVillage.map((crit) => crit.length)).toEqual(w.candidatesByVillage.map((list) => list.length));
    // Under a small P (literal ratio rule) they are evaluated, and the entry is the critical P.
    const rule = w.params.collectiveAction.ratioRule;
    w.params.collectiveAction.ratioRule = 'literal';
    w.officersPer1000 = 0.01;
    w.day++;
    for (const i of [0, 1, 1300]) w.citizens.grievanceDay[i] = w.day;
    collectiveActionStep(w);
    expect([0, 1, 1300].map((i) => w.citizens.state[i])).toEqual([CIT_ACTIVE, CIT_ACTIVE, CIT_ACTIVE]);
    expect(w.critByVillage[0][0]).toBeCloseTo(0.6 / 0.2, 5);
    expect(w.critByVillage[0][1]).toBeCloseTo(0.4, 6);
    expect(w.critByVillage[1][0]).toBeCloseTo(0.4, 6);
    w.params.collectiveAction.ratioRule = rule;
    // Under P = 1, with a third candidate (G = 0.3): 0 stays active, 1 and 2 are deterred.
    w.officersPer1000 = 50;
    w.day++;
    for (const i of [0, 1]) w.citizens.grievanceDay[i] = w.day;
    aggrieved(w, 2, 0.3);
    collectiveActionStep(w); // a full pass: 0 was active yesterday
    expect([0, 1, 2].map((i) => w.citizens.state[i])).toEqual([CIT_ACTIVE, CIT_QUIET, CIT_QUIET]);
    expect(w.candidatesByVillage[0]).toEqual([0, 1, 2]);
    expect(w.critByVillage[0].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([3, 0.4, 0.2]);
    // 1 is touched as its G falls below T: dropped, the village's last candidate takes its place with its
    // own critical P (and, untouched and deterred, is skipped there).
    w.day++;
    w.citizens.grievanceDay[0] = w.day;
    w.citizens.grievance[1] = 0;
    touchCandidate(w, 1);
    collectiveActionStep(w);
    expect(w.candidatesByVillage[0]).toEqual([0, 2]);
    expect(w.critByVillage[0].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([3, 0.2]);
    expect(w.villageMaxCrit[0]).toBeCloseTo(0.2, 6); // 0 is active: only 2 is a quiet candidate
    expect(w.candidateCount).toBe(3);
  });

  it('in a quiet village (no active yesterday, P at least its largest critical P) evaluates only the touched candidates', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    w.officersPer1000 = 50; // P = 1 in every village
    // Day 30, a full evaluation: 0 (G = 1, critical P 0.9) and 1 (G = 0.5, critical P 0.4) stay quiet.
    w.day = 30;
    aggrieved(w, 0, 1);
    aggrieved(w, 1, 0.5);
    collectiveActionStep(w);
    expect(w.candidatesByVillage[0]).toEqual([0, 1]);
    expect(w.critByVillage[0][0]).toBeCloseTo(0.9, 6);
    expect(w.critByVillage[0][1]).toBeCloseTo(0.4, 6);
    expect(w.villageMaxCrit[0]).toBeCloseTo(0.9, 6); // P must deter the most willing one
    expect([w.citizens.candidate[0], w.citizens.candidate[1]]).toEqual([CANDIDATE_CLEAN, CANDIDATE_CLEAN]);
    // Day 31: only a new candidate, 2 (G = 0.3, critical P 0.2), was touched. Evaluated alone (quiet), it
    // leaves the village's largest critical P as it was; its list entry stays as added (crit 0) and it is
    // marked STALE.
    w.day = 31;
    aggrieved(w, 2, 0.3);
    expect(w.dirtyByVillage[0]).toEqual([2]);
    collectiveActionStep(w);
    expect([0, 1, 2].map((i) => w.citizens.state[i])).toEqual([CIT_QUIET, CIT_QUIET, CIT_QUIET]);
    expect(w.villageMaxCrit[0]).toBeCloseTo(0.9, 6);
    expect(w.candidatesByVillage[0]).toEqual([0, 1, 2]);
    expect(w.critByVillage[0][2]).toBe(0);
    expect(w.critByVillage[0][1]).toBeCloseTo(0.4, 6);
    expect([0, 1, 2].map((i) => w.citizens.candidate[i])).toEqual([CANDIDATE_CLEAN, CANDIDATE_CLEAN, CANDIDATE_STALE]);
    expect(w.dirtyByVillage[0]).toEqual([]);
    // Day 32: 0 and 2 lose their risk aversion without a touch (either would now activate); 1's grievance
    // rises (a touch) to G = 1.5, more than P = 1 deters. Only 1 is evaluated.
    w.day = 32;
    const crits = w.critByVillage[0].slice();
    w.citizens.riskAversion[0] = 0;
    w.citizens.riskAversion[2] = 0;
    addGrievance(w, 1, 1.5 - grievanceOf(w, 1));
    expect(w.dirtyByVillage[0]).toEqual([1]);
    collectiveActionStep(w);
    expect([0, 1, 2].map((i) => w.citizens.state[i])).toEqual([CIT_QUIET, CIT_ACTIVE, CIT_QUIET]);
    expect(w.villageActives[0]).toBe(1);
    expect(w.critByVillage[0]).toEqual(crits); // the list's entries are not updated
    expect(w.citizens.candidate[1]).toBe(CANDIDATE_STALE);
    expect(w.dirtyByVillage[0]).toEqual([]);
    // Day 33: an active yesterday, so a full pass: the STALE entry 2 is evaluated (active, R = 0), the
    // untouched quiet 0 is still skipped by its own critical P (0.9 <= P).
    w.day = 33;
    collectiveActionStep(w);
    expect([0, 1, 2].map((i) => w.citizens.state[i])).toEqual([CIT_QUIET, CIT_ACTIVE, CIT_ACTIVE]);
    expect([0, 1, 2].map((i) => w.citizens.candidate[i])).toEqual([CANDIDATE_CLEAN, CANDIDATE_CLEAN, CANDIDATE_CLEAN]);
    expect(w.critByVillage[0][2]).toBe(Infinity);
    expect(w.villageMaxCrit[0]).toBeCloseTo(0.9, 6);
  });

  it('drops a candidate at exactly G = T, and leaves a petitioner’s state alone', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.5 }, enforcement: { arrestsPerOfficerDay: 0 } });
    aggrieved(w, 0, 0.75, CIT_PETITIONING);
    aggrieved(w, 1, 0.75, CIT_PETITIONING);
    w.citizens.riskAversion[1] = 255;
    w.officersPer1000 = 50; // citizen 1 deterred
    w.citizens.riskAversion[0] = 0;
    collectiveActionStep(w);
    expect(w.citizens.state[1]).toBe(CIT_PETITIONING);
    w.day++;
    w.citizens.grievance[0] = 0.5; // G = T today: no longer a candidate
    w.citizens.grievance[1] = 0.5;
    w.citizens.grievanceDay[0] = w.day;
    w.citizens.grievanceDay[1] = w.day;
    touchCandidate(w, 1);
    collectiveActionStep(w); // a full pass: citizen 0 was active yesterday
    expect(w.candidatesByVillage[0]).toEqual([]);
    expect(w.candidateCount).toBe(0);
    expect(w.citizens.state[1]).toBe(CIT_PETITIONING);
    // A rescan leaves out a citizen at exactly G = T too.
    w.citizens.grievance[2] = 0.5;
    w.citizens.grievanceDay[2] = w.day;
    rescanCandidates(w);
    expect(w.candidatesByVillage).toEqual([[], [], [], []]);
    expect(w.candidateCount).toBe(0);
  });

  it('draws no detention number where nobody can be detained', () => {
    const w = calmWorld();
    heat(w, 0, 3);
    const ds = scripted([]);
    w.streams.detention = ds;
    collectiveActionStep(w);
    expect(w.totals.actives).toBe(3);
    expect(ds.drawn).toBe(0);
  });

  it('an episode needs more actives than the size; one starting on day 0 runs and ends like any other', () => {
    const w = calmWorld({ collectiveAction: { massIncidentSize: 20, episodeGapDays: 1 } });
    days(w, [20]);
    expect([w.totals.massIncidents, w.totals.outbursts]).toEqual([0, 0]);
    w.day = 0;
    days(w, [25, 26]);
    expect(w.totals.massIncidents).toBe(1);
    expect(openEpisodes(w).sizes).toEqual([26]);
    days(w, [0]);
    expect(w.incidentStarts).toEqual([0]);
    expect(w.incidentLengths).toEqual([2]);
  });

  it('the project share is read at the first day of the peak', () => {
    const w = calmWorld({ collectiveAction: { massIncidentSize: 20, episodeGapDays: 1 } });
    cool(w);
    heat(w, 0, 15);
    heat(w, 1000, 1015, true);
    collectiveActionStep(w);
    w.day++;
    cool(w);
    heat(w, 0, 30); // as large, nobody burdened
    collectiveActionStep(w);
    expect(openEpisodes(w).project).toBe(1);
  });

  it('a detainee is not evaluated: however aggrieved, it stays detained', () => {
    const w = calmWorld({ enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 1);
    w.citizens.state[0] = CIT_DETAINED;
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_DETAINED);
    expect(w.totals.actives).toBe(0);
  });

  it('reports open episodes of the towns in one only', () => {
    const w = quietWorld({ population: { residents: 8000, townsPerCounty: 2, villagesPerTown: 2, gridsPerVillage: 2 } });
    w.townEpisodeStart.set([-1, 5]);
    w.townEpisodePeak.set([7, 30]);
    w.townEpisodeProject.set([1, 0]);
    expect(openEpisodes(w)).toEqual({ sizes: [30], project: 0 });
  });

  it('a legitimacy shift is measured from the shift at the last rescan', () => {
    const w = calmWorld();
    w.legitimacyShift = -0.01;
    collectiveActionStep(w); // rescans at -0.01
    w.citizens.hardship[0] = 255;
    w.totals.sumLegitimacy -= w.citizens.legitimacy[0];
    w.citizens.legitimacy[0] = 0;
    w.legitimacyShift = -0.012;
    collectiveActionStep(w);
    expect(w.candidateCount).toBe(0);
  });
});

describe('the quiet-village shortcut is safe', () => {
  function aggrieved(w: World, i: number, g: number) {
    w.citizens.grievance[i] = g;
    w.citizens.grievanceDay[i] = w.day;
    w.citizens.riskAversion[i] = 255;
    w.citizens.state[i] = CIT_QUIET;
    touchCandidate(w, i);
  }

  it('a fall in presence below the most willing quiet candidate’s critical P makes the village evaluate everyone', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    w.officersPer1000 = 50; // P = 1
    w.day = 30;
    aggrieved(w, 0, 1); // critical P 0.9 at R = 1
    aggrieved(w, 1, 0.5); // critical P 0.4
    collectiveActionStep(w);
    expect([w.citizens.state[0], w.citizens.state[1]]).toEqual([CIT_QUIET, CIT_QUIET]);
    // Presence falls to nothing (P = 0, below both critical values): 0 must now turn active, untouched.
    w.day = 31;
    w.officersPer1000 = 0;
    w.villagePatrol.fill(0);
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE);
  });

  it('a rescan makes the next pass a full one, so the candidates it marks are evaluated', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    w.officersPer1000 = 50;
    w.day = 30;
    collectiveActionStep(w);
    w.day = 31;
    rescanCandidates(w);
    expect(w.villageMaxCrit[0]).toBe(Infinity);
  });
});
