/**
 * From the runs of a sensitivity design to its indices, metric by metric. Each design point's output is
 * the mean of its runs over the seeds (all points share the seeds: common random numbers); a point with
 * no successful run is missing, and the estimators leave out only what needs it.
 *
 * Seed noise: the variance of a point's mean that comes from the seeds alone is estimated as the
 * within-point variance over seeds, averaged over points, divided by the number of seeds. Reported beside
 * the variance of the point means (`seedNoiseShare` = their ratio), it says whether the indices stand
 * above noise: noise adds about `seedNoiseShare` to every total index (Jansen's ST counts independent
 * noise as effect), and for Morris it gives `eeNoise`, the spread an elementary effect would have from
 * the seeds alone, sqrt(2 noise) / Δ; a mu* well below it is noise.
 */
import type { Summary } from '../../sim/core/model';
import type { Plan } from '../batch/design';
import { flattenMetrics } from '../batch/metrics';
import type { RunRecord } from '../batch/record';
import { morrisTrajectories, pointCount } from './design';
import { morrisIndices, type MorrisIndex } from './morris';
import { morrisDelta } from './morris-sample';
import { saltelliBlocks } from './saltelli-sample';
import { sobolIndices, type SobolIndex } from './sobol-indices';
import type { SensitivityDesign } from './types';

export interface MetricNoise {
  /** Variance of the point means over the design. */
  variance: number;
  /** Variance of a point mean due to the seeds alone. */
  seedNoiseVariance: number;
  /** seedNoiseVariance / variance (null when the metric does not vary). */
  seedNoiseShare: number;
}

export interface MetricResult extends MetricNoise {
  metric: string;
  /** Points with at least one successful run. */
  points: number;
  /** Morris: one entry per factor. */
  morris?: MorrisIndex[];
  /** Morris: the spread of an elementary effect from seed noise alone. */
  eeNoise?: number;
  /** Sobol: one entry per factor. */
  sobol?: SobolIndex[];
}

export interface SensitivityResult {
  design: SensitivityDesign;
  parameters: string[];
  seeds: number[];
  runs: number;
  failedRuns: number;
  metrics: MetricResult[];
}

/** Scalar metric names in the order the runs first list them (lists are left out). */
export function scalarMetricNames(records: readonly RunRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) {
    const flat = flattenMetrics(r.metrics as Summary | undefined);
    for (const [k, v] of Object.entries(flat)) if (typeof v === 'number') seen.add(k);
  }
  return [...seen];
}

/** Per point: the mean over seeds of each metric and the within-point variance (NaN when fewer than two). */
function pointStats(plan: Plan, records: readonly RunRecord[], names: readonly string[]) {
  const points = plan.points.length;
  const seeds = plan.seeds.length;
  const means = names.map(() => new Float64Array(points).fill(NaN));
  const vars = names.map(() => new Float64Array(points).fill(NaN));
  const buf: number[][] = names.map(() => []);
  for (let p = 0; p < points; p++) {
    for (const b of buf) b.length = 0;
    for (let s = 0; s < seeds; s++) {
      const r = records[p * seeds + s];
      if (r?.status !== 'ok') continue;
      const flat = flattenMetrics(r.metrics as Summary | undefined);
      names.forEach((n, i) => {
        const v = flat[n];
        if (typeof v === 'number' && Number.isFinite(v)) buf[i].push(v);
      });
    }
    names.forEach((_, i) => {
      const xs = buf[i];
      if (!xs.length) return;
      const m = xs.reduce((a, x) => a + x, 0) / xs.length;
      means[i][p] = m;
      if (xs.length >= 2) vars[i][p] = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
    });
  }
  return { means, vars };
}

function meanFinite(xs: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(xs[i])) {
      s += xs[i];
      n++;
    }
  }
  return n ? s / n : NaN;
}

function varianceFinite(xs: ArrayLike<number>): number {
  const m = meanFinite(xs);
  let s = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    if (Number.isFinite(xs[i])) {
      s += (xs[i] - m) ** 2;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/**
 * The indices of every metric in `names` (default: every scalar metric of the runs). `records` must hold
 * every run of the plan in id order.
 */
export function analyseSensitivity(plan: Plan, records: readonly RunRecord[], opts: { metrics?: readonly string[]; resamples?: number } = {}): SensitivityResult {
  const design = plan.sensitivity;
  if (!design) throw new Error('the plan is not a sensitivity design');
  const k = design.factors.length;
  if (plan.points.length !== pointCount(design)) throw new Error(`the plan has ${plan.points.length} points, its design ${pointCount(design)}`);
  const names = opts.metrics ?? scalarMetricNames(records);
  const { means, vars } = pointStats(plan, records, names);
  const seeds = plan.seeds.length;
  const trajectories = design.method === 'morris' ? morrisTrajectories(design) : [];
  const metrics = names.map((metric, i): MetricResult => {
    const y = means[i];
    const variance = varianceFinite(y);
    const seedNoiseVariance = meanFinite(vars[i]) / seeds;
    const out: MetricResult = {
      metric,
      points: y.filter(Number.isFinite).length,
      variance,
      seedNoiseVariance,
      seedNoiseShare: variance > 0 ? seedNoiseVariance / variance : NaN,
    };
    // A metric that does not vary over the design has no indices (0/0), only its noise.
    if (!(variance > 0)) return out;
    if (design.method === 'sobol') {
      out.sobol = sobolIndices(saltelliBlocks(y, design.n!, k), { seed: design.sampleSeed, resamples: opts.resamples }).indices;
    } else {
      const ys = trajectories.map((_, t) => y.subarray(t * (k + 1), (t + 1) * (k + 1)));
      out.morris = morrisIndices(trajectories, ys, k, { seed: design.sampleSeed, resamples: opts.resamples });
      out.eeNoise = Math.sqrt(2 * seedNoiseVariance) / morrisDelta(design.levels!);
    }
    return out;
  });
  return {
    design,
    parameters: design.factors.map((f) => f.path.replace(/^params\./, '')),
    seeds: plan.seeds,
    runs: records.length,
    failedRuns: records.filter((r) => r.status !== 'ok').length,
    metrics,
  };
}

/** The factors of a metric ranked by importance (mu* or ST), largest first; NaN last. */
export function ranked(m: MetricResult): number[] {
  const score = (i: number) => (m.morris ? m.morris[i].muStar : m.sobol ? m.sobol[i].st : NaN);
  const n = m.morris?.length ?? m.sobol?.length ?? 0;
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const x = score(a);
    const y = score(b);
    return (Number.isFinite(y) ? y : -Infinity) - (Number.isFinite(x) ? x : -Infinity) || a - b;
  });
}
