/**
 * Shards of a model in Node worker threads (sim/core/shards.ts): each group beyond the first runs in a
 * thread of its own (shard-worker.ts). The model's thread posts a command and blocks on a shared flag
 * until the reply is there, then reads it with receiveMessageOnPort: the model stays synchronous (a
 * Model's step returns when the day is done) and needs no event loop while it waits. Replies are reduced
 * by the model in shard order, so the bytes do not depend on the number of threads.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ShardGroup, ShardHosting, ShardInit } from '../../sim/core/shards';

/** Longest wait for one reply before the model gives up on a thread that no longer answers. */
const REPLY_TIMEOUT_MS = 30 * 60 * 1000;

export function threadHosting(threads: number): ShardHosting {
  return { threads, spawn: spawnGroup };
}

function spawnGroup(init: ShardInit): ShardGroup {
  const { port1, port2 } = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const ready = new Int32Array(flag);
  const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./shard-worker.ts', import.meta.url).href, init, port: port2, flag },
    transferList: [port2 as unknown as MessagePort],
  });
  // The thread must not keep a finished process alive (a model not disposed of).
  worker.unref();
  let exited: number | null = null;
  worker.once('exit', (code) => {
    exited = code;
  });
  return {
    post(command) {
      port1.postMessage(command);
    },
    take() {
      const start = Date.now();
      while (Atomics.load(ready, 0) === 0) {
        Atomics.wait(ready, 0, 0, 1000);
        if (Date.now() - start > REPLY_TIMEOUT_MS) throw new Error(`shard thread for shards ${init.from}..${init.to - 1} did not answer in ${REPLY_TIMEOUT_MS / 60000} min`);
        if (exited !== null) throw new Error(`shard thread for shards ${init.from}..${init.to - 1} exited with code ${exited}`);
      }
      Atomics.store(ready, 0, 0);
      const m = receiveMessageOnPort(port1);
      if (!m) throw new Error(`shard thread for shards ${init.from}..${init.to - 1} raised its flag without a reply`);
      const r = m.message as { ok: unknown } | { error: string };
      if ('error' in r) throw new Error(`shard thread for shards ${init.from}..${init.to - 1}: ${r.error}`);
      return r.ok;
    },
    close() {
      port1.close();
      void worker.terminate();
    },
  };
}
