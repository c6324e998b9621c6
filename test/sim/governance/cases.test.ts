import { describe, expect, it } from 'vitest';
import { quietWorld } from './helpers';
import {
  CH_COURT,
  CH_GRID,
  CH_NEGOTIATE,
  CH_TOWN,
  CIT_ACTIVE,
  CIT_DISPUTE,
  CIT_PETITIONING,
  CIT_QUIET,
  EV_ABANDONED,
  EV_OPENED,
  EV_RESOLVED,
  FIRST_NONE,
  FLAG_COUNTY,
  FLAG_PETITIONED,
  FLAG_PROJECT,
  FLAG_TAKEN_VILLAGE,
  OUTCOME_ABANDONED,
  PATH_FIRSTS,
  PATH_OUTCOMES,
  ST_FREE,
  ST_PENDING,
  TEAM_COUNSELLING,
  TEAMS,
  TYPE_LAND,
} from '../../../sim/governance/codes';
import { closeCase, logEvent, markFirst, markPath, openCase } from '../../../sim/governance/cases';
import { grievanceOf } from '../../../sim/governance/citizen';

describe('cases', () => {
  it('opens a fresh PENDING row with every column reset, reusing a freed row', () => {
    const w = quietWorld();
    w.day = 5;
    const a = openCase(w, 40, 1, TYPE_LAND, 2, 0.5, FLAG_PROJECT);
    const k = w.cases.cols;
    k.channel[a] = CH_COURT;
    k.inst[a] = 3;
    k.attempts[a] = 2;
    k.petitions[a] = 1;
    k.cost[a] = 4;
    k.phase[a] = 1;
    k.prev[a] = 7;
    k.next[a] = 8;
    k.level[a] = 3;
    markFirst(w, a, CH_COURT);
    closeCase(w, a, false);
    expect(w.freeRows).toEqual([a]);
    w.day = 9;
    const b = openCase(w, 41, 1, 0, 0, 0.25, 0);
    expect(b).toBe(a);
    expect(w.freeRows).toEqual([]);
    expect([k.id[b], k.citizen[b], k.size[b], k.type[b], k.parties[b], k.severity[b]]).toEqual([1, 41, 1, 0, 0, 0.25]);
    expect([k.channel[b], k.first[b], k.level[b], k.inst[b], k.status[b], k.phase[b]]).toEqual([0, FIRST_NONE, 0, -1, ST_PENDING, 0]);
    expect([k.opened[b], k.due[b], k.prev[b], k.next[b], k.cost[b], k.attempts[b], k.petitions[b], k.flags[b]]).toEqual([9, 9, -1, -1, 0, 0, 0, 0]);
    expect(w.totals.openCases).toBe(1);
    expect(w.today.disputesOpened).toBe(2);
    expect(w.totals.nextCaseId).toBe(2);
    const c = openCase(w, 42, 1, 0, 0, 0.25, 0);
    expect(c).toBe(a + 1);
  });

  it('a claimant counts its open disputes (capped at 255) and is in dispute; a group does not', () => {
    const w = quietWorld();
    const c = w.citizens;
    c.state[40] = CIT_ACTIVE;
    openCase(w, 40, 1, 0, 0, 0.3, 0);
    expect(c.state[40]).toBe(CIT_ACTIVE);
    openCase(w, 50, 1, 0, 0, 0.3, 0);
    expect([c.state[50], c.openCases[50]]).toEqual([CIT_DISPUTE, 1]);
    c.openCases[50] = 255;
    openCase(w, 50, 1, 0, 0, 0.3, 0);
    expect(c.openCases[50]).toBe(255);
    openCase(w, 60, 4, 0, 0, 0.3, 0);
    expect([c.state[60], c.openCases[60], c.openCases[61]]).toEqual([CIT_QUIET, 0, 0]);
  });

  it('logs each event with the case’s columns', () => {
    const w = quietWorld({ output: { caseLog: true } });
    w.day = 3;
    const row = openCase(w, 40, 2, TYPE_LAND, 1, 0.3, 0);
    const k = w.cases.cols;
    k.channel[row] = CH_TOWN;
    k.level[row] = 2;
    logEvent(w, row, EV_ABANDONED);
    const l = w.log!.cols;
    expect(w.log!.length).toBe(2);
    expect([l.caseId[1], l.day[1], l.event[1], l.channel[1], l.level[1], l.type[1], l.parties[1], l.size[1]]).toEqual([0, 3, EV_ABANDONED, CH_TOWN, 2, TYPE_LAND, 1, 2]);
    expect(l.event[0]).toBe(EV_OPENED);
    const off = quietWorld({ output: { caseLog: false } });
    logEvent(off, openCase(off, 1, 1, 0, 0, 0.3, 0), EV_OPENED);
    expect(off.log).toBeNull();
  });

  it('closing resolved counts the case by level, channel, first channel and days, and relieves the grievance it added', () => {
    const w = quietWorld({ output: { caseLog: true }, grievances: { openWeight: 0.3 } });
    const c = w.citizens;
    w.day = 2;
    const row = openCase(w, 40, 1, 0, 0, 0.5, FLAG_PETITIONED);
    const k = w.cases.cols;
    k.level[row] = 2;
    k.channel[row] = CH_TOWN;
    k.cost[row] = 1.5;
    markFirst(w, row, CH_GRID);
    c.grievance[40] = 0.4;
    c.grievanceDay[40] = 12;
    w.day = 12;
    closeCase(w, row, true);
    expect(w.totals.pathCounts[CH_GRID * PATH_OUTCOMES + 2]).toBe(1);
    expect([w.today.resolved, w.today.resolvedByLevel[2], w.today.resolvedByChannel[CH_TOWN], w.today.abandoned]).toEqual([1, 1, 1, 0]);
    expect(w.resolveDays[10]).toBe(1);
    expect(w.totals.costResolved).toBeCloseTo(1.5, 6);
    expect([w.totals.petitionCasesClosed, w.totals.petitionCasesSolved, w.totals.casesClosed]).toEqual([1, 1, 1]);
    expect(grievanceOf(w, 40)).toBeCloseTo(0.4 - 0.5 * 0.3, 6);
    expect([c.openCases[40], c.state[40]]).toEqual([0, CIT_QUIET]);
    expect([k.status[row], k.inst[row], w.totals.openCases]).toEqual([ST_FREE, -1, 0]);
    const l = w.log!.cols;
    expect(l.event[w.log!.length - 1]).toBe(EV_RESOLVED);
  });

  it('a case resolved after the histogram’s last day counts in its last bin', () => {
    const w = quietWorld();
    const row = openCase(w, 40, 1, 0, 0, 0.5, 0);
    w.day = w.resolveDays.length + 10;
    closeCase(w, row, true);
    expect(w.resolveDays[w.resolveDays.length - 1]).toBe(1);
    const at = openCase(w, 40, 1, 0, 0, 0.5, 0);
    w.day += w.resolveDays.length - 1;
    closeCase(w, at, true);
    expect(w.resolveDays[w.resolveDays.length - 1]).toBe(2);
    const exact = openCase(w, 40, 1, 0, 0, 0.5, 0);
    w.day += w.resolveDays.length;
    closeCase(w, exact, true);
    expect(w.resolveDays[w.resolveDays.length - 1]).toBe(3);
  });

  it('closing abandoned keeps the grievance latent and adds abandonWeight x severity (less counselling)', () => {
    const w = quietWorld({ grievances: { abandonWeight: 0.5 }, ngo: { counsellingRelief: 0 } });
    const c = w.citizens;
    const row = openCase(w, 40, 1, 0, 0, 0.4, FLAG_PETITIONED);
    c.state[40] = CIT_PETITIONING;
    closeCase(w, row, false);
    expect(w.totals.pathCounts[(PATH_FIRSTS - 1) * PATH_OUTCOMES + OUTCOME_ABANDONED]).toBe(1);
    expect([w.today.abandoned, w.today.resolved, w.totals.petitionCasesClosed, w.totals.petitionCasesSolved]).toEqual([1, 0, 1, 0]);
    expect(grievanceOf(w, 40)).toBeCloseTo(0.2, 6);
    expect(c.state[40]).toBe(CIT_QUIET);
    expect(w.totals.costResolved).toBe(0);
  });

  it('counselling in the village relieves the grievance kept from a dispute given up', () => {
    const w = quietWorld({ grievances: { abandonWeight: 0.5 }, ngo: { counsellingRelief: 0.3 } });
    w.villageMembers.fill(0);
    w.villageMembers[1 * TEAMS + TEAM_COUNSELLING] = 1;
    for (const i of [40, 1300]) closeCase(w, openCase(w, i, 1, 0, 0, 0.4, 0), false);
    expect(grievanceOf(w, 40)).toBeCloseTo(0.2, 6); // village 0: no counsellor
    expect(grievanceOf(w, 1300)).toBeCloseTo(0.2 * 0.7, 6);
  });

  it('a citizen with another dispute open stays in dispute; an active one stays active', () => {
    const w = quietWorld();
    const c = w.citizens;
    const a = openCase(w, 40, 1, 0, 0, 0.4, 0);
    openCase(w, 40, 1, 0, 0, 0.4, 0);
    closeCase(w, a, true);
    expect([c.openCases[40], c.state[40]]).toEqual([1, CIT_DISPUTE]);
    const b = openCase(w, 70, 1, 0, 0, 0.4, 0);
    c.state[70] = CIT_ACTIVE;
    closeCase(w, b, true);
    expect(c.state[70]).toBe(CIT_ACTIVE);
    c.openCases[80] = 0;
    const d = openCase(w, 80, 1, 0, 0, 0.4, 0);
    c.openCases[80] = 0;
    closeCase(w, d, false);
    expect(c.openCases[80]).toBe(0);
    expect(w.totals.petitionCasesClosed).toBe(0); // none of these petitioned
  });

  it('a resolved project dispute relieves each member by burden x risk and lifts the project mark', () => {
    const w = quietWorld({ riskAssessment: { burden: 0.8 } });
    const c = w.citizens;
    for (let i = 100; i < 104; i++) {
      c.project[i] = 1;
      c.grievance[i] = 0.5;
      c.openCases[i] = 1;
    }
    const row = openCase(w, 100, 3, 0, 0, 0.25, FLAG_PROJECT);
    closeCase(w, row, true);
    for (let i = 100; i < 103; i++) {
      expect(c.project[i]).toBe(0);
      expect(grievanceOf(w, i)).toBeCloseTo(0.5 - 0.25 * 0.8, 6);
      expect(c.openCases[i]).toBe(1); // a group's members keep their own disputes
    }
    expect([grievanceOf(w, 103), c.project[103]]).toEqual([0.5, 1]); // the next citizen is no member
    for (let i = 100; i < 103; i++) c.project[i] = 1;
    const open = openCase(w, 100, 3, 0, 0, 0.25, FLAG_PROJECT);
    closeCase(w, open, false);
    expect(c.project[100]).toBe(1);
  });

  it('counts reaching a petition, the court or the county once per case', () => {
    const w = quietWorld();
    const row = openCase(w, 40, 1, 0, 0, 0.4, 0);
    markPath(w, row, FLAG_TAKEN_VILLAGE);
    expect(w.totals.reachedPetitionOrCounty).toBe(0);
    markPath(w, row, FLAG_PETITIONED);
    markPath(w, row, FLAG_COUNTY);
    expect(w.totals.reachedPetitionOrCounty).toBe(1);
    expect(w.cases.cols.flags[row]).toBe(FLAG_TAKEN_VILLAGE | FLAG_PETITIONED | FLAG_COUNTY);
    const single = openCase(w, 41, 1, 0, 0, 0.4, 0);
    markPath(w, single, FLAG_PETITIONED);
    expect(w.totals.reachedPetitionOrCounty).toBe(2);
    markFirst(w, row, CH_NEGOTIATE);
    markFirst(w, row, CH_COURT);
    expect(w.cases.cols.first[row]).toBe(CH_NEGOTIATE);
  });
});
