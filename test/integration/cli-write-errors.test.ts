/**
 * Failures end cleanly: a file that cannot be written during batch, sweep, compare or merge stops the
 * command in bounded time with exit 3, names the file and the reason, keeps every finished run, and
 * --resume then ends with the bytes of an uninterrupted run. Tests run as root, which chmod does not
 * stop, so the failures are injected through the writer's seam (GOVSIM_FAIL_WRITE_AFTER=N: every write
 * after the first N fails with GOVSIM_FAIL_WRITE_CODE), or made real with a folder path through a file.
 * A run file edited after it was written (valid JSON, one metric changed) is refused and run again.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, scenarioFile, tempDir, fileTree } from '../helpers/cli';

const small = { model: 'epstein', name: 'small', steps: 50, params: { width: 20, height: 20 } };
const file = scenarioFile(small);
/** A hung command is killed after this long and the test fails on its null exit status. */
const BOUND = 60_000;

const tree = (dir: string) => fileTree(dir);

const failing = (after: number, code = 'ENOSPC') => ({ GOVSIM_FAIL_WRITE_AFTER: String(after), GOVSIM_FAIL_WRITE_CODE: code });
const runFiles = (dir: string) => (existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')) : []);

describe('a write error', () => {
  const batch = ['batch', file, '--seeds', '1..12', '--workers', '2', '--quiet'];

  it('stops a batch with exit 3, names the file and reason, keeps the finished runs, and --resume completes the same bytes', () => {
    const reference = tempDir();
    expect(govsim([...batch, '--out', reference]).status).toBe(0);

    const dir = tempDir();
    const t0 = Date.now();
    // Write 1 is plan.json, writes 2-5 four run files; the fifth run file fails as on a full disk.
    const r = govsim([...batch, '--out', dir], undefined, failing(5), BOUND);
    expect(r.status, r.stderr).toBe(3);
    expect(Date.now() - t0).toBeLessThan(BOUND);
    expect(r.stderr).toMatch(
      /^govsim: could not write .*runs\/\d{6}\.json: no space left on the device \(ENOSPC\); stopped\. 4 of 12 runs are saved in .*; once the folder can be written, finish with: govsim batch .* --resume\n$/,
    );
    expect(runFiles(dir)).toHaveLength(4); // the finished runs are kept, no temporary file is left
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);

    const resumed = govsim([...batch, '--out', dir, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(tree(dir)).toEqual(tree(reference));
  });

  it('in the aggregates keeps every run and names the file (EROFS)', () => {
    const dir = tempDir();
    // 1 plan + 3 runs, then runs.csv fails.
    const r = govsim(['batch', file, '--seeds', '1..3', '--workers', '1', '--out', dir], undefined, failing(4, 'EROFS'), BOUND);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/could not write .*runs\.csv: read-only file system \(EROFS\); stopped\. all 3 runs are saved in /);
    expect(runFiles(dir)).toHaveLength(3);
  });

  it('stops a sweep (EACCES) and a comparison (ENOSPC) in bounded time', () => {
    const sweep = tempDir();
    const s = govsim(['sweep', file, '--grid', 'params.legitimacy=0.6,0.8', '--seeds', '1..4', '--out', sweep, '--quiet'], undefined, failing(3, 'EACCES'), BOUND);
    expect(s.status).toBe(3);
    expect(s.stderr).toMatch(/could not write .*runs\/\d{6}\.json: permission denied \(EACCES\); stopped\. 2 of 8 runs are saved/);
    expect(runFiles(sweep)).toHaveLength(2);

    const low = scenarioFile({ ...small, name: 'low', params: { ...small.params, legitimacy: 0.6 } });
    const cmp = tempDir();
    const c = govsim(['compare', file, low, '--seeds', '1..4', '--out', cmp, '--quiet'], undefined, failing(2), BOUND);
    expect(c.status).toBe(3);
    expect(c.stderr).toMatch(/could not write .*runs\/\d{6}\.json: no space left on the device \(ENOSPC\); stopped\. 1 of 8 runs are saved/);
  });

  it('stops a merge and names the file; the shards are untouched', () => {
    const shard = tempDir();
    expect(govsim(['batch', file, '--seeds', '1..3', '--out', shard, '--quiet']).status).toBe(0);
    const before = tree(shard);
    const out = tempDir();
    const r = govsim(['merge', shard, '--out', out], undefined, failing(1), BOUND);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^govsim: could not write .*runs\/000001\.json: no space left on the device \(ENOSPC\)\n$/);
    expect(tree(shard)).toEqual(before);
  });

  it('is real, not only injected: --out through a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    const r = govsim(['batch', file, '--seeds', '1..2', '--out', join(dir, 'a-file', 'out')], undefined, {}, BOUND);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^govsim: could not write .*a-file\/out\/plan\.json: a part of the path is a file, not a folder \(ENOTDIR\)\n$/);
  });
});

describe('a run file edited after it was written', () => {
  it('is refused on --resume with its name, run again, and the batch ends with the right bytes', () => {
    const args = ['batch', file, '--seeds', '1..4', '--workers', '1', '--quiet'];
    const reference = tempDir();
    expect(govsim([...args, '--out', reference]).status).toBe(0);
    const dir = tempDir();
    expect(govsim([...args, '--out', dir]).status).toBe(0);
    // Valid JSON, one metric changed: only the checksum can tell.
    const path = join(dir, 'runs', '000002.json');
    const record = JSON.parse(readFileSync(path, 'utf8'));
    record.metrics.meanJailed += 1;
    writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
    const r = govsim([...args, '--out', dir, '--resume']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/govsim: .*runs\/000002\.json: its content does not match its checksum \(edited or damaged since it was written\); running it again/);
    expect(tree(dir)).toEqual(tree(reference));

    // merge refuses it too, naming the file.
    writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
    const m = govsim(['merge', dir, '--out', tempDir()]);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/runs\/000002\.json: its content does not match its checksum/);
  });
});
