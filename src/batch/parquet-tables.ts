/**
 * A batch's tables as Parquet (`--format parquet|both`), written at the end of a plan beside (or
 * instead of) runs.csv:
 *
 *   runs.parquet    runs.csv's columns and rows, typed (src/output/parquet.ts)
 *   series.parquet  with --series: every run's time series in run-id order, one row per run and step,
 *                   with run, [scenario,] seed and the varied parameters as columns before the series'
 *
 * series.parquet is gathered from the run files (DIR/series/<id>.csv), one run at a time, into row
 * groups that go to disk as they fill: a sweep of 10,000 runs never holds more than a row group. Built
 * from the run files in id order, it has the same bytes however the batch was run (workers, resumed,
 * sharded and merged). Each returns the SHA-256 of the file, for the manifest.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { writeStreamAtomic } from '../io/files';
import { columnType, type ParquetColumn, ParquetTableWriter, type ParquetType } from '../output/parquet';
import { readSeriesCsv, seriesCsvNames } from '../output/series-read';
import { runsTable } from './aggregate';
import type { Plan } from './design';
import type { RunRecord } from './record';
import type { RunStore } from './store';

/** Columns whose type is known whatever their values. */
const FIXED: Record<string, ParquetType> = { run: 'INT32', seed: 'INT64', scenario: 'STRING', outputHash: 'STRING', error: 'STRING' };

export function writeRunsParquet(path: string, plan: Plan, records: readonly RunRecord[]): string {
  const { columns, rows } = runsTable(plan, records);
  const typed = columns.map((name): ParquetColumn => ({ name, type: FIXED[name] ?? columnType(rows.map((r) => r[name])) }));
  return writeStreamAtomic(path, (write) => {
    const w = new ParquetTableWriter(typed, { write });
    for (const row of rows) w.addRow(columns.map((c) => row[c]));
    w.finish();
  });
}

/** The identifying columns of series.parquet, before the series' own. */
function runColumns(plan: Plan): ParquetColumn[] {
  return [
    { name: 'run', type: 'INT32' },
    ...(plan.kind === 'compare' ? [{ name: 'scenario', type: 'STRING' as const }] : []),
    { name: 'seed', type: 'INT64' },
    ...plan.varied.map((path) => ({ name: path, type: columnType(plan.points.map((p) => p.values[path])) })),
  ];
}

export function writeSeriesParquet(path: string, plan: Plan, records: readonly RunRecord[], store: RunStore): string {
  const ok = records.filter((r) => r.status === 'ok');
  const ids = runColumns(plan);
  // The series' columns: every name any run has, in order of first appearance (models of a comparison
  // may record different series; a run without a column has nulls there).
  const seen = new Set(ids.map((c) => c.name));
  const seriesColumns: ParquetColumn[] = [];
  for (const r of ok) {
    for (const name of seriesCsvNames(head(store.seriesPath(r.run)))) {
      if (seen.has(name)) {
        if (ids.some((c) => c.name === name)) throw new Error(`series.parquet: a time series column is named ${JSON.stringify(name)}, as a run column is`);
        continue;
      }
      seen.add(name);
      seriesColumns.push({ name, type: 'DOUBLE', statistics: false });
    }
  }
  return writeStreamAtomic(path, (write) => {
    const w = new ParquetTableWriter([...ids, ...seriesColumns], { write });
    for (const r of ok) {
      const series = readSeriesCsv(readFileSync(store.seriesPath(r.run), 'utf8'));
      const constants = new Map<string, unknown>([['run', r.run], ['scenario', r.scenario], ['seed', r.seed], ...Object.entries(r.params)]);
      w.addColumns(series.rows, series.columns, constants);
    }
    w.finish();
  });
}

/** The start of a file, enough to hold a series CSV's header (its column names), without reading the rest. */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}
