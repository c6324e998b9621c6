import { describe, expect, it } from 'vitest';
import { countOutbursts } from '../../../sim/epstein/outbursts';
import { Schedule } from '../../../sim/epstein/schedule';

describe('outburst counting', () => {
  it('counts rises above 50 that follow a time below 10', () => {
    expect(countOutbursts([0, 60, 5, 70, 80, 9, 51])).toBe(3);
  });

  it('does not count a start in turmoil, nor a second peak without a return below 10', () => {
    expect(countOutbursts([200, 100, 60, 5, 60])).toBe(1);
    expect(countOutbursts([0, 60, 20, 60, 30, 70])).toBe(1);
    expect(countOutbursts([0, 50, 10, 50])).toBe(0);
  });
});

describe('scheduled changes', () => {
  it('hold the base value before the first change and jump when over = 0', () => {
    const s = new Schedule(0.8, [{ at: 10, to: 0.5, over: 0 }]);
    expect(s.valueAt(9)).toBe(0.8);
    expect(s.valueAt(10)).toBe(0.5);
    expect(s.startedBy(9)).toBe(false);
    expect(s.startedBy(10)).toBe(true);
  });

  it('move linearly from the value at the start, and a later change interrupts an earlier one', () => {
    const s = new Schedule(1, [
      { at: 20, to: 0, over: 0 },
      { at: 0, to: 0.5, over: 10 },
    ]);
    expect(s.valueAt(0)).toBe(1);
    expect(s.valueAt(5)).toBeCloseTo(0.75, 12);
    expect(s.valueAt(10)).toBe(0.5);
    expect(s.valueAt(20)).toBe(0);
    const t = new Schedule(0, [
      { at: 0, to: 1, over: 10 },
      { at: 5, to: 0, over: 5 },
    ]);
    expect(t.valueAt(5)).toBeCloseTo(0.5, 12);
    expect(t.valueAt(7)).toBeCloseTo(0.3, 12);
    expect(t.valueAt(10)).toBe(0);
  });
});
