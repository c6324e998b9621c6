import { describe, expect, it } from 'vitest';
import { MoveStamps, stamp } from '../../../sim/epstein/lattice';
import { EpsteinModel } from '../../../sim/epstein/model';
import { visionShape } from '../../../sim/epstein/neighbourhood';
import type { EpsteinParams, Neighbourhood } from '../../../sim/epstein/params';
import { lcg, params } from './helpers';

const KINDS: Neighbourhood[] = ['von-neumann', 'moore', 'euclidean'];

describe('moving stamps', () => {
  for (const kind of KINDS) {
    it(`equal a stamp off the old cell plus a stamp on the new one, every displacement: ${kind}`, () => {
      const width = 37;
      const height = 31;
      const radius = 5;
      const reach = 7;
      const shape = visionShape(kind, radius, width, height);
      const moves = new MoveStamps(shape, width, height, reach);
      const rand = lcg(11);
      let applied = 0;
      let declined = 0;
      for (let dy = -reach - 1; dy <= reach + 1; dy++) {
        for (let dx = -reach - 1; dx <= reach + 1; dx++) {
          for (let trial = 0; trial < 4; trial++) {
            // Random base counts high enough that a wrong -1 cannot hide behind a wrap to 255.
            const expected = new Uint8Array(width * height);
            for (let c = 0; c < expected.length; c++) expected[c] = 50 + rand(50);
            const got = expected.slice();
            const x0 = rand(width);
            const y0 = rand(height);
            const x1 = (((x0 + dx) % width) + width) % width;
            const y1 = (((y0 + dy) % height) + height) % height;
            const from = y0 * width + x0;
            const to = y1 * width + x1;
            stamp(expected, shape, width, height, from, -1);
            stamp(expected, shape, width, height, to, 1);
            const before = got.slice();
            if (moves.apply(got, from, to, 1)) {
              applied++;
              // Buffer.compare: toEqual over ~1,000 trials of 1,147 cells took seconds.
              if (Buffer.compare(got, expected) !== 0) expect(Array.from(got)).toEqual(Array.from(expected));
              // Applied only away from the edges and within reach.
              expect(Math.abs(dx) <= reach && Math.abs(dy) <= reach).toBe(true);
            } else {
              declined++;
              expect(Buffer.compare(got, before)).toBe(0);
            }
          }
        }
      }
      expect(applied).toBeGreaterThan(300);
      expect(declined).toBeGreaterThan(100);
    });
  }

  it('decline on a torus the shape wraps onto itself', () => {
    const shape = visionShape('moore', 7, 14, 40);
    const moves = new MoveStamps(shape, 14, 40, 7);
    const counts = new Uint8Array(14 * 40).fill(9);
    expect(moves.apply(counts, 20 * 14 + 7, 21 * 14 + 8, 1)).toBe(false);
    expect(counts.every((v) => v === 9)).toBe(true);
  });
});

/** Brute-force count, for every cell, of cells holding `code` in vision (distinct wrapped cells, centre excluded). */
function recount(cells: Uint8Array, width: number, height: number, kind: Neighbourhood, r: number, code: number) {
  const out = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const seen = new Set<number>();
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const inside =
            kind === 'von-neumann'
              ? Math.abs(dx) + Math.abs(dy) <= r
              : kind === 'moore'
                ? true
                : dx * dx + dy * dy <= r * r;
          if (!inside) continue;
          const c = ((((y + dy) % height) + height) % height) * width + ((((x + dx) % width) + width) % width);
          if (c !== y * width + x) seen.add(c);
        }
      }
      let n = 0;
      for (const c of seen) if (cells[c] === code) n++;
      out[y * width + x] = n;
    }
  }
  return out;
}

describe('incremental counts on a lattice where most moves take the moving stamps', () => {
  const CASES: [string, Partial<EpsteinParams>][] = [
    ['von Neumann, cop vision 9 over citizen vision 5', { citizenVision: 5, copVision: 9 }],
    ['Moore, Mesa order', { neighbourhood: 'moore', order: 'act-then-move', jailedCellEmpty: false, citizenVision: 4 }],
  ];
  for (const [name, overrides] of CASES) {
    it(`equal a brute-force recount: ${name}`, () => {
      const p = params({ width: 64, height: 48, legitimacy: 0.6, copDensity: 0.05, maxJailTerm: 8, ...overrides });
      const m = new EpsteinModel(p, 5);
      for (let checkpoint = 0; checkpoint < 3; checkpoint++) {
        m.step(25);
        const cells = m.frame().arrays.cells as Uint8Array;
        const counts = m.visionCounts();
        expect(counts.copsSeen).toEqual(recount(cells, p.width, p.height, p.neighbourhood, p.citizenVision, 3));
        expect(counts.activesSeen).toEqual(recount(cells, p.width, p.height, p.neighbourhood, p.citizenVision, 2));
        expect(counts.activesSeenByCops).toEqual(recount(cells, p.width, p.height, p.neighbourhood, p.copVision, 2));
      }
      expect(m.summary().arrests as number).toBeGreaterThan(20);
    });
  }
});
