import { describe, expect, it } from 'vitest';
import { ActiveBlocks } from '../../../sim/epstein/active-blocks';
import { lcg } from './helpers';

describe('active blocks', () => {
  // Lattices that are and are not multiples of the block side, some smaller than the square.
  const CASES: [number, number, number][] = [
    [64, 48, 7],
    [61, 37, 7],
    [20, 13, 7],
    [9, 6, 5],
    [50, 50, 20],
  ];
  for (const [width, height, radius] of CASES) {
    it(`say "none" only where no active is within the radius: ${width} x ${height}, radius ${radius}`, () => {
      const blocks = new ActiveBlocks(width, height, radius);
      const rand = lcg(width * 100 + height);
      const active = new Set<number>();
      let saidNone = 0;
      for (let round = 0; round < 40; round++) {
        // Actives appear and leave.
        for (let t = 0; t < 3; t++) {
          const c = rand(width * height);
          if (active.has(c)) {
            active.delete(c);
            blocks.add(c, -1);
          } else {
            active.add(c);
            blocks.add(c, 1);
          }
        }
        for (let c = 0; c < width * height; c++) {
          if (blocks.any(c)) continue;
          saidNone++;
          const x = c % width;
          const y = (c - x) / width;
          for (const a of active) {
            const ax = a % width;
            const ay = (a - ax) / width;
            const dx = Math.min(Math.abs(ax - x), width - Math.abs(ax - x));
            const dy = Math.min(Math.abs(ay - y), height - Math.abs(ay - y));
            expect(dx > radius || dy > radius).toBe(true);
          }
        }
      }
      // All gone again: every block says none.
      for (const c of active) blocks.add(c, -1);
      for (let c = 0; c < width * height; c++) expect(blocks.any(c)).toBe(false);
      if (2 * radius + 1 < Math.min(width, height) / 2) expect(saidNone).toBeGreaterThan(0);
    });
  }
});
