import { describe, expect, it } from 'vitest';
import { clearCandidates, smallWorld } from './helpers';
import { detain, release } from '../../../sim/governance/detention';
import { handlingStep } from '../../../sim/governance/handling';
import { CANDIDATE_CLEAN, CANDIDATE_DIRTY, grievanceOf } from '../../../sim/governance/citizen';
import { encounterDelta } from '../../../sim/governance/legitimacy';
import { recountMembers } from '../../../sim/governance/participation';
import { EventCalendar } from '../../../sim/core/calendar';
import { CIT_DETAINED, CIT_DISPUTE, CIT_QUIET, K_RELEASE, TEAM_CORRECTION, TEAM_NONE } from '../../../sim/governance/codes';
import type { World } from '../../../sim/governance/world';

/** 60 residents: one town of 2 villages (0-29, 30-59). */
const TINY = { residents: 60, villagesPerTown: 2, gridsPerVillage: 3 };

function town(over: { enforcement?: Record<string, number>; ngo?: Record<string, number>; deterrence?: number } = {}): World {
  const w = smallWorld({
    population: TINY,
    enforcement: { detentionDays: 5, coercion: 0.5, ...over.enforcement },
    ruleOfLaw: { baselineFairness: 0.8 },
    collectiveAction: { detentionDeterrence: over.deterrence ?? 0.3 },
    ngo: { correctionRelief: 0.5, ...over.ngo },
    legitimacy: { spreadProbability: 0, learningRate: 0.1, asymmetry: 2 },
  });
  const c = w.citizens;
  c.state.fill(CIT_QUIET);
  c.openCases.fill(0);
  c.detentions.fill(0);
  c.legitimacy.fill(0.5);
  c.volunteer.fill(TEAM_NONE);
  recountMembers(w);
  w.legitimacyShift = 0;
  w.totals.detainedNow = 0;
  w.villageDetained.fill(0);
  w.townDetained.fill(0);
  w.cal = new EventCalendar();
  return w;
}

