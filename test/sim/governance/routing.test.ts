import { describe, expect, it } from 'vitest';
import { quietWorld, staff } from './helpers';
import {
  CH_COURT,
  CH_GRID,
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_TOWN,
  CH_VILLAGE,
  CHANNELS,
  FLAG_COUNTY,
  FLAG_COURT,
  FLAG_TAKEN_VILLAGE,
  TYPE_ADMINISTRATIVE,
  TYPE_CONTRACTS,
  TYPE_ENVIRONMENT,
  TYPE_LABOUR,
  TYPE_LAND,
  TYPE_NEIGHBOUR,
} from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import { available, encounterCase, FIT, learn, sendTo } from '../../../sim/governance/routing';
import { encounterDelta } from '../../../sim/governance/legitimacy';

describe('routing', () => {
  it('fits each dispute type to the channels that can settle it (the seed’s division of labour)', () => {
    expect(FIT.length).toBe(6);
    for (const row of FIT) {
      expect(row.length).toBe(CHANNELS);
      for (const f of row) expect(f > 0 && f <= 1).toBe(true);
    }
    const take = 0.6; // handling.takeFit by default
    const best = (t: number) => FIT[t].indexOf(Math.max(...FIT[t]));
    // People's mediation takes civil and neighbourhood disputes, not administrative ones.
    expect(FIT[TYPE_NEIGHBOUR].slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(FIT[TYPE_ADMINISTRATIVE][CH_VILLAGE]).toBeLessThan(take);
    expect(FIT[TYPE_ADMINISTRATIVE][CH_GRID]).toBeLessThan(take);
    // Administrative mediation and review for land, labour, environment and administrative acts.
    for (const t of [TYPE_LAND, TYPE_LABOUR, TYPE_ENVIRONMENT, TYPE_ADMINISTRATIVE]) expect(FIT[t][CH_TOWN]).toBe(1);
    expect(best(TYPE_LAND)).toBe(CH_VILLAGE);
    // Courts for contracts; petitions for administrative acts.
    expect(FIT[TYPE_CONTRACTS][CH_COURT]).toBe(1);
    expect(FIT[TYPE_ADMINISTRATIVE][CH_PET_TOWN]).toBe(1);
    expect(FIT[TYPE_ENVIRONMENT][CH_PET_COUNTY]).toBe(0.9);
    expect(FIT[TYPE_LABOUR][CH_VILLAGE]).toBe(0.95);
  });

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
