/**
 * Tables as Parquet, written as they come: rows are collected up to ROW_GROUP_ROWS and then encoded as
 * one row group, and the encoded bytes go to a sink (a file in Node, a list of chunks in the browser) as
 * soon as about a megabyte is ready, so a table of millions of rows (every run of a 10,000-run sweep) is
 * never held whole, neither as values nor as bytes. Pure (no I/O): the CLI and the browser share it.
 *
 * Columns carry the types a reader of the CSV would give them: numbers are DOUBLE (NaN and infinities
 * as such, where the CSV writes NaN, Inf, -Inf), run numbers INT32, seeds INT64 (they reach 2^32 - 1),
 * true/false BOOLEAN, anything else STRING as the CSV writes it (lists and records as JSON text). An
 * empty CSV cell is a null. The writer is hyparquet-writer (STACK.md); its output depends only on the
 * values, so the same table gives the same bytes, which the manifests hash.
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';

export type ParquetType = 'DOUBLE' | 'INT32' | 'INT64' | 'BOOLEAN' | 'STRING';

export interface ParquetColumn {
  name: string;
  type: ParquetType;
  /**
   * Write min/max statistics (default true): readers skip row groups by them. Computing them is half the
   * encoding time, so the many columns of a time series, which queries seldom filter on, go without.
   */
  statistics?: boolean;
}

/** Rows per row group: large enough that the footer stays small, small enough to hold (~25 MB at 40 columns). */
export const ROW_GROUP_ROWS = 1 << 16;

/** Bytes collected before they are handed to the sink. */
const FLUSH_BYTES = 1 << 20;

/** A table's cell as the CSV holds it, converted for a column of `type`; null for an empty cell. */
export function parquetValue(v: unknown, type: ParquetType): unknown {
  if (v === undefined || v === null) return null;
  switch (type) {
    case 'INT64':
      return BigInt(v as number);
    case 'STRING':
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    default:
      return v;
  }
}

/** The type of a column holding these values (nulls aside): see the file comment. */
export function columnType(values: Iterable<unknown>): ParquetType {
  let numbers = 0;
  let booleans = 0;
  let others = 0;
  for (const v of values) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'number') numbers++;
    else if (typeof v === 'boolean') booleans++;
    else others++;
  }
  if (others || (numbers && booleans)) return 'STRING';
  if (booleans) return 'BOOLEAN';
  // A column of nulls only is typed DOUBLE: most such columns are metrics no run could compute.
  return 'DOUBLE';
}

/** Where the bytes of a file go as they are produced; `bytes` is valid only during the call (copy to keep). */
export interface ByteSink {
  write(bytes: Uint8Array): void;
}

/** Writes one Parquet table to a sink, a row group at a time. */
export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private pending: unknown[][];
  private pendingRows = 0;
  private finished = false;

  constructor(
    readonly columns: readonly ParquetColumn[],
    sink: ByteSink,
    private readonly groupRows = ROW_GROUP_ROWS,
  ) {
    const names = new Set<string>();
    for (const c of columns) {
      if (names.has(c.name)) throw new Error(`parquet: the column ${JSON.stringify(c.name)} appears twice`);
      names.add(c.name);
    }
    const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ name: c.name, data: [], type: c.type, nullable: true })) });
    this.writer = new ParquetWriter({ writer: streamingWriter(sink), schema });
    this.pending = columns.map(() => []);
  }

  /** Add one row: cells in the order of `columns`, as the CSV holds them. */
  addRow(cells: readonly unknown[]): void {
    for (let c = 0; c < this.columns.length; c++) this.pending[c].push(parquetValue(cells[c], this.columns[c].type));
    if (++this.pendingRows >= this.groupRows) this.flushGroup();
  }

  /** Add rows given column by column (`count` rows; a column of the table missing here is null). */
  addColumns(count: number, data: ReadonlyMap<string, ArrayLike<unknown>>, constants: ReadonlyMap<string, unknown> = new Map()): void {
    // Column by column, a row group's share at a time: the per-cell work is one push (this is the loop a
    // sweep's every step of every run goes through).
    for (let start = 0; start < count; ) {
      const n = Math.min(count - start, this.groupRows - this.pendingRows);
      for (let c = 0; c < this.columns.length; c++) {
        const { name, type } = this.columns[c];
        const out = this.pending[c];
        const col = data.get(name);
        if (!col) {
          const v = parquetValue(constants.get(name), type);
          for (let r = 0; r < n; r++) out.push(v);
        } else if (type === 'DOUBLE') {
          for (let r = start; r < start + n; r++) out.push(col[r]);
        } else {
          for (let r = start; r < start + n; r++) out.push(parquetValue(col[r], type));
        }
      }
      start += n;
      this.pendingRows += n;
      if (this.pendingRows >= this.groupRows) this.flushGroup();
    }
  }

  /** Write what is left and the footer. */
  finish(): void {
    if (this.finished) throw new Error('parquet: the table is already finished');
    this.finished = true;
    this.flushGroup();
    this.writer.finish();
  }

  private flushGroup(): void {
    if (!this.pendingRows) return;
    const columnData = this.columns.map((c, i) => ({ name: c.name, data: this.pending[i], type: c.type, nullable: true, statistics: c.statistics ?? true }));
    this.writer.write({ columnData, rowGroupSize: this.pendingRows });
    this.pending = this.columns.map(() => []);
    this.pendingRows = 0;
  }
}

/** The bytes `produce` writes to a sink, collected in memory (the browser's downloads, small tables). */
export function collectBytes(produce: (sink: ByteSink) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  produce({ write: (b) => chunks.push(b.slice()) });
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** hyparquet-writer's byte buffer, emptied into the sink whenever a megabyte has collected. */
function streamingWriter(sink: ByteSink): ByteWriter {
  const w = new ByteWriter();
  const flush = () => {
    if (w.index) sink.write(new Uint8Array(w.buffer, 0, w.index));
    w.index = 0;
  };
  const grow = w.ensure.bind(w);
  w.ensure = (size: number) => {
    if (w.index > FLUSH_BYTES) flush();
    grow(size);
  };
  w.finish = flush;
  return w;
}
