import { describe, expect, it } from 'vitest';
import { RunPool, type RunResult, type RunTask, type RunWorker } from '../../src/batch/pool';
import type { RunOutputs } from '../../src/output/run';

/** An in-process stand-in for a worker thread: answers after a delay that varies by seed. */
function fakeWorker(log: string[]): RunWorker {
  return {
    api: {
      async run(scenario, opts = {}) {
        await new Promise((r) => setTimeout(r, (opts.seed! * 7) % 13));
        if ((scenario as { bad?: boolean }).bad) throw new Error(`${opts.source}: refused\n  second line`);
        log.push(`ran ${opts.seed}`);
        return { files: { 'summary.json': JSON.stringify({ metrics: { x: opts.seed } }) }, manifest: {} } as unknown as RunOutputs;
      },
    },
    async terminate() {
      log.push('terminated');
    },
  };
}

const tasks = (n: number, bad = -1): RunTask[] =>
  Array.from({ length: n }, (_, id) => ({ id, scenario: { bad: id === bad }, seed: id + 1, source: `run ${id}` }));

describe('RunPool', () => {
  it('runs every task once and reports each with its id, whatever the completion order', async () => {
    const log: string[] = [];
    const pool = new RunPool({ workers: 3, start: () => fakeWorker(log) });
    const got = new Map<number, RunResult>();
    const res = await pool.runAll(tasks(12), (t, r) => got.set(t.id, r));
    await pool.close();
    expect(res.stopped).toBe(false);
    expect([...got.keys()].sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    for (const [id, r] of got) expect(r.ok && JSON.parse(r.outputs.files['summary.json']).metrics.x).toBe(id + 1);
    expect(log.filter((l) => l === 'terminated')).toHaveLength(3);
  });

  it('records a run that throws and finishes the others', async () => {
    const pool = new RunPool({ workers: 2, start: () => fakeWorker([]) });
    const got = new Map<number, RunResult>();
    await pool.runAll(tasks(6, 2), (t, r) => got.set(t.id, r));
    await pool.close();
    expect(got.size).toBe(6);
    expect(got.get(2)).toEqual({ ok: false, error: 'run 2: refused; second line' });
    expect([0, 1, 3, 4, 5].every((id) => got.get(id)!.ok)).toBe(true);
  });

  it('records the run of a thread that dies, replaces the thread and finishes the others', async () => {
    let started = 0;
    const start = (): RunWorker => {
      started++;
      let die!: (code: number) => void;
      const exited = new Promise<number>((r) => (die = r));
      return {
        api: {
          async run(_scenario, opts = {}) {
            // Seed 3 kills its thread: the call never answers, as with a real dead worker.
            if (opts.seed === 3) {
              die(1);
              return new Promise<never>(() => undefined);
            }
            return { files: { 'summary.json': '{}' }, manifest: {} } as unknown as RunOutputs;
          },
        },
        async terminate() {},
        exited,
      };
    };
    const pool = new RunPool({ workers: 2, start });
    const got = new Map<number, RunResult>();
    await pool.runAll(tasks(6), (t, r) => got.set(t.id, r));
    await pool.close();
    expect(got.size).toBe(6);
    expect(got.get(2)).toEqual({ ok: false, error: 'the worker thread died (exit code 1)' });
    expect([0, 1, 3, 4, 5].every((id) => got.get(id)!.ok)).toBe(true);
    expect(started).toBe(3);
  });

  it('stops handing out runs when aborted', async () => {
    const pool = new RunPool({ workers: 1, start: () => fakeWorker([]) });
    const controller = new AbortController();
    let done = 0;
    const res = await pool.runAll(tasks(20), () => {
      if (++done === 3) controller.abort();
    }, controller.signal);
    await pool.close();
    expect(res.stopped).toBe(true);
    expect(done).toBe(3);
  });

  it('stops at once when a result cannot be saved, and a closed pool starts no worker as its threads end', async () => {
    let started = 0;
    const start = (): RunWorker => {
      started++;
      let die!: (code: number) => void;
      const exited = new Promise<number>((r) => (die = r));
      return {
        api: {
          async run(_scenario, opts = {}) {
            // Seed 1 answers; the others never do (long runs still in flight when the disk fills).
            if (opts.seed === 1) return { files: { 'summary.json': '{}' }, manifest: {} } as unknown as RunOutputs;
            return new Promise<never>(() => undefined);
          },
        },
        // Terminating a real thread ends it: its `exited` settles, as a dead thread's would.
        async terminate() {
          die(1);
        },
        exited,
      };
    };
    const pool = new RunPool({ workers: 2, start });
    const seen: number[] = [];
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    await expect(
      pool.runAll(tasks(10), (t) => {
        seen.push(t.id);
        throw full;
      }),
    ).rejects.toBe(full);
    expect(seen).toEqual([0]);
    await pool.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(2); // before the fix, each terminated thread "died" and was replaced
    await expect(pool.runAll(tasks(1), () => undefined)).rejects.toThrow(/closed/);
  });
});
