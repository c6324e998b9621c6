/**
 * One run's outputs as text: the time series, the summary and the manifest that ties them to the
 * engine version, the scenario's content and the seed. Pure (no I/O), so the browser and Node build
 * the same bytes; writers decide where they go.
 */
import type { Model } from '../../sim/core/model';
import { createModel } from '../../sim/registry';
import type { Scenario } from '../scenario/schema';
import { resolveRun } from '../scenario/resolve';
import { ENGINE_VERSION } from '../version';
import { eventTableCsv, seriesCsv } from './csv';
import { canonicalJson, sha256Hex } from './hash';

export interface Manifest {
  engine: 'govsim';
  engineVersion: string;
  model: string;
  scenario: string;
  scenarioHash: string;
  seed: number;
  steps: number;
  files: Record<string, string>;
  outputHash: string;
}

export interface RunOutputs {
  /** File name to text, in a fixed order: timeseries.csv, summary.json, manifest.json. */
  files: Record<string, string>;
  manifest: Manifest;
}

/** Build the scenario's model for `seed` (the scenario's own seed, or the default, when omitted). */
export function buildModel(scenario: Scenario, seed?: number): Model {
  const run = resolveRun(scenario, { seed });
  return createModel(scenario.model, scenario.params, run.seed);
}

export interface RunOptions {
  seed?: number;
  steps?: number;
  /** Also write cases.csv, the case-event log (the scenario must have switched the log on). */
  cases?: boolean;
}

/** Run a scenario to the end and return its outputs. */
export async function runScenario(scenario: Scenario, opts: RunOptions = {}): Promise<RunOutputs> {
  const run = resolveRun(scenario, opts);
  const model = createModel(scenario.model, scenario.params, run.seed);
  model.step(run.steps);
  return collectOutputs(model, scenario, run.seed, opts.cases);
}

/** Outputs of a model as it stands (after however many steps it has done). */
export async function collectOutputs(model: Model, scenario: Scenario, seed: number, cases = false): Promise<RunOutputs> {
  const timeseries = seriesCsv(model.series());
  const summary =
    JSON.stringify(
      { model: scenario.model, scenario: scenario.name, seed, steps: model.time, metrics: model.summary() },
      null,
      2,
    ) + '\n';
  const files: Record<string, string> = { 'timeseries.csv': timeseries, 'summary.json': summary };
  if (cases) {
    if (!model.caseLog) throw new Error(`the ${scenario.model} model keeps no case log`);
    files['cases.csv'] = eventTableCsv(model.caseLog());
  }
  return finishOutputs(files, {
    model: scenario.model,
    scenario: scenario.name,
    scenarioHash: await scenarioHash({ ...scenario, seed, steps: model.time }),
    seed,
    steps: model.time,
  });
}

/** Add the manifest to a set of output files: each file's hash and one hash over all of them. */
export async function finishOutputs(
  files: Record<string, string>,
  about: Omit<Manifest, 'engine' | 'engineVersion' | 'files' | 'outputHash'>,
): Promise<RunOutputs> {
  const hashes: Record<string, string> = {};
  for (const name of Object.keys(files)) hashes[name] = await sha256Hex(files[name]);
  const outputHash = await sha256Hex(Object.keys(hashes).map((n) => `${hashes[n]}  ${n}\n`).join(''));
  const manifest: Manifest = { engine: 'govsim', engineVersion: ENGINE_VERSION, ...about, files: hashes, outputHash };
  return { files: { ...files, 'manifest.json': JSON.stringify(manifest, null, 2) + '\n' }, manifest };
}

/** Content hash of a parsed scenario (defaults filled), independent of key order in the file. */
export function scenarioHash(scenario: Scenario): Promise<string> {
  return sha256Hex(canonicalJson(scenario));
}
