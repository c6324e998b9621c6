import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { writeStreamAtomic } from '../../../src/io/files';
import { WriteError } from '../../../src/io/write-error';
import { collectBytes, columnType, type ParquetColumn, ParquetTableWriter } from '../../../src/output/parquet';
import { readSeriesCsv } from '../../../src/output/series-read';
import { tempDir } from '../../helpers/cli';

const columns: ParquetColumn[] = [
  { name: 'run', type: 'INT32' },
  { name: 'seed', type: 'INT64' },
  { name: 'x', type: 'DOUBLE' },
  { name: 'on', type: 'BOOLEAN' },
  { name: 'label', type: 'STRING' },
];

function rowsOf(n: number): unknown[][] {
  const special = [Number.NaN, Infinity, -Infinity, null, 0.1 + 0.2];
  return Array.from({ length: n }, (_, i) => [i, 4294967295 - i, i < special.length ? special[i] : i / 7, i % 2 === 0, i % 3 ? `r${i}` : i === 3 ? [1, 2] : null]);
}

async function read(bytes: Uint8Array) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { rows: await parquetReadObjects({ file }), groups: parquetMetadata(file).row_groups.map((g) => Number(g.num_rows)) };
}

describe('ParquetTableWriter', () => {
  it('writes row groups as they fill, and every value reads back as written (NaN, infinities, nulls, big seeds, lists as JSON)', async () => {
    const rows = rowsOf(10);
    const bytes = collectBytes((sink) => {
      const w = new ParquetTableWriter(columns, sink, 4);
      for (const r of rows) w.addRow(r);
      w.finish();
    });
    const back = await read(bytes);
    expect(back.groups).toEqual([4, 4, 2]);
    expect(back.rows.map((r) => columns.map((c) => r[c.name]))).toEqual(
      rows.map(([run, seed, x, on, label]) => [run, BigInt(seed as number), x, on, label === null ? null : typeof label === 'object' ? '[1,2]' : label]),
    );
  });

  it('gives the same bytes for the same table; its row groups are part of the file', () => {
    const write = (groupRows: number) =>
      collectBytes((sink) => {
        const w = new ParquetTableWriter(columns, sink, groupRows);
        for (const r of rowsOf(50)) w.addRow(r);
        w.finish();
      });
    expect(write(8)).toEqual(write(8));
    expect(write(8)).not.toEqual(write(50)); // row groups are part of the file
  });

  it('addColumns fills missing columns with the constants or nulls', async () => {
    const bytes = collectBytes((sink) => {
      const w = new ParquetTableWriter(columns, sink);
      w.addColumns(3, new Map([['x', new Float64Array([1, 2, 3])]]), new Map<string, unknown>([['run', 7], ['seed', 9]]));
      w.finish();
    });
    expect((await read(bytes)).rows).toEqual([1, 2, 3].map((x) => ({ run: 7, seed: 9n, x, on: null, label: null })));
  });

  it('refuses a column named twice', () => {
    expect(() => new ParquetTableWriter([columns[0], columns[0]], { write: () => undefined })).toThrow(/"run" appears twice/);
  });

  it('types columns as the CSV reads: numbers DOUBLE, booleans BOOLEAN, anything else or a mix STRING', () => {
    expect(columnType([1, null, Number.NaN])).toBe('DOUBLE');
    expect(columnType([true, undefined])).toBe('BOOLEAN');
    expect(columnType([1, true])).toBe('STRING');
    expect(columnType(['a', 1])).toBe('STRING');
    expect(columnType([null])).toBe('DOUBLE');
  });
});

describe('readSeriesCsv', () => {
  it('reads back what the series writer writes, NaN and infinities included, and refuses a ragged row', () => {
    const s = readSeriesCsv('step,"a,b",c\n1,NaN,Inf\n2,-Inf,0.30000000000000004\n');
    expect(s.names).toEqual(['step', 'a,b', 'c']);
    expect([...s.columns.get('a,b')!]).toEqual([Number.NaN, -Infinity]);
    expect([...s.columns.get('c')!]).toEqual([Infinity, 0.30000000000000004]);
    expect(() => readSeriesCsv('a,b\n1\n')).toThrow(/row 2 has 1 cells, expected 2/);
    expect(() => readSeriesCsv('a\nx\n')).toThrow(/"x" is not a number/);
  });
});

describe('writeStreamAtomic', () => {
  it('writes the pieces, returns their SHA-256, and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'sub', 'f.bin');
    const hash = writeStreamAtomic(path, (write) => {
      write(new Uint8Array([1, 2]));
      write(new Uint8Array([3]));
    });
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(hash).toBe('039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['f.bin']);
  });

  it('passes on what the producer throws, removing the temporary file and keeping no half file', () => {
    const dir = tempDir();
    const path = join(dir, 'f.bin');
    const bug = new Error('a bug in the producer');
    expect(() =>
      writeStreamAtomic(path, (write) => {
        write(new Uint8Array([1]));
        throw bug;
      }),
    ).toThrow(bug);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a path it cannot create as a WriteError naming the file', () => {
    const dir = tempDir();
    writeStreamAtomic(join(dir, 'file'), (write) => write(new Uint8Array([1])));
    let error: unknown;
    try {
      writeStreamAtomic(join(dir, 'file', 'inside.bin'), () => undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).message).toContain(join(dir, 'file', 'inside.bin'));
    expect(existsSync(join(dir, 'file', 'inside.bin'))).toBe(false);
  });
});
