/**
 * The end of a plan, shared by executePlan (an unsharded batch, sweep, comparison or sensitivity
 * analysis) and merge (the shards of one): the aggregate files built from the plan and every run's
 * record, written with the manifest last, then what the plan's kind adds (a sensitivity analysis's
 * indices). Which metrics a sensitivity analysis reports is read back from the recorded command line,
 * so the merged folder is the one the unsharded command writes.
 */
import { writeFiles } from '../io/files';
import { finishSensitivity, metricsFromCommand, type Finished } from '../sensitivity/report';
import { aggregateFiles } from './aggregate';
import type { Plan } from './design';
import type { RunRecord } from './record';

export interface PlanFiles {
  /** The aggregate files by name (runs.csv, summary.json, manifest.json, ...). */
  files: Record<string, string>;
  /** A sensitivity analysis's indices, files and printed summary. */
  sensitivity?: Finished;
}

/** Write a finished plan's aggregates into `out`; throws WriteError when a file cannot be written. */
export async function finishPlan(plan: Plan, records: readonly RunRecord[], out: string): Promise<PlanFiles> {
  const files = await aggregateFiles(plan, records);
  writeFiles(out, files);
  if (plan.kind !== 'sensitivity') return { files };
  const sensitivity = finishSensitivity(plan, records, metricsFromCommand(plan.command));
  writeFiles(out, sensitivity.files);
  return { files, sensitivity };
}
