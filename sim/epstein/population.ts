/**
 * Initial placement of citizens and cops, and the citizens' fixed traits.
 *
 *   fixed     NetLogo Rebellion: round(density x cells) cops, then round(density x cells) citizens,
 *             each on a distinct random empty cell (`move-to one-of patches with [not any? turtles-here]`).
 *   per-cell  Mesa epstein_civil_violence: each cell in order draws u ~ U(0,1); u < copDensity holds a
 *             cop, else u < copDensity + citizenDensity a citizen. (Mesa's current code tests the
 *             citizen interval first; the distribution is the same.)
 * Citizens are numbered in placement order. Traits come from their own stream, so the same seed gives
 * the same hardships and risk aversions under either placement rule.
 */
import type { PopulationRule } from './params';

export interface Placement {
  citizenCells: Int32Array;
  copCells: Int32Array;
}

export function placePopulation(
  rule: PopulationRule,
  cells: number,
  citizenDensity: number,
  copDensity: number,
  rand: () => number,
): Placement {
  if (rule === 'per-cell') {
    const cit = new Int32Array(cells);
    const cop = new Int32Array(cells);
    let nc = 0;
    let nk = 0;
    for (let c = 0; c < cells; c++) {
      const u = rand();
      if (u < copDensity) cop[nk++] = c;
      else if (u < copDensity + citizenDensity) cit[nc++] = c;
    }
    return { citizenCells: cit.slice(0, nc), copCells: cop.slice(0, nk) };
  }
  const nCops = Math.min(cells, Math.round(copDensity * cells));
  // Rounding both counts up could overfill the lattice when the densities sum to 1.
  const nCitizens = Math.min(cells - nCops, Math.round(citizenDensity * cells));
  const pick = new Int32Array(cells);
  for (let c = 0; c < cells; c++) pick[c] = c;
  // Partial Fisher-Yates: the first nCops + nCitizens entries are a uniform sample without replacement.
  const n = nCops + nCitizens;
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (cells - i));
    const t = pick[i];
    pick[i] = pick[j];
    pick[j] = t;
  }
  return { copCells: pick.slice(0, nCops), citizenCells: pick.slice(nCops, n) };
}

/** Hardship H and risk aversion R, each U(0,1) and fixed for life (Epstein 2002), drawn H then R per citizen. */
export function drawTraits(n: number, rand: () => number): { hardship: Float64Array; riskAversion: Float64Array } {
  const hardship = new Float64Array(n);
  const riskAversion = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    hardship[i] = rand();
    riskAversion[i] = rand();
  }
  return { hardship, riskAversion };
}
