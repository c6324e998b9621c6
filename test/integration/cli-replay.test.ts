/**
 * `govsim replay` and `govsim verify` on real folders: a run and a sweep replay to the same bytes from
 * what they hold (manifest.json included, wherever they were written); verify passes a clean folder and
 * names an edited file, a missing file, an edited run file and an edited series; both refuse what is not
 * a result folder with one line and exit 2.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, scenarioFile, tempDir } from '../helpers/cli';

// Small Epstein runs (20x20, 50 steps) keep the file quick.
const small = { model: 'epstein', name: 'small', steps: 50, params: { width: 20, height: 20 } };
const file = scenarioFile(small);

function ok(args: string[], status = 0) {
  const r = govsim(args);
  if (r.status !== status) throw new Error(`govsim ${args.join(' ')} exited ${r.status}, not ${status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Every file under `dir`, by relative path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A copy of `dir` to spoil. */
function copyOf(dir: string): string {
  const to = join(tempDir(), 'copy');
  cpSync(dir, to, { recursive: true });
  return to;
}

describe('govsim replay of Parquet results', () => {
  it('writes a run and a sweep again in the format they were written in (--format both), byte for byte', () => {
    const run = join(tempDir(), 'run-both');
    // A governance town for a case log (cases.parquet), a short one.
    ok(['run', 'social-governance', '--seed', '3', '--steps', '20', '--set', 'params.population.residents=3000', '--cases', '--format', 'both', '--out', run]);
    const sweep = join(tempDir(), 'sweep-parquet');
    ok(['sweep', file, '--grid', 'params.legitimacy=0.7,0.8', '--seeds', '1..2', '--series', '--format', 'parquet', '--quiet', '--out', sweep]);
    for (const [dir, parquet] of [
      [run, ['series.parquet', 'cases.parquet']],
      [sweep, ['runs.parquet', 'series.parquet']],
    ] as const) {
      const out = join(tempDir(), 'again');
      const r = ok(['replay', dir, '--out', out]);
      for (const f of parquet) expect(r.stdout).toMatch(new RegExp(`^same {2}${f.replace('.', '\\.')}$`, 'm'));
      // runs/*.json hold resume keys over the scenario as typed, which a replay does not have (see replay.ts).
      const kept = (d: string) => Object.fromEntries(Object.entries(tree(d)).filter(([f]) => !f.startsWith('runs/')));
      expect(kept(out)).toEqual(kept(dir));
      ok(['verify', dir]);
    }
  });
});

