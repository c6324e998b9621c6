import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quietWorld, scripted, smallWorld } from './helpers';
import { arrestProbability, grievance, isActive, ratioCode } from '../../../sim/core/activation';
import { collectiveActionStep, openEpisodes, presence, rescanCandidates } from '../../../sim/governance/collective-action';
import { CIT_ACTIVE, CIT_DETAINED, CIT_DISPUTE, CIT_PETITIONING, CIT_QUIET } from '../../../sim/governance/codes';
import type { World } from '../../../sim/governance/world';
import { gridOf } from '../../../sim/governance/hierarchy';
import { CANDIDATE_CLEAN, grievanceOf, hardshipOf, legitimacyOf, totalGrievance, touchCandidate } from '../../../sim/governance/citizen';

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
    expect(w.candidates.length).toBeGreaterThan(0);
    expect(w.candidates.length).toBeLessThan(w.citizens.n / 5);
    for (const i of w.candidates) expect(w.citizens.candidate[i]).toBeGreaterThan(0);
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
  expect(w.candidates.length).toBe(0);
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
      expect(w.townProjectActives[0]).toBe(burdened);
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
    heat(w, 0, 4);
    heat(w, 1250, 1252); // village 1: 2 actives, capacity 1 / 2
    w.streams.detention = scripted([0.25 - 1e-9, 0.25, 0.9, 0.9, 0.5 - 1e-9, 0.5]);
    collectiveActionStep(w);
    const detained = [0, 1, 2, 3, 1250, 1251].map((i) => w.citizens.state[i] === CIT_DETAINED);
    expect(detained).toEqual([true, false, false, false, true, false]);
    expect(w.totals.actives).toBe(4);
    expect(Array.from(w.villageActives)).toEqual([3, 1, 0, 0]);
    expect(w.gridActives[0]).toBe(3);
    expect(w.gridActives[5]).toBe(1);
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
    expect(w.candidates).toEqual([]);
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
    expect(w.candidates).toEqual([0, 1]);
    expect(w.totals.actives).toBe(0); // candidates, but none active
    expect(w.candidateCrit[0]).toBeCloseTo(0.9, 6); // (G - T) / R
    expect(w.citizens.candidate[0]).toBe(CANDIDATE_CLEAN);
  });

  it('skips an untouched quiet candidate while P is at least its critical value, except on full-check days', () => {
    const w = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    heat(w, 0, 1);
    w.citizens.riskAversion[0] = 255;
    w.officersPer1000 = 50; // P near 1: stays quiet, critical P 0.9
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_QUIET);
    // Its risk aversion drops without a touch: not re-evaluated until the 30-day check.
    w.citizens.riskAversion[0] = 0;
    for (w.day = 2; w.day < 30; w.day++) collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_QUIET);
    collectiveActionStep(w); // day 30
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE);
  });

  it('rescans the whole population only when the economy or the legitimacy shift moved by more than 0.005', () => {
    const w = calmWorld();
    w.citizens.hardship[0] = 255; // untouched: not in the set
    w.totals.sumLegitimacy -= w.citizens.legitimacy[0];
    w.citizens.legitimacy[0] = 0;
    w.hardshipFactor = 1.004;
    collectiveActionStep(w);
    expect(w.candidates).toEqual([]);
    w.hardshipFactor = 1.006;
    collectiveActionStep(w);
    expect(w.candidates).toEqual([0]);
    expect(w.totals.scanHardship).toBe(1.006);
    w.citizens.hardship[1] = 255;
    w.totals.sumLegitimacy -= w.citizens.legitimacy[1];
    w.citizens.legitimacy[1] = 0;
    w.legitimacyShift = 0.004;
    collectiveActionStep(w);
    expect(w.candidates).toEqual([0]);
    w.legitimacyShift = -0.006;
    collectiveActionStep(w);
    expect(w.candidates).toEqual([0, 1]);
    expect(w.totals.scanShift).toBe(-0.006);
    expect(w.candidateVillage).toEqual([0, 0]);
  });

  it('a rescan keeps actives and detainees and records each candidate’s village', () => {
    const w = calmWorld();
    w.citizens.candidate[2000] = CANDIDATE_CLEAN; // already in (e.g. detained)
    w.citizens.state[2000] = CIT_DETAINED;
    w.citizens.hardship[3000] = 255;
    w.totals.sumLegitimacy -= w.citizens.legitimacy[3000];
    w.citizens.legitimacy[3000] = 0;
    rescanCandidates(w);
    expect(w.candidates).toEqual([2000, 3000]);
    expect(w.candidateVillage).toEqual([1, 2]);
    expect(w.candidateCrit).toEqual([0, 0]);
    expect(w.citizens.candidate[2000]).toBe(2);
    w.day = 1;
    collectiveActionStep(w);
    expect(w.citizens.state[2000]).toBe(CIT_DETAINED); // detainees are not evaluated
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
    collectiveActionStep(w); // quiet, critical P 0.9
    w.citizens.riskAversion[0] = 0;
    touchCandidate(w, 0); // dirty: evaluated in full tomorrow
    w.day++;
    collectiveActionStep(w);
    expect(w.citizens.state[0]).toBe(CIT_ACTIVE);
    // An active citizen (critical P 0.6 at R = 1) is re-evaluated when presence rises above it.
    const v = calmWorld({ collectiveAction: { threshold: 0.1 }, enforcement: { arrestsPerOfficerDay: 0 } });
    aggrieved(v, 0, 0.7);
    collectiveActionStep(v);
    expect(v.citizens.state[0]).toBe(CIT_ACTIVE);
    expect(v.candidateCrit[0]).toBeCloseTo(0.6, 6);
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
    collectiveActionStep(w);
    expect(w.candidateCrit[0]).toBeCloseTo(0.6 / 0.2, 5);
    expect(w.candidateCrit.length).toBe(w.candidates.length);
    expect(w.candidateVillage.length).toBe(w.candidates.length);
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
    w.citizens.candidate[1] = 2;
    collectiveActionStep(w);
    expect(w.candidates).toEqual([]);
    expect(w.citizens.state[1]).toBe(CIT_PETITIONING);
    // A rescan leaves out a citizen at exactly G = T too.
    w.citizens.grievance[2] = 0.5;
    w.citizens.grievanceDay[2] = w.day;
    rescanCandidates(w);
    expect(w.candidates).toEqual([]);
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
    expect(w.candidates).toEqual([]);
  });
});
