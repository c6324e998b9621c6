/**
 * The generated lever-effect table (docs/levers.json, from `npm run levers`), imported at build time by
 * Vite as its own chunk: it is ~470 kB of JSON, so it loads after the page and only once. It was measured
 * on a governance preset, so other models' levers get no entry.
 */
import type { LeverEffectsTable } from './lever-effects';

/** The model the table was measured on. */
export const TABLE_MODEL = 'governance';

let table: Promise<LeverEffectsTable | undefined> | undefined;

/** The table, or undefined when it could not be loaded (the help then says the effect was not measured). */
export function loadLeverEffects(): Promise<LeverEffectsTable | undefined> {
  table ??= import('../docs/levers.json').then(
    (m) => m.default as unknown as LeverEffectsTable,
    () => undefined,
  );
  return table;
}
