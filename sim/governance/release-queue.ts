/**
 * Pending releases from detention in release-day order (detention.ts): with one term for every detainee
 * the next release is always the earliest, so a queue serves where a heap would cost log(pending events)
 * per push and pop. Plain data (typed arrays and two indices), cloned by snapshots.
 */
export interface ReleaseQueue {
  /** Release days and detainees: day[head .. tail - 1], who[head .. tail - 1]. */
  day: Int32Array;
  who: Int32Array;
  head: number;
  tail: number;
}

export function createReleaseQueue(): ReleaseQueue {
  return { day: new Int32Array(256), who: new Int32Array(256), head: 0, tail: 0 };
}

/** Append a release; false (nothing appended) when it is earlier than the queue's last. */
export function pushRelease(q: ReleaseQueue, day: number, who: number): boolean {
  if (q.tail > q.head && q.day[q.tail - 1] > day) return false;
  if (q.tail === q.day.length) {
    // Full: slide the pending ones to the front, or double the room when they fill over half of it.
    const n = q.tail - q.head;
    if (n * 2 > q.day.length) {
      const d = new Int32Array(q.day.length * 2);
      const c = new Int32Array(q.day.length * 2);
      d.set(q.day.subarray(q.head, q.tail));
      c.set(q.who.subarray(q.head, q.tail));
      q.day = d;
      q.who = c;
    } else {
      q.day.copyWithin(0, q.head, q.tail);
      q.who.copyWithin(0, q.head, q.tail);
    }
    q.head = 0;
    q.tail = n;
  }
  q.day[q.tail] = day;
  q.who[q.tail++] = who;
  return true;
}
