/** Shared fixtures for the Epstein model tests. */
import type { EpsteinParams, Neighbourhood } from '../../../sim/epstein/params';

/** The scenario defaults (src/scenario/epstein.ts) with the options spelled out. */
export const DEFAULTS: EpsteinParams = {
  width: 40,
  height: 40,
  citizenDensity: 0.7,
  copDensity: 0.074,
  citizenVision: 7,
  copVision: 7,
  legitimacy: 0.8,
  maxJailTerm: 1000,
  threshold: 0.1,
  arrestConstant: 2.3,
  movement: true,
  ratioRule: 'floor',
  neighbourhood: 'von-neumann',
  jailTermInclusive: false,
  jailedCellEmpty: true,
  order: 'move-then-act',
  population: 'fixed',
  mixedOrder: true,
  legitimacySchedule: [],
  copSchedule: [],
};

/** Epstein 2002 run 2 as in scenarios/epstein-2002-run2.json: punctuated equilibrium under floor. */
export const RUN2: EpsteinParams = { ...DEFAULTS, copDensity: 0.04, legitimacy: 0.82, maxJailTerm: 15 };

export function params(overrides: Partial<EpsteinParams> = {}): EpsteinParams {
  return { ...DEFAULTS, ...overrides };
}

/** A small deterministic generator for test positions and lattices (not the model's): an integer in [0, n). */
export function lcg(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return Math.floor((x / 4294967296) * n);
  };
}

/** Whether offset (dx, dy) lies in a neighbourhood of radius r: written apart from the model's shapes. */
export function inShape(kind: Neighbourhood, r: number, dx: number, dy: number): boolean {
  if (kind === 'von-neumann') return Math.abs(dx) + Math.abs(dy) <= r;
  if (kind === 'moore') return Math.max(Math.abs(dx), Math.abs(dy)) <= r;
  return dx * dx + dy * dy <= r * r;
}

/**
 * For every cell, how many cells holding `code` an agent there would see: a brute-force recount from
 * the frame, written independently of the model's shapes (distinct wrapped cells, centre excluded).
 */
export function recount(cells: Uint8Array, width: number, height: number, kind: Neighbourhood, r: number, code: number): Uint16Array {
  const offsets = new Set<number>();
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if (!inShape(kind, r, dx, dy)) continue;
      const ox = ((dx % width) + width) % width;
      const oy = ((dy % height) + height) % height;
      if (ox !== 0 || oy !== 0) offsets.add(oy * width + ox);
    }
  }
  const out = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let n = 0;
      for (const o of offsets) {
        const ox = o % width;
        const oy = (o - ox) / width;
        if (cells[((y + oy) % height) * width + ((x + ox) % width)] === code) n++;
      }
      out[y * width + x] = n;
    }
  }
  return out;
}
