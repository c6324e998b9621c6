/**
 * The model as an ABC simulator: a batch of parameter vectors becomes worker-pool runs (each vector set
 * into the base scenario, each over its seeds), and each vector's summary statistics are the target
 * metrics averaged over its seeds (a ratio target: the ratio of the two means). Results are keyed by run
 * id, so they never depend on which worker finished first.
 *
 * Seeds: a list (`common`) runs every particle on the same seeds (common random numbers); a count S
 * (`fresh`) gives simulation number i the seeds i S + 1 .. i S + S, so no two particles share a run
 * and seed noise enters the posterior as ABC expects of a stochastic simulator.
 */
import type { Summary } from '../../sim/core/model';
import { flattenMetrics } from '../batch/metrics';
import type { RunPool, RunTask } from '../batch/pool';
import { BatchInputError } from '../batch/errors';
import { nearest } from '../scenario/nearest';
import { applyOverrides } from '../scenario/overrides';
import type { Factor } from '../sensitivity/types';
import type { Simulate } from './abc-smc';
import { targetParts, type Target } from './targets';

export type SeedPlan = { kind: 'common'; seeds: number[] } | { kind: 'fresh'; count: number };

export function seedsFor(plan: SeedPlan, simulation: number): number[] {
  return plan.kind === 'common' ? plan.seeds : Array.from({ length: plan.count }, (_, r) => simulation * plan.count + r + 1);
}

export function seedCount(plan: SeedPlan): number {
  return plan.kind === 'common' ? plan.seeds.length : plan.count;
}

/** `path=value` assignments setting theta into a scenario (integer parameters rounded). */
export function assignmentsOf(factors: readonly Factor[], theta: readonly number[]): string[] {
  return factors.map((f, i) => `${f.path}=${f.type === 'integer' ? Math.round(theta[i]) : theta[i]}`);
}

export interface ModelSimulatorOptions {
  pool: RunPool;
  /** The base scenario (raw JSON, --set applied). */
  raw: unknown;
  source: string;
  factors: readonly Factor[];
  targets: readonly Target[];
  seeds: SeedPlan;
  steps?: number;
  /** Called as each run finishes (progress). */
  onRun?: (ok: boolean) => void;
  /** Failed runs' messages go here (the first few are shown). */
  failures?: string[];
}

export function modelSimulator(o: ModelSimulatorOptions): Simulate {
  let checked = false;
  return async (thetas, firstId) => {
    const tasks: RunTask[] = [];
    const owner: number[] = [];
    thetas.forEach((theta, k) => {
      const sets = assignmentsOf(o.factors, theta);
      const scenario = applyOverrides(o.raw, sets, 'calibrate');
      for (const seed of seedsFor(o.seeds, firstId + k)) {
        tasks.push({ id: tasks.length, scenario, seed, steps: o.steps, source: `${o.source} at ${sets.join(', ')} (seed ${seed})` });
        owner.push(k);
      }
    });
    const runs: (Summary | null)[] = new Array(tasks.length).fill(null);
    await o.pool.runAll(tasks, (task, result) => {
      o.onRun?.(result.ok);
      if (result.ok) {
        const summary = JSON.parse(result.outputs.files['summary.json']).metrics as Summary;
        // A target naming no metric stops the pool at the first finished run (throws), not after a batch.
        if (!checked) statistics(o.targets, [summary]);
        checked = true;
        runs[task.id] = summary;
      } else o.failures?.push(`${task.source}: ${result.error}`);
    });
    return thetas.map((_, k) => {
      const mine = runs.filter((_, i) => owner[i] === k);
      if (mine.some((r) => r === null)) return null;
      return statistics(o.targets, mine as Summary[]);
    });
  };
}

/** Each target's statistic over a particle's runs: the mean over runs (a ratio: ratio of means). */
export function statistics(targets: readonly Target[], runs: readonly Summary[]): number[] {
  const flat = runs.map((r) => flattenMetrics(r));
  const mean = (name: string) => {
    let s = 0;
    for (const f of flat) {
      const v = f[name];
      if (v === undefined || Array.isArray(v)) {
        const names = Object.keys(f).filter((k) => !Array.isArray(f[k]));
        const hint = nearest(name, names);
        throw new BatchInputError(
          `--targets: ${name} is not a numeric summary metric of the model${hint ? `; did you mean ${hint}?` : ''} (allowed: ${names.join(', ')})`,
        );
      }
      s += v;
    }
    return s / flat.length;
  };
  return targets.map((t) => {
    const [a, b] = targetParts(t);
    return b === undefined ? mean(a) : mean(a) / mean(b);
  });
}
