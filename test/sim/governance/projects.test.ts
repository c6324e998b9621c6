import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { scripted } from './scripted';
import { approveProject, projectsStep } from '../../../sim/governance/projects';
import { EventCalendar } from '../../../sim/core/calendar';
import { FLAG_PROJECT, K_PROJECT, PARTIES_GOVERNMENT, TYPE_ENVIRONMENT, TYPE_LAND } from '../../../sim/governance/codes';
import { grievanceOf } from '../../../sim/governance/citizen';
import { handlingStep } from '../../../sim/governance/handling';
import { addDayToTotals, zeroDaily, type World } from '../../../sim/governance/world';

/** The end of a day, as the model does it: the day's counts into the totals. */
function endDay(w: World): void {
  addDayToTotals(w.totals, w.today);
  w.today = zeroDaily();
  w.day++;
}

function run(enabled: boolean, outcome: 'reject' | 'delay' = 'reject') {
  const w = smallWorld({
    riskAssessment: { enabled, threshold: 0.5, errorSd: 0, outcome, riskShape: 1, proposalsPer100kYear: 1000, hearingDays: 0 },
  });
  for (let d = 0; d < 400; d++) {
    projectsStep(w);
    endDay(w);
  }
  return w;
}

describe('risk assessment of major decisions', () => {
  it('rejects exactly the proposals whose estimated risk is above the threshold', () => {
    const w = run(true);
    const above = w.projects.risk.filter((r) => r > 0.5).length;
    expect(w.totals.proposals).toBeGreaterThan(30);
    expect(above).toBeGreaterThan(5);
    expect(w.totals.proposalsRejectedOrDelayed).toBe(above);
    expect(w.totals.projectsApproved).toBe(w.totals.proposals - above);
  });

  it('draws the same proposals with and without assessment (common random numbers)', () => {
    const a = run(true);
    const b = run(false);
    expect(b.projects.risk).toEqual(a.projects.risk);
    expect(b.totals.projectsApproved).toBe(b.totals.proposals);
    expect(b.totals.proposalsAssessed).toBe(0);
  });

  it('a delayed project is redesigned to a lower risk and approved after the delay', () => {
    const w = smallWorld({
      riskAssessment: { threshold: 0.5, errorSd: 0, outcome: 'delay', riskShape: 1, redesignFactor: 0.2, delayDays: 5, hearingDays: 0, proposalsPer100kYear: 1000 },
    });
    while (w.totals.proposalsRejectedOrDelayed === 0) {
      projectsStep(w);
      endDay(w);
    }
    w.day--;
    const delayed = w.totals.proposalsRejectedOrDelayed;
    const approvedNow = w.totals.projectsApproved;
    for (let d = 0; d < 6; d++) {
      w.day++;
      handlingStep(w);
    }
    expect(w.totals.projectsApproved).toBe(approvedNow + delayed);
    for (const r of w.projects.risk) expect(r).toBeLessThanOrEqual(0.5);
  });
});

/** Every scheduled event of a fresh calendar, as [day, kind, subject], in order. */
function events(w: World): number[][] {
  const out: number[][] = [];
  while (w.cal.popDue(Infinity)) out.push([w.cal.lastTime, w.cal.lastKind & 15, w.cal.lastSubject]);
  return out;
}

/**
 * A town whose 'projects' stream proposes the given projects today: each [risk draw, village draw,
 * affected size], with the assessment's normal draws `noise`.
 */
function propose(ra: Record<string, unknown>, projects: Array<[number, number, number]>, noise: number[] = projects.map(() => 0)) {
  const w = smallWorld({ riskAssessment: { riskShape: 1, errorSd: 0.1, threshold: 0.5, hearingDays: 0, burden: 0.5, staffDaysPerAssessment: 3, ...ra } });
  w.cal = new EventCalendar();
  const draws = projects.flatMap((p) => [p[0], p[1]]); // risk and village draws (the size is a Poisson count)
  const s = scripted(draws, [projects.length, ...projects.map((p) => p[2])]);
  w.streams.projects = s;
  w.streams.riskAssessment = scripted(noise);
  projectsStep(w);
  return { w, s };
}

