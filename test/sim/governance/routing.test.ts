import { describe, expect, it } from 'vitest';
import { quietWorld, staff } from './helpers';
import {
  CH_COURT,
  CH_GRID,
  CH_PET_COUNTY,
  CH_TOWN,
  CH_VILLAGE,
  CHANNELS,
  FLAG_COUNTY,
  FLAG_COURT,
  FLAG_TAKEN_VILLAGE,
  TYPE_NEIGHBOUR,
} from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import { available, encounterCase, learn, sendTo } from '../../../sim/governance/routing';
import { encounterDelta } from '../../../sim/governance/legitimacy';

describe('routing', () => {
  it('a channel is available to a grid when the instance serving it has a slot', () => {
    const w = quietWorld();
    staff(w, CH_TOWN, 0);
    expect(available(w, CH_TOWN, 0)).toBe(false);
    w.resolvers.slots[w.resolvers.base[CH_TOWN]] = 1;
    expect(available(w, CH_TOWN, 0)).toBe(true);
  });

  it('sending a case marks its path: court filings once, county level, village intake, first channel', () => {
    const w = quietWorld();
    for (let k = 1; k < CHANNELS; k++) staff(w, k, 2);
    const k = w.cases.cols;
    const row = openCase(w, 300, 1, TYPE_NEIGHBOUR, 0, 0.3, 0); // grid 1
    sendTo(w, row, CH_VILLAGE);
    expect(k.flags[row]).toBe(FLAG_TAKEN_VILLAGE);
    expect(w.totals.villageTaken).toBe(1);
    expect(k.first[row]).toBe(CH_VILLAGE);
    expect(k.inst[row]).toBe(w.resolvers.base[CH_VILLAGE]);
    sendTo(w, row, CH_COURT);
    sendTo(w, row, CH_COURT);
    expect(w.totals.courtFilings).toBe(1);
    expect(k.flags[row]).toBe(FLAG_TAKEN_VILLAGE | FLAG_COURT | FLAG_COUNTY);
    expect(w.totals.reachedPetitionOrCounty).toBe(1);
    expect(k.first[row]).toBe(CH_VILLAGE);
    const other = openCase(w, 300, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    sendTo(w, other, CH_PET_COUNTY);
    expect(k.flags[other]).toBe(FLAG_COUNTY);
    sendTo(w, other, CH_GRID);
    expect(k.inst[other]).toBe(w.resolvers.base[CH_GRID] + 1);
    expect(w.totals.villageTaken).toBe(1);
  });

  it('the claimant’s grid learns each outcome as a moving average with weight 0.05', () => {
    const w = quietWorld();
    const row = openCase(w, 300, 1, TYPE_NEIGHBOUR, 0, 0.3, 0); // grid 1
    learn(w, row, CH_TOWN, true);
    expect(w.experience[1 * CHANNELS + CH_TOWN]).toBeCloseTo(0.525, 6);
    learn(w, row, CH_TOWN, false);
    expect(w.experience[1 * CHANNELS + CH_TOWN]).toBeCloseTo(0.525 * 0.95, 6);
    expect(w.experience[CH_TOWN]).toBe(0.5); // grid 0 untouched
  });

  it('every member of a collective dispute has the encounter, and only they', () => {
    const w = quietWorld();
    const c = w.citizens;
    const row = openCase(w, 100, 3, TYPE_NEIGHBOUR, 0, 0.3, 0);
    const before = Array.from(c.legitimacy.subarray(99, 104));
    encounterCase(w, row, 0.2);
    const after = Array.from(c.legitimacy.subarray(99, 104));
    expect(after[0]).toBe(before[0]);
    expect(after[4]).toBe(before[4]);
    for (let j = 1; j <= 3; j++) expect(after[j]).toBeCloseTo(before[j] + encounterDelta(before[j], 0.2, 0.1, 6), 6);
  });
});
