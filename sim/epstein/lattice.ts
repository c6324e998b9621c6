/**
 * The lattice: cell codes, one-bit-a-cell sets, incremental vision counts of actives and the search for
 * an empty cell.
 *
 * Codes (EMPTY, QUIET, ACTIVE, COP, JAILED) name what a cell holds, in roster entries and frames. While
 * a step runs the model keeps the lattice as bits instead (sim/epstein/model.ts): occupied cells, active
 * citizens, and the cops (sim/epstein/cop-grid.ts); at 1000 x 1000 a set is 128 KB and stays in the
 * core's cache, where a byte a cell (1 MB) made every probe and every write a cache miss.
 *
 * Vision counts. Each citizen needs A - 1 (actives in vision), and each cop the actives in its vision.
 * Scanning 112 cells per agent per step would dominate the cost, so the model keeps, for every cell,
 * how many actives an agent standing there would see. A count changes only when a citizen turns
 * active, turns quiet, is jailed or moves while active; each such event "stamps" +1 or -1 over the
 * cells that see the agent (the same shape, as vision is symmetric), row by row over contiguous memory.
 * Reading is O(1) per agent, and the cost follows events, not agents x cells. A move is one event:
 * only the cells that the old and the new vision do not share change (MoveStamps, below). Counts take
 * one byte a cell when the shape has at most 255 cells (every radius-7 shape), else two.
 * Typed-array stores are modular, so a transient wrap at the centre is undone exactly by the correction.
 *
 * Empty cells. A mover picks a uniformly random empty cell in vision. Drawing random offsets until one
 * is empty (rejection sampling) costs ~1/(share of empty cells) probes, ~4.4 at the default 77%
 * occupancy, instead of scanning the whole shape; after MOVE_TRIES misses (a nearly full
 * neighbourhood) it falls back to counting the empty cells and drawing one. Either way the chosen
 * cell is uniform over the empty cells in vision, but the number of draws differs from a
 * scan-and-choose implementation, so runs are deterministic here yet not draw-for-draw comparable
 * with NetLogo or Mesa (which nothing could be: their generators differ).
 */
import type { FastRandom } from './fast-random';
import type { VisionShape } from './neighbourhood';

/** Cell codes, as in roster entries and `frame().arrays.cells`. */
export const EMPTY = 0;
export const QUIET = 1;
export const ACTIVE = 2;
export const COP = 3;
/** A jailed citizen that keeps its cell (jailedCellEmpty false, as in Mesa). */
export const JAILED = 4;

/** Probes of random offsets before falling back to a scan of the shape. */
export const MOVE_TRIES = 16;
/** Probes of random cells of the whole lattice before falling back to a full scan. */
export const PLACE_TRIES = 64;

/** Per-cell counts: one byte a cell when the shape has at most 255 cells, else two. */
export type Counts = Uint8Array | Uint16Array;

/** A count array wide enough for `shape`. */
export function countsFor(shape: VisionShape, cells: number): Counts {
  return shape.size <= 255 ? new Uint8Array(cells) : new Uint16Array(cells);
}

/** Add `delta` to the counts of every cell that sees `cell` through `shape` (centre excluded). */
export function stamp(
  counts: Counts,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  delta: number,
): void {
  const y = (cell / width) | 0;
  const x = cell - y * width;
  const r0 = shape.radius;
  const rowStart = shape.rowStart;
  if (rowStart !== null && x >= r0 && x < width - r0 && y >= r0 && y < height - r0) {
    // Away from the edges each row's span is one run of memory at a fixed offset.
    const rowLength = shape.rowLength;
    for (let r = 0; r < rowStart.length; r++) {
      for (let k = cell + rowStart[r], end = k + rowLength[r]; k < end; k++) counts[k] += delta;
    }
    counts[cell] -= delta;
    return;
  }
  const rowDy = shape.rowDy;
  const rowHalf = shape.rowHalf;
  for (let r = 0; r < rowDy.length; r++) {
    let yy = y + rowDy[r];
    if (yy >= height) yy -= height;
    const base = yy * width;
    const w = rowHalf[r];
    if (w < 0) {
      addRun(counts, base, base + width, delta);
      continue;
    }
    const lo = x - w;
    const hi = x + w + 1;
    if (lo < 0) {
      addRun(counts, base + lo + width, base + width, delta);
      addRun(counts, base, base + hi, delta);
    } else if (hi > width) {
      addRun(counts, base + lo, base + width, delta);
      addRun(counts, base, base + hi - width, delta);
    } else {
      addRun(counts, base + lo, base + hi, delta);
    }
  }
  // The centre row's span covered the agent's own cell, which is not in its vision.
  counts[cell] -= delta;
}

