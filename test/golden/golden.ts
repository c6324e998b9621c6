/**
 * The golden output hashes: for every preset in scenarios/, the output hash `govsim run <preset> --seed S`
 * prints (and writes in manifest.json), at seeds 1 and 2 and the preset's full length; the province
 * (65 million residents) only for a few steps, to keep the check affordable. The table (hashes.json)
 * is committed, so any change of model output shows up as a reviewed edit of it: `npm run golden`
 * rewrites it, and the commit says why the numbers moved.
 */
import { readFileSync } from 'node:fs';

import { fileURLToPath } from 'node:url';
import { runScenario } from '../../src/output/run';
import { listPresets, loadScenario } from '../../src/scenario/files';

export const GOLDEN_FILE = fileURLToPath(new URL('./hashes.json', import.meta.url));
export const GOLDEN_SEEDS = [1, 2] as const;
/** Presets too large for a full-length check in a test: run only this many steps. */
export const SHORT_RUNS: Record<string, number> = { 'zhejiang-province': 5 };

export interface GoldenEntry {
  preset: string;
  seed: number;
  /** Steps run (the preset's own length unless it is in SHORT_RUNS). */
  steps: number;
  outputHash: string;
}

export interface GoldenTable {
  comment: string;
  entries: GoldenEntry[];
}

export const COMMENT =
  'Output hashes of every preset (govsim run <preset> --seed S --steps N). Regenerate with `npm run golden` ' +
  'after a deliberate change of model output, and say in the commit why the numbers moved.';

/** The entries the table must hold: every preset at every golden seed. */
export function plannedEntries(): Omit<GoldenEntry, 'outputHash'>[] {
  const out: Omit<GoldenEntry, 'outputHash'>[] = [];
  for (const preset of listPresets()) {
    const scenario = loadScenario(preset);
    const steps = SHORT_RUNS[preset] ?? scenario.steps!;
    for (const seed of GOLDEN_SEEDS) out.push({ preset, seed, steps });
  }
  return out;
}

/** The output hash of one entry, computed now in this engine. */
export async function computeHash(e: Omit<GoldenEntry, 'outputHash'>): Promise<string> {
  const outputs = await runScenario(loadScenario(e.preset), { seed: e.seed, steps: e.steps });
  return outputs.manifest.outputHash;
}

export function readGolden(path = GOLDEN_FILE): GoldenTable {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldenTable;
}

/** The committed hash of (preset, seed, steps), or a thrown error naming the missing row. */
export function goldenHash(table: GoldenTable, preset: string, seed: number, steps: number): string {
  const e = table.entries.find((x) => x.preset === preset && x.seed === seed && x.steps === steps);
  if (!e) throw new Error(`test/golden/hashes.json has no row for ${preset} seed ${seed} steps ${steps}; run npm run golden`);
  return e.outputHash;
}

