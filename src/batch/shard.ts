/**
 * Shards: `--shard K/N` runs the runs whose id satisfies id % N == K - 1 (K counts from 1, as Slurm's
 * array tasks usually do after +1). Round-robin rather than contiguous blocks, so every shard gets a
 * share of each design point and of each scenario, and shards take about equally long even when some
 * points are slower than others. The rule depends only on the run id, so any machine computes the same
 * split.
 */
import { BatchInputError } from './errors';

export interface Shard {
  k: number;
  n: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const bad = (why: string) =>
    new BatchInputError(`--shard ${JSON.stringify(text)}: ${why}; allowed: K/N with 1 <= K <= N, e.g. --shard 1/4`);
  if (!m) throw bad('not of the form K/N');
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1) throw bad('N must be at least 1');
  if (k < 1 || k > n) throw bad(`K must be from 1 to ${n}`);
  return { k, n };
}

export function inShard(id: number, shard: Shard | undefined): boolean {
  return !shard || id % shard.n === shard.k - 1;
}
