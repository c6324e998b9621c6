/**
 * CSV text of a metrics recorder: a header row, then one row per step. Numbers use JavaScript's
 * shortest round-trip form, which is the same in every V8, so the bytes match across runtimes.
 *
 * Each table comes as a whole string (seriesCsv, eventTableCsv: the browser's downloads, batch runs)
 * or as chunks of about CHUNK_CHARS characters (seriesCsvChunks, eventTableCsvChunks), which `run`
 * writes to disk one by one so that a long run's text is never held whole (src/io/files.ts
 * writeChunksAtomic). Both give the same bytes: the whole string is the chunks joined.
 */
import type { MetricsRecorder } from '../../sim/core/metrics';
import type { EventTable } from '../../sim/core/model';

/** Characters a chunk collects before it is handed on. */
export const CHUNK_CHARS = 1 << 16;

export function seriesCsv(rec: MetricsRecorder): string {
  return Array.from(seriesCsvChunks(rec)).join('');
}

/** seriesCsv's text in chunks of about CHUNK_CHARS characters, each ending with a newline. */
export function* seriesCsvChunks(rec: MetricsRecorder): Generator<string> {
  const cols = rec.names.map((n) => rec.column(n));
  let chunk = rec.names.map(csvField).join(',') + '\n';
  for (let r = 0; r < rec.rows; r++) {
    let line = '';
    for (let c = 0; c < cols.length; c++) line += (c ? ',' : '') + formatNumber(cols[c][r]);
    chunk += line + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** A table of rows (objects with the given columns) as CSV. */
export function tableCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvValue(row[c])).join(','));
  return lines.join('\n') + '\n';
}

export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
}

function csvValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'object') return csvField(JSON.stringify(v));
  return csvField(String(v));
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of an event table (e.g. the case-event log), read cell by cell. */
export function eventTableCsv(t: EventTable): string {
  return Array.from(eventTableCsvChunks(t)).join('');
}

/** eventTableCsv's text in chunks of about CHUNK_CHARS characters, each ending with a newline. */
export function* eventTableCsvChunks(t: EventTable): Generator<string> {
  let chunk = t.columns.map(csvField).join(',') + '\n';
  for (let r = 0; r < t.rows; r++) {
    let line = '';
    for (let c = 0; c < t.columns.length; c++) line += (c ? ',' : '') + csvValue(t.value(r, c));
    chunk += line + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