describe('major decisions: proposals and assessment', () => {
  it('proposals arrive at proposalsPer100kYear x residents / 1e5 / 365 x the conflict-rate factor a day', () => {
    const { w, s } = propose({ proposalsPer100kYear: 73 }, []);
    const rf = w.rateFactor; // the economy's factor at the start
    w.rateFactor = 2;
    const s2 = scripted([], [0]);
    w.streams.projects = s2;
    projectsStep(w);
    expect(s.lambdas[0]).toBeCloseTo(((73 * 5000) / 1e5 / 365) * rf, 12);
    expect(s2.lambdas[0]).toBeCloseTo((2 * 73 * 5000) / 1e5 / 365, 12);
  });

  it('a project has risk u^riskShape, a random village and at least 2 affected residents', () => {
    const { w } = propose({ enabled: false, riskShape: 2 }, [
      [0.5, 0.9, 1],
      [0.3, 0.1, 7],
    ]);
    expect(w.projects.risk[0]).toBeCloseTo(0.25, 12);
    expect(w.projects.risk[1]).toBeCloseTo(0.09, 12);
    expect(w.projects.village).toEqual([3, 0]);
    expect(w.projects.size).toEqual([2, 7]);
    expect(w.today.proposals).toBe(2);
  });

  it('without assessment every project is approved at once: its group is burdened with risk x burden and opens one dispute', () => {
    const { w } = propose({ enabled: false }, [[0.6, 0.3, 4]]);
    const h = w.hierarchy;
    const a = h.villageStart[1];
    expect(w.totals.projectsApproved).toBe(1);
    expect(w.totals.proposalsApproved).toBe(0); // counted only among assessed proposals
    expect(w.totals.proposalsAssessed).toBe(0);
    expect(w.today.officialPersonDays).toBe(0);
    for (let i = a; i < a + 4; i++) {
      expect(w.citizens.project[i]).toBe(1);
      expect(grievanceOf(w, i)).toBeGreaterThanOrEqual(0.3 - 1e-6);
    }
    expect(w.citizens.project[a + 4]).toBe(0);
    expect(w.citizens.project[a - 1]).toBe(0);
    const k = w.cases.cols;
    const row = w.cases.length - 1;
    expect(k.citizen[row]).toBe(a);
    expect(k.size[row]).toBe(4);
    expect(k.type[row]).toBe(TYPE_ENVIRONMENT); // risk above 0.5
    expect(k.parties[row]).toBe(PARTIES_GOVERNMENT);
    expect(k.severity[row]).toBeCloseTo(0.6, 6);
    expect(k.flags[row] & FLAG_PROJECT).toBe(FLAG_PROJECT);
  });

  it('the burden is exactly risk x burden per member, a land dispute below risk 0.5, severity at least 0.01', () => {
    const base = smallWorld();
    const { w } = propose({ enabled: false, burden: 0.5 }, [[0.005, 0.3, 3]]);
    const a = w.hierarchy.villageStart[1];
    for (let i = a; i < a + 3; i++) expect(grievanceOf(w, i) - grievanceOf(base, i)).toBeCloseTo(0.0025, 6);
    const row = w.cases.length - 1;
    expect(w.cases.cols.type[row]).toBe(TYPE_LAND);
    expect(w.cases.cols.severity[row]).toBeCloseTo(0.01, 6);
    const half = propose({ enabled: false }, [[0.5, 0.3, 3]]).w;
    expect(half.cases.cols.type[half.cases.length - 1]).toBe(TYPE_LAND);
  });

  it('the affected group is capped at the village', () => {
    const { w } = propose({ enabled: false }, [[0.2, 0.3, 100000]]);
    const h = w.hierarchy;
    const res = h.villageStart[2] - h.villageStart[1];
    expect(w.cases.cols.size[w.cases.length - 1]).toBe(res);
    expect(w.citizens.project[h.villageStart[2]]).toBe(0);
  });

  it('assessment costs staffDaysPerAssessment person-days and rejects when risk + errorSd x noise is above the threshold', () => {
    // risk 0.45: noise 0.6 gives 0.51 (rejected), noise 0.4 gives 0.49 (approved)
    const { w } = propose({ outcome: 'reject' }, [
      [0.45, 0.3, 3],
      [0.45, 0.3, 3],
    ], [0.6, 0.4]);
    expect(w.totals.proposalsAssessed).toBe(2);
    expect(w.today.officialPersonDays).toBe(6);
    expect(w.today.proposalsRejectedOrDelayed).toBe(1);
    expect(w.totals.projectsApproved).toBe(1);
    expect(w.totals.proposalsApproved).toBe(1);
  });

  it('an estimate exactly at the threshold passes', () => {
    const { w } = propose({ errorSd: 0 }, [[0.5, 0.3, 3]]);
    expect(w.today.proposalsRejectedOrDelayed).toBe(0);
    expect(w.totals.projectsApproved).toBe(1);
  });

  it('delay: the project is redesigned (risk x redesignFactor) and comes back after delayDays + hearingDays', () => {
    const { w } = propose({ outcome: 'delay', redesignFactor: 0.2, delayDays: 5, hearingDays: 2, errorSd: 0 }, [[0.8, 0.3, 3]]);
    expect(w.projects.risk[0]).toBeCloseTo(0.16, 12);
    expect(w.totals.projectsApproved).toBe(0);
    expect(events(w)).toEqual([[7, K_PROJECT, 0]]);
  });

  it('a rejected project is not scheduled and keeps its risk', () => {
    const { w } = propose({ outcome: 'reject', errorSd: 0 }, [[0.8, 0.3, 3]]);
    expect(w.projects.risk[0]).toBe(0.8);
    expect(events(w)).toEqual([]);
  });

  it('a delay is at least a day', () => {
    const { w } = propose({ outcome: 'delay', delayDays: 0, hearingDays: 0, errorSd: 0 }, [[0.8, 0.3, 3]]);
    expect(events(w)).toEqual([[1, K_PROJECT, 0]]);
  });

  it('a project that passes waits hearingDays for its hearing before approval', () => {
    const { w } = propose({ hearingDays: 4, errorSd: 0 }, [[0.2, 0.3, 3]]);
    expect(w.totals.projectsApproved).toBe(0);
    expect(events(w)).toEqual([[4, K_PROJECT, 0]]);
    approveProject(w, 0);
    expect(w.totals.projectsApproved).toBe(1);
    expect(w.totals.proposalsApproved).toBe(1);
  });
});
