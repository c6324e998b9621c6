/**
 * One calibration of a model scenario: the ABC-SMC loop (abc-smc.ts) with the model as its simulator
 * (simulator.ts) on a worker pool, the distance of distance.ts, and the budget counted in model runs.
 */
import { RunPool, type RunWorker } from '../batch/pool';
import { abcSmc, type AbcResult, type Generation } from './abc-smc';
import { distance } from './distance';
import { type ModelSimulatorOptions, modelSimulator, seedCount } from './simulator';

/** The model simulator's options (scenario, factors, targets, seeds, steps) and the ABC-SMC settings. */
export interface CalibrationOptions extends Omit<ModelSimulatorOptions, 'pool' | 'onRun'> {
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
