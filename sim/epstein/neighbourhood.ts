/**
 * Vision shapes on the torus: which cells an agent at (x, y) sees.
 *
 * A shape is stored twice, from one source so the two cannot disagree:
 *  - as rows (a wrapped row offset and the half-width of a span centred on x), which the incremental
 *    neighbourhood counts stamp row by row over contiguous memory;
 *  - as a flat list of distinct wrapped offsets, which moves sample from and arrests scan.
 * The centre cell is never in vision (an agent does not see itself). When the lattice is narrower or
 * shorter than the vision diameter, offsets that wrap onto the same cell are counted once: rows that
 * wrap onto the same lattice row keep the widest span, and a span as wide as the lattice is the whole row.
 *
 * Shapes, for radius v (Epstein 2002: "v lattice positions north, south, east and west"):
 *   von-neumann  |dx| + |dy| <= v   (Epstein 2002; Mesa's OrthogonalVonNeumannGrid): 2v(v+1) cells, 112 at v = 7
 *   moore        max(|dx|, |dy|) <= v                                        : (2v+1)^2 - 1,   224 at v = 7
 *   euclidean    dx^2 + dy^2 <= v^2  (NetLogo `patches in-radius v`)         : Gauss N(v) - 1, 148 at v = 7
 */
import type { Neighbourhood } from './params';

export interface VisionShape {
  readonly kind: Neighbourhood;
  readonly radius: number;
  /** Distinct cells in vision, centre excluded. */
  readonly size: number;
  /** Wrapped offsets of the cells in vision: 0 <= dx[i] < width, 0 <= dy[i] < height. */
  readonly dx: Int32Array;
  readonly dy: Int32Array;
  /** Wrapped row offsets (0 <= rowDy < height) of the rows the shape touches, each once. */
  readonly rowDy: Int32Array;
  /** Half-width of each row's span centred on the agent's column; -1 means the whole lattice row. */
  readonly rowHalf: Int32Array;
  /**
   * Offsets as signed index deltas (dy x width + dx), valid for an agent at least `radius` cells from
   * every edge; null when the shape wraps onto itself (lattice narrower than the vision diameter).
   */
  readonly linear: Int32Array | null;
  /** Per row, the signed index delta of the span's first cell and the span's length (same validity as `linear`). */
  readonly rowStart: Int32Array | null;
  readonly rowLength: Int32Array;
}

/** Half-width of the shape's span at vertical offset dy (|dy| <= radius). */
export function spanHalfWidth(kind: Neighbourhood, radius: number, dy: number): number {
  const ady = Math.abs(dy);
  switch (kind) {
    case 'von-neumann':
      return radius - ady;
    case 'moore':
      return radius;
    case 'euclidean': {
      // Largest integer w with w^2 + dy^2 <= r^2, in integers so no square-root rounding can move a cell.
      const room = radius * radius - ady * ady;
      let w = Math.floor(Math.sqrt(room));
      while (w * w > room) w--;
      while ((w + 1) * (w + 1) <= room) w++;
      return w;
    }
  }
}

function mod(a: number, n: number): number {
  const r = a % n;
  return r < 0 ? r + n : r;
}

export function visionShape(kind: Neighbourhood, radius: number, width: number, height: number): VisionShape {
  // Widest half-width per wrapped row; -2 marks a row the shape does not touch.
  const widest = new Int32Array(height).fill(-2);
  const rowOrder: number[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    const ry = mod(dy, height);
    const w = spanHalfWidth(kind, radius, dy);
    if (widest[ry] === -2) rowOrder.push(ry);
    if (w > widest[ry]) widest[ry] = w;
  }
  const rowDy = Int32Array.from(rowOrder);
  const rowHalf = new Int32Array(rowOrder.length);
  const dx: number[] = [];
  const dy: number[] = [];
  for (let r = 0; r < rowOrder.length; r++) {
    const ry = rowOrder[r];
    const w = widest[ry];
    const full = 2 * w + 1 >= width;
    rowHalf[r] = full ? -1 : w;
    if (full) {
      for (let x = 0; x < width; x++) {
        if (ry === 0 && x === 0) continue;
        dx.push(x);
        dy.push(ry);
      }
    } else {
      for (let d = -w; d <= w; d++) {
        if (ry === 0 && d === 0) continue;
        dx.push(mod(d, width));
        dy.push(ry);
      }
    }
  }
  const rowLength = new Int32Array(rowOrder.length);
  for (let r = 0; r < rowOrder.length; r++) rowLength[r] = rowHalf[r] < 0 ? width : 2 * rowHalf[r] + 1;
  let linear: Int32Array | null = null;
  let rowStart: Int32Array | null = null;
  if (2 * radius + 1 <= width && 2 * radius + 1 <= height) {
    linear = new Int32Array(dx.length);
    for (let i = 0; i < dx.length; i++) {
      const sx = dx[i] > radius ? dx[i] - width : dx[i];
      const sy = dy[i] > radius ? dy[i] - height : dy[i];
      linear[i] = sy * width + sx;
    }
    rowStart = new Int32Array(rowOrder.length);
    for (let r = 0; r < rowOrder.length; r++) {
      const sy = rowOrder[r] > radius ? rowOrder[r] - height : rowOrder[r];
      // The span's true half-width, not rowHalf's -1 for a whole row: with linear offsets a whole row
      // happens only when the width is exactly 2 radius + 1, and its span is then -radius..radius.
      // (rowStart from -1 started the run one cell right of the agent and spilled into the next row,
      // so stamp() counted actives in the wrong cells; found by test/sim/epstein/model.property.test.ts.)
      rowStart[r] = sy * width - widest[rowOrder[r]];
    }
  }
  return {
    kind,
    radius,
    size: dx.length,
    dx: Int32Array.from(dx),
    dy: Int32Array.from(dy),
    rowDy,
    rowHalf,
    linear,
    rowStart,
    rowLength,
  };
}

/** Whether two shapes cover the same offsets (so one count array can serve both). */
export function sameShape(a: VisionShape, b: VisionShape): boolean {
  return a.kind === b.kind && a.radius === b.radius;
}
