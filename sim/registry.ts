/**
 * The models the engine knows, by the name scenarios use in their `model` field.
 */
import type { Estimate } from './core/estimate';
import type { Model, ModelFactory } from './core/model';
import { epsteinFactory } from './epstein/model';
import { governanceFactory } from './governance/index';
import { createCountyHandler } from './governance/counties';
import type { ShardHandler, ShardHosting, ShardInit } from './core/shards';
import { estimateEpstein } from './epstein/estimate';
import { estimateGovernance } from './governance/estimate';

// Each factory is typed by its own params; the scenario layer guarantees the params match the name.
const FACTORIES: Record<string, ModelFactory<never>> = {
  epstein: epsteinFactory,
  governance: governanceFactory,
};

/** A model of `name`; `hosting` lets one that runs in shards spread them over threads (sim/core/shards.ts). */
export function createModel(name: string, params: unknown, seed: number, hosting?: ShardHosting): Model {
  const f = FACTORIES[name];
  if (!f) throw new Error(`unknown model ${JSON.stringify(name)}`);
  return (f as ModelFactory<unknown>).create(params, seed, hosting);
}

// The shard groups of the models that run in shards, built where a host puts them (another thread).
const SHARDS: Record<string, (init: ShardInit) => ShardHandler> = {
  governance: createCountyHandler,
};

/** The group of shards `init` names, for a host thread (src/worker/shard-threads.ts). */
export function createShardHandler(init: ShardInit): ShardHandler {
  const f = SHARDS[init.model];
  if (!f) throw new Error(`model ${JSON.stringify(init.model)} does not run in shards`);
  return f(init);
}

// Each model's estimate (sim/core/estimate.ts), by the same names; typed by its params like the factories.
const ESTIMATES: Record<string, (params: never, steps: number) => Estimate> = {
  epstein: estimateEpstein,
  governance: estimateGovernance,
};

/** What a run of `steps` steps of model `name` with `params` will need, before anything is allocated. */
export function estimateModel(name: string, params: unknown, steps: number): Estimate {
  const e = ESTIMATES[name];
  if (!e) throw new Error(`unknown model ${JSON.stringify(name)}`);
  return (e as (params: unknown, steps: number) => Estimate)(params, steps);
}
