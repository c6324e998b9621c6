/**
 * Scheduled changes of a parameter over steps (legitimacy, cop density).
 *
 * Step numbers are 1-based: step s is the s-th step run, the one recorded with `step = s` in the
 * series. A change {at, to, over} leaves the value as it was before step `at` and, from step `at` on,
 * moves it to `to`: at once when over = 0, else linearly, reaching `to` at step at + over. The value at
 * which a change starts is wherever the earlier changes had brought it at step `at`, so a later change
 * interrupts an earlier one that has not finished.
 */
import type { ScheduledChange } from './params';

export class Schedule {
  private readonly changes: ScheduledChange[];
  /** Value at which each change starts. */
  private readonly from: Float64Array;

  constructor(
    readonly base: number,
    changes: readonly ScheduledChange[],
  ) {
    // A stable sort keeps the file's order among changes that start on the same step (the last wins).
    this.changes = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.at - b.c.at || a.i - b.i).map((e) => e.c);
    this.from = new Float64Array(this.changes.length);
    for (let j = 0; j < this.changes.length; j++) {
      this.from[j] = j === 0 ? base : this.segment(j - 1, this.changes[j].at);
    }
  }

  /** Whether any change has started by step `s`. */
  startedBy(s: number): boolean {
    return this.changes.length > 0 && this.changes[0].at <= s;
  }

  /** The value in force during step `s`. */
  valueAt(s: number): number {
    let j = -1;
    for (let i = 0; i < this.changes.length && this.changes[i].at <= s; i++) j = i;
    return j < 0 ? this.base : this.segment(j, s);
  }

  private segment(j: number, s: number): number {
    const c = this.changes[j];
    if (c.over <= 0 || s >= c.at + c.over) return c.to;
    return this.from[j] + ((c.to - this.from[j]) * (s - c.at)) / c.over;
  }
}
