/**
 * `--format parquet|both`: every Parquet file the commands write is read back with independent readers
 * (hyparquet, DuckDB) and checked cell by cell against the CSV the same command writes; the manifest
 * hashes the Parquet bytes; sharded-and-merged gives the unsharded bytes; bad values are refused by name.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriesParquetFromCsv } from '../../src/output/run-parquet';
import { govsim, scenarioFile, tempDir } from '../helpers/cli';
import { asCsvText, duckdb, parquetSchema, readCsv, readParquet } from '../helpers/parquet';

// Small Epstein runs (15x15, 30 steps) keep the file quick.
const small = { model: 'epstein', name: 'small', steps: 30, params: { width: 15, height: 15 } };
const file = scenarioFile(small);
const other = scenarioFile({ ...small, name: 'other', params: { ...small.params, legitimacy: 0.6 } });

function ok(args: string[], status = 0) {
  const r = govsim(args);
  if (r.status !== status) throw new Error(`govsim ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return r;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file under `dir` by relative path, as bytes in hex. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('hex');
    }
  };
  walk(dir);
  return out;
}

/** Rows of a Parquet file as CSV text, in the CSV's column order; fails if the columns differ. */
async function parquetAsCsv(path: string, header: readonly string[]): Promise<string[][]> {
  const rows = await readParquet(path);
  expect(Object.keys(parquetSchema(path))).toEqual(header);
  return rows.map((r) => header.map((c) => asCsvText(r[c])));
}

/** Every file the manifest lists is hashed as its bytes are. */
function expectManifestHashes(dir: string, names: string[]) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  expect(Object.keys(manifest.files)).toEqual(names);
  for (const n of names) expect(manifest.files[n], n).toBe(sha256(join(dir, n)));
}

describe('govsim run --format', () => {
  it('writes series.parquet and cases.parquet holding the CSVs’ values, hashed in the manifest; the browser builds the same bytes', async () => {
    const both = tempDir();
    const only = tempDir();
    const args = ['run', 'social-governance', '--steps', '20', '--seed', '4', '--cases'];
    ok([...args, '--format', 'both', '--out', both]);
    ok([...args, '--format=parquet', '--out', only]);
    expectManifestHashes(both, ['timeseries.csv', 'summary.json', 'cases.csv', 'series.parquet', 'cases.parquet']);
    expectManifestHashes(only, ['summary.json', 'series.parquet', 'cases.parquet']);
    expect(readFileSync(join(only, 'series.parquet'))).toEqual(readFileSync(join(both, 'series.parquet')));

    const series = readCsv(join(both, 'timeseries.csv'));
    const got = await parquetAsCsv(join(both, 'series.parquet'), ['run', 'seed', ...series.header]);
    expect(got).toEqual(series.rows.map((r) => ['0', '4', ...r]));
    expect(parquetSchema(join(both, 'series.parquet'))).toMatchObject({ run: 'INT32', seed: 'INT64', [series.header[1]]: 'DOUBLE' });

    const cases = readCsv(join(both, 'cases.csv'));
    expect(cases.rows.length).toBeGreaterThan(0);
    expect(await parquetAsCsv(join(both, 'cases.parquet'), cases.header)).toEqual(cases.rows);
    expect(parquetSchema(join(both, 'cases.parquet'))).toMatchObject({ caseId: 'DOUBLE', event: 'STRING' });

    // The browser's download is built from timeseries.csv's text by the same writer.
    const browser = seriesParquetFromCsv(readFileSync(join(both, 'timeseries.csv'), 'utf8'), 4);
    expect(Buffer.from(browser)).toEqual(readFileSync(join(both, 'series.parquet')));
  });

  it('with csv (the default) writes exactly what it wrote before: no Parquet, the same hash', () => {
    const a = tempDir();
    const b = tempDir();
    ok(['run', file, '--seed', '2', '--out', a]);
    ok(['run', file, '--seed', '2', '--format', 'csv', '--out', b]);
    // Every file the same; the manifest differs only in the command line it records (`--format csv` typed).
    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect({ ...tree(b), 'manifest.json': '' }).toEqual({ ...tree(a), 'manifest.json': '' });
    expect({ ...manifest(b), command: [] }).toEqual({ ...manifest(a), command: [] });
    expect(manifest(b).command).toEqual([...manifest(a).command, '--format', 'csv']);
    expect(existsSync(join(a, 'series.parquet'))).toBe(false);
  });
});