describe('govsim replay of a run', () => {
  const dir = join(tempDir(), 'run');
  ok(['run', file, '--seed', '7', '--set', 'params.legitimacy=0.7', '--out', dir]);

  it('records the command without --out and the resolved scenario (after --set) in the manifest', () => {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(m.command).toEqual(['run', file, '--seed', '7', '--set', 'params.legitimacy=0.7']);
    expect(m.resolvedScenario).toMatchObject({ model: 'epstein', seed: 7, steps: 50, params: { width: 20, height: 20, legitimacy: 0.7 } });
    expect(m.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reproduces every file byte for byte, manifest.json included, into another folder', () => {
    const out = join(tempDir(), 'again');
    const r = ok(['replay', dir, '--out', out]);
    expect(r.stdout).toMatch(/^same {2}timeseries\.csv$/m);
    expect(r.stdout).toMatch(/^same {2}manifest\.json$/m);
    expect(r.stdout).toContain('all 3 files match byte for byte');
    expect(tree(out)).toEqual(tree(dir));
  });

  it('names a file that no longer matches and exits 1', () => {
    const spoilt = copyOf(dir);
    writeFileSync(join(spoilt, 'summary.json'), readFileSync(join(spoilt, 'summary.json'), 'utf8').replace('"seed": 7', '"seed": 8'));
    const r = ok(['replay', spoilt], 1);
    expect(r.stdout).toMatch(/^DIFFERS {2}summary\.json$/m);
    expect(r.stdout).toMatch(/^same {2}timeseries\.csv$/m);
    expect(r.stderr).toMatch(/1 of 3 files do not match; the replay is in /);
  });
});

describe('govsim replay and verify of a sweep', () => {
  const dir = join(tempDir(), 'sweep');
  ok(['sweep', file, '--grid', 'params.legitimacy=0.7,0.9', '--seeds', '1..3', '--series', '--out', dir, '--quiet']);

  it('replays to the same bytes: the aggregates, manifest.json, plan.json and every series', () => {
    const out = join(tempDir(), 'again');
    const r = ok(['replay', dir, '--out', out, '--workers', '2']);
    expect(r.stdout).toContain('same  series/ (6 of 6 files the same)');
    expect(r.stdout).toContain('all 10 files match byte for byte');
    const a = tree(dir);
    const b = tree(out);
    for (const name of ['runs.csv', 'summary.json', 'manifest.json', 'plan.json']) expect(b[name], name).toBe(a[name]);
  });

  it('replays a folder merged from shards to the same bytes', () => {
    const root = tempDir();
    const grid = ['sweep', file, '--grid', 'params.legitimacy=0.7,0.9', '--seeds', '1..3', '--series', '--quiet'];
    for (const k of [1, 2]) ok([...grid, '--shard', `${k}/2`, '--out', join(root, `shard-${k}`)]);
    const merged = join(root, 'all');
    ok(['merge', join(root, 'shard-1'), join(root, 'shard-2'), '--out', merged]);
    expect(ok(['replay', merged, '--quiet']).stdout).toContain('all 10 files match byte for byte');
  });

  it('verify passes the untouched folder', () => {
    const r = ok(['verify', dir]);
    expect(r.stdout).toMatch(/all 1[0-9] files match manifest\.json \(sweep folder\)/);
  });

  it('verify names an edited file, a missing file, an edited run file and an edited series, and exits 1', () => {
    const spoilt = copyOf(dir);
    const csv = readFileSync(join(spoilt, 'runs.csv'), 'utf8');
    writeFileSync(join(spoilt, 'runs.csv'), csv.replace(/\n1,/, '\n1,9'));
    rmSync(join(spoilt, 'summary.json'));
    const run = join(spoilt, 'runs', '000001.json');
    writeFileSync(run, readFileSync(run, 'utf8').replace('"seed": 2', '"seed": 5'));
    const series = join(spoilt, 'series', '000004.csv');
    writeFileSync(series, readFileSync(series, 'utf8').replace(/\n(\d)/, '\n9$1'));
    const r = ok(['verify', spoilt], 1);
    expect(r.stderr).toContain(`${spoilt}/runs.csv: its SHA-256 differs from the one in manifest.json`);
    expect(r.stderr).toContain(`${spoilt}/summary.json: missing`);
    expect(r.stderr).toContain(`${spoilt}/runs/000001.json: its content does not match its checksum`);
    expect(r.stderr).toContain(`${spoilt}/series/000004.csv: does not give run 4's output hash`);
    expect(r.stderr).toContain('4 problems');
  });

  it('verify catches a manifest edited by hand and a plan.json changed since the run', () => {
    const spoilt = copyOf(dir);
    const m = JSON.parse(readFileSync(join(spoilt, 'manifest.json'), 'utf8'));
    m.outputHash = '0'.repeat(64);
    writeFileSync(join(spoilt, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
    writeFileSync(join(spoilt, 'plan.json'), readFileSync(join(spoilt, 'plan.json'), 'utf8').replace('"series": true', '"series": false'));
    const r = ok(['verify', spoilt], 1);
    expect(r.stderr).toContain(`${spoilt}/manifest.json: its outputHash is not the hash over the files it lists`);
    expect(r.stderr).toContain(`${spoilt}/plan.json: its SHA-256 differs from planHash`);
    // replay refuses a plan that is not the one the manifest pins.
    const again = ok(['replay', spoilt], 2);
    expect(again.stderr).toMatch(/plan\.json: its SHA-256 differs from planHash in manifest\.json .*; not replayed/);
  });
});

describe('govsim replay and verify of what is not a result folder', () => {
  const empty = tempDir();
  const cases: [string, string, RegExp][] = [
    ['a missing folder', join(empty, 'nope'), /nope: no such folder; give the --out folder of govsim run/],
    ['a folder without manifest.json', empty, /no manifest\.json here; give the --out folder of a finished govsim run or batch/],
    ['a file', file, /is a file, not a folder/],
  ];
  for (const [what, path, message] of cases) {
    it(`refuse ${what} with one line, exit 2`, () => {
      for (const cmd of ['verify', 'replay']) {
        const r = ok([cmd, path], 2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
    });
  }

  it('replay refuses a run folder whose manifest holds no scenario (an older govsim), exit 2', () => {
    const dir = join(tempDir(), 'old');
    ok(['run', file, '--steps', '5', '--out', dir]);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    delete m.resolvedScenario;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    expect(ok(['replay', dir], 2).stderr).toMatch(/holds no resolvedScenario \(written by an older govsim\), so the run cannot be replayed/);
    expect(ok(['verify', dir], 0).stderr).toMatch(/note: manifest\.json holds no resolvedScenario/);
  });
});
