/**
 * Event calendar for rare processes: a binary min-heap of (time, kind, subject) in typed arrays.
 *
 * Rare events (a citizen's next grievance, a project's next proposal, a release from jail) are
 * scheduled once at their next-event time instead of being polled every day, so cost follows events,
 * not agents x days. Ties on time pop in scheduling order (a sequence number breaks them), so the
 * order never depends on heap layout accidents.
 */
export class EventCalendar {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private subject: Int32Array;
  private n = 0;
  private counter = 0;

  constructor(capacity = 64) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.subject = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Schedule event `kind` about entity `subject` at `time`. */
  schedule(time: number, kind: number, subject: number): void {
    if (this.n === this.time.length) this.grow();
    let i = this.n++;
    const s = this.counter++;
    // Sift up.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(time, s, this.time[p], this.seq[p])) break;
      this.move(p, i);
      i = p;
    }
    this.time[i] = time;
    this.seq[i] = s;
    this.kind[i] = kind;
    this.subject[i] = subject;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.time[0] : Infinity;
  }

  /**
   * Remove the earliest event if it is due at or before `until`; returns false when none is.
   * The popped event is readable through `lastTime`, `lastKind` and `lastSubject`.
   */
  popDue(until: number): boolean {
    if (this.n === 0 || this.time[0] > until) return false;
    this.lastTime = this.time[0];
    this.lastKind = this.kind[0];
    this.lastSubject = this.subject[0];
    const last = --this.n;
    if (last > 0) {
      const t = this.time[last];
      const s = this.seq[last];
      const k = this.kind[last];
      const sub = this.subject[last];
      let i = 0;
      // Sift down.
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && this.before(this.time[r], this.seq[r], this.time[l], this.seq[l]) ? r : l;
        if (!this.before(this.time[c], this.seq[c], t, s)) break;
        this.move(c, i);
        i = c;
      }
      this.time[i] = t;
      this.seq[i] = s;
      this.kind[i] = k;
      this.subject[i] = sub;
    }
    return true;
  }

  lastTime = 0;
  lastKind = 0;
  lastSubject = 0;

  snapshot(): { time: Float64Array; seq: Float64Array; kind: Int32Array; subject: Int32Array; counter: number } {
    return {
      time: this.time.slice(0, this.n),
      seq: this.seq.slice(0, this.n),
      kind: this.kind.slice(0, this.n),
      subject: this.subject.slice(0, this.n),
      counter: this.counter,
    };
  }

  restore(s: ReturnType<EventCalendar['snapshot']>): void {
    const cap = Math.max(64, s.time.length);
    this.time = new Float64Array(cap);
    this.seq = new Float64Array(cap);
    this.kind = new Int32Array(cap);
    this.subject = new Int32Array(cap);
    this.time.set(s.time);
    this.seq.set(s.seq);
    this.kind.set(s.kind);
    this.subject.set(s.subject);
    this.n = s.time.length;
    this.counter = s.counter;
  }

  private before(t1: number, s1: number, t2: number, s2: number): boolean {
    return t1 < t2 || (t1 === t2 && s1 < s2);
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.kind[to] = this.kind[from];
    this.subject[to] = this.subject[from];
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const q = new Float64Array(cap);
    q.set(this.seq);
    this.seq = q;
    const k = new Int32Array(cap);
    k.set(this.kind);
    this.kind = k;
    const s = new Int32Array(cap);
    s.set(this.subject);
    this.subject = s;
  }
}
