/**
 * A run's outputs written straight to a folder (Node only): the same files and bytes as runScenario's
 * (src/output/run.ts), but the CSVs go to disk a chunk at a time and are hashed as they go, so a run of
 * ten million steps never holds its time series as text. Every file is atomic (a temporary file beside
 * it, then a rename), and manifest.json comes last, so its presence marks a complete run.
 */
import { join } from 'node:path';
import type { Model } from '../../sim/core/model';
import { writeChunksAtomic, writeFileAtomic, writeStreamAtomic } from '../io/files';
import type { Scenario } from '../scenario/schema';
import { eventTableCsvChunks, seriesCsvChunks } from './csv';
import { type OutputFormat, wantsCsv, wantsParquet } from './format';
import { sha256Hex } from './hash';
import { writeEventParquet, writeSeriesParquet } from './run-parquet';
import { caseLogOf, type Manifest, manifestFor, manifestText, runAbout, summaryText } from './run';

/**
 * Write the outputs of `model` (as it stands) into `dir`; returns the manifest. `format` (--format):
 * the tables as CSV (timeseries.csv, cases.csv), as Parquet (series.parquet, cases.parquet, listed
 * after the CSVs in the manifest) or both; the default, CSV, gives the bytes the golden hashes pin.
 * `command` is recorded in the manifest (see Manifest.command).
 */
export async function writeRunOutputs(
  dir: string,
  model: Model,
  scenario: Scenario,
  seed: number,
  cases = false,
  command?: readonly string[],
  format: OutputFormat = 'csv',
): Promise<Manifest> {
  const hashes: Record<string, string> = {};
  const csv = wantsCsv(format);
  if (csv) hashes['timeseries.csv'] = writeChunksAtomic(join(dir, 'timeseries.csv'), seriesCsvChunks(model.series()));
  const summary = summaryText(model, scenario, seed);
  writeFileAtomic(join(dir, 'summary.json'), summary);
  hashes['summary.json'] = await sha256Hex(summary);
  if (cases && csv) hashes['cases.csv'] = writeChunksAtomic(join(dir, 'cases.csv'), eventTableCsvChunks(caseLogOf(model, scenario)));
  if (wantsParquet(format)) {
    const rec = model.series();
    const columns = new Map(rec.names.map((n) => [n, rec.column(n)]));
    hashes['series.parquet'] = writeStreamAtomic(join(dir, 'series.parquet'), (write) => writeSeriesParquet({ write }, rec.names, rec.rows, columns, seed));
    if (cases) hashes['cases.parquet'] = writeStreamAtomic(join(dir, 'cases.parquet'), (write) => writeEventParquet({ write }, caseLogOf(model, scenario)));
  }
  const manifest = await manifestFor(hashes, await runAbout(model, scenario, seed, command));
  writeFileAtomic(join(dir, 'manifest.json'), manifestText(manifest));
  return manifest;
}
