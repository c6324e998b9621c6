/**
 * One calibration of a model scenario: the ABC-SMC loop (abc-smc.ts) with the model as its simulator
 * (simulator.ts) on a worker pool, the distance of distance.ts, and the budget counted in model runs.
 */
import { RunPool, type RunWorker } from '../batch/pool';
import type { Factor } from '../sensitivity/types';
import { abcSmc, type AbcResult, type Generation } from './abc-smc';
import { distance } from './distance';
import { modelSimulator, seedCount, type SeedPlan } from './simulator';
import type { Target } from './targets';

export interface CalibrationOptions {
  raw: unknown;
  source: string;
  factors: readonly Factor[];
  targets: readonly Target[];
  seeds: SeedPlan;
  steps?: number;
  particles: number;
  generations: number;
  finalEpsilon: number;
  alpha: number;
  /** Most model runs; undefined for no limit. */
  budgetRuns?: number;
  sampleSeed: number;
  workers: number;
  /** Tests may run the model in-process. */
  start?: () => RunWorker;
  onGeneration?: (g: Generation) => void;
}

export async function runCalibration(o: CalibrationOptions): Promise<AbcResult> {
  const pool = new RunPool({ workers: o.workers, ...(o.start ? { start: o.start } : {}) });
  const failures: string[] = [];
  const simulate = modelSimulator({ pool, raw: o.raw, source: o.source, factors: o.factors, targets: o.targets, seeds: o.seeds, steps: o.steps, failures });
  try {
    return await abcSmc({
      factors: o.factors,
      simulate,
      distance: (s) => distance(o.targets, s),
      particles: o.particles,
      generations: o.generations,
      finalEpsilon: o.finalEpsilon,
      maxSimulations: o.budgetRuns === undefined ? Infinity : Math.floor(o.budgetRuns / seedCount(o.seeds)),
      alpha: o.alpha,
      sampleSeed: o.sampleSeed,
      onGeneration: o.onGeneration,
    });
  } catch (e) {
    if (failures.length && e instanceof Error && /failed/.test(e.message)) e.message += `; first failure: ${failures[0]}`;
    throw e;
  } finally {
    await pool.close();
  }
}
