/**
 * One run in its own Web Worker (comlink). The model is only ever stepped in the worker; the page gets
 * frames whose typed arrays are transferred, not copied. Calls are queued, so a click never interleaves
 * with a step in flight. A new run (another preset, seed or a reset) gets a new session and the old
 * worker is terminated, even mid-step.
 */
import { wrap, type Remote } from 'comlink';
import type { Frame } from '../sim/core/model';
import type { LoadInfo, SimApi, StepInfo } from '../src/worker/api';
import type { RunOutputs } from '../src/output/run';
import { t } from './i18n';

export interface Advance {
  info: StepInfo;
  frame: Frame;
  /** Series rows added by this advance, column-wise by name. */
  rows: Record<string, Float64Array>;
  /** Wall time of the round trip to the worker (step, series and frame), in milliseconds. */
  workerMs: number;
}

export class SimSession {
  private readonly worker: Worker;
  private readonly api: Remote<SimApi>;
  private queue: Promise<unknown> = Promise.resolve();
  private rowsSeen = 0;
  closed = false;

  /** `onFailure` hears of a worker that failed to start or crashed (e.g. out of memory). */
  constructor(onFailure: (message: string) => void) {
    this.worker = new Worker(new URL('../src/worker/browser-worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('error', (e) => {
      if (!this.closed) onFailure(t('session.failed', { message: e.message || t('session.crashed') }));
    });
    this.api = wrap<SimApi>(this.worker);
  }

  load(raw: unknown, seed: number | undefined, source: string): Promise<{ load: LoadInfo; frame: Frame }> {
    return this.enqueue(async () => {
      const load = await this.api.load(raw, { seed, source });
      const frame = await this.api.frame();
      this.rowsSeen = 0;
      return { load, frame };
    });
  }

  /** Step `n` times, then fetch the new series rows and the frame. */
  advance(n: number): Promise<Advance> {
    return this.enqueue(async () => {
      const t0 = performance.now();
      // Sent together; the worker answers them in order.
      const [info, rows, frame] = await Promise.all([this.api.step(n), this.api.seriesSince(this.rowsSeen), this.api.frame()]);
      this.rowsSeen += Object.values(rows)[0]?.length ?? 0;
      return { info, frame, rows, workerMs: performance.now() - t0 };
    });
  }

  /** Run a whole scenario to the end in this worker (seed-noise checks); the loaded run is untouched. */
  runOnce(raw: unknown, seed: number, steps: number): Promise<RunOutputs> {
    return this.enqueue(() => this.api.run(raw, { seed, steps }));
  }

  outputs(): Promise<RunOutputs> {
    return this.enqueue(() => this.api.outputs());
  }

  close(): void {
    this.closed = true;
    this.worker.terminate();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
