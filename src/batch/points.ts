/**
 * From scenario references to a plan's points: a scenario read with `--set` applied and checked, then
 * each design point applied to it. Shared by batch, sweep, compare, sensitivity and calibrate, so a point
 * is built (and refused when too large for the memory) the same way whichever command plans it.
 */
import { applyOverrides } from '../scenario/overrides';
import { parseScenario, ScenarioError } from '../scenario/parse';
import type { MemoryLimit } from '../scenario/bounds';
import type { Scenario } from '../scenario/schema';
import { resolveRun } from '../scenario/resolve';
import { readScenarioRaw } from '../scenario/files';
import { scenarioHash } from '../output/run';
import { sortKeys } from '../output/hash';
import { assignments, describeValues, type Plan, type PlanPoint, type PlanScenario, type Value } from './design';

/** A scenario as read for a plan: its raw form with --set applied, its name for messages, its steps. */
export interface BaseScenario {
  raw: unknown;
  source: string;
  info: PlanScenario;
  steps: number;
  limit: MemoryLimit;
}

/**
 * A scenario read from a reference with `--set` applied and checked, its memory too (errors exit 2
 * before anything runs).
 */
export async function loadBase(ref: string, sets: readonly string[], steps: number | undefined, limit: MemoryLimit): Promise<BaseScenario> {
  const { raw } = readScenarioRaw(ref);
  const withSets = sets.length ? applyOverrides(raw, sets) : (raw as Record<string, unknown>);
  const source = sets.length ? `${ref} with --set ${sets.join(' ')}` : ref;
  const scenario = parseScenario(withSets, source);
  const info: PlanScenario = { ref, name: scenario.name, model: scenario.model, scenarioHash: await scenarioHash(scenario), resolved: sortKeys(scenario) as Scenario };
  return { raw: withSets, source, info, steps: resolveRun(scenario, { steps }, limit, source).steps, limit };
}

/** Points of a plan with what running them needs: each point's raw scenario and its name for messages. */
export interface BuiltPoints {
  points: PlanPoint[];
  /** Raw scenario of each point (its scenario with --set and the point's values applied). */
  raws: unknown[];
  sources: string[];
}

/** What executePlan needs: the plan and its built points. */
export interface Job extends Omit<BuiltPoints, 'points'> {
  plan: Plan;
  /** --steps, if given (else each scenario's own). */
  steps?: number;
}

/** Build the points of a plan: each design point applied to its scenario. */
export function buildPoints(base: BaseScenario, scenarioIndex: number, designPoints: Record<string, Value>[], steps: number | undefined): BuiltPoints {
  const points: PlanPoint[] = [];
  const raws: unknown[] = [];
  const sources: string[] = [];
  for (const values of designPoints) {
    const a = assignments(values);
    const raw = a.length ? applyOverrides(base.raw, a, '--grid') : base.raw;
    let pointSteps = base.steps;
    if (a.length) {
      let scenario: Scenario | undefined;
      try {
        scenario = parseScenario(raw);
      } catch {
        // An invalid point: its runs fail in the workers and are reported there.
      }
      if (scenario) {
        try {
          pointSteps = resolveRun(scenario, { steps }, base.limit, `${base.source} at ${describeValues(values)}`).steps;
        } catch (e) {
          // A point too large for the memory is refused before anything runs, as run would refuse it.
          if (e instanceof ScenarioError && e.problems.some((p) => !p.startsWith('steps:'))) throw e;
        }
      }
    }
    points.push({ scenario: scenarioIndex, values, steps: pointSteps });
    raws.push(raw);
    sources.push(a.length ? `${base.source} at ${describeValues(values)}` : base.source);
  }
  return { points, raws, sources };
}

/** Several scenarios' points one after another (a comparison: one point per scenario). */
export function concatPoints(parts: readonly BuiltPoints[]): BuiltPoints {
  return { points: parts.flatMap((p) => p.points), raws: parts.flatMap((p) => p.raws), sources: parts.flatMap((p) => p.sources) };
}
