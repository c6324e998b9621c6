/**
 * The files of a calibration: posterior.csv (one row per particle of the final population: parameter
 * values, weight, distance, its statistics), posterior.json (method, citations, settings, every
 * generation's tolerance, acceptance rate, ESS and simulations, targets, priors, the particles and the
 * posterior summary), summary.md (per parameter the prior and the posterior median with its 90%
 * credible interval; per target the posterior-predictive mean beside the target), and
 * calibrated-scenario.json (the scenario with the posterior medians set, its sources naming the
 * posterior file). Built only from the result and the inputs, so the same command writes the same bytes.
 */
import { tableCsv } from '../output/csv';
import { applyOverrides } from '../scenario/overrides';
import { describeFactor } from '../sensitivity/factors';
import type { Factor } from '../sensitivity/types';
import { ENGINE_VERSION } from '../version';
import type { AbcResult } from './abc-smc';
import { DISTANCE_TEXT } from './distance';
import { assignmentsOf, type SeedPlan } from './simulator';
import type { Target } from './targets';
import { weightedMean, weightedQuantile } from './weighted';

export const METHOD = 'ABC-SMC (approximate Bayesian computation by sequential Monte Carlo)';
export const CITATIONS = [
  'Toni T, Welch D, Strelkowa N, Ipsen A, Stumpf MPH (2009) Approximate Bayesian computation scheme for parameter inference and model selection in dynamical systems. J R Soc Interface 6: 187-202',
  'Beaumont MA, Cornuet J-M, Marin J-M, Robert CP (2009) Adaptive approximate Bayesian computation. Biometrika 96: 983-990',
  'Del Moral P, Doucet A, Jasra A (2012) An adaptive sequential Monte Carlo method for approximate Bayesian computation. Stat Comput 22: 1009-1020 (tolerance as a quantile of the previous distances)',
];
export const KERNEL_TEXT = 'multivariate normal, covariance twice the weighted covariance of the previous population (Beaumont et al. 2009); proposals outside the prior support discarded and drawn again';

export interface CalibrationHead {
  scenario: { ref: string; name: string; scenarioHash: string };
  command: string[];
  steps: number;
  seeds: SeedPlan;
  sampleSeed: number;
  particles: number;
  generations: number;
  alpha: number;
  finalEpsilon: number;
  /** Most model runs (null: no limit). */
  budgetRuns: number | null;
  /** Model runs per simulation (the particle's seeds). */
  runsPerSimulation: number;
}

export interface ParameterSummary {
  name: string;
  prior: string;
  median: number;
  ci90: [number, number];
  mean: number;
}

export interface TargetSummary {
  metric: string;
  target: number;
  scale: number;
  side?: 'above' | 'below';
  predictiveMean: number;
  predictive90: [number, number];
}

const name = (f: Factor) => f.path.replace(/^params\./, '');
const sig = (x: number, d = 6) => (Number.isFinite(x) ? Number(x.toPrecision(d)) : x);
const finite = (x: number) => (Number.isFinite(x) ? x : null);

export function summarise(result: AbcResult, factors: readonly Factor[], targets: readonly Target[]) {
  const { thetas, weights, stats } = result.population;
  const column = (rows: number[][], i: number) => rows.map((r) => r[i]);
  const parameters: ParameterSummary[] = factors.map((f, i) => {
    const xs = column(thetas, i);
    return {
      name: name(f),
      prior: describeFactor(f),
      median: sig(weightedQuantile(xs, weights, 0.5)),
      ci90: [sig(weightedQuantile(xs, weights, 0.05)), sig(weightedQuantile(xs, weights, 0.95))],
      mean: sig(weightedMean(thetas, weights)[i]),
    };
  });
  const predictive: TargetSummary[] = targets.map((t, i) => {
    const xs = column(stats, i);
    return {
      metric: t.metric,
      target: t.target,
      scale: t.scale,
      ...(t.side ? { side: t.side } : {}),
      predictiveMean: sig(weightedMean(stats, weights)[i]),
      predictive90: [sig(weightedQuantile(xs, weights, 0.05)), sig(weightedQuantile(xs, weights, 0.95))],
    };
  });
  return { parameters, predictive };
}

