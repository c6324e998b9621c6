import { describe, expect, it } from 'vitest';
import { CopGrid, popcount } from '../../../sim/epstein/cop-grid';
import { visionShape } from '../../../sim/epstein/neighbourhood';
import type { Neighbourhood } from '../../../sim/epstein/params';
import { lcg } from './helpers';

describe('popcount', () => {
  it('counts the set bits of 32-bit integers', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(-1)).toBe(32);
    expect(popcount(0x80000000 | 0)).toBe(1);
    const rand = lcg(3);
    for (let t = 0; t < 200; t++) {
      const v = rand(4294967296) | 0;
      let n = 0;
      for (let b = 0; b < 32; b++) n += (v >>> b) & 1;
      expect(popcount(v)).toBe(n);
    }
  });
});

describe('cop grid', () => {
  // Lattices wide and narrow (shapes that wrap onto themselves), radii inside and beyond one 32-bit window.
  const CASES: [Neighbourhood, number, number, number][] = [
    ['von-neumann', 7, 60, 45],
    ['moore', 7, 60, 45],
    ['euclidean', 7, 33, 70],
    ['von-neumann', 15, 64, 40],
    ['moore', 20, 90, 50],
    ['von-neumann', 5, 9, 6],
    ['euclidean', 4, 7, 30],
    ['moore', 3, 5, 5],
  ];
  for (const [kind, radius, width, height] of CASES) {
    it(`counts exactly the cops in vision of every cell: ${kind} radius ${radius} on ${width} x ${height}`, () => {
      const shape = visionShape(kind, radius, width, height);
      const grid = new CopGrid(shape, width, height);
      const rand = lcg(radius * 1000 + width);
      const cop = new Uint8Array(width * height);
      for (let c = 0; c < cop.length; c++) {
        if (rand(5) === 0) {
          cop[c] = 1;
          grid.set(c);
        }
      }
      // Clear some again, so that clear() is exercised too.
      for (let c = 0; c < cop.length; c += 7) {
        if (cop[c] === 1) {
          cop[c] = 0;
          grid.clear(c);
        }
      }
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let expected = 0;
          for (let i = 0; i < shape.size; i++) {
            expected += cop[((y + shape.dy[i]) % height) * width + ((x + shape.dx[i]) % width)];
          }
          expect(grid.count(y * width + x)).toBe(expected);
          expect(grid.has(y * width + x)).toBe(cop[y * width + x] === 1);
        }
      }
    });
  }
});
