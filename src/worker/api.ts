/**
 * The one worker API, served by a browser Web Worker (browser-worker.ts) and by a Node worker thread
 * (node-worker.ts) through comlink. Both run `createSimApi`, so the app, the CLI's batches and the
 * tests drive the same code path.
 */
import { transfer } from 'comlink';
import type { Frame, Model } from '../../sim/core/model';
import type { TypedArray } from '../../sim/core/columns';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { resolveRun } from '../scenario/resolve';
import { buildModel, collectOutputs, runScenario, type RunOutputs } from '../output/run';

export interface LoadInfo {
  model: string;
  name: string;
  seed: number;
  steps: number;
  series: string[];
}

export interface StepInfo {
  time: number;
  /** The latest metrics row, by name. */
  latest: Record<string, number>;
}

export interface SimApi {
  /** Validate and load a scenario (raw JSON). Throws an Error whose message lists every problem. */
  load(scenario: unknown, opts?: { seed?: number; source?: string }): LoadInfo;
  /** Advance the loaded run `n` steps. */
  step(n: number): StepInfo;
  /** The view's data for the current step; its arrays are transferred, not copied. */
  frame(): Frame;
  /** Series rows from `from` (inclusive) to the current step, column-wise. */
  seriesSince(from: number): Record<string, Float64Array>;
  /** The run's output files and manifest as they stand. */
  outputs(): Promise<RunOutputs>;
  /** Run a whole scenario in one call (for batches): validated, stepped, outputs returned. */
  run(scenario: unknown, opts?: { seed?: number; steps?: number; source?: string }): Promise<RunOutputs>;
}

export function createSimApi(): SimApi {
  let model: Model | undefined;
  let scenario: Scenario | undefined;
  let seed = 0;

  const loaded = (): Model => {
    if (!model) throw new Error('no scenario loaded: call load() first');
    return model;
  };

  return {
    load(raw, opts = {}) {
      scenario = parseScenario(raw, opts.source);
      const run = resolveRun(scenario, { seed: opts.seed });
      seed = run.seed;
      model = buildModel(scenario, seed);
      return { model: scenario.model, name: scenario.name, seed, steps: run.steps, series: [...model.series().names] };
    },
    step(n) {
      const m = loaded();
      m.step(n);
      const rec = m.series();
      const latest: Record<string, number> = {};
      if (rec.rows > 0) for (const name of rec.names) latest[name] = rec.at(name, rec.rows - 1);
      return { time: m.time, latest };
    },
    frame() {
      const f = loaded().frame();
      return transfer(f, Object.values(f.arrays).map((a: TypedArray) => a.buffer as ArrayBuffer));
    },
    seriesSince(from) {
      const rec = loaded().series();
      const out: Record<string, Float64Array> = {};
      for (const name of rec.names) out[name] = rec.column(name).slice(Math.max(0, from));
      return transfer(out, Object.values(out).map((a) => a.buffer as ArrayBuffer));
    },
    outputs() {
      return collectOutputs(loaded(), scenario!, seed);
    },
    run(raw, opts = {}) {
      return runScenario(parseScenario(raw, opts.source), opts);
    },
  };
}
