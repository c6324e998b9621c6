/** Small towns for unit tests: parsed params (all defaults filled) with overrides. */
import { governanceParams } from '../../../src/scenario/governance';
import type { GovernanceParams } from '../../../sim/governance/params';
import { createWorld, type World } from '../../../sim/governance/world';
import { GovernanceModel } from '../../../sim/governance/model';

type Deep<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : Deep<T[K]>) : T[K] };

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const k of Object.keys(b)) {
    const v = b[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? merge((a[k] as Record<string, unknown>) ?? {}, v as Record<string, unknown>) : v;
  }
  return out;
}

export const SMALL = { population: { residents: 5000, villagesPerTown: 4, gridsPerVillage: 5 } };

export function params(over: Deep<GovernanceParams> = {}): GovernanceParams {
  return governanceParams.parse(merge(SMALL, over as Record<string, unknown>)) as GovernanceParams;
}

/** A model of a small town (its world is `model.w`). */
export function smallModel(over: Deep<GovernanceParams> = {}, seed = 1): GovernanceModel {
  return new GovernanceModel(params(over), seed);
}

/** A world initialised like the model's (slots, members, candidates), for driving submodels directly. */
export function smallWorld(over: Deep<GovernanceParams> = {}, seed = 1): World {
  return smallModel(over, seed).w;
}

export { createWorld };