describe('govsim sweep --format', () => {
  const grid = ['--grid', 'params.width=10,12', '--grid', 'params.movement=true,false', '--seeds', '1..2'];
  let both: string | undefined;
  const sweepBoth = () => {
    if (!both) {
      both = tempDir();
      ok(['sweep', file, ...grid, '--series', '--format', 'both', '--out', both, '--quiet']);
    }
    return both;
  };

  it('runs.parquet holds runs.csv cell by cell, typed', async () => {
    const dir = sweepBoth();
    const csv = readCsv(join(dir, 'runs.csv'));
    expect(await parquetAsCsv(join(dir, 'runs.parquet'), csv.header)).toEqual(csv.rows);
    expect(parquetSchema(join(dir, 'runs.parquet'))).toMatchObject({
      run: 'INT32',
      seed: 'INT64',
      'params.width': 'DOUBLE',
      'params.movement': 'BOOLEAN',
      meanActiveFraction: 'DOUBLE',
      outputHash: 'STRING',
      error: 'STRING',
    });
    expectManifestHashes(dir, ['runs.csv', 'summary.json', 'runs.parquet', 'series.parquet']);
  });

  it('series.parquet holds every run’s series/<id>.csv in run order, with run, seed and the varied parameters', async () => {
    const dir = sweepBoth();
    const runs = readCsv(join(dir, 'runs.csv'));
    const expected: string[][] = [];
    let header: string[] = [];
    for (const run of runs.rows) {
      const s = readCsv(join(dir, 'series', `${run[0].padStart(6, '0')}.csv`));
      header = s.header;
      for (const r of s.rows) expected.push([run[0], run[1], run[2], run[3], ...r]);
    }
    expect(expected.length).toBe(8 * 30);
    expect(await parquetAsCsv(join(dir, 'series.parquet'), ['run', 'seed', 'params.width', 'params.movement', ...header])).toEqual(expected);

    // DuckDB reads it too, with the same numbers.
    const byRun = await duckdb(`select run, count(*) as n, sum(quiet) as quiet from '${join(dir, 'series.parquet')}' group by run order by run`);
    expect(byRun.map((r) => [r.run, Number(r.n), r.quiet])).toEqual(
      runs.rows.map((run) => [Number(run[0]), 30, expected.filter((e) => e[0] === run[0]).reduce((a, e) => a + Number(e[4 + header.indexOf('quiet')]), 0)]),
    );
  });

  it('--format parquet writes no runs.csv; shards merged give the unsharded folder byte for byte', () => {
    const whole = tempDir();
    ok(['sweep', file, ...grid, '--series', '--format', 'parquet', '--out', whole, '--quiet']);
    expect(existsSync(join(whole, 'runs.csv'))).toBe(false);
    expectManifestHashes(whole, ['summary.json', 'runs.parquet', 'series.parquet']);
    const parts = [tempDir(), tempDir()];
    ok(['sweep', file, ...grid, '--series', '--format=parquet', '--shard', '1/2', '--out', parts[0], '--quiet']);
    ok(['sweep', file, ...grid, '--series', '--format', 'parquet', '--shard', '2/2', '--out', parts[1], '--workers', '1', '--quiet']);
    const merged = tempDir();
    ok(['merge', ...parts, '--out', merged]);
    expect(tree(merged)).toEqual(tree(whole));
    // The same tables as the both-format sweep: the format changes which files, not their bytes.
    const dir = sweepBoth();
    expect(readFileSync(join(whole, 'series.parquet'))).toEqual(readFileSync(join(dir, 'series.parquet')));
  });
});

