import { describe, expect, it } from 'vitest';
import { ColumnStore } from '../../../sim/core/columns';

describe('column store', () => {
  it('keeps rows through growth', () => {
    const s = new ColumnStore({ a: Int32Array, b: Float64Array }, 2);
    for (let i = 0; i < 100; i++) {
      const r = s.add();
      s.cols.a[r] = i;
      s.cols.b[r] = i / 2;
    }
    expect(s.length).toBe(100);
    expect(s.cols.a[99]).toBe(99);
    expect(s.cols.b[37]).toBe(18.5);
  });

  it('snapshots only live rows and restores them', () => {
    const s = new ColumnStore({ a: Uint8Array }, 8);
    for (let i = 0; i < 5; i++) {
      const r = s.add();
      s.cols.a[r] = i + 1;
    }
    const snap = s.snapshot();
    expect(snap.columns.a).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    const t = new ColumnStore({ a: Uint8Array });
    t.restore(snap);
    expect(t.length).toBe(5);
    // add() may grow and re-bind the columns, so read `cols` after it.
    const r = t.add();
    t.cols.a[r] = 9;
    expect(Array.from(t.cols.a.subarray(0, t.length))).toEqual([1, 2, 3, 4, 5, 9]);
  });
});
