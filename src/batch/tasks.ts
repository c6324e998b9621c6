/**
 * Which runs of a plan this process does: the runs of its shard, less those a resumed batch finds
 * already saved for the same definition. Each run gets a key (its point's scenario, seed and --steps,
 * hashed) that goes into its record, so that --resume never takes another batch's run for it.
 */
import { canonicalJson, sha256Hex } from '../output/hash';
import { plannedRun, runCount } from './design';
import type { RunTask } from './pool';
import type { Job } from './points';
import { inShard, type Shard } from './shard';
import type { RunStore } from './store';

export interface PendingRuns {
  /** Ids of the runs of this shard (all runs when unsharded), in id order. */
  mine: number[];
  /** The runs still to do. */
  tasks: RunTask[];
  /** Each of mine's run key by id. */
  keys: Map<number, string>;
  /** How many of mine were found done (with --resume). */
  already: number;
}

export async function pendingRuns(job: Job, store: RunStore, opts: { shard?: Shard; resume: boolean; note: (line: string) => void }): Promise<PendingRuns> {
  const { plan } = job;
  const mine: number[] = [];
  for (let id = 0; id < runCount(plan); id++) if (inShard(id, opts.shard)) mine.push(id);
  const keys = new Map<number, string>();
  // The scenario is hashed once per point, not once per run.
  const pointHashes = new Map<number, string>();
  const tasks: RunTask[] = [];
  let already = 0;
  for (const id of mine) {
    const r = plannedRun(plan, id);
    let pointHash = pointHashes.get(r.point);
    if (pointHash === undefined) pointHashes.set(r.point, (pointHash = await sha256Hex(canonicalJson(job.raws[r.point]))));
    const key = await sha256Hex(`${pointHash}/${r.seed}/${job.steps ?? 'default'}`);
    keys.set(id, key);
    if (opts.resume) {
      const saved = store.read(id);
      if ('problem' in saved) opts.note(`${store.runPath(id)}: ${saved.problem}; running it again`);
      else if (store.isDone(id, key, plan.series)) {
        already++;
        continue;
      }
    }
    tasks.push({ id, scenario: job.raws[r.point], seed: r.seed, steps: job.steps, source: job.sources[r.point] });
  }
  return { mine, tasks, keys, already };
}
