import { describe, expect, it } from 'vitest';
import { visionShape } from '../../../sim/epstein/neighbourhood';
import { inShape } from './helpers';
import type { Neighbourhood } from '../../../sim/epstein/params';

const KINDS: Neighbourhood[] = ['von-neumann', 'moore', 'euclidean'];


/** The distinct cells of a width x height torus within vision of (0, 0), centre excluded, by brute force. */
function bruteCells(kind: Neighbourhood, r: number, width: number, height: number): Set<number> {
  const cells = new Set<number>();
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if (!inShape(kind, r, dx, dy)) continue;
      const x = ((dx % width) + width) % width;
      const y = ((dy % height) + height) % height;
      if (x !== 0 || y !== 0) cells.add(y * width + x);
    }
  }
  return cells;
}

function shapeCells(kind: Neighbourhood, r: number, width: number, height: number): number[] {
  const s = visionShape(kind, r, width, height);
  return Array.from({ length: s.size }, (_, i) => s.dy[i] * width + s.dx[i]);
}

describe('vision shapes', () => {
  it('have the textbook sizes at radius 7: von Neumann 112, Moore 224, Euclidean 148', () => {
    expect(visionShape('von-neumann', 7, 40, 40).size).toBe(112);
    expect(visionShape('moore', 7, 40, 40).size).toBe(224);
    // Gauss's circle problem: 149 lattice points with x^2 + y^2 <= 49, less the centre.
    expect(visionShape('euclidean', 7, 40, 40).size).toBe(148);
  });

  it('follow 2r(r + 1) and (2r + 1)^2 - 1 for every radius', () => {
    for (let r = 1; r <= 12; r++) {
      expect(visionShape('von-neumann', r, 60, 60).size).toBe(2 * r * (r + 1));
      expect(visionShape('moore', r, 60, 60).size).toBe((2 * r + 1) ** 2 - 1);
    }
  });

  it('hold exactly the cells of a brute-force enumeration, each once, without the centre', () => {
    for (const kind of KINDS) {
      for (const [r, w, h] of [
        [7, 40, 40],
        [3, 17, 9],
        [5, 8, 30],
      ]) {
        const cells = shapeCells(kind, r, w, h);
        expect(new Set(cells).size).toBe(cells.length);
        expect(cells).not.toContain(0);
        expect(new Set(cells)).toEqual(bruteCells(kind, r, w, h));
      }
    }
  });

  it('count each cell once when the lattice is smaller than the vision diameter', () => {
    for (const kind of KINDS) {
      // A 5 x 5 torus seen with radius 7: every other cell is in vision, once.
      expect(visionShape(kind, 7, 5, 5).size).toBe(24);
      expect(new Set(shapeCells(kind, 7, 5, 5)).size).toBe(24);
    }
    expect(new Set(shapeCells('von-neumann', 7, 10, 3))).toEqual(bruteCells('von-neumann', 7, 10, 3));
    expect(visionShape('moore', 7, 1, 1).size).toBe(0);
  });

  it('give linear offsets equal to the wrapped ones for a cell away from the edges', () => {
    const width = 40;
    const s = visionShape('euclidean', 7, width, 40);
    const cell = 20 * width + 20;
    for (let i = 0; i < s.size; i++) {
      const x = (20 + s.dx[i]) % width;
      const y = (20 + s.dy[i]) % 40;
      expect(cell + s.linear![i]).toBe(y * width + x);
    }
    expect(visionShape('moore', 7, 14, 40).linear).toBeNull();
  });
});
