/**
 * A worker thread holding one group of a model's shards (sim/core/shards.ts; shard-threads.ts starts
 * it): builds the group, then answers each command on its port, raising the shared flag after each
 * reply so the model's thread, waiting on the flag, can take it without an event loop.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { createShardHandler } from '../../sim/registry';
import type { ShardHandler, ShardInit } from '../../sim/core/shards';

const { init, port, flag } = workerData as { init: ShardInit; port: MessagePort; flag: SharedArrayBuffer };
const ready = new Int32Array(flag);

function reply(message: { ok: unknown } | { error: string }): void {
  port.postMessage(message);
  Atomics.store(ready, 0, 1);
  Atomics.notify(ready, 0);
}

function failure(e: unknown): { error: string } {
  return { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

let handler: ShardHandler | undefined;
try {
  handler = createShardHandler(init);
  reply({ ok: null });
} catch (e) {
  reply(failure(e));
}
port.on('message', (command: unknown) => {
  try {
    if (!handler) throw new Error('the shard group was not built');
    reply({ ok: handler.handle(command) });
  } catch (e) {
    reply(failure(e));
  }
});
