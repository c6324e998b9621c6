/**
 * The resolver table: one instance per channel kind and unit of the hierarchy (a grid's workers, a
 * village's committee, a town's offices, a county's court and petition office), laid out kind by kind,
 * with its slots, busy count and FIFO queue (head/tail/len; the links run through the case table).
 * How instances are staffed and serve cases is in resolvers.ts.
 */
import { CHANNELS } from './codes';
import type { Hierarchy } from './hierarchy';

export interface Resolvers {
  count: number;
  /** First instance of each channel kind (index by CH_*; CH_NEGOTIATE has none). */
  base: Int32Array;
  kind: Uint8Array;
  unit: Int32Array;
  slots: Int32Array;
  /**
   * The instance that serves a unit's cases: itself when it has slots, else the nearest staffed
   * instance of the same kind (by index, so usually a neighbouring unit): a thinly staffed level is
   * served by mediators who cover several units, and their queues grow as utilisation passes 1.
   */
  serveBy: Int32Array;
  busy: Int32Array;
  /** Slots and busy slots summed over every instance of each channel (index by CH_*), for utilisation. */
  slotsByChannel: Int32Array;
  busyByChannel: Int32Array;
  /**
   * Per channel, whole slots over the exact fractional capacity (resolvers.ts officialSlots): service
   * days are scaled by it, so a channel's throughput is its staffed hours exactly, even in a small area
   * whose capacity is a fraction of one slot.
   */
  stretch: Float64Array;
  head: Int32Array;
  tail: Int32Array;
  len: Int32Array;
}

export function buildResolvers(h: Hierarchy): Resolvers {
  const sizes = [0, h.grids, h.villages, h.towns, h.towns, h.towns, h.counties, h.towns, h.counties];
  const base = new Int32Array(CHANNELS + 1);
  let n = 0;
  for (let k = 0; k < CHANNELS; k++) {
    base[k] = n;
    n += sizes[k];
  }
  base[CHANNELS] = n;
  const kind = new Uint8Array(n);
  const unit = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: there is no kind CHANNELS (its size is undefined, so nothing is laid out)
  for (let k = 1; k < CHANNELS; k++) {
    // Stryker disable next-line EqualityOperator: one past a kind is the next kind's first instance, written again by that kind's own pass (or past the table)
    for (let u = 0; u < sizes[k]; u++) {
      kind[base[k] + u] = k;
      unit[base[k] + u] = u;
    }
  }
  const head = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n).fill(-1);
  const serveBy = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: a write past the table is dropped
  for (let i = 0; i < n; i++) serveBy[i] = i;
  return { count: n, base, kind, unit, slots: new Int32Array(n), serveBy, busy: new Int32Array(n), slotsByChannel: new Int32Array(CHANNELS), busyByChannel: new Int32Array(CHANNELS), stretch: new Float64Array(CHANNELS).fill(1), head, tail, len: new Int32Array(n) };
}
