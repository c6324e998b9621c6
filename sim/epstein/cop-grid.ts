/**
 * Where the cops are, one bit per cell, and how many of them a citizen sees (C in Rule A), counted
 * when asked.
 *
 * Why not incremental counts, as for actives (sim/epstein/lattice.ts stamp): every cop moves every
 * step, and keeping a per-cell count of the cops in vision up to date made each move rewrite ~100
 * counts scattered over ~25 rows of a 2 MB array at 1000 x 1000, a quarter of the run time
 * (bench/epstein.ts). C is read far less often: once per citizen whose grievance exceeds the
 * threshold. So a cop's move here flips two bits, and a citizen's C is counted from the rows of its
 * vision: the bits of each row's span are cut out of one or two 32-bit words and counted with a
 * bit-parallel popcount. The bitset (a row is ceil(width / 32) + 1 words; 132 KB at 1000 x 1000) stays
 * in the core's cache where the counts did not.
 *
 * The rows and spans are the shape's own (sim/epstein/neighbourhood.ts rowDy, rowHalf), so the cells
 * counted are exactly the cells in vision, wrapped on the torus, centre excluded.
 */
import type { VisionShape } from './neighbourhood';

/** Set bits of every 16-bit integer (64 KB, built once). */
const POPCOUNT16 = new Uint8Array(65536);
for (let v = 1; v < 65536; v++) POPCOUNT16[v] = (v & 1) + POPCOUNT16[v >>> 1];

export class CopGrid {
  /** Row-major bits, `wordsPerRow` words a row; the last word of each row is padding (always 0). */
  readonly bits: Int32Array;
  private readonly wordsPerRow: number;
  /**
   * Fast path (see count), rows from the centre outward: each row's first word relative to the centre
   * row's, and the mask of its span in a 32-bit window starting at column x - radius.
   */
  private readonly fastRowAt: Int32Array;
  private readonly fastMask: Int32Array;
  private readonly fast: boolean;

  constructor(
    private readonly shape: VisionShape,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.wordsPerRow = ((width + 31) >>> 5) + 1;
    this.bits = new Int32Array(this.wordsPerRow * height);
    const r = shape.radius;
    // A window of 32 bits from x - radius holds every span when 2 radius + 1 <= 32, and away from the
    // edges no span wraps (shape.linear: the shape does not wrap onto itself).
    this.fast = shape.linear !== null && 2 * r + 1 <= 32;
    // Rows by |dy|, widest first: 0, -1, 1, -2, 2, ...
    const rows = Array.from(shape.rowDy, (dy, i) => ({ dy: dy > r ? dy - height : dy, half: shape.rowHalf[i] }));
    rows.sort((a, b) => Math.abs(a.dy) - Math.abs(b.dy) || a.dy - b.dy);
    this.fastRowAt = Int32Array.from(rows, (row) => row.dy * this.wordsPerRow);
    // A whole-row span (half -1) can occur here only when the width is exactly 2 radius + 1 (the fast
    // path needs width >= 2 radius + 1): the row is then the whole window, half-width radius. It was
    // given an empty mask, so a citizen in the one column where the fast path runs did not see the
    // cops in those rows (found by test/sim/epstein/model.property.test.ts).
    this.fastMask = Int32Array.from(rows, ({ half }) => {
      const w = half < 0 ? r : half;
      return (((1 << (2 * w + 1)) - 1) << (r - w)) | 0;
    });
  }

  set(cell: number): void {
    const y = (cell / this.width) | 0;
    const x = cell - y * this.width;
    this.bits[y * this.wordsPerRow + (x >>> 5)] |= 1 << (x & 31);
  }

  clear(cell: number): void {
    const y = (cell / this.width) | 0;
    const x = cell - y * this.width;
    this.bits[y * this.wordsPerRow + (x >>> 5)] &= ~(1 << (x & 31));
  }

  has(cell: number): boolean {
    const y = (cell / this.width) | 0;
    const x = cell - y * this.width;
    return ((this.bits[y * this.wordsPerRow + (x >>> 5)] >>> (x & 31)) & 1) !== 0;
  }

  /**
   * Cops in vision of `cell` (the shape's cells around it, centre excluded), or any number >= `limit`
   * once the count reaches `limit`: a citizen only needs to know whether C reaches the count at which
   * it would stay quiet (see EpsteinModel.decide), and the rows are counted from the widest (the
   * centre row) outward, so a cop nearby ends the count after a row or two.
   */
  count(cell: number, limit = Infinity): number {
    // The centre row's span covers the cell itself, which is not in its vision.
    const own = this.has(cell) ? 1 : 0;
    return this.countWithOwn(cell, limit + own) - own;
  }

  /**
   * As count, for a cell that holds no cop (a citizen's): the cell's own bit is then 0 and need not be
   * taken off.
   */
  countAroundCitizen(cell: number, limit: number): number {
    return this.countWithOwn(cell, limit);
  }

  /** The cops in the shape's rows around `cell`, the cell itself included, or a number >= limit. */
  private countWithOwn(cell: number, limit: number): number {
    const width = this.width;
    const y = (cell / width) | 0;
    const x = cell - y * width;
    const r = this.shape.radius;
    const bits = this.bits;
    const wpr = this.wordsPerRow;
    let n = 0;
    if (this.fast && x >= r && x < width - r && y >= r && y < this.height - r) {
      // One 32-bit window per row, starting at column x - r: the same word and shift for every row.
      const start = x - r;
      const s = start & 31;
      const base = y * wpr + (start >>> 5);
      const rowAt = this.fastRowAt;
      const masks = this.fastMask;
      const table = r <= 7 ? POPCOUNT16 : null;
      for (let i = 0; i < rowAt.length; i++) {
        const at = base + rowAt[i];
        // (high << 1) << (31 - s) is high << (32 - s), and 0 when s = 0 (a JS shift by 32 is by 0).
        const window = ((bits[at] >>> s) | ((bits[at + 1] << 1) << (31 - s))) & masks[i];
        // Spans of at most 15 bits read the table of 16-bit counts: one load instead of ~12 operations.
        n += table !== null ? table[window] : popcount(window);
        if (n >= limit) return n;
      }
      return n;
    }
    const rowDy = this.shape.rowDy;
    const rowHalf = this.shape.rowHalf;
    for (let i = 0; i < rowDy.length; i++) {
      let yy = y + rowDy[i];
      if (yy >= this.height) yy -= this.height;
      const row = yy * wpr;
      const w = rowHalf[i];
      if (w < 0) n += this.countRun(row, 0, width);
      else {
        const lo = x - w;
        const hi = x + w + 1;
        if (lo < 0) n += this.countRun(row, lo + width, width) + this.countRun(row, 0, hi);
        else if (hi > width) n += this.countRun(row, lo, width) + this.countRun(row, 0, hi - width);
        else n += this.countRun(row, lo, hi);
      }
    }
    return n;
  }

  byteLength(): number {
    return this.bits.byteLength + this.fastRowAt.byteLength + this.fastMask.byteLength;
  }

  /** Set bits in columns [from, to) of the row whose first word is `base`. */
  private countRun(base: number, from: number, to: number): number {
    let n = 0;
    for (let c = from; c < to; ) {
      const word = c >>> 5;
      const s = c & 31;
      const take = Math.min(32 - s, to - c);
      const mask = take === 32 ? -1 : ((1 << take) - 1) << s;
      n += popcount(this.bits[base + word] & mask);
      c += take;
    }
    return n;
  }
}

/** Set bits of a 32-bit integer (the bit-parallel count; JavaScript has no popcount instruction). */
export function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
