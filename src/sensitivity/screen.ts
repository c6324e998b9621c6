/**
 * A small Morris screening of one scenario, planned here and run elsewhere (the app's Sensitivity view
 * runs the points in its Web Workers): the same design, points and files as
 *   govsim sensitivity <preset> --kind K --params a,b --r R --seeds S..S --steps N [--set ...]
 * so that the app and the CLI can exchange sensitivity.json files, byte for byte. The design is drawn
 * from seeded streams (morris-sample.ts), never Math.random: the same settings give the same indices.
 *
 * Pure (no Node APIs): planning needs the scenario's content hash, which Web Crypto gives in both.
 */
import type { Summary } from '../../sim/core/model';
import { assignments, type Plan, type PlanPoint } from '../batch/design';
import type { RunRecord } from '../batch/record';
import { canonicalJson, sha256Hex, sortKeys } from '../output/hash';
import type { LeverKind } from '../scenario/levers';
import { applyOverrides } from '../scenario/overrides';
import { parseScenario } from '../scenario/parse';
import { resolveRun } from '../scenario/resolve';
import type { Scenario } from '../scenario/schema';
import { designValues, pointCount } from './design';
import { defaultFactor, selectParameters } from './factors';
import { finishSensitivity, type Finished } from './report';
import type { SensitivityDesign } from './types';

/** The CLI's defaults, which the app does not offer to change. */
export const SCREEN_LEVELS = 4;
export const SCREEN_SAMPLE_SEED = 1;

export interface ScreenSettings {
  /** The preset's id (what the CLI is given). */
  ref: string;
  /** The preset's scenario JSON, before lever changes. */
  raw: unknown;
  /** Lever changes, `params.x=v` (the CLI's --set). */
  sets: readonly string[];
  kind: LeverKind | 'all';
  /** Parameter names without `params.` (or globs). */
  params: readonly string[];
  /** Trajectories. */
  r: number;
  /** The one seed every point runs on. */
  seed: number;
  steps: number;
}

export interface Screening {
  plan: Plan;
  /** Raw scenario of each point (lever changes and the point's values applied), in point order. */
  raws: unknown[];
  /** Runs in id order (point x seeds + seed index). */
  runs: { point: number; seed: number }[];
}

/** `--seeds` text for one seed: a bare count N means 1..N to the CLI, so a seed s other than 1 is `s..s`. */
export function seedFlag(seed: number): string {
  return seed === 1 ? '1' : `${seed}..${seed}`;
}

/** The `govsim sensitivity` argv (after `govsim`) that plans the same screening. */
export function screenCommand(s: ScreenSettings): string[] {
  return [
    'sensitivity',
    s.ref,
    '--kind',
    s.kind,
    '--params',
    s.params.join(','),
    '--r',
    String(s.r),
    '--seeds',
    seedFlag(s.seed),
    '--steps',
    String(s.steps),
    ...s.sets.flatMap((a) => ['--set', a]),
  ];
}

/** Plan a screening: throws a BatchInputError / ScenarioError naming what is wrong with the settings. */
export async function planScreening(s: ScreenSettings): Promise<Screening> {
  const base = s.sets.length ? applyOverrides(s.raw, s.sets) : (s.raw as Record<string, unknown>);
  const scenario = parseScenario(base, s.sets.length ? `${s.ref} with --set ${s.sets.join(' ')}` : s.ref);
  const selection = selectParameters(scenario.model, s.params, s.kind);
  const factors = selection.specs.map(defaultFactor);
  const design: SensitivityDesign = { method: 'morris', r: s.r, levels: SCREEN_LEVELS, sampleSeed: SCREEN_SAMPLE_SEED, factors };
  const steps = resolveRun(scenario, { steps: s.steps }).steps;
  const points: PlanPoint[] = [];
  const raws: unknown[] = [];
  for (const values of designValues(design)) {
    points.push({ scenario: 0, values, steps });
    raws.push(applyOverrides(base, assignments(values), '--grid'));
  }
  const plan: Plan = {
    kind: 'sensitivity',
    command: screenCommand(s),
    // The same content hash as src/output/run.ts scenarioHash, without importing the models into the page.
    scenarios: [
      { ref: s.ref, name: scenario.name, model: scenario.model, scenarioHash: await sha256Hex(canonicalJson(scenario)), resolved: sortKeys(scenario) as Scenario },
    ],
    sets: [...s.sets],
    seeds: [s.seed],
    series: false,
    sensitivity: design,
    varied: factors.map((f) => f.path),
    points,
  };
  if (points.length !== pointCount(design)) throw new Error('screening: the design and its points disagree');
  return { plan, raws, runs: points.map((_, point) => ({ point, seed: s.seed })) };
}

/** The indices and files of a finished screening; `summaries[id]` is run id's summary metrics, or an Error. */
export function finishScreening(sc: Screening, summaries: readonly (Summary | Error)[]): Finished {
  const records: RunRecord[] = sc.runs.map((r, id) => {
    const out = summaries[id];
    const ok = out !== undefined && !(out instanceof Error);
    return {
      run: id,
      point: r.point,
      seed: r.seed,
      params: sc.plan.points[r.point].values,
      steps: sc.plan.points[r.point].steps,
      key: '',
      status: ok ? 'ok' : 'failed',
      ...(ok ? { metrics: out } : { error: out instanceof Error ? out.message : 'not run' }),
    };
  });
  return finishSensitivity(sc.plan, records, undefined);
}
