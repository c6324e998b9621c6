/**
 * Runs the experiments the patterns need: each (preset, overrides) over the same seeds, in the batch
 * runner's worker pool, collecting every run's summary metrics in seed order. Common random numbers
 * across experiments make paired comparisons (governance vs management on seed s) meaningful.
 */
import type { Summary, SummaryValue } from '../../sim/core/model';
import type { RunTask } from '../batch/pool';
import { runSummaries } from '../batch/summaries';
import { applyOverrides } from '../scenario/overrides';
import { readScenarioRaw } from '../scenario/files';

export interface Experiment {
  /** Unique key the patterns read results by. */
  key: string;
  /** Preset name or scenario file. */
  scenario: string;
  /** `path=value` overrides. */
  sets?: string[];
  steps?: number;
  /**
   * Run over this many times the seeds (the given ones, then as many more numbered on from the
   * largest): for cheap experiments whose effect is too small for the common seed count to detect
   * reliably. Experiments compared with each other must share the factor.
   */
  seedFactor?: number;
}

/** The seeds an experiment runs over (see seedFactor). */
export function seedsOf(e: Experiment, seeds: readonly number[]): number[] {
  const factor = e.seedFactor ?? 1;
  const next = Math.max(0, ...seeds) + 1;
  return [...seeds, ...Array.from({ length: seeds.length * (factor - 1) }, (_, i) => next + i)];
}

/** Per experiment key, the summary metrics of each seed's run, in seed order. */
export type Results = Map<string, Summary[]>;

export async function runExperiments(
  experiments: readonly Experiment[],
  seeds: readonly number[],
  opts: { workers: number; quiet?: boolean },
): Promise<Results> {
  const tasks: RunTask[] = [];
  /** Per task: its experiment and its place in that experiment's seeds. */
  const places: { key: string; at: number }[] = [];
  for (const e of experiments) {
    const raw = applyOverrides(readScenarioRaw(e.scenario).raw, e.sets ?? [], `${e.key} --set`);
    seedsOf(e, seeds).forEach((seed, at) => {
      tasks.push({ id: tasks.length, scenario: raw, seed, steps: e.steps, source: `${e.key} (seed ${seed})` });
      places.push({ key: e.key, at });
    });
  }
  const out: Results = new Map(experiments.map((e) => [e.key, new Array<Summary>(seedsOf(e, seeds).length)]));
  const { summaries, failures } = await runSummaries(tasks, opts);
  summaries.forEach((summary, id) => {
    if (summary) out.get(places[id].key)![places[id].at] = summary;
  });
  if (failures.length) throw new Error(`validation runs failed:\n  ${failures.join('\n  ')}`);
  return out;
}

/** One metric of one experiment across seeds; `path` may be dotted (`resolvedByLevel.grid`). */
export function metric(results: Results, key: string, path: string): number[] {
  const runs = results.get(key);
  if (!runs) throw new Error(`no experiment ${key}`);
  return runs.map((s) => {
    let v: SummaryValue | undefined = s[path.split('.')[0]];
    for (const part of path.split('.').slice(1)) v = (v as Record<string, number> | undefined)?.[part];
    if (typeof v !== 'number') throw new Error(`experiment ${key}: metric ${path} is not a number`);
    return v;
  });
}

/** A list-valued metric (e.g. petitionsByYear) of one experiment across seeds. */
export function series(results: Results, key: string, name: string): number[][] {
  return (results.get(key) ?? []).map((s) => {
    const v = s[name];
    if (!Array.isArray(v)) throw new Error(`experiment ${key}: metric ${name} is not a list`);
    return v;
  });
}
