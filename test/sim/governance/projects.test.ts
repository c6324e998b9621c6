import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { projectsStep } from '../../../sim/governance/projects';
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
