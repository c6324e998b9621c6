/**
 * Shards: a model split into parts that run side by side (sim/governance/province.ts: one county world
 * a shard), coordinated by the model's own thread. A group of shards answers commands, in order, with
 * one reply each; where the group lives (this thread, or another one: src/worker/shard-threads.ts) is
 * the host's business, so sim/ never names a thread API, and every shard's numbers are the same
 * wherever it runs: the model reduces replies in shard order, never in the order threads finish.
 */

/** The shards of one group, answering the model's commands synchronously where they live. */
export interface ShardHandler {
  handle(command: unknown): unknown;
}

/** What a group is built from: the model's name, its params and seed, and the shards it holds. */
export interface ShardInit {
  model: string;
  params: unknown;
  seed: number;
  /** The group's shards: from .. to - 1. */
  from: number;
  to: number;
}

/** A group as the model sees it: post a command, later take its reply (blocking until it is there). */
export interface ShardGroup {
  post(command: unknown): void;
  take(): unknown;
  close(): void;
}

/**
 * How a model may spread its shards: over `threads` groups, each beyond the first built by `spawn` in
 * another thread (the first stays in the model's thread). Without it, or with one thread, every shard
 * runs in the model's thread.
 */
export interface ShardHosting {
  threads: number;
  spawn(init: ShardInit): ShardGroup;
}

/** A group in the model's own thread: post runs the command at once; take returns its reply or throws its error. */
export function localGroup(handler: ShardHandler): ShardGroup & { handler: ShardHandler } {
  let reply: unknown;
  let failed = false;
  return {
    // Kept in view (not only in the closures): memory walkers reach the shards through it.
    handler,
    post(command) {
      try {
        reply = handler.handle(command);
        failed = false;
      } catch (e) {
        reply = e;
        failed = true;
      }
    },
    take() {
      const r = reply;
      reply = undefined;
      if (failed) throw r;
      return r;
    },
    close() {},
  };
}

/** Split shards 0 .. n - 1 into `groups` contiguous ranges of sizes differing by at most one. */
export function shardRanges(n: number, groups: number): Array<[number, number]> {
  const g = Math.max(1, Math.min(groups, n));
  const out: Array<[number, number]> = [];
  for (let k = 0; k < g; k++) out.push([Math.floor((k * n) / g), Math.floor(((k + 1) * n) / g)]);
  return out;
}
