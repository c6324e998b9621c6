/**
 * Parameters of the classic Epstein (2002) civil-violence model. The scenario schema
 * (src/scenario/epstein.ts) validates files into this shape and documents each field.
 */
import type { RatioRule } from '../core/activation';

export type Neighbourhood = 'von-neumann' | 'moore' | 'euclidean';
export type ActOrder = 'act-then-move' | 'move-then-act';
export type PopulationRule = 'per-cell' | 'fixed';

/**
 * A change of a parameter over time: at step `at` the value starts moving to `to`; with `over` = 0
 * it jumps there at once (a sudden drop), with `over` = n > 0 it moves linearly, reaching `to` at
 * step `at + n`.
 */
export interface ScheduledChange {
  at: number;
  to: number;
  over: number;
}

export interface EpsteinParams {
  width: number;
  height: number;
  citizenDensity: number;
  copDensity: number;
  citizenVision: number;
  copVision: number;
  legitimacy: number;
  /** Jail terms are drawn from 0..maxJailTerm (inclusive or not, see jailTermInclusive); null = unbounded. */
  maxJailTerm: number | null;
  threshold: number;
  arrestConstant: number;
  movement: boolean;
  ratioRule: RatioRule;
  neighbourhood: Neighbourhood;
  jailTermInclusive: boolean;
  jailedCellEmpty: boolean;
  order: ActOrder;
  population: PopulationRule;
  /** When true (Mesa), one shuffled order over citizens and cops each step; else citizens then cops. */
  mixedOrder: boolean;
  legitimacySchedule: ScheduledChange[];
  copSchedule: ScheduledChange[];
}