describe('a Parquet file that cannot be written', () => {
  it('stops with exit 3 naming it, leaves no half file, and --resume ends with the bytes of an uninterrupted sweep', () => {
    const args = ['sweep', file, '--grid', 'params.width=10,12', '--seeds', '1..2', '--series', '--format', 'both', '--quiet'];
    const whole = tempDir();
    ok([...args, '--out', whole]);
    // Writes before the aggregates: plan.json, then each of the 4 runs' series and record; the next is runs.parquet.
    const dir = tempDir();
    const r = govsim([...args, '--out', dir, '--workers', '1'], undefined, { GOVSIM_FAIL_WRITE_AFTER: '9' });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain(`could not write ${join(dir, 'runs.parquet')}: no space left on the device (ENOSPC)`);
    expect(r.stderr).toContain('all 4 runs are saved');
    expect(readdirSync(dir).filter((f) => f.endsWith('.parquet') || f.endsWith('.tmp'))).toEqual([]);
    ok([...args, '--out', dir, '--resume']);
    expect(tree(dir)).toEqual(tree(whole));
  });
});

describe('compare and sensitivity --format parquet', () => {
  it('compare: runs.parquet and series.parquet carry the scenario column', async () => {
    const dir = tempDir();
    ok(['compare', file, other, '--seeds', '1..2', '--series', '--format', 'both', '--out', dir, '--quiet']);
    const csv = readCsv(join(dir, 'runs.csv'));
    expect(csv.header.slice(0, 3)).toEqual(['run', 'scenario', 'seed']);
    expect(await parquetAsCsv(join(dir, 'runs.parquet'), csv.header)).toEqual(csv.rows);
    const scenarios = await duckdb(`select scenario, count(distinct run) as runs from '${join(dir, 'series.parquet')}' group by scenario order by scenario`);
    expect(scenarios).toEqual([
      { scenario: 'other', runs: '2' },
      { scenario: 'small', runs: '2' },
    ]);
    expectManifestHashes(dir, ['runs.csv', 'summary.json', 'compare.csv', 'compare.json', 'runs.parquet', 'series.parquet']);
  });

  it('compare of two models: series.parquet holds both series’ columns, null where a model records none', async () => {
    const dir = tempDir();
    ok(['compare', file, 'social-governance', '--seeds', '1', '--steps', '10', '--series', '--format', 'parquet', '--out', dir, '--quiet']);
    const rows = await readParquet(join(dir, 'series.parquet'));
    expect(rows).toHaveLength(20);
    const epstein = rows.filter((r) => r.scenario === 'small');
    const governance = rows.filter((r) => r.scenario !== 'small');
    expect(epstein.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(governance.every((r) => r.step === null && typeof r.disputesOpened === 'number')).toBe(true);
    expect(epstein.every((r) => r.disputesOpened === null)).toBe(true);
  });

  it('sensitivity: runs.parquet beside the indices', async () => {
    const dir = tempDir();
    ok(['sensitivity', file, '--kind', 'all', '--params', 'legitimacy,threshold', '--r', '2', '--seeds', '1', '--format', 'parquet', '--out', dir, '--quiet']);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
    expect(existsSync(join(dir, 'sensitivity.csv'))).toBe(true);
    const rows = await readParquet(join(dir, 'runs.parquet'));
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['run', 'seed', 'params.legitimacy', 'params.threshold']);
  });

  it('refuses a bad --format on every command, naming flag, value and the allowed values', () => {
    const commands = [
      ['run', file],
      ['batch', file, '--seeds', '1'],
      ['sweep', file, '--grid', 'params.width=10', '--seeds', '1'],
      ['compare', file, other, '--seeds', '1'],
      ['sensitivity', file],
    ];
    for (const c of commands) {
      const r = govsim([...c, '--format', 'xlsx', '--out', tempDir()]);
      expect(r.status, c[0]).toBe(2);
      expect(r.stderr, c[0]).toContain('--format "xlsx" is not allowed; allowed: csv, parquet, both');
    }
    const draws = govsim(['compare', 'social-governance', 'social-governance', '--seeds', '1', '--lhs', '2', '--format', 'parquet']);
    expect(draws.status).toBe(2);
    expect(draws.stderr).toContain('--format parquet: not available with --lhs or --posterior');
  });
});
