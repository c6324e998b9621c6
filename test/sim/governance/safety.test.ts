import { describe, expect, it } from 'vitest';
import { smallModel } from './helpers';

describe('public safety', () => {
  it('more police and the smart platform mean fewer crimes (same seed)', () => {
    const base = { population: { residents: 20000 }, safety: { crimesPer10kYear: 500 }, collectiveAction: { threshold: 1 } };
    const few = smallModel({ ...base, enforcement: { officersPer1000: 0.2 }, smartPlatform: { enabled: false } });
    const many = smallModel({ ...base, enforcement: { officersPer1000: 4 }, smartPlatform: { enabled: true, rampDays: 0 } });
    few.step(365);
    many.step(365);
    expect(many.w.totals.crimes).toBeLessThan(few.w.totals.crimes * 0.5);
    expect(few.w.totals.fraud).toBeGreaterThan(0);
    expect(few.w.totals.accidents).toBeGreaterThan(0);
  });

  it('counts crimes by year', () => {
    const m = smallModel({ safety: { crimesPer10kYear: 500 } });
    m.step(400);
    const byYear = m.summary().crimesByYear as number[];
    expect(byYear.length).toBe(2);
    expect(byYear[0] + byYear[1]).toBe(m.w.totals.crimes);
  });
});
