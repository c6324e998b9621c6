/**
 * The models the engine knows, by the name scenarios use in their `model` field.
 */
import type { Model, ModelFactory } from './core/model';
import { epsteinFactory } from './epstein/model';
import { governanceFactory } from './governance/index';

// Each factory is typed by its own params; the scenario layer guarantees the params match the name.
const FACTORIES: Record<string, ModelFactory<never>> = {
  epstein: epsteinFactory,
  governance: governanceFactory,
};

export function createModel(name: string, params: unknown, seed: number): Model {
  const f = FACTORIES[name];
  if (!f) throw new Error(`unknown model ${JSON.stringify(name)}`);
  return (f as ModelFactory<unknown>).create(params, seed);
}
