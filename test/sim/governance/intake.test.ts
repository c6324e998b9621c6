import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { scripted } from './scripted';
import { firstContactDelay, openDispute } from '../../../sim/governance/intake';
import { grievanceOf } from '../../../sim/governance/citizen';
import { EventCalendar } from '../../../sim/core/calendar';
import { eventCode, K_FIRST_CONTACT, TYPE_LAND } from '../../../sim/governance/codes';

function world(sp: Record<string, number> = {}) {
  const w = smallWorld({ smartPlatform: { daysToFirstContact: 1, daysWithout: 7, ...sp }, grievances: { openWeight: 0.5 } });
  w.cal = new EventCalendar();
  return w;
}

/** The draw whose exponential waiting time is `x` means. */
const means = (x: number) => 1 - Math.exp(-x);

describe('intake of a dispute', () => {
  it('first contact comes after an exponential delay whose mean blends daysToFirstContact and daysWithout by the platform roll-out', () => {
    const w = world();
    w.platform = 0.25; // mean 0.25 x 1 + 0.75 x 7 = 5.5
    w.streams.firstContact = scripted([means(0.5), means(2)]);
    expect(firstContactDelay(w)).toBe(2); // floor(2.75)
    expect(firstContactDelay(w)).toBe(11);
    w.platform = 1; // mean 1
    w.streams.firstContact = scripted([means(3.5)]);
    expect(firstContactDelay(w)).toBe(3);
  });

  it('no delay (and no draw) when the mean is 0', () => {
    const w = world({ daysToFirstContact: 0, daysWithout: 0 });
    w.streams.firstContact = scripted([]);
    expect(firstContactDelay(w)).toBe(0);
  });

  it('a new individual dispute raises the claimant’s grievance by severity x openWeight and schedules its first contact', () => {
    const w = world();
    w.platform = 0;
    w.day = 10;
    const g0 = grievanceOf(w, 12);
    w.streams.firstContact = scripted([means(0.5)]); // mean 7: 3.5 -> 3
    const row = openDispute(w, 12, 1, TYPE_LAND, 2, 0.4, 0);
    expect(grievanceOf(w, 12) - g0).toBeCloseTo(0.2, 6);
    expect(w.cases.cols.due[row]).toBe(13);
    expect(w.cal.popDue(Infinity)).toBe(true);
    expect([w.cal.lastTime, w.cal.lastKind, w.cal.lastSubject]).toEqual([13, eventCode(K_FIRST_CONTACT, w.cases.cols.id[row]), row]);
    expect(w.cal.popDue(Infinity)).toBe(false);
  });

  it('a collective dispute adds no opening grievance here (its members carry the project burden)', () => {
    const w = world();
    const before = [12, 13, 14].map((i) => grievanceOf(w, i));
    w.streams.firstContact = scripted([0.1]);
    openDispute(w, 12, 3, TYPE_LAND, 2, 0.4, 0);
    expect([12, 13, 14].map((i) => grievanceOf(w, i))).toEqual(before);
  });
});
