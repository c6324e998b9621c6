/**
 * A run's outputs written straight to a folder (Node only): the same files and bytes as runScenario's
 * (src/output/run.ts), but the CSVs go to disk a chunk at a time and are hashed as they go, so a run of
 * ten million steps never holds its time series as text. Every file is atomic (a temporary file beside
 * it, then a rename), and manifest.json comes last, so its presence marks a complete run.
 */
import { join } from 'node:path';
import type { Model } from '../../sim/core/model';
import { writeChunksAtomic, writeFileAtomic } from '../io/files';
import type { Scenario } from '../scenario/schema';
import { eventTableCsvChunks, seriesCsvChunks } from './csv';
import { sha256Hex } from './hash';
import { caseLogOf, type Manifest, manifestFor, manifestText, runAbout, summaryText } from './run';

/**
 * Write the outputs of `model` (as it stands) into `dir`; returns the manifest. `command` is recorded in
 * the manifest (see Manifest.command).
 */
export async function writeRunOutputs(
  dir: string,
  model: Model,
  scenario: Scenario,
  seed: number,
  cases = false,
  command?: readonly string[],
): Promise<Manifest> {
  const hashes: Record<string, string> = {};
  hashes['timeseries.csv'] = writeChunksAtomic(join(dir, 'timeseries.csv'), seriesCsvChunks(model.series()));
  const summary = summaryText(model, scenario, seed);
  writeFileAtomic(join(dir, 'summary.json'), summary);
  hashes['summary.json'] = await sha256Hex(summary);
  if (cases) hashes['cases.csv'] = writeChunksAtomic(join(dir, 'cases.csv'), eventTableCsvChunks(caseLogOf(model, scenario)));
  const manifest = await manifestFor(hashes, await runAbout(model, scenario, seed, command));
  writeFileAtomic(join(dir, 'manifest.json'), manifestText(manifest));
  return manifest;
}
