import { describe, expect, it } from 'vitest';
import { createReleaseQueue, pushRelease } from '../../../sim/governance/release-queue';

describe('release queue', () => {
  it('keeps releases in day order, refusing one earlier than its last', () => {
    const q = createReleaseQueue();
    expect(pushRelease(q, 5, 1)).toBe(true);
    expect(pushRelease(q, 5, 2)).toBe(true); // the same day: after the first
    expect(pushRelease(q, 4, 3)).toBe(false); // earlier than the last: not queued
    expect([q.head, q.tail, Array.from(q.day.subarray(0, 2)), Array.from(q.who.subarray(0, 2))]).toEqual([0, 2, [5, 5], [1, 2]]);
  });

  it('slides its pending releases to the front when full, and doubles its room when they fill over half', () => {
    const q = createReleaseQueue();
    const room = q.day.length;
    // Fill it, then release all but 10: the next push slides the 10 to the front in the same room.
    for (let k = 0; k < room; k++) pushRelease(q, k, k);
    q.head = room - 10;
    pushRelease(q, room, room);
    expect([q.day.length, q.head, q.tail]).toEqual([room, 0, 11]);
    expect(Array.from(q.who.subarray(0, 11))).toEqual(Array.from({ length: 11 }, (_, k) => room - 10 + k));
    // Fill it again with nothing released: it doubles, keeping every pending release in order.
    for (let k = 0; q.tail < room; k++) pushRelease(q, room + 1 + k, room + 1 + k);
    pushRelease(q, 10 * room, -1);
    expect([q.day.length, q.head, q.tail]).toEqual([2 * room, 0, room + 1]);
    for (let k = 1; k < q.tail; k++) expect(q.day[k]).toBeGreaterThanOrEqual(q.day[k - 1]);
    expect(q.who[q.tail - 1]).toBe(-1);
  });
});