export function calibrationFiles(
  result: AbcResult,
  factors: readonly Factor[],
  targets: readonly Target[],
  head: CalibrationHead,
  base: { raw: unknown; posteriorPath: string },
): Record<string, string> {
  const { parameters, predictive } = summarise(result, factors, targets);
  const names = factors.map(name);
  const p = result.population;
  const columns = ['particle', ...names, 'weight', 'distance', ...targets.map((t) => `stat:${t.metric}`)];
  const rows = p.thetas.map((theta, i) => ({
    particle: i,
    ...Object.fromEntries(names.map((n, a) => [n, theta[a]])),
    weight: p.weights[i],
    distance: p.distances[i],
    ...Object.fromEntries(targets.map((t, k) => [`stat:${t.metric}`, p.stats[i][k]])),
  }));
  const runs = result.simulations * head.runsPerSimulation;
  const posterior = {
    engine: 'govsim',
    engineVersion: ENGINE_VERSION,
    method: METHOD,
    citations: CITATIONS,
    scenario: head.scenario,
    command: head.command,
    steps: head.steps,
    seeds: head.seeds.kind === 'common' ? { kind: 'common', seeds: head.seeds.seeds, note: 'every particle on the same seeds' } : { kind: 'fresh', perSimulation: head.seeds.count, note: 'simulation i runs seeds i*S+1..i*S+S' },
    sampleSeed: head.sampleSeed,
    particles: head.particles,
    maxGenerations: head.generations,
    toleranceQuantile: head.alpha,
    finalEpsilon: head.finalEpsilon,
    budgetRuns: head.budgetRuns,
    distance: DISTANCE_TEXT,
    kernel: KERNEL_TEXT,
    weights: 'w_i ∝ prior(θ_i) / Σ_j W_j K(θ_i | θ_j), normalised; generation 0 equal',
    stopReason: result.stopReason,
    simulations: result.simulations,
    runs,
    targets,
    priors: factors.map((f) => ({ name: name(f), ...f })),
    generations: result.generations.map((g) => ({ ...g, epsilon: finite(g.epsilon), ess: sig(g.ess) })),
    posterior: { parameters, predictive, note: 'medians and 90% intervals are weighted quantiles of the final population; the predictive is over its particles\' own accepted simulations' },
    population: p.thetas.map((theta, i) => ({
      values: Object.fromEntries(names.map((n, a) => [n, theta[a]])),
      weight: p.weights[i],
      distance: p.distances[i],
      stats: Object.fromEntries(targets.map((t, k) => [t.metric, p.stats[i][k]])),
    })),
  };
  return {
    'posterior.csv': tableCsv(columns, rows),
    'posterior.json': JSON.stringify(posterior, null, 2) + '\n',
    'summary.md': summaryMarkdown(result, parameters, predictive, head),
    'calibrated-scenario.json': JSON.stringify(calibratedScenario(base.raw, factors, parameters, head, base.posteriorPath), null, 2) + '\n',
  };
}

/** The scenario with each calibrated parameter at its posterior median; its sources name the posterior file. */
export function calibratedScenario(raw: unknown, factors: readonly Factor[], parameters: readonly ParameterSummary[], head: CalibrationHead, posteriorPath: string) {
  const out = applyOverrides(raw, assignmentsOf(factors, parameters.map((p) => p.median)), 'calibrated scenario');
  delete out.$schema;
  const sources = Array.isArray(out.sources) ? [...(out.sources as unknown[])] : [];
  const values = parameters.map((p) => `${p.name} ${p.median} (90% ${p.ci90[0]}..${p.ci90[1]})`).join(', ');
  sources.push(
    `Calibrated by govsim calibrate (ABC-SMC, Toni et al. 2009; Beaumont et al. 2009; ${head.particles} particles, ${head.runsPerSimulation} run(s) each): ${values} are posterior medians from ${posteriorPath}`,
  );
  return { ...out, name: `${String(out.name ?? head.scenario.name)} (calibrated)`, sources };
}

function summaryMarkdown(result: AbcResult, parameters: readonly ParameterSummary[], predictive: readonly TargetSummary[], head: CalibrationHead): string {
  const last = result.generations[result.generations.length - 1];
  const lines = [
    `# Calibration of ${head.scenario.name}`,
    '',
    `${METHOD}; Toni et al. 2009, Beaumont et al. 2009. ${head.particles} particles, tolerance = the ${head.alpha}-quantile of the previous distances; ${result.simulations} simulations x ${head.runsPerSimulation} run(s) = ${result.simulations * head.runsPerSimulation} model runs of ${head.steps} steps. Stopped: ${result.stopReason}.`,
    '',
    `Distance: ${DISTANCE_TEXT}.`,
    '',
    '| generation | tolerance | simulations | acceptance rate | ESS |',
    '|---|---|---|---|---|',
    ...result.generations.map((g) => `| ${g.index} | ${Number.isFinite(g.epsilon) ? sig(g.epsilon, 4) : '∞ (prior)'} | ${g.simulations} | ${sig(g.acceptanceRate, 3)} | ${sig(g.ess, 4)} |`),
    '',
    `Posterior (generation ${last.index}; weighted median and 90% credible interval):`,
    '',
    '| parameter | prior | median | 90% interval |',
    '|---|---|---|---|',
    ...parameters.map((p) => `| \`${p.name}\` | ${p.prior} | ${p.median} | ${p.ci90[0]} .. ${p.ci90[1]} |`),
    '',
    "Posterior predictive (the final particles' accepted simulations, weighted):",
    '',
    '| metric | target | tolerance | predictive mean | 90% interval |',
    '|---|---|---|---|---|',
    ...predictive.map((t) => `| \`${t.metric}\` | ${t.side === 'above' ? '>= ' : t.side === 'below' ? '<= ' : ''}${t.target} | ${t.scale} | ${t.predictiveMean} | ${t.predictive90[0]} .. ${t.predictive90[1]} |`),
    '',
  ];
  return lines.join('\n');
}
