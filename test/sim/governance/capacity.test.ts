import { describe, expect, it } from 'vitest';
import { smallModel } from './helpers';

/**
 * Capacity is hours (MODEL.md section 8): the preset's staffing runs its levels at a documented
 * utilisation, so halving a level's staff visibly lengthens its waits and raises impatient escalations
 * there. A town of 20,000 over a year, same seed, the village committee at full and at half strength.
 */
describe('capacity that binds', () => {
  const town = { population: { residents: 20000, villagesPerTown: 8, gridsPerVillage: 5 } };
  const run = (villageStaff: number) => {
    const m = smallModel({ ...town, mediation: { village: { staffPer1000: villageStaff } } }, 3);
    m.step(365);
    return m.summary() as unknown as { meanWaitDays: Record<string, number>; escalations: Record<string, number>; utilisation: Record<string, number> };
  };

  it('halving the village committee lengthens its waits, raises its escalations and its utilisation', () => {
    const full = run(1.5);
    const half = run(0.75);
    expect(full.utilisation.village).toBeGreaterThan(0.3);
    expect(half.utilisation.village).toBeGreaterThan(full.utilisation.village);
    expect(half.meanWaitDays.village).toBeGreaterThan(2 * full.meanWaitDays.village);
    expect(half.escalations.village).toBeGreaterThan(full.escalations.village);
  });
});
