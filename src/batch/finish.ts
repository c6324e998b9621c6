/**
 * The end of a plan, shared by executePlan (an unsharded batch, sweep, comparison or sensitivity
 * analysis) and merge (the shards of one): the aggregate files built from the plan and every run's
 * record (runs.csv and/or runs.parquet and series.parquet, as --format asks), written with the manifest last, then what the plan's kind adds (a sensitivity analysis's
 * indices). Which metrics a sensitivity analysis reports is read back from the recorded command line,
 * so the merged folder is the one the unsharded command writes.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFiles } from '../io/files';
import { formatFromCommand, wantsCsv, wantsParquet } from '../output/format';
import { finishSensitivity, metricsFromCommand, type Finished } from '../sensitivity/report';
import { aggregateFiles } from './aggregate';
import type { Plan } from './design';
import { writeRunsParquet, writeSeriesParquet } from './parquet-tables';
import type { RunRecord } from './record';
import { RunStore } from './store';

export interface PlanFiles {
  /** The aggregate files by name (runs.csv, summary.json, manifest.json, ...). */
  files: Record<string, string>;
  /** A sensitivity analysis's indices, files and printed summary. */
  sensitivity?: Finished;
}

/** Write a finished plan's aggregates into `out`; throws WriteError when a file cannot be written. */
export async function finishPlan(plan: Plan, records: readonly RunRecord[], out: string): Promise<PlanFiles> {
  // --format, read back from the recorded command as merge must: Parquet files first (the manifest hashes them), the manifest last.
  const format = formatFromCommand(plan.command);
  const written: Record<string, string> = {};
  if (wantsParquet(format)) {
    written['runs.parquet'] = writeRunsParquet(join(out, 'runs.parquet'), plan, records);
    if (plan.series) written['series.parquet'] = writeSeriesParquet(join(out, 'series.parquet'), plan, records, new RunStore(out));
  }
  const files = await aggregateFiles(plan, records, { csv: wantsCsv(format), written });
  // A folder resumed with another --format holds the other format's tables from before: they go, so
  // that the folder holds what its manifest lists.
  for (const name of ['runs.csv', 'runs.parquet', 'series.parquet']) {
    const path = join(out, name);
    if (!(name in files) && !(name in written) && existsSync(path)) rmSync(path);
  }
  writeFiles(out, files);
  if (plan.kind !== 'sensitivity') return { files };
  const sensitivity = finishSensitivity(plan, records, metricsFromCommand(plan.command));
  writeFiles(out, sensitivity.files);
  return { files, sensitivity };
}
