import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES } from '../../src/scenario/schema';
import { govsim, ROOT, scenarioFile, tempDir, fileTree } from '../helpers/cli';

// Small Epstein runs (20x20, 50 steps: ~0.2 s each) keep the whole file near 30 s on two cores.
const small = { model: 'epstein', name: 'small', steps: 50, params: { width: 20, height: 20 } };
const file = scenarioFile(small);

const tree = (dir: string) => fileTree(dir);

function ok(args: string[], status = 0) {
  const r = govsim(args);
  if (r.status !== status) throw new Error(`govsim ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return r;
}

/** Start the CLI, wait until `runs` run files are saved, then send `signal`; resolves with the exit code and stderr. */
function interruptAfter(args: string[], dir: string, runs: number, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'govsim.mjs'), ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      const d = join(dir, 'runs');
      if (existsSync(d) && readdirSync(d).filter((f) => f.endsWith('.json')).length >= runs) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, stderr });
    });
  });
}

describe('govsim batch', () => {
  const seeds = ['--seeds', '1..16'];
  let reference: Record<string, string> | undefined;
  const uninterrupted = () => {
    if (!reference) {
      const dir = tempDir();
      ok(['batch', file, ...seeds, '--workers', '2', '--out', dir, '--quiet']);
      reference = tree(dir);
    }
    return reference;
  };

  it('writes identical files with 1 and 2 workers, rows in run-id order, each run reproducible by govsim run', () => {
    const one = tempDir();
    const two = tempDir();
    const r1 = ok(['batch', file, '--seeds', '1..6', '--workers', '1', '--out', one]);
    ok(['batch', file, '--seeds', '1..6', '--workers=2', '--out', two, '--quiet']);
    expect(tree(two)).toEqual(tree(one));
    expect(r1.stdout).toMatch(/batch small: 6 runs, 0 failed -> .* \(output hash [0-9a-f]{16}\)/);
    expect(r1.stdout).toMatch(/meanActiveFraction\s+6\s/);
    const rows = readFileSync(join(one, 'runs.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^run,seed,steps,citizens,cops,meanActiveFraction,.*,outputHash,error$/);
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(','))).toEqual(['0,1', '1,2', '2,3', '3,4', '4,5', '5,6']);
    const manifest = JSON.parse(readFileSync(join(one, 'manifest.json'), 'utf8'));
    // --workers and --out do not enter the recorded command line.
    expect(manifest.command).toEqual(['batch', file, '--seeds', '1..6']);
    expect(manifest).toMatchObject({ engine: 'govsim', kind: 'batch', model: 'epstein', seeds: '1..6', runs: 6, failed: 0 });
    const summary = JSON.parse(readFileSync(join(one, 'summary.json'), 'utf8'));
    expect(summary.metrics.meanJailed.n).toBe(6);
    // Run 2 (seed 3) has the output hash a single `govsim run --seed 3` writes.
    const single = tempDir();
    ok(['run', file, '--seed', '3', '--out', single]);
    expect(rows[3].split(',').at(-2)).toBe(JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8')).outputHash);
  });

  it('resumes after Ctrl-C and ends with the bytes of an uninterrupted batch', async () => {
    const dir = tempDir();
    const args = ['batch', file, ...seeds, '--workers', '1', '--out', dir];
    const stopped = await interruptAfter(args, dir, 2, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: \d+ of 16 runs are saved in .*; to finish, run: govsim batch .* --resume/);
    const saved = readdirSync(join(dir, 'runs')).length;
    expect(saved).toBeGreaterThanOrEqual(2);
    expect(saved).toBeLessThan(16);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
    ok([...args, '--resume', '--quiet']);
    expect(tree(dir)).toEqual(uninterrupted());
  });

  it('loses no finished run when killed outright (SIGKILL), and --resume completes it', async () => {
    const dir = tempDir();
    const args = ['batch', file, ...seeds, '--workers', '2', '--out', dir, '--quiet'];
    const killed = await interruptAfter(args, dir, 3, 'SIGKILL');
    expect(killed.code).toBe(null);
    const r = ok([...args, '--resume']);
    expect(r.stdout).toMatch(/16 runs, 0 failed/);
    expect(tree(dir)).toEqual(uninterrupted());
  });

  it('refuses to resume into a folder of another batch', () => {
    const dir = tempDir();
    ok(['batch', file, '--seeds', '1..2', '--out', dir, '--quiet']);
    const r = govsim(['batch', file, '--seeds', '1..3', '--out', dir, '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^govsim: --resume: .* holds a different batch/);
  });
});

describe('govsim sweep and merge', () => {
  // copDensity 0.5 with citizenDensity 0.7 fails validation only at that point: its runs fail, the others finish.
  const sweepArgs = ['sweep', file, '--grid', 'params.copDensity=0.05,0.5', '--grid', 'params.legitimacy=0.6,0.8', '--seeds', '1..3', '--series'];

  it('reports failed runs with seed and parameters, finishes the rest, and shards merge to the same files', () => {
    const whole = tempDir();
    const r = ok([...sweepArgs, '--out', whole, '--quiet'], 1);
    expect(r.stderr).toMatch(/govsim: run 6 failed \(seed 1, params.copDensity=0.5, params.legitimacy=0.6\): .*citizenDensity \+ copDensity must be at most 1/);
    expect(r.stderr.match(/failed \(/g)).toHaveLength(6);
    expect(r.stdout).toMatch(/4 points x 3 seeds = 12 runs, 6 failed/);
    const rows = readFileSync(join(whole, 'runs.csv'), 'utf8').trim().split('\n');
    expect(rows[0].startsWith('run,seed,params.copDensity,params.legitimacy,')).toBe(true);
    expect(rows[1]).toMatch(/^0,1,0.05,0.6,50,/);
    expect(rows[7]).toMatch(/^6,1,0.5,0.6,,/);
    const summary = JSON.parse(readFileSync(join(whole, 'summary.json'), 'utf8'));
    expect(summary.points.map((p: { ok: number }) => p.ok)).toEqual([3, 3, 0, 0]);
    expect(readdirSync(join(whole, 'series'))).toHaveLength(6);

    const a = tempDir();
    const b = tempDir();
    ok([...sweepArgs, '--shard', '1/2', '--out', a, '--quiet'], 1);
    ok([...sweepArgs, '--shard=2/2', '--out', b, '--workers', '1', '--quiet'], 1);
    const partial = govsim(['merge', a, '--out', tempDir()]);
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/^govsim: 6 of 12 runs are missing from these folders, e\.g\. run 1 \(seed 2, point 0\)/);
    const merged = tempDir();
    ok(['merge', a, b, '--out', merged], 1);
    expect(tree(merged)).toEqual(tree(whole));
  });

  it('samples a Latin hypercube reproducibly', () => {
    const args = ['sweep', file, '--lhs', '3', '--range', 'params.legitimacy=0.5..0.9', '--seeds', '1', '--steps', '5', '--quiet'];
    const a = tempDir();
    const b = tempDir();
    ok([...args, '--out', a]);
    ok([...args, '--out', b, '--workers', '1']);
    expect(tree(a)).toEqual(tree(b));
    const values = readFileSync(join(a, 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((r) => Number(r.split(',')[2]));
    // One value in each third of the range.
    expect(values.map((v) => Math.floor((v - 0.5) / (0.4 / 3))).sort()).toEqual([0, 1, 2]);
  });
});

describe('govsim compare', () => {
  it('pairs scenarios on the same seeds and prints a table', () => {
    const dir = tempDir();
    const low = join(dir, 'low.json');
    writeFileSync(low, JSON.stringify({ ...small, name: 'low-legitimacy', params: { ...small.params, legitimacy: 0.6 } }));
    const out = join(dir, 'out');
    const r = ok(['compare', file, low, '--seeds', '1..8', '--out', out, '--quiet']);
    expect(r.stdout).toMatch(/low-legitimacy vs small \(paired over seeds/);
    expect(r.stdout).toMatch(/metric\s+n\s+small\s+low-legitimacy\s+difference \[95% CI\]\s+A\s+p/);
    // Lower legitimacy means more grievance and more jailed citizens on every seed: A = 1, and all 8
    // paired differences positive, so the exact two-sided signed-rank p is 2 / 2^8 = 0.0078 (the smallest
    // 8 pairs can give; Mann-Whitney, treating the 16 runs as independent, claimed < 0.001).
    expect(r.stdout).toMatch(/meanJailed\s+8\s+\S+\s+\S+\s+\+\S+ \[\S+, \S+\]\s+1\.00\s+0\.008/);
    const csv = readFileSync(join(out, 'compare.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('scenario,baseline,metric,n,baseline_mean,mean,difference,difference_lo,difference_hi,vargha_delaney_a,signed_rank_p,beyond_noise');
    const json = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    const jailed = json.comparisons[0].metrics.find((m: { metric: string }) => m.metric === 'meanJailed');
    expect(jailed.difference.lo).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toHaveProperty('compare.csv');
  });
});

describe('batches of the governance model', () => {
  // Generic over models: nested summary records become `name.key` columns and statistics.
  it.runIf((MODEL_NAMES as readonly string[]).includes('governance'))('flatten nested metrics into columns and statistics', () => {
    const gov = scenarioFile({ model: 'governance', name: 'town' });
    const out = tempDir();
    ok(['sweep', gov, '--grid', 'params.legitimacy.initialMean=0.6,0.8', '--seeds', '1..2', '--steps', '20', '--out', out, '--quiet']);
    const header = readFileSync(join(out, 'runs.csv'), 'utf8').split('\n')[0].split(',');
    expect(header.slice(0, 3)).toEqual(['run', 'seed', 'params.legitimacy.initialMean']);
    const nested = header.filter((c) => c.includes('.') && !c.startsWith('params.'));
    expect(nested.length).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.points).toHaveLength(2);
    expect(summary.points[0].metrics[nested[0]].n).toBe(2);
  });
});

describe('bad batch input', () => {
  const cases: [string, string[], RegExp][] = [
    ['an empty range', ['sweep', file, '--grid', 'params.legitimacy=', '--seeds', '1..2'], /--grid params.legitimacy=: no values \(empty range\)/],
    ['an unknown parameter', ['sweep', file, '--grid', 'params.legitimacyy=0.5,0.6', '--seeds', '1..2'], /params.legitimacyy: unknown field; did you mean params.legitimacy\?/],
    ['a backwards seed range', ['batch', file, '--seeds', '10..1'], /--seeds "10..1": the range runs backwards \(10 > 1\); write 1..10/],
    ['a bad shard', ['batch', file, '--seeds', '1..4', '--shard', '3/2'], /--shard "3\/2": K must be from 1 to 2/],
    ['no seeds', ['batch', file], /--seeds is required/],
    ['a range without --lhs', ['sweep', file, '--range', 'params.legitimacy=0..1', '--seeds', '1'], /--range needs --lhs N/],
  ];
  it.each(cases)('%s exits 2 with one clear line', (_, args, message) => {
    const r = govsim(args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
