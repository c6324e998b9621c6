/**
 * Run tasks on a worker pool for their summary metrics only, with a progress line: the runner behind
 * `govsim validate` and the comparisons across draws of society, which keep no per-run files.
 */
import type { Summary } from '../../sim/core/model';
import { RunPool, type RunTask } from './pool';
import { Progress } from './progress';

/** Each task's summary by task id (undefined where it failed), and the failures as `source: error`. */
export async function runSummaries(tasks: readonly RunTask[], opts: { workers: number; quiet?: boolean }): Promise<{ summaries: (Summary | undefined)[]; failures: string[] }> {
  const summaries: (Summary | undefined)[] = new Array(tasks.length).fill(undefined);
  const failures: string[] = [];
  const progress = new Progress(tasks.length, 0, { quiet: opts.quiet });
  const pool = new RunPool({ workers: Math.max(1, Math.min(opts.workers, tasks.length)) });
  try {
    await pool.runAll(tasks, (task, result) => {
      progress.tick(!result.ok);
      if (!result.ok) failures.push(`${task.source}: ${result.error}`);
      else summaries[task.id] = JSON.parse(result.outputs.files['summary.json']).metrics as Summary;
    });
  } finally {
    progress.finish();
    await pool.close();
  }
  return { summaries, failures };
}
