/** Small towns for unit tests: parsed params (all defaults filled) with overrides. */
import { governanceParams } from '../../../src/scenario/governance';
import type { GovernanceParams } from '../../../sim/governance/params';
import { createWorld, type World } from '../../../sim/governance/world';
import { GovernanceModel } from '../../../sim/governance/model';
import { poolUnstaffed, setSlots } from '../../../sim/governance/resolvers';
import type { Stream } from '../../../sim/core/random';

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

/**
 * A stream that returns the given draws in order (then `after`), counting them: a test decides every
 * random outcome of the step it drives (e.g. `w.streams.choice = scripted([0.3])`).
 */
export function scripted(draws: number[], after = 0.5): Stream & { drawn: number } {
  const queue = [...draws];
  const s = {
    drawn: 0,
    next: () => {
      s.drawn++;
      return queue.length > 0 ? (queue.shift() as number) : after;
    },
    exponential: (rate: number) => -Math.log(1 - s.next()) / rate,
    int: (n: number) => Math.floor(s.next() * n),
    chance: (p: number) => s.next() < p,
    // As Stream.geometricSkip: no draw where p is 0 or 1.
    geometricSkip: (p: number) => (p >= 1 ? 0 : p <= 0 ? Number.POSITIVE_INFINITY : Math.floor(Math.log(1 - s.next()) / Math.log(1 - p))),
  };
  return s as unknown as Stream & { drawn: number };
}

/** Give every instance of channel `kind` `slots` slots (0: unstaffed) and re-pool the unstaffed ones. */
export function staff(w: World, kind: number, slots: number): void {
  const r = w.resolvers;
  for (let inst = r.base[kind]; inst < r.base[kind + 1]; inst++) setSlots(w, inst, slots);
  poolUnstaffed(w, kind);
}

/** A quiet small world for driving one mechanism: no burn-in, no spread of legitimacy, with a case log. */
export function quietWorld(over: Deep<GovernanceParams> = {}, seed = 1): World {
  return smallWorld(merge({ collectiveAction: { burnInDays: 0 }, legitimacy: { spreadProbability: 0 }, output: { caseLog: true } }, over as Record<string, unknown>) as Deep<GovernanceParams>, seed);
}

/** Empty the collective-action candidate set (every village's lists, the count and the flags). */
export function clearCandidates(w: World): void {
  w.citizens.candidate.fill(0);
  for (let v = 0; v < w.hierarchy.villages; v++) {
    w.candidatesByVillage[v].length = 0;
    w.critByVillage[v].length = 0;
    w.dirtyByVillage[v].length = 0;
  }
  w.candidateCount = 0;
}
