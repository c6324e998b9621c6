/**
 * The governance model's public entry, for the registry, views and tools: the model (one world, or a
 * province of county worlds) and its factory,
 * the typed frame it draws from, and the codes with their name and label tables (codes.ts), so a view
 * reads channel, status, type and flag numbers from here instead of copying them.
 */
import type { ModelFactory } from '../core/model';
import type { ShardHosting } from '../core/shards';
import { GovernanceModel } from './model';
import type { GovernanceParams } from './params';
import { ProvinceModel } from './province';

export { GovernanceModel } from './model';
export { ProvinceModel } from './province';

export const governanceFactory: ModelFactory<GovernanceParams> = {
  name: 'governance',
  create(params, seed, hosting?: ShardHosting) {
    // Several counties: a province of county worlds (province.ts), in shards that threads may share.
    return params.population.counties > 1 ? new ProvinceModel(params, seed, hosting) : new GovernanceModel(params, seed);
  },
};
export { isGovernanceFrame } from './frame';
export type { GovernanceFrame, GovernanceFrameArrays, GovernanceFrameMeta } from './frame';
export type { GovernanceParams } from './params';
export * from './codes';