/**
 * Moving stamps: the counts change of one agent moving from cell `from` to cell `to`, the same as
 * stamp(-delta at `from`) then stamp(+delta at `to`) but leaving alone the cells both shapes cover.
 *
 * Why: cops move every step, and each move re-stamped 2 x 113 cells (radius 7, von Neumann) in 30
 * short row runs, a quarter of the step's time at 200 x 200. A move within vision shares on average
 * more than half of those cells; per displacement (dx, dy) the cells that gain (new shape only) and
 * lose (old shape only) are fixed lists of offsets from `from`, ~100 in all. They are built the first
 * time a displacement occurs (at most (2 reach + 1)^2 of them) and then applied as two flat loops of
 * index offsets, with no row logic, when both cells are at least `radius` from every edge (as for
 * VisionShape.linear: no offset wraps). Near an edge, for shapes that wrap onto themselves, for
 * shapes over 255 cells (whose tables, up to (2 reach + 1)^2 x 2 size offsets, would grow large), and
 * for longer jumps, `apply` declines and the caller takes the two plain stamps (a wrapped variant of
 * the lists, tried, was no faster than the row-run stamps there).
 */
export class MoveStamps {
  private readonly radius: number;
  private readonly reach: number;
  private readonly side: number;
  private readonly enabled: boolean;
  /** The shape's offsets, signed (-radius..radius). */
  private readonly sx: Int32Array;
  private readonly sy: Int32Array;
  /** Per displacement (index (dy + reach) side + dx + reach): where its lists start; -1 = not built. */
  private readonly start: Int32Array;
  /** Per displacement: the number of gaining offsets (they come first), then of losing ones. */
  private readonly gains: Int32Array;
  private readonly losses: Int32Array;
  /** Per list entry: the index offset from `from`. */
  private offsets = new Int32Array(1024);
  private used = 0;

  constructor(
    shape: VisionShape,
    private readonly width: number,
    private readonly height: number,
    reach: number,
  ) {
    const r = shape.radius;
    this.radius = r;
    this.reach = reach;
    this.side = 2 * reach + 1;
    this.enabled = shape.size <= 255 && shape.linear !== null;
    this.sx = new Int32Array(shape.size);
    this.sy = new Int32Array(shape.size);
    for (let i = 0; i < shape.size; i++) {
      this.sx[i] = shape.dx[i] > r ? shape.dx[i] - width : shape.dx[i];
      this.sy[i] = shape.dy[i] > r ? shape.dy[i] - height : shape.dy[i];
    }
    const n = this.enabled ? this.side * this.side : 0;
    this.start = new Int32Array(n).fill(-1);
    this.gains = new Int32Array(n);
    this.losses = new Int32Array(n);
  }

