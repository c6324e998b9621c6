import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { economyStep, gdpPerCapita, scheduled } from '../../../sim/governance/economy';
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

/** A world with every rate factor neutral (no band, Gini 0.3, no urbanisation, no drift). */
function neutral(economy: Record<string, number> = {}) {
  return smallWorld({
    economy: { gdpPerCapitaUsd: 10000, gdpGrowthPerYear: 0, conflictBandLowUsd: 1000, conflictBandHighUsd: 3000, conflictBandMultiplier: 2, inequality: 0.3, inequalityWeight: 1, urbanisation: 0, urbanisationWeight: 0.5, hardshipDriftPerYear: 0, ...economy },
  });
}

describe('economy: the conflict-rate factor', () => {
  it('scheduled levers: changes apply in order, each from the value the last left', () => {
    const ch = [
      { at: 10, to: 1, over: 0 },
      { at: 20, to: 5, over: 4 },
    ];
    expect(scheduled(3, ch, 19)).toBe(1);
    expect(scheduled(3, ch, 20)).toBe(1);
    expect(scheduled(3, ch, 21)).toBe(2);
    expect(scheduled(3, ch, 23)).toBe(4);
    expect(scheduled(3, ch, 24)).toBe(5);
    expect(scheduled(3, [{ at: 10, to: 1, over: 10 }], 10)).toBe(3);
    expect(scheduled(3, [{ at: 10, to: 1, over: 10 }], 20)).toBe(1);
    expect(scheduled(3, [], 20)).toBe(3);
    // At the end of a linear change the value is exactly the target (1 + (0.1 - 1) x 3 / 3 would not be).
    expect(scheduled(1, [{ at: 5, to: 0.1, over: 3 }], 8)).toBe(0.1);
  });

  it('GDP per capita grows at gdpGrowthPerYear', () => {
    const w = neutral({ gdpGrowthPerYear: 0.1 });
    w.day = 730;
    expect(gdpPerCapita(w)).toBeCloseTo(10000 * 1.21, 6);
  });

  it('the GDP band multiplies the rate at both its edges, and not outside', () => {
    const at = (gdp: number) => {
      const w = neutral({ gdpPerCapitaUsd: gdp });
      economyStep(w);
      return w.rateFactor;
    };
    expect(at(10000)).toBe(1);
    expect(at(1000)).toBe(2);
    expect(at(3000)).toBe(2);
    expect(at(999)).toBe(1);
    expect(at(3001)).toBe(1);
    // The band follows growing GDP: 900 x 1.2 = 1080 after a year.
    const w = neutral({ gdpPerCapitaUsd: 900, gdpGrowthPerYear: 0.2 });
    w.day = 365;
    economyStep(w);
    expect(w.rateFactor).toBeCloseTo(2, 10);
  });

  it('inequality raises the rate by inequalityWeight x (Gini - 0.3), floored at 0.1; urbanisation by urbanisationWeight x share', () => {
    const rate = (economy: Record<string, number>) => {
      const w = neutral(economy);
      economyStep(w);
      return w.rateFactor;
    };
    expect(rate({ inequality: 0.5, inequalityWeight: 2 })).toBeCloseTo(1.4, 12);
    expect(rate({ inequality: 0.1, inequalityWeight: 10 })).toBeCloseTo(0.1, 12); // 1 - 2 = -1, floored
    expect(rate({ urbanisation: 0.6 })).toBeCloseTo(1.3, 12);
    expect(rate({ inequality: 0.5, inequalityWeight: 2, urbanisation: 0.6, gdpPerCapitaUsd: 2000 })).toBeCloseTo(2 * 1.4 * 1.3, 12);
  });

  it('hardship drifts by hardshipDriftPerYear (floored at 0) and scales the rate', () => {
    const w = neutral({ hardshipDriftPerYear: -0.1 });
    w.day = 730;
    economyStep(w);
    expect(w.hardshipFactor).toBeCloseTo(0.8, 12);
    expect(w.rateFactor).toBeCloseTo(0.8, 12);
    const z = neutral({ hardshipDriftPerYear: -1 });
    z.day = 730;
    economyStep(z);
    expect(z.hardshipFactor).toBe(0);
    expect(z.rateFactor).toBe(0);
  });

  it('applies the legitimacy shift schedule', () => {
    const w = smallWorld({ legitimacy: { shiftSchedule: [{ at: 5, to: -0.2, over: 0 }] } });
    w.day = 4;
    economyStep(w);
    expect(w.legitimacyShift).toBe(0);
    w.day = 5;
    economyStep(w);
    expect(w.legitimacyShift).toBe(-0.2);
  });

  it('rolls the smart platform out over rampDays (full from the start with 0, none when off)', () => {
    const at = (sp: Record<string, unknown>, day: number) => {
      const w = smallWorld({ smartPlatform: sp });
      w.day = day;
      economyStep(w);
      return w.platform;
    };
    expect(at({ enabled: true, rampDays: 100 }, 49)).toBeCloseTo(0.5, 12);
    expect(at({ enabled: true, rampDays: 100 }, 99)).toBe(1);
    expect(at({ enabled: true, rampDays: 100 }, 500)).toBe(1);
    expect(at({ enabled: true, rampDays: 0 }, 0)).toBe(1);
    expect(at({ enabled: false, rampDays: 100 }, 500)).toBe(0);
    expect(at({ enabled: false, rampDays: 0 }, 500)).toBe(0);
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
