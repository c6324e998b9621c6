/**
 * The governance model's public entry, for the registry, views and tools: the model and its factory,
 * the typed frame it draws from, and the codes with their name and label tables (codes.ts), so a view
 * reads channel, status, type and flag numbers from here instead of copying them.
 */
export { GovernanceModel, governanceFactory } from './model';
export { isGovernanceFrame } from './frame';
export type { GovernanceFrame, GovernanceFrameArrays, GovernanceFrameMeta } from './frame';
export type { GovernanceParams } from './params';
export * from './codes';
