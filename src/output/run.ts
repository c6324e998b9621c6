/**
 * One run's outputs as text: the time series, the summary and the manifest that ties them to the
 * engine version, the scenario's content and the seed. Pure (no I/O), so the browser and Node build
 * the same bytes; writers decide where they go.
 */
import type { EventTable, Model } from '../../sim/core/model';
import { createModel } from '../../sim/registry';
import type { Scenario } from '../scenario/schema';
import { resolveRun } from '../scenario/resolve';
import { ENGINE_VERSION } from '../version';
import { eventTableCsv, seriesCsv } from './csv';
import { canonicalJson, outputHashInput, sha256Hex, sortKeys } from './hash';

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
  /**
   * The command line after `govsim` without the flags that do not change the outputs (--out,
   * --max-memory), so the manifest's bytes do not depend on where the run was written. Absent for runs
   * made without a command line (the browser).
   */
  command?: string[];
  /**
   * The scenario the run used, fully resolved (preset read, --set applied, defaults filled, the run's
   * seed and steps in it; keys sorted): `govsim replay` re-runs it, and its hash is `scenarioHash`.
   */
  resolvedScenario: Scenario;
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
  const files: Record<string, string> = { 'timeseries.csv': seriesCsv(model.series()), 'summary.json': summaryText(model, scenario, seed) };
  if (cases) files['cases.csv'] = eventTableCsv(caseLogOf(model, scenario));
  return finishOutputs(files, await runAbout(model, scenario, seed));
}

/** summary.json of a model as it stands. */
export function summaryText(model: Model, scenario: Scenario, seed: number): string {
  return (
    JSON.stringify({ model: scenario.model, scenario: scenario.name, seed, steps: model.time, metrics: model.summary() }, null, 2) + '\n'
  );
}

/** The model's case-event log; an error for a model that keeps none. */
export function caseLogOf(model: Model, scenario: Scenario): EventTable {
  if (!model.caseLog) throw new Error(`the ${scenario.model} model keeps no case log`);
  return model.caseLog();
}

/** What a manifest says of a run besides its files' hashes; `command` as recorded (see Manifest). */
export async function runAbout(model: Model, scenario: Scenario, seed: number, command?: readonly string[]): Promise<RunAbout> {
  const resolved = { ...scenario, seed, steps: model.time };
  return {
    model: scenario.model,
    scenario: scenario.name,
    scenarioHash: await scenarioHash(resolved),
    seed,
    steps: model.time,
    ...(command ? { command: [...command] } : {}),
    // Sorted keys: a replay parses this back (the schema puts keys in its own order) and must write the
    // same bytes.
    resolvedScenario: sortKeys(resolved) as Scenario,
  };
}

export type RunAbout = Omit<Manifest, 'engine' | 'engineVersion' | 'files' | 'outputHash'>;

/** Add the manifest to a set of output files: each file's hash and one hash over all of them. */
export async function finishOutputs(files: Record<string, string>, about: RunAbout): Promise<RunOutputs> {
  const hashes: Record<string, string> = {};
  for (const name of Object.keys(files)) hashes[name] = await sha256Hex(files[name]);
  const manifest = await manifestFor(hashes, about);
  return { files: { ...files, 'manifest.json': manifestText(manifest) }, manifest };
}

/**
 * The manifest of files with these hashes (in the files' order): one hash over all of them. The command
 * and the (long) scenario come after the hashes, so the head of the file reads as before.
 */
export async function manifestFor(hashes: Record<string, string>, about: RunAbout): Promise<Manifest> {
  const outputHash = await sha256Hex(outputHashInput(hashes));
  const { command, resolvedScenario, ...head } = about;
  return {
    engine: 'govsim',
    engineVersion: ENGINE_VERSION,
    ...head,
    files: { ...hashes },
    outputHash,
    ...(command ? { command } : {}),
    resolvedScenario,
  };
}


export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Content hash of a parsed scenario (defaults filled), independent of key order in the file. */
export function scenarioHash(scenario: Scenario): Promise<string> {
  return sha256Hex(canonicalJson(scenario));
}
