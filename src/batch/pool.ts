/**
 * A pool of simulation workers (Node worker_threads serving the same comlink API as the browser's Web
 * Worker). Runs are handed out one at a time to whichever worker is free, and each result is passed on
 * with its run id, so what is written never depends on which worker finished first. A run that throws
 * becomes a failed result; the other runs go on. When handling a result fails (the caller could not
 * save it: a full disk), the pool stops handing out runs and `runAll` rejects with that error at once,
 * so the caller can close the pool; a closed pool never starts a worker (a thread it terminates must
 * not look like one that died and be replaced, or a batch on a full disk would never end).
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
   * runs still in flight are abandoned (close() ends their threads). When `onResult` throws, no further
   * task starts and the promise rejects at once with that error (again, close() ends the threads).
   */
  async runAll(
    tasks: readonly RunTask[],
    onResult: (task: RunTask, result: RunResult) => void,
    signal?: AbortSignal,
  ): Promise<{ stopped: boolean }> {
    if (this.closed) throw new Error('the pool is closed');
    const count = Math.min(this.opts.workers, tasks.length);
    while (this.workers.length < count) this.workers.push(this.start());
    let next = 0;
    let failure: { error: unknown } | undefined;
    let fail!: (error: unknown) => void;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined); // observed through the race below; never an unhandled rejection
    const stopping = () => this.closed || failure !== undefined || (signal?.aborted ?? false);
    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal?.aborted) resolve('aborted');
      signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const deliver = (task: RunTask, result: RunResult): boolean => {
      try {
        onResult(task, result);
        return true;
      } catch (error) {
        failure = { error };
        fail(error);
        return false;
      }
    };
    const loop = async (slot: number): Promise<void> => {
      while (next < tasks.length && !stopping()) {
        const task = tasks[next++];
        const w = this.workers[slot];
        const died = w.exited?.then(
          (code) => `the worker thread died (exit code ${String(code)})`,
          (e: unknown) => `the worker thread died: ${e instanceof Error ? e.message : String(e)}`,
        );
        const result = await Promise.race([runOne(w, task), aborted, ...(died ? [died.then((error) => ({ ok: false as const, error, died: true }))] : [])]);
        // Stopped meanwhile (aborted, closed, or another run's result could not be saved): this run is
        // not recorded, and a batch resumed later runs it again.
        if (result === 'aborted' || stopping()) return;
        if ('died' in result) {
          // The thread is gone: replace it so the remaining runs go on.
          void w.terminate().catch(() => undefined);
          this.workers[slot] = this.start();
          if (!deliver(task, { ok: false, error: result.error })) return;
          continue;
        }
        if (!deliver(task, result)) return;
      }
    };
    await Promise.race([Promise.all(this.workers.slice(0, count).map((_, slot) => loop(slot))), aborted, failed]);
    return { stopped: signal?.aborted ?? false };
  }

  /** Start a worker; refused once the pool is closed. */
  private start(): RunWorker {
    if (this.closed) throw new Error('the pool is closed: no new worker');
    return (this.opts.start ?? (startSimWorker as () => RunWorker))();
  }

  /** Stop every worker. From now on the pool starts none, whatever its threads do as they end. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate().catch(() => undefined)));
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