  /** Apply the move to `counts`; false (nothing done) when the lists do not apply (see above). */
  apply(counts: Counts, from: number, to: number, delta: number): boolean {
    if (!this.enabled) return false;
    const width = this.width;
    const height = this.height;
    const r = this.radius;
    const y0 = (from / width) | 0;
    const x0 = from - y0 * width;
    const y1 = (to / width) | 0;
    const x1 = to - y1 * width;
    // Both cells away from the edges, so that no offset needs wrapping (then x1 - x0 is the
    // displacement, as the torus's other representatives are at least width - 2 radius away).
    if (x0 < r || x0 >= width - r || y0 < r || y0 >= height - r) return false;
    if (x1 < r || x1 >= width - r || y1 < r || y1 >= height - r) return false;
    const dx = x1 - x0;
    const dy = y1 - y0;
    const reach = this.reach;
    if (dx > reach || dx < -reach || dy > reach || dy < -reach) return false;
    const d = (dy + reach) * this.side + dx + reach;
    let at = this.start[d];
    if (at < 0) at = this.build(d, dx, dy);
    const offsets = this.offsets;
    const gainEnd = at + this.gains[d];
    const lossEnd = gainEnd + this.losses[d];
    // Unrolled by four: the loop overhead was about half the cost of these ~100 byte updates.
    let i = at;
    for (; i + 3 < gainEnd; i += 4) {
      counts[from + offsets[i]] += delta;
      counts[from + offsets[i + 1]] += delta;
      counts[from + offsets[i + 2]] += delta;
      counts[from + offsets[i + 3]] += delta;
    }
    for (; i < gainEnd; i++) counts[from + offsets[i]] += delta;
    for (; i + 3 < lossEnd; i += 4) {
      counts[from + offsets[i]] -= delta;
      counts[from + offsets[i + 1]] -= delta;
      counts[from + offsets[i + 2]] -= delta;
      counts[from + offsets[i + 3]] -= delta;
    }
    for (; i < lossEnd; i++) counts[from + offsets[i]] -= delta;
    return true;
  }

  /** Bytes of the tables (built so far, plus the per-displacement index). */
  byteLength(): number {
    return this.sx.byteLength + this.sy.byteLength + 3 * this.start.byteLength + 4 * this.used;
  }

  /** Build the lists of displacement `d` = (dx, dy); returns their start. */
  private build(d: number, dx: number, dy: number): number {
    const sx = this.sx;
    const sy = this.sy;
    // Net change per unwrapped (x, y) offset from `from`, keyed (y + K) (2K + 1) + x + K.
    const K = this.radius + this.reach;
    const span = 2 * K + 1;
    const net = new Map<number, number>();
    for (let i = 0; i < sx.length; i++) {
      const lose = (sy[i] + K) * span + sx[i] + K;
      const gain = (sy[i] + dy + K) * span + sx[i] + dx + K;
      net.set(lose, (net.get(lose) ?? 0) - 1);
      net.set(gain, (net.get(gain) ?? 0) + 1);
    }
    // Sorted by key, which is row-major order, so the writes sweep memory in one direction.
    const keys = (sign: number) =>
      [...net]
        .filter(([, v]) => v === sign)
        .map(([key]) => key)
        .sort((a, b) => a - b);
    const gained = keys(1);
    const lost = keys(-1);
    const list = [...gained, ...lost];
    const need = this.used + list.length;
    if (need > this.offsets.length) {
      const size = Math.max(need, 2 * this.offsets.length);
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a.subarray(0, this.used));
        return b;
      };
      this.offsets = grow(this.offsets);
    }
    const at = this.used;
    for (let k = 0; k < list.length; k++) {
      const y = Math.floor(list[k] / span) - K;
      const x = (list[k] % span) - K;
      this.offsets[at + k] = y * this.width + x;
    }
    this.used = need;
    this.start[d] = at;
    this.gains[d] = gained.length;
    this.losses[d] = lost.length;
    return at;
  }
}

/** Add `delta` to the counts of cells [from, to). */
function addRun(counts: Counts, from: number, to: number, delta: number): void {
  for (let k = from; k < to; k++) counts[k] += delta;
}

/** Whether `cell`'s bit is set in a one-bit-a-cell set (bit c & 31 of word c >>> 5). */
export function hasBit(bits: Int32Array, cell: number): boolean {
  return ((bits[cell >>> 5] >>> (cell & 31)) & 1) !== 0;
}

