/**
 * A run's tables as Parquet (`govsim run --format parquet|both`, and the browser's downloads):
 * series.parquet, the time series with `run` (0) and `seed` before the series' columns, so that it has
 * the shape of a batch's series.parquet and one query reads both; cases.parquet, the case-event log.
 * Pure: Node writes them to files, the browser to a download, with the same bytes.
 */
import type { EventTable } from '../../sim/core/model';
import { type ByteSink, collectBytes, type ParquetColumn, ParquetTableWriter } from './parquet';
import { readSeriesCsv } from './series-read';

/** Write a time series (columns by name, `rows` long) of the run with seed `seed`. */
export function writeSeriesParquet(sink: ByteSink, names: readonly string[], rows: number, columns: ReadonlyMap<string, ArrayLike<number>>, seed: number): void {
  const table: ParquetColumn[] = [{ name: 'run', type: 'INT32' }, { name: 'seed', type: 'INT64' }, ...names.map((name) => ({ name, type: 'DOUBLE' as const, statistics: false }))];
  const w = new ParquetTableWriter(table, sink);
  w.addColumns(rows, columns, new Map<string, unknown>([['run', 0], ['seed', seed]]));
  w.finish();
}

/** series.parquet from timeseries.csv's text (the browser has the text). */
export function seriesParquetFromCsv(csv: string, seed: number): Uint8Array {
  const s = readSeriesCsv(csv);
  return collectBytes((sink) => writeSeriesParquet(sink, s.names, s.rows, s.columns, seed));
}

/** Write an event table (the case log): a column is DOUBLE when its first value is a number, else STRING. */
export function writeEventParquet(sink: ByteSink, t: EventTable): void {
  const table: ParquetColumn[] = t.columns.map((name, c) => ({ name, type: t.rows && typeof t.value(0, c) === 'number' ? 'DOUBLE' : 'STRING' }));
  const w = new ParquetTableWriter(table, sink);
  const row: unknown[] = new Array(t.columns.length);
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < row.length; c++) row[c] = t.value(r, c);
    w.addRow(row);
  }
  w.finish();
}
