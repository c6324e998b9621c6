import { describe, expect, it } from 'vitest';
import { CH_COURT, CH_GRID, CH_NGO, CH_PET_COUNTY, CH_PET_TOWN, CH_POLICE, CH_TOWN, CH_VILLAGE, CHANNELS } from '../../../sim/governance/codes';
import { buildHierarchy } from '../../../sim/governance/hierarchy';
import { buildResolvers } from '../../../sim/governance/resolver-table';

describe('resolver table', () => {
  it('lays out one instance per unit, kind by kind: grids, villages, towns x 3, counties, towns, counties', () => {
    const h = buildHierarchy(1000, 2, 2, 3, 2); // 4 towns, 12 villages, 24 grids
    const r = buildResolvers(h);
    expect(Array.from(r.base)).toEqual([0, 0, 24, 36, 40, 44, 48, 50, 54, 56]);
    expect(r.count).toBe(56);
    const units = (kind: number) => Array.from(r.unit.subarray(r.base[kind], r.base[kind + 1]));
    expect(units(CH_GRID)).toEqual([...Array(24).keys()]);
    expect(units(CH_VILLAGE)).toEqual([...Array(12).keys()]);
    for (const k of [CH_NGO, CH_TOWN, CH_POLICE, CH_PET_TOWN]) expect(units(k)).toEqual([0, 1, 2, 3]);
    for (const k of [CH_COURT, CH_PET_COUNTY]) expect(units(k)).toEqual([0, 1]);
    for (let k = 1; k < CHANNELS; k++) {
      expect(Array.from(r.kind.subarray(r.base[k], r.base[k + 1])).every((x) => x === k)).toBe(true);
    }
    // Empty queues, no slots, each instance serving itself.
    expect(Array.from(r.head).every((x) => x === -1)).toBe(true);
    expect(Array.from(r.tail).every((x) => x === -1)).toBe(true);
    expect(Array.from(r.serveBy)).toEqual([...Array(56).keys()]);
    for (const a of [r.slots, r.busy, r.len]) expect([a.length, a.every((x) => x === 0)]).toEqual([56, true]);
    expect([r.slotsByChannel.length, r.busyByChannel.length]).toEqual([CHANNELS, CHANNELS]);
  });
});
