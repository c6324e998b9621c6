/**
 * A plan run from the command line: the engine (src/batch/execute.ts) does the work, and this file
 * says what became of it on stderr and stdout: failed runs, an interruption or a file that could not be
 * written (with the command that finishes the job), a shard's line, a finished batch's closing line.
 */
import { describeValues, type Plan } from '../batch/design';
import { executePlan, type PlanOutcome } from '../batch/execute';
import type { Job } from '../batch/points';
import type { RunRecord } from '../batch/record';
import type { WriteError } from '../io/write-error';
import { escapeEcho } from '../scenario/display';
import { type RunOptions, wrapAsync } from './batch-flags';

/** Run a plan and report its outcome; the caller prints what its kind adds to a finished plan. */
export async function runPlan(job: Job, opts: RunOptions): Promise<PlanOutcome> {
  const outcome = await wrapAsync(() => executePlan(job, opts));
  const again = opts.typed.includes('--resume') ? opts.typed : [...opts.typed, '--resume'];
  if ('failures' in outcome && outcome.failures) reportFailures(outcome.failures);
  if (outcome.status === 'write-failed') {
    const kept = outcome.failures ? `all ${outcome.mine} runs are saved in ${opts.out}` : `${outcome.saved} of ${outcome.mine} runs are saved in ${opts.out}`;
    writeFailed(outcome.error, kept, again);
  } else if (outcome.status === 'interrupted') {
    console.error(`govsim: interrupted: ${outcome.saved} of ${outcome.mine} runs are saved in ${opts.out}; to finish, run: govsim ${again.map(quote).join(' ')}`);
  } else if (outcome.status === 'sharded') {
    const { shard } = opts;
    console.log(
      `shard ${shard!.k}/${shard!.n}: ${outcome.mine} of ${outcome.total} runs (${outcome.failures.length} failed) -> ${opts.out}/; combine the shards with: govsim merge DIR... --out DIR`,
    );
  }
  return outcome;
}

/** Say which file could not be written and why, what is kept, and how to finish. */
function writeFailed(e: WriteError, kept: string, again: readonly string[]): void {
  console.error(`govsim: ${e.message}; stopped. ${kept}; once the folder can be written, finish with: govsim ${again.map(quote).join(' ')}`);
}

/** One stderr line per failed run (its seed and parameters), at most 20. */
export function reportFailures(failures: readonly RunRecord[]): void {
  for (const r of failures.slice(0, 20)) {
    const params = describeValues(r.params);
    const scenario = r.scenario ? `${r.scenario}, ` : '';
    console.error(`govsim: run ${r.run} failed (${scenario}seed ${r.seed}${params ? `, ${params}` : ''}): ${r.error}`);
  }
  if (failures.length > 20) console.error(`govsim: ... and ${failures.length - 20} more failed runs (see the error column of runs.csv)`);
}

/** The closing stdout line of a finished batch. */
export function finishedLine(plan: Plan, out: string, files: Record<string, string>, records: readonly RunRecord[]): string {
  const failed = records.filter((r) => r.status !== 'ok').length;
  const hash = (JSON.parse(files['manifest.json']) as { outputHash: string }).outputHash;
  const points = plan.kind === 'sweep' || plan.kind === 'sensitivity' ? `${plan.points.length} points x ${plan.seeds.length} seeds = ` : '';
  return `${plan.kind} ${plan.scenarios.map((s) => escapeEcho(s.name)).join(' vs ')}: ${points}${records.length} runs, ${failed} failed -> ${out}/ (output hash ${hash.slice(0, 16)})`;
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
