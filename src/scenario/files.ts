/** Finding and reading scenario files and presets from disk (Node only; the browser bundles them). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError, parseScenarioText } from './parse';
import { MAX_JSON_BYTES, readJsonText, tooLarge } from './json-text';
import { applyOverrides } from './overrides';
import type { Scenario } from './schema';
import { nearest } from './nearest';

export const PRESET_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Names of the presets in scenarios/ (file names without .json), sorted. */
export function listPresets(): string[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Path of a scenario given as a file path or a preset name. */
export function resolveScenarioPath(ref: string): string {
  if (existsSync(ref)) return resolve(ref);
  const preset = resolve(PRESET_DIR, `${ref.replace(/\.json$/, '')}.json`);
  if (!ref.includes('/') && existsSync(preset)) return preset;
  const presets = listPresets();
  const hint = nearest(basename(ref).replace(/\.json$/, ''), presets);
  throw new ScenarioError(ref, [
    `no such file, and no preset of that name${hint ? `; did you mean ${hint}?` : ''} (presets: ${presets.join(', ')})`,
  ]);
}

/**
 * Read raw JSON of a scenario reference. A folder, an unreadable file or one over the size limit is
 * refused by name before it is read; the JSON itself goes through readJsonText's limits.
 */
export function readScenarioRaw(ref: string): { path: string; raw: unknown } {
  const path = resolveScenarioPath(ref);
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ScenarioError(path, ['is a folder, not a scenario file; give a .json file (or a preset name)']);
    if (st.size > MAX_JSON_BYTES) throw new ScenarioError(path, [tooLarge(st.size)]);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError(path, [`cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  return { path, raw: readJsonText(text, path) };
}

/** Read, apply `--set` overrides and parse a scenario reference. */
export function loadScenario(ref: string, sets: readonly string[] = []): Scenario {
  const { path, raw } = readScenarioRaw(ref);
  const withSets = sets.length ? applyOverrides(raw, sets) : raw;
  return parseScenarioText(JSON.stringify(withSets), sets.length ? `${path} with --set ${sets.join(' ')}` : path);
}
