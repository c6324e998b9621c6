/**
 * CSV text of a metrics recorder: a header row, then one row per step. Numbers use JavaScript's
 * shortest round-trip form, which is the same in every V8, so the bytes match across runtimes.
 */
import type { MetricsRecorder } from '../../sim/core/metrics';
import type { EventTable } from '../../sim/core/model';

export function seriesCsv(rec: MetricsRecorder): string {
  const cols = rec.names.map((n) => rec.column(n));
  const lines = [rec.names.map(csvField).join(',')];
  for (let r = 0; r < rec.rows; r++) {
    let line = '';
    for (let c = 0; c < cols.length; c++) line += (c ? ',' : '') + formatNumber(cols[c][r]);
    lines.push(line);
  }
  return lines.join('\n') + '\n';
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
  const lines = [t.columns.map(csvField).join(',')];
  for (let r = 0; r < t.rows; r++) {
    let line = '';
    for (let c = 0; c < t.columns.length; c++) line += (c ? ',' : '') + csvValue(t.value(r, c));
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}