export function setBit(bits: Int32Array, cell: number): void {
  bits[cell >>> 5] |= 1 << (cell & 31);
}

export function clearBit(bits: Int32Array, cell: number): void {
  bits[cell >>> 5] &= ~(1 << (cell & 31));
}

/** A uniformly random empty cell (bit clear in `occupied`) in vision of `cell`, or -1 if there is none. */
export function randomEmptyInVision(
  occupied: Int32Array,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  rng: FastRandom,
): number {
  const size = shape.size;
  if (size === 0) return -1;
  const y = (cell / width) | 0;
  const x = cell - y * width;
  const r = shape.radius;
  const linear = shape.linear;
  if (linear !== null && x >= r && x < width - r && y >= r && y < height - r) {
    // Away from the edges the offsets need no wrapping.
    for (let t = 0; t < MOVE_TRIES; t++) {
      const c = cell + linear[rng.below(size)];
      if (!hasBit(occupied, c)) return c;
    }
  } else {
    const dx = shape.dx;
    const dy = shape.dy;
    for (let t = 0; t < MOVE_TRIES; t++) {
      const i = rng.below(size);
      const c = offsetCell(x, y, dx[i], dy[i], width, height);
      if (!hasBit(occupied, c)) return c;
    }
  }
  return emptyByScan(occupied, shape, width, height, cell, rng);
}

/**
 * The fallback of randomEmptyInVision once its probes have missed (a nearly full neighbourhood):
 * count the empty cells in vision, then take a uniformly random one; -1 if there is none.
 */
export function emptyByScan(
  occupied: Int32Array,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  rng: FastRandom,
): number {
  const u = countInVision(occupied, shape, width, height, cell, false);
  return u === 0 ? -1 : nthInVision(occupied, shape, width, height, cell, false, rng.below(u));
}

/** A uniformly random empty cell (bit clear in `occupied`) of the `cells` cells, or -1 if all are full. */
export function randomEmptyCell(occupied: Int32Array, cells: number, rng: FastRandom): number {
  for (let t = 0; t < PLACE_TRIES; t++) {
    const c = rng.below(cells);
    if (!hasBit(occupied, c)) return c;
  }
  let empty = 0;
  for (let c = 0; c < cells; c++) if (!hasBit(occupied, c)) empty++;
  if (empty === 0) return -1;
  let u = rng.below(empty);
  for (let c = 0; c < cells; c++) if (!hasBit(occupied, c) && u-- === 0) return c;
  return -1;
}

/** Cells in vision of `cell` whose bit in `bits` is `set`. */
export function countInVision(
  bits: Int32Array,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  set: boolean,
): number {
  const y = (cell / width) | 0;
  const x = cell - y * width;
  const dx = shape.dx;
  const dy = shape.dy;
  let n = 0;
  for (let i = 0; i < shape.size; i++) {
    if (hasBit(bits, offsetCell(x, y, dx[i], dy[i], width, height)) === set) n++;
  }
  return n;
}

/**
 * The u-th (0-based) cell in vision of `cell` whose bit in `bits` is `set`, scanning the shape's
 * offsets in order, or -1. Cops use it to pick a uniformly random active citizen in vision.
 */
export function nthInVision(
  bits: Int32Array,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  set: boolean,
  u: number,
): number {
  const y = (cell / width) | 0;
  const x = cell - y * width;
  const dx = shape.dx;
  const dy = shape.dy;
  for (let i = 0; i < shape.size; i++) {
    const c = offsetCell(x, y, dx[i], dy[i], width, height);
    if (hasBit(bits, c) === set && u-- === 0) return c;
  }
  return -1;
}

function offsetCell(x: number, y: number, dx: number, dy: number, width: number, height: number): number {
  let nx = x + dx;
  if (nx >= width) nx -= width;
  let ny = y + dy;
  if (ny >= height) ny -= height;
  return ny * width + nx;
}
