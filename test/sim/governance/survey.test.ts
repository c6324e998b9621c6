import { describe, expect, it } from 'vitest';
import { smallModel } from './helpers';

describe('survey', () => {
  it('runs every intervalDays and reports shares in [0, 1]', () => {
    const m = smallModel({ survey: { intervalDays: 30, sampleSize: 500 } });
    m.step(29);
    expect(Number.isNaN(m.series().column('satisfaction')[28])).toBe(true);
    m.step(1);
    const s = m.series().column('satisfaction')[29];
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(m.w.totals.surveys).toBe(1);
  });

  it('satisfaction falls with legitimacy', () => {
    const hi = smallModel({ legitimacy: { initialMean: 0.9 }, survey: { sampleSize: 2000 } });
    const lo = smallModel({ legitimacy: { initialMean: 0.3 }, survey: { sampleSize: 2000 }, collectiveAction: { threshold: 1 } });
    hi.step(30);
    lo.step(30);
    expect(hi.summary().satisfaction as number).toBeGreaterThan((lo.summary().satisfaction as number) + 0.1);
  });
});
