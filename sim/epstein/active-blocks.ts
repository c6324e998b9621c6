/**
 * Blocks of 8 x 8 cells, each with the number of active citizens within `radius` rows and columns
 * of it: when a block's number is 0, no cell in it has an active in vision, whatever the shape.
 *
 * Why: a citizen deciding, and a cop looking for someone to arrest, read the actives in vision from a
 * per-cell count (sim/epstein/lattice.ts stamp), one cache miss each at 1000 x 1000 (a seventh of the
 * run time, bench/epstein.ts). Actives are usually few and clustered, so most reads return 0. The
 * blocks (31 KB at 1000 x 1000) stay in the core's cache and answer those reads without the miss. An
 * active updates the counts of the blocks its square of side 2 radius + 1 touches (4 to 9 at radius 7).
 * On a small torus the square may wrap onto a block twice; adding and removing visit the same blocks
 * the same number of times, so the counts stay exact and "0" stays safe.
 */
const SHIFT = 3;
const SIDE = 1 << SHIFT;

export class ActiveBlocks {
  private readonly counts: Int32Array;
  private readonly blocksPerRow: number;

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly radius: number,
  ) {
    this.blocksPerRow = (width + SIDE - 1) >>> SHIFT;
    this.counts = new Int32Array(this.blocksPerRow * ((height + SIDE - 1) >>> SHIFT));
  }

  /** Whether an active may see the cell (false: certainly none in vision). */
  any(cell: number): boolean {
    const y = (cell / this.width) | 0;
    const x = cell - y * this.width;
    return this.counts[(y >>> SHIFT) * this.blocksPerRow + (x >>> SHIFT)] !== 0;
  }

  /** An active appears at (delta 1) or leaves (delta -1) `cell`. */
  add(cell: number, delta: number): void {
    const { width, height, radius } = this;
    const y = (cell / width) | 0;
    const x = cell - y * width;
    const whole = 2 * radius + 1;
    // The square's rows and columns, wrapped, a block at a time (the whole row or column when it is wider).
    const yFrom = whole >= height ? 0 : y - radius;
    const yTo = whole >= height ? height - 1 : y + radius;
    const xFrom = whole >= width ? 0 : x - radius;
    const xTo = whole >= width ? width - 1 : x + radius;
    for (let yy = yFrom; yy <= yTo; ) {
      const wy = yy < 0 ? yy + height : yy >= height ? yy - height : yy;
      const row = (wy >>> SHIFT) * this.blocksPerRow;
      for (let xx = xFrom; xx <= xTo; ) {
        const wx = xx < 0 ? xx + width : xx >= width ? xx - width : xx;
        this.counts[row + (wx >>> SHIFT)] += delta;
        // On to the next block, or past the lattice's edge, whichever comes first.
        xx += Math.min(SIDE - (wx & (SIDE - 1)), width - wx);
      }
      yy += Math.min(SIDE - (wy & (SIDE - 1)), height - wy);
    }
  }

  byteLength(): number {
    return this.counts.byteLength;
  }
}
