/**
 * The batch engine behind batch, sweep, compare and sensitivity: run a plan's runs in a worker pool,
 * save each under DIR/runs as it finishes (so an interrupted batch resumes where it stopped), and once
 * every run of an unsharded plan is saved, write the aggregates (finish.ts). It prints nothing but the
 * progress line and notes: it returns what happened, and the command says it in its own words.
 */
import { WriteError } from '../io/write-error';
import { plannedRun, runCount, type Plan } from './design';
import { finishPlan, type PlanFiles } from './finish';
import { onInterrupt } from './interrupt';
import type { Job } from './points';
import { RunPool } from './pool';
import { Progress } from './progress';
import type { RunRecord } from './record';
import type { Shard } from './shard';
import { RunStore, samePlan } from './store';
import { scenarioLabels } from './compare';
import { pendingRuns } from './tasks';
import { BatchInputError } from './errors';

export interface ExecuteOptions {
  out: string;
  workers: number;
  resume: boolean;
  shard?: Shard;
  quiet: boolean;
  /** Where a note for the user goes (a damaged run file found on --resume); stderr by default. */
  note?: (line: string) => void;
}

/** What became of a plan. `code`: 0 all fine, 1 some runs failed, 130/143 interrupted (SIGINT/SIGTERM), 3 a file could not be written. */
export type PlanOutcome =
  | { status: 'interrupted'; code: number; saved: number; mine: number }
  /** `failures` is set when the runs were done and the aggregates could not be written. */
  | { status: 'write-failed'; code: number; error: WriteError; saved: number; mine: number; failures?: RunRecord[] }
  | { status: 'sharded'; code: number; mine: number; total: number; failures: RunRecord[] }
  | ({ status: 'done'; code: number; records: RunRecord[]; failures: RunRecord[] } & PlanFiles);

/** Exit code of a batch stopped by a file it could not write. */
export const WRITE_FAILED = 3;

export async function executePlan(job: Job, opts: ExecuteOptions): Promise<PlanOutcome> {
  const { plan } = job;
  const note = opts.note ?? ((line: string) => console.error(`govsim: ${line}`));
  const store = new RunStore(opts.out);
  if (opts.resume) {
    const old = store.readPlanText();
    if (old !== undefined && !sameAs(old, plan)) {
      throw new BatchInputError(`--resume: ${opts.out} holds a different batch (its plan.json differs); resume with the same arguments, or use another --out`);
    }
  }
  store.removeStaleTemporaries();
  store.writePlan(plan);

  const { mine, tasks, keys, already } = await pendingRuns(job, store, { shard: opts.shard, resume: opts.resume, note });
  const progress = new Progress(mine.length, already, { quiet: opts.quiet });
  const interrupt = onInterrupt();
  const pool = new RunPool({ workers: Math.max(1, Math.min(opts.workers, tasks.length)) });
  const labels = scenarioLabels(plan);
  let stopped = false;
  let writeError: WriteError | undefined;
  try {
    if (tasks.length) {
      const res = await pool.runAll(
        tasks,
        (task, result) => {
          const r = plannedRun(plan, task.id);
          const point = plan.points[r.point];
          const record: RunRecord = {
            run: task.id,
            point: r.point,
            seed: r.seed,
            ...(plan.kind === 'compare' ? { scenario: labels[point.scenario] } : {}),
            params: point.values,
            steps: point.steps,
            key: keys.get(task.id)!,
            status: result.ok ? 'ok' : 'failed',
          };
          if (result.ok) {
            record.metrics = JSON.parse(result.outputs.files['summary.json']).metrics;
            record.outputHash = result.outputs.manifest.outputHash;
          } else record.error = result.error;
          store.save(record, plan.series && result.ok ? result.outputs.files['timeseries.csv'] : undefined);
          progress.tick(!result.ok);
        },
        interrupt.signal,
      );
      stopped = res.stopped;
    }
  } catch (e) {
    // A run could not be saved (full disk, no permission): the pool stopped handing out runs; close()
    // below ends the threads, and every run saved before stays for --resume.
    if (!(e instanceof WriteError)) throw e;
    writeError = e;
  } finally {
    interrupt.dispose();
    progress.finish();
    await pool.close();
  }

  const saved = () => mine.filter((id) => store.load(id)?.status === 'ok').length;
  if (writeError) return { status: 'write-failed', code: WRITE_FAILED, error: writeError, saved: saved(), mine: mine.length };
  if (stopped) return { status: 'interrupted', code: interrupt.code() || 130, saved: saved(), mine: mine.length };

  const failures = mine.map((id) => store.load(id)).filter((r): r is RunRecord => !!r && r.status !== 'ok');
  const code = failures.length ? 1 : 0;
  const total = runCount(plan);
  if (opts.shard) return { status: 'sharded', code, mine: mine.length, total, failures };
  const records: RunRecord[] = [];
  for (let id = 0; id < total; id++) {
    const r = store.load(id);
    if (!r) throw new Error(`run ${id} has no saved record in ${opts.out}/runs`);
    records.push(r);
  }
  try {
    return { status: 'done', code, records, failures, ...(await finishPlan(plan, records, opts.out)) };
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    return { status: 'write-failed', code: WRITE_FAILED, error: e, saved: total, mine: total, failures };
  }
}

function sameAs(text: string, plan: Plan): boolean {
  try {
    return samePlan(JSON.parse(text) as Plan, plan);
  } catch {
    return false;
  }
}
