/**
 * Combining the folders of a sharded batch (`--shard 1/N` ... `--shard N/N`) into the folder an
 * unsharded batch writes: the same plan, every run file (and series), and the aggregates rebuilt from
 * them (finish.ts, as the unsharded command does). Shards must come from the same command (their plan.json files are identical: `--shard`,
 * `--out`, `--workers`, `--quiet` and `--resume` are left out of it), and together must hold every run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plannedRun, runCount, type Plan } from './design';
import { BatchInputError } from './errors';
import { formatSeeds } from './seeds';
import { recordText, RunStore, samePlan, type RunRecord } from './store';
import { writeFileAtomic } from '../io/files';
import { finishPlan, type PlanFiles } from './finish';

export interface MergeResult extends PlanFiles {
  plan: Plan;
  records: RunRecord[];
}

export async function mergeDirs(dirs: readonly string[], out: string): Promise<MergeResult> {
  if (dirs.length === 0) throw new BatchInputError('merge needs at least one batch folder');
  const stores = dirs.map((d) => new RunStore(d));
  let planText: string | undefined;
  let plan: Plan | undefined;
  for (const s of stores) {
    const t = s.readPlanText();
    if (t === undefined) throw new BatchInputError(`${s.dir}: no plan.json here; is it the --out folder of a batch, sweep or compare?`);
    let p: Plan;
    try {
      p = JSON.parse(t) as Plan;
    } catch {
      throw new BatchInputError(`${s.dir}/plan.json is not valid JSON`);
    }
    if (!plan) {
      // The first folder's plan (and so its recorded command line) is the merged batch's.
      plan = p;
      planText = t;
    } else if (!samePlan(p, plan)) {
      throw new BatchInputError(
        `${s.dir}: its plan.json differs from ${stores[0].dir}'s; shards must come from the same command (only --shard, --out, --workers, --quiet and --resume may differ)`,
      );
    }
  }
  if (!plan) throw new BatchInputError('merge needs at least one batch folder');
  const records: RunRecord[] = [];
  const missing: number[] = [];
  const outStore = new RunStore(out);
  for (let id = 0; id < runCount(plan); id++) {
    // A run found in several folders (a shard resumed elsewhere) is taken from the first that finished it.
    let found: { store: RunStore; record: RunRecord } | undefined;
    for (const store of stores) {
      const loaded = store.read(id);
      if ('problem' in loaded) {
        throw new BatchInputError(`${store.runPath(id)}: ${loaded.problem}; run that folder's command again with --resume, which redoes the run`);
      }
      if (!('record' in loaded)) continue;
      const { record } = loaded;
      if (!found || (found.record.status !== 'ok' && record.status === 'ok')) found = { store, record };
    }
    if (!found || (plan.series && found.record.status === 'ok' && !existsSync(found.store.seriesPath(id)))) {
      missing.push(id);
      continue;
    }
    records.push(found.record);
    if (resolve(found.store.dir) !== resolve(out)) {
      writeFileAtomic(outStore.runPath(id), recordText(found.record));
      if (plan.series && found.record.status === 'ok') writeFileAtomic(outStore.seriesPath(id), readFileSync(found.store.seriesPath(id), 'utf8'));
    }
  }
  if (missing.length) {
    const first = missing.slice(0, 5).map((id) => {
      const r = plannedRun(plan, id);
      return `${id} (seed ${r.seed}, point ${r.point})`;
    });
    throw new BatchInputError(
      `${missing.length} of ${runCount(plan)} runs are missing from these folders, e.g. run ${first.join(', ')}${missing.length > 5 ? ', ...' : ''}; run or --resume the shards that hold them (seeds ${formatSeeds(plan.seeds)})`,
    );
  }
  writeFileAtomic(outStore.planPath, planText!);
  return { plan, records, ...(await finishPlan(plan, records, out)) };
}

