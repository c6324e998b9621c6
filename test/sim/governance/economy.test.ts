import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { economyStep, scheduled } from '../../../sim/governance/economy';
import { buildHierarchy, gridOf } from '../../../sim/governance/hierarchy';

describe('economy and scheduled levers', () => {
  it('moves a scheduled lever suddenly or linearly', () => {
    expect(scheduled(3, [{ at: 10, to: 1, over: 0 }], 9)).toBe(3);
    expect(scheduled(3, [{ at: 10, to: 1, over: 0 }], 10)).toBe(1);
    expect(scheduled(3, [{ at: 10, to: 1, over: 10 }], 15)).toBeCloseTo(2, 10);
    expect(scheduled(3, [{ at: 10, to: 1, over: 10 }], 25)).toBe(1);
  });

  it('raises conflict rates inside the GDP-per-capita band', () => {
    const inside = smallWorld({ economy: { gdpPerCapitaUsd: 2400, conflictBandMultiplier: 2 } });
    const outside = smallWorld({ economy: { gdpPerCapitaUsd: 13600, conflictBandMultiplier: 2 } });
    economyStep(inside);
    economyStep(outside);
    expect(inside.rateFactor / outside.rateFactor).toBeCloseTo(2, 10);
  });

  it('applies the officer schedule', () => {
    const w = smallWorld({ enforcement: { officersPer1000: 3, officerSchedule: [{ at: 5, to: 1, over: 0 }] } });
    w.day = 5;
    economyStep(w);
    expect(w.officersPer1000).toBe(1);
  });
});

describe('hierarchy', () => {
  it('stores citizens contiguously by grid and finds a citizen’s grid', () => {
    const h = buildHierarchy(1003, 2, 3, 4, 5);
    expect(h.towns).toBe(6);
    expect(h.grids).toBe(120);
    expect(h.gridStart[h.grids]).toBe(1003);
    for (let g = 0; g < h.grids; g++) {
      expect(gridOf(h, h.gridStart[g])).toBe(g);
      expect(gridOf(h, h.gridStart[g + 1] - 1)).toBe(g);
    }
    expect(h.townStart[6]).toBe(1003);
    expect(h.villageTown[h.gridVillage[119]]).toBe(5);
  });
});
