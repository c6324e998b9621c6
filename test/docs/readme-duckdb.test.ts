/**
 * The README's query example runs: the SQL it shows is examples/duckdb/sweep.sql (and the pandas lines
 * examples/duckdb/sweep.py), included verbatim, and that very SQL runs through DuckDB on a small
 * sweep's Parquet, written as the README's sweep writes it, giving the numbers the files hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, ROOT, tempDir } from '../helpers/cli';
import { duckdb, readParquet } from '../helpers/parquet';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SQL_FILE = 'examples/duckdb/sweep.sql';

/** The README's blocks between `<!-- include FILE -->` and `<!-- end include -->`: file and fenced text. */
function includes(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const m of README.matchAll(/<!-- include (\S+) -->\n```[a-z]*\n([\s\S]*?)```\n<!-- end include -->/g)) out.push({ file: m[1], text: m[2] });
  return out;
}

/** The statements of a SQL file, comments dropped. */
function statements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((l) => !l.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('the README’s query example', () => {
  it('shows examples/duckdb/sweep.sql and sweep.py exactly as they are in the repository', () => {
    const blocks = includes();
    expect(blocks.map((b) => b.file)).toEqual(expect.arrayContaining([SQL_FILE, 'examples/duckdb/sweep.py']));
    for (const b of blocks) expect(b.text, b.file).toBe(readFileSync(join(ROOT, b.file), 'utf8'));
  });

  it('runs through DuckDB on a small sweep’s Parquet and gives the numbers the files hold', async () => {
    // The README's sweep, smaller: two legitimacy levels, three seeds, 100 steps on a 20x20 lattice.
    const root = tempDir();
    const out = join(root, 'results', 'legitimacy');
    const r = govsim([
      'sweep', 'epstein-2002-run1', '--grid', 'params.legitimacy=0.6,0.9', '--seeds', '1..3', '--steps', '100',
      '--set', 'params.width=20', '--set', 'params.height=20', '--series', '--format', 'parquet', '--out', out, '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const [perLevel, course] = statements(readFileSync(join(ROOT, SQL_FILE), 'utf8'));
    // The SQL names its files relative to the folder holding results/, as the README says to run it.
    const inRoot = (sql: string) => duckdb(`SET file_search_path = '${root}'; ${sql}`);

    const runs = await readParquet(join(out, 'runs.parquet'));
    const levels = await inRoot(perLevel);
    expect(levels.map((l) => [l.legitimacy, Number(l.runs)])).toEqual([
      [0.6, 3],
      [0.9, 3],
    ]);
    for (const l of levels) {
      const mine = runs.filter((x) => x['params.legitimacy'] === l.legitimacy);
      expect(l.mean_active as number).toBeCloseTo(mean(mine.map((x) => x.meanActiveFraction as number)), 12);
      expect(l.peak_active).toBe(Math.max(...mine.map((x) => x.peakActive as number)));
      expect(l.lo as number).toBeLessThanOrEqual(l.mean_active as number);
      expect(l.hi as number).toBeGreaterThanOrEqual(l.mean_active as number);
    }

    const series = await readParquet(join(out, 'series.parquet'));
    const rows = await inRoot(course);
    expect(rows.map((x) => [x.legitimacy, x.step])).toEqual([
      [0.6, 50],
      [0.6, 100],
      [0.9, 50],
      [0.9, 100],
    ]);
    for (const x of rows) {
      const at = series.filter((s) => s['params.legitimacy'] === x.legitimacy && s.step === x.step);
      expect(at).toHaveLength(3);
      expect(x.mean_active as number).toBeCloseTo(mean(at.map((s) => s.active as number)), 12);
    }
  });
});
