/** Start a simulation worker thread in Node and talk to it through comlink. */
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimApi } from './api';

export interface SimWorker {
  api: Remote<SimApi>;
  /** Settles with the exit code when the thread ends, so a pool can replace a thread that died. */
  exited: Promise<number>;
  terminate(): Promise<void>;
}

export function startSimWorker(): SimWorker {
  const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./node-worker.ts', import.meta.url).href },
  });
  const api = wrap<SimApi>(nodeEndpoint(worker));
  return {
    api,
    exited: new Promise<number>((resolve) => worker.once('exit', resolve)),
    async terminate() {
      await worker.terminate();
    },
  };
}
