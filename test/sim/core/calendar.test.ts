import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../../sim/core/calendar';
import { RandomStreams } from '../../../sim/core/random';

function drain(c: EventCalendar, until = Infinity): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (c.popDue(until)) out.push([c.lastTime, c.lastKind, c.lastSubject]);
  return out;
}

describe('event calendar', () => {
  it('pops events in time order, ties in scheduling order', () => {
    const c = new EventCalendar(2);
    c.schedule(5, 1, 10);
    c.schedule(2, 2, 20);
    c.schedule(5, 3, 30);
    c.schedule(1, 4, 40);
    c.schedule(5, 5, 50);
    expect(drain(c)).toEqual([
      [1, 4, 40],
      [2, 2, 20],
      [5, 1, 10],
      [5, 3, 30],
      [5, 5, 50],
    ]);
  });

  it('pops only what is due', () => {
    const c = new EventCalendar();
    c.schedule(3, 0, 1);
    c.schedule(7, 0, 2);
    expect(drain(c, 5).map((e) => e[2])).toEqual([1]);
    expect(c.size).toBe(1);
    expect(c.peekTime()).toBe(7);
  });

  it('sorts many random events like a stable sort does', () => {
    const s = new RandomStreams(1).stream('t');
    const c = new EventCalendar(4);
    const events: [number, number, number][] = [];
    for (let i = 0; i < 2000; i++) {
      const t = s.int(100);
      events.push([t, 0, i]);
      c.schedule(t, 0, i);
    }
    const sorted = [...events].sort((a, b) => a[0] - b[0] || a[2] - b[2]);
    expect(drain(c)).toEqual(sorted);
  });

  it('restores a snapshot with the same pending order', () => {
    const c = new EventCalendar();
    for (let i = 0; i < 50; i++) c.schedule((i * 37) % 11, i, i);
    const snap = c.snapshot();
    const expected = drain(c);
    const d = new EventCalendar();
    d.restore(structuredClone(snap));
    expect(drain(d)).toEqual(expected);
  });
});
