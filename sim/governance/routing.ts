/**
 * Routing a case to a channel: the fit of dispute types to channels, whether a channel is staffed for
 * a grid, sending a case into a resolver's queue with its path flags, and the encounter a case's
 * claimant (or every member of a collective dispute) has with a channel. Shared by handling.ts and
 * petitions.ts (reformed petitions refer cases on), so it sits beneath both.
 */
import type { World } from './world';
import { CH_COURT, CH_VILLAGE, CHANNEL_LEVEL, CHANNELS, FLAG_COUNTY, FLAG_COURT, FLAG_TAKEN_VILLAGE } from './codes';
import { markFirst, markPath } from './cases';
import { gridOf } from './hierarchy';
import { encounter } from './legitimacy';
import { enqueue, instanceFor } from './resolvers';

/**
 * Fit of a dispute type (rows: TYPE_*) to a channel (columns: CH_*): how well the channel can settle
 * it. Structural assumption from the seed's division of labour: people's mediation for civil and
 * neighbourhood disputes, administrative mediation and review for land, labour, environment and
 * administrative acts, courts for contracts.
 */
export const FIT: readonly (readonly number[])[] = [
  // negotiate grid village ngo  town police court petTown petCounty
  [1.0, 1.0, 1.0, 1.0, 0.6, 0.6, 0.6, 0.4, 0.4], // neighbour and family
  [0.5, 0.6, 1.0, 0.7, 1.0, 0.3, 0.9, 0.8, 0.8], // land and housing
  [0.6, 0.6, 0.95, 0.7, 1.0, 0.4, 0.9, 0.7, 0.7], // labour and wages
  [0.8, 0.7, 1.0, 0.8, 0.8, 0.3, 1.0, 0.4, 0.4], // contracts and consumers
  [0.3, 0.5, 0.9, 0.6, 1.0, 0.3, 0.8, 0.9, 0.9], // environment
  [0.2, 0.3, 0.5, 0.4, 1.0, 0.3, 0.9, 1.0, 1.0], // administrative
];

/** Whether channel `kind` has a staffed slot serving grid g (itself or a pooled neighbour). */
export function available(w: World, kind: number, g: number): boolean {
  return w.resolvers.slots[instanceFor(w, kind, g)] > 0;
}

/** Route a case into a resolver channel, keeping its path flags. */
export function sendTo(w: World, row: number, kind: number): void {
  const k = w.cases.cols;
  const g = gridOf(w.hierarchy, k.citizen[row]);
  const inst = instanceFor(w, kind, g);
  if (kind === CH_COURT && !(k.flags[row] & FLAG_COURT)) {
    markPath(w, row, FLAG_COURT);
    w.totals.courtFilings++;
  }
  if (CHANNEL_LEVEL[kind] === 3) markPath(w, row, FLAG_COUNTY);
  if (kind === CH_VILLAGE) {
    k.flags[row] |= FLAG_TAKEN_VILLAGE;
    w.totals.villageTaken++;
  }
  markFirst(w, row, kind);
  enqueue(w, row, inst);
}

/** Weight of one outcome in a grid's experience with a channel: about the last 20 outcomes count. */
const EXPERIENCE_RATE = 0.05;

/**
 * The claimant's grid learns from an outcome in channel `kind` (world.experience: its neighbours'
 * experience, which weighs in later choices there, handling.ts).
 */
export function learn(w: World, row: number, kind: number, ok: boolean): void {
  const g = gridOf(w.hierarchy, w.cases.cols.citizen[row]);
  const at = g * CHANNELS + kind;
  w.experience[at] += EXPERIENCE_RATE * ((ok ? 1 : 0) - w.experience[at]);
}

/** An encounter for the claimant, or for every member of a collective dispute. */
export function encounterCase(w: World, row: number, f: number): void {
  const k = w.cases.cols;
  const a = k.citizen[row];
  const n = k.size[row];
  for (let i = a; i < a + n; i++) encounter(w, i, f);
}
