/**
 * The lattice: cell codes, incremental vision counts and the search for an empty cell.
 *
 * Vision counts. Each citizen needs C (cops in vision) and A - 1 (actives in vision) every step, and
 * each cop needs the actives in its vision. Scanning 112 cells per agent per step would dominate the
 * cost, so the model keeps, for every cell, how many cops and how many actives an agent standing there
 * would see. A count changes only when a cop moves or a citizen turns active, turns quiet, is jailed or
 * moves while active; each such event "stamps" +1 or -1 over the cells that see the agent (the same
 * shape, as vision is symmetric), row by row over contiguous memory. Reading is O(1) per agent, and the
 * cost follows events (cop moves and active citizens), not agents x cells. Counts take one byte a cell
 * when the shape has at most 255 cells (every radius-7 shape), else two: cops move every step, and the
 * smaller the array their stamps write, the fewer cache lines and memory pages a stamp touches.
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

/** Cell codes (the low three bits of a cell), also the codes of `frame().arrays.cells`. */
export const EMPTY = 0;
export const QUIET = 1;
export const ACTIVE = 2;
export const COP = 3;
/** A jailed citizen that keeps its cell (jailedCellEmpty false, as in Mesa). */
export const JAILED = 4;
/** Bit set on the cell of an agent already activated in the current step. An empty cell is exactly 0. */
export const DONE = 8;
export const CODE_MASK = 7;

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

/** Add `delta` to the counts of cells [from, to). */
function addRun(counts: Counts, from: number, to: number, delta: number): void {
  for (let k = from; k < to; k++) counts[k] += delta;
}

/** A uniformly random empty cell in vision of `cell`, or -1 if there is none. */
export function randomEmptyInVision(
  kind: Uint8Array,
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
      if (kind[c] === EMPTY) return c;
    }
  } else {
    const dx = shape.dx;
    const dy = shape.dy;
    for (let t = 0; t < MOVE_TRIES; t++) {
      const i = rng.below(size);
      const c = offsetCell(x, y, dx[i], dy[i], width, height);
      if (kind[c] === EMPTY) return c;
    }
  }
  // Nearly full: count the empty cells, then take the u-th.
  const u = countInVision(kind, shape, width, height, cell, EMPTY);
  return u === 0 ? -1 : nthInVision(kind, shape, width, height, cell, EMPTY, rng.below(u));
}

/** A uniformly random empty cell of the whole lattice, or -1 if it is full. */
export function randomEmptyCell(kind: Uint8Array, rng: FastRandom): number {
  const n = kind.length;
  for (let t = 0; t < PLACE_TRIES; t++) {
    const c = rng.below(n);
    if (kind[c] === EMPTY) return c;
  }
  let empty = 0;
  for (let c = 0; c < n; c++) if (kind[c] === EMPTY) empty++;
  if (empty === 0) return -1;
  let u = rng.below(empty);
  for (let c = 0; c < n; c++) if (kind[c] === EMPTY && u-- === 0) return c;
  return -1;
}

/** Cells in vision of `cell` whose code is `code`. */
export function countInVision(
  kind: Uint8Array,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  code: number,
): number {
  const y = (cell / width) | 0;
  const x = cell - y * width;
  const dx = shape.dx;
  const dy = shape.dy;
  let n = 0;
  for (let i = 0; i < shape.size; i++) {
    if ((kind[offsetCell(x, y, dx[i], dy[i], width, height)] & CODE_MASK) === code) n++;
  }
  return n;
}

/**
 * The u-th (0-based) cell in vision of `cell` whose code is `code`, scanning the shape's offsets in
 * order, or -1. Cops use it to pick a uniformly random active citizen in vision.
 */
export function nthInVision(
  kind: Uint8Array,
  shape: VisionShape,
  width: number,
  height: number,
  cell: number,
  code: number,
  u: number,
): number {
  const y = (cell / width) | 0;
  const x = cell - y * width;
  const dx = shape.dx;
  const dy = shape.dy;
  for (let i = 0; i < shape.size; i++) {
    const c = offsetCell(x, y, dx[i], dy[i], width, height);
    if ((kind[c] & CODE_MASK) === code && u-- === 0) return c;
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