describe('detention', () => {
  it('detention: fixed term, release on the right day', () => {
    const w = town();
    w.day = 10;
    detain(w, 4);
    expect(w.citizens.state[4]).toBe(CIT_DETAINED);
    expect(w.totals.detainedNow).toBe(1);
    for (w.day = 11; w.day < 15; w.day++) {
      handlingStep(w);
      expect(w.citizens.state[4]).toBe(CIT_DETAINED);
    }
    handlingStep(w); // day 15
    expect(w.citizens.state[4]).toBe(CIT_QUIET);
    expect(w.totals.detainedNow).toBe(0);
  });

  it('counts the detained per village and town, which routine contacts read instead of every state', () => {
    const w = town();
    detain(w, 4);
    detain(w, 40);
    detain(w, 40); // already held: counted once
    expect(Array.from(w.villageDetained)).toEqual([1, 1]);
    expect(Array.from(w.townDetained)).toEqual([2]);
    release(w, 4);
    release(w, 4); // already free: nothing
    expect(Array.from(w.villageDetained)).toEqual([0, 1]);
    expect(Array.from(w.townDetained)).toEqual([1]);
  });

  it('queues exactly one release, at least a day after detention, in release-day order', () => {
    const w = town();
    w.params.enforcement.detentionDays = 0; // below the scenario's range: still held a day
    w.day = 3;
    detain(w, 4);
    const q = w.releases;
    expect([q.tail - q.head, q.day[q.head], q.who[q.head]]).toEqual([1, 4, 4]);
    expect(w.cal.size).toBe(0); // not in the event calendar
    // A term shortened mid-run would release before the queue's last: that one goes to the calendar.
    w.params.enforcement.detentionDays = 10;
    detain(w, 5); // day 13
    w.params.enforcement.detentionDays = 2;
    detain(w, 6); // day 5, before 13
    expect([q.tail - q.head, w.cal.size]).toEqual([2, 1]);
    expect(w.cal.popDue(Infinity)).toBe(true);
    expect([w.cal.lastTime, w.cal.lastKind & 15, w.cal.lastSubject]).toEqual([5, K_RELEASE, 6]);
    // Each is released on its day, by the day's handling.
    for (w.day = 4; w.day <= 13; w.day++) handlingStep(w);
    expect([4, 5].map((i) => w.citizens.state[i])).toEqual([CIT_QUIET, CIT_QUIET]);
    expect(q.tail - q.head).toBe(0);
  });


  it('counts detentions and redetentions; detaining the detained does nothing', () => {
    const w = town();
    detain(w, 4);
    detain(w, 4);
    expect(w.today.detained).toBe(1);
    expect(w.totals.detainedNow).toBe(1);
    expect(w.citizens.detentions[4]).toBe(1);
    expect(w.today.redetentions).toBe(0);
    release(w, 4);
    detain(w, 4);
    expect(w.today.detained).toBe(2);
    expect(w.today.redetentions).toBe(1);
    expect(w.citizens.detentions[4]).toBe(2);
    const x = town();
    x.citizens.detentions[5] = 255;
    detain(x, 5);
    expect(x.citizens.detentions[5]).toBe(255);
  });

  it('each detention is a coercive encounter: legitimacy moves toward baselineFairness x (1 - coercion)', () => {
    const w = town();
    detain(w, 4);
    expect(w.citizens.legitimacy[4]).toBeCloseTo(0.5 + encounterDelta(0.5, 0.8 * 0.5, 0.1, 2), 6);
    expect(w.citizens.legitimacy[4]).toBeCloseTo(0.48, 6);
  });

  it('risk aversion rises by detentionDeterrence of its gap to 1 on release', () => {
    const w = town({ deterrence: 0.3 });
    w.citizens.riskAversion[4] = 55; // gap 200: + 60
    detain(w, 4);
    release(w, 4);
    expect(w.citizens.riskAversion[4]).toBe(115);
    w.citizens.riskAversion[5] = 254; // 254 + 0.3 = 254.3: rounds to 254
    detain(w, 5);
    release(w, 5);
    expect(w.citizens.riskAversion[5]).toBe(254);
    const full = town({ deterrence: 1 });
    full.citizens.riskAversion[4] = 10;
    detain(full, 4);
    release(full, 4);
    expect(full.citizens.riskAversion[4]).toBe(255);
  });

  it('a released citizen with an open case goes back to the dispute, others to quiet; releasing the free does nothing', () => {
    const w = town();
    w.citizens.openCases[4] = 1;
    detain(w, 4);
    release(w, 4);
    expect(w.citizens.state[4]).toBe(CIT_DISPUTE);
    const r = w.citizens.riskAversion[6];
    release(w, 6);
    expect(w.citizens.state[6]).toBe(CIT_QUIET);
    expect(w.citizens.riskAversion[6]).toBe(r);
    expect(w.totals.detainedNow).toBe(0);
  });

  it('correction relieves grievance where correction volunteers serve the village', () => {
    const w = town({ ngo: { correctionRelief: 0.4 } });
    const c = w.citizens;
    c.volunteer[40] = TEAM_CORRECTION; // village 1 has a correction volunteer, village 0 none
    recountMembers(w);
    for (const i of [4, 44]) {
      c.grievance[i] = 0.5;
      c.grievanceDay[i] = w.day;
      detain(w, i);
      release(w, i);
    }
    expect(grievanceOf(w, 44)).toBeCloseTo(0.3, 6);
    expect(grievanceOf(w, 4)).toBeCloseTo(0.5, 6);
    const none = town({ ngo: { correctionRelief: 0 } });
    none.citizens.volunteer[40] = TEAM_CORRECTION;
    recountMembers(none);
    none.citizens.grievance[44] = 0.5;
    none.citizens.grievanceDay[44] = none.day;
    detain(none, 44);
    release(none, 44);
    expect(grievanceOf(none, 44)).toBeCloseTo(0.5, 6);
  });

  it('a released citizen is re-evaluated for collective action', () => {
    const w = town();
    w.params.collectiveAction.threshold = -1;
    clearCandidates(w);
    w.citizens.state[4] = CIT_DETAINED; // held without the encounter
    w.totals.detainedNow = 1;
    release(w, 4);
    // Citizen 4 (village 0) becomes a candidate, to evaluate: DIRTY and in its village's dirty list.
    expect(w.citizens.candidate[4]).toBe(CANDIDATE_DIRTY);
    expect(w.candidatesByVillage).toEqual([[4], []]);
    expect(w.critByVillage).toEqual([[0], []]);
    expect(w.dirtyByVillage).toEqual([[4], []]);
    expect(w.candidateCount).toBe(1);
    // Already a candidate, evaluated since: released again, it is marked DIRTY and re-queued (once).
    w.citizens.candidate[4] = CANDIDATE_CLEAN;
    w.dirtyByVillage[0].length = 0;
    w.citizens.state[4] = CIT_DETAINED;
    w.totals.detainedNow = 1;
    release(w, 4);
    expect(w.citizens.candidate[4]).toBe(CANDIDATE_DIRTY);
    expect(w.dirtyByVillage).toEqual([[4], []]);
    expect(w.candidatesByVillage).toEqual([[4], []]);
    expect(w.candidateCount).toBe(1);
  });
});
