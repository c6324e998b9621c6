/**
 * A pool of simulation workers (Node worker_threads serving the same comlink API as the browser's Web
 * Worker). Runs are handed out one at a time to whichever worker is free, and each result is passed on
 * with its run id, so what is written never depends on which worker finished first. A run that throws
 * becomes a failed result; the other runs go on.
 */
import type { RunOutputs } from '../output/run';
import { startSimWorker } from '../worker/node-client';

/** What the pool needs of a worker: the API's `run` and a way to stop it. */
export interface RunWorker {
  api: { run(scenario: unknown, opts?: { seed?: number; steps?: number; source?: string }): Promise<RunOutputs> };
  terminate(): Promise<void>;
  /**
   * Settles when the thread has died (e.g. out of memory). Optional: a worker that offers it lets the
   * pool record the run it was doing as failed and carry on with a fresh thread; without it such a run
   * would wait forever, since a dead thread never answers.
   */
  exited?: Promise<unknown>;
}

export interface RunTask {
  id: number;
  scenario: unknown;
  seed: number;
  /** Omitted: the scenario's own step count. */
  steps?: number;
  /** Names the run in validation messages. */
  source: string;
}

export type RunResult = { ok: true; outputs: RunOutputs } | { ok: false; error: string };

export interface PoolOptions {
  workers: number;
  /** Starts one worker; tests may pass an in-process stand-in. */
  start?: () => RunWorker;
}

export class RunPool {
  private readonly workers: RunWorker[] = [];
  private closed = false;

  constructor(private readonly opts: PoolOptions) {
    if (!(opts.workers >= 1)) throw new Error(`a pool needs at least one worker, got ${opts.workers}`);
  }

  /**
   * Run every task, calling `onResult` as each finishes (in completion order; callers key by id).
   * When `signal` aborts, no further task starts and the promise resolves at once with `stopped`;
   * runs still in flight are abandoned (close() ends their threads).
   */
  async runAll(
    tasks: readonly RunTask[],
    onResult: (task: RunTask, result: RunResult) => void,
    signal?: AbortSignal,
  ): Promise<{ stopped: boolean }> {
    const start = this.opts.start ?? (startSimWorker as () => RunWorker);
    const count = Math.min(this.opts.workers, tasks.length);
    while (this.workers.length < count) this.workers.push(start());
    let next = 0;
    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal?.aborted) resolve('aborted');
      signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const loop = async (slot: number): Promise<void> => {
      while (next < tasks.length && !signal?.aborted) {
        const task = tasks[next++];
        const w = this.workers[slot];
        const died = w.exited?.then(
          (code) => `the worker thread died (exit code ${String(code)})`,
          (e: unknown) => `the worker thread died: ${e instanceof Error ? e.message : String(e)}`,
        );
        const result = await Promise.race([runOne(w, task), aborted, ...(died ? [died.then((error) => ({ ok: false as const, error, died: true }))] : [])]);
        if (result === 'aborted') return;
        if ('died' in result) {
          // The thread is gone: replace it so the remaining runs go on.
          void w.terminate().catch(() => undefined);
          this.workers[slot] = start();
          onResult(task, { ok: false, error: result.error });
          continue;
        }
        onResult(task, result);
      }
    };
    await Promise.race([Promise.all(this.workers.slice(0, count).map((_, slot) => loop(slot))), aborted]);
    return { stopped: signal?.aborted ?? false };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

async function runOne(w: RunWorker, task: RunTask): Promise<RunResult> {
  try {
    const outputs = await w.api.run(task.scenario, { seed: task.seed, steps: task.steps, source: task.source });
    return { ok: true, outputs };
  } catch (e) {
    // comlink rebuilds thrown Errors with their message; anything else is shown as text.
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: message.replace(/\s*\n\s*/g, '; ') };
  }
}
