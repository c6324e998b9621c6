/**
 * Reading Parquet back in tests with readers that share no code with the writer's table logic
 * (hyparquet's parquetReadObjects, DuckDB's Node API), and CSV read by a parser of its own, so that a
 * Parquet file can be checked cell by cell against the CSV the same command writes.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';

function arrayBuffer(path: string): ArrayBuffer {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** Every row of a Parquet file as objects (hyparquet). */
export async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: arrayBuffer(path) });
}

/** Column name to physical type (and UTF8 for strings), in file order. */
export function parquetSchema(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of parquetMetadata(arrayBuffer(path)).schema.slice(1)) out[s.name] = s.converted_type === 'UTF8' ? 'STRING' : String(s.type);
  return out;
}

/** Row groups of a Parquet file. */
export function rowGroups(path: string): number {
  return parquetMetadata(arrayBuffer(path)).row_groups.length;
}

/** Run SQL in a fresh in-memory DuckDB; rows as JSON-safe objects (BIGINT as text). */
export async function duckdb(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A CSV file's header and rows of cells (quoted cells unquoted). */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  const [header, ...body] = rows;
  return { header, rows: body };
}

/** A Parquet value as the CSV writes it: empty for null, NaN/Inf/-Inf, shortest round-trip numbers. */
export function asCsvText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : v === -Infinity ? '-Inf' : String(v);
  return String(v);
}
