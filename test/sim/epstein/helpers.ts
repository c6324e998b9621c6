/** Shared fixtures for the Epstein model tests. */
import type { EpsteinParams } from '../../../sim/epstein/params';

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
