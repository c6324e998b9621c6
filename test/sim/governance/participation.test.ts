import { describe, expect, it } from 'vitest';
import { smallModel } from './helpers';
import { CH_NGO } from '../../../sim/governance/codes';

describe('participation (Granovetter thresholds)', () => {
  it('without NGO support nobody joins and members leave', () => {
    const m = smallModel({ ngo: { support: 0 }, participation: { initialShare: 0.1, reviewDays: 10 } });
    expect(m.w.totals.volunteers).toBe(0); // no team types exist without support
    m.step(60);
    expect(m.w.totals.volunteers).toBe(0);
    expect(m.w.resolvers.slots[m.w.resolvers.base[CH_NGO]]).toBe(0);
  });

  it('with support, membership grows from instigators and supplies NGO capacity', () => {
    // A generous case-hours share, so that a small town's mediation team has whole slots.
    const m = smallModel({ participation: { initialShare: 0, reviewDays: 10 }, ngo: { caseHoursShare: 0.5 } });
    expect(m.w.totals.volunteers).toBe(0);
    m.step(120);
    expect(m.w.totals.volunteers).toBeGreaterThan(50);
    expect(m.w.resolvers.slots[m.w.resolvers.base[CH_NGO]]).toBeGreaterThan(0);
    expect(m.series().column('volunteerHours')[119]).toBeCloseTo(m.w.totals.volunteers * m.w.params.ngo.hoursPerMemberDay, 6);
  });

  it('more policy support gives more members (thresholds scaled by support)', () => {
    const lo = smallModel({ ngo: { support: 0.3 }, participation: { reviewDays: 10 } });
    const hi = smallModel({ ngo: { support: 1 }, participation: { reviewDays: 10 } });
    lo.step(200);
    hi.step(200);
    expect(hi.w.totals.volunteers).toBeGreaterThan(lo.w.totals.volunteers);
  });
});
