/**
 * `govsim compare A B [C ...] --lhs D | --posterior FILE`: every scenario at the preset's values and at
 * every draw of society (draws.ts), the same draw for every scenario (the regimes differ only in policy),
 * each over the same seeds (common random numbers). For each draw, each pair of scenarios (X, Y) in the
 * order given and each scalar metric, the paired difference Y - X, averaged over the seeds where both
 * runs gave a finite value. Per pair and metric the report gives the difference at the preset's values,
 * the share of draws in which Y > X, the share in which the difference has the same sign as at the
 * preset's values, and the median and 5-95% range of the difference over the draws.
 */
import type { RunTask } from '../batch/pool';
import { runSummaries } from '../batch/summaries';
import { flattenMetrics } from '../batch/metrics';
import { tableCsv } from '../output/csv';
import { applyOverrides } from '../scenario/overrides';
import { type DrawSet, PRESET_DRAW, drawAssignments, drawsRecord } from './draws';
import { alignRows, distribution, type DistributionSummary, num, pct, weightedShare } from './summary';
import { drawsCsv } from './validate';

export interface ScenarioInput {
  label: string;
  /** The scenario with --set applied. */
  raw: unknown;
  source: string;
}

/** Per scenario, per point (0 = preset, then the draws), per seed: the flattened scalar metrics, or undefined for a failed run. */
export type Grid = (Record<string, number> | undefined)[][][];

export async function runAcrossDraws(
  scenarios: readonly ScenarioInput[],
  draws: DrawSet,
  seeds: readonly number[],
  opts: { workers: number; quiet?: boolean; steps?: number },
): Promise<{ grid: Grid; failures: string[] }> {
  const points = [PRESET_DRAW, ...draws.draws];
  const tasks: RunTask[] = [];
  const places: [number, number, number][] = [];
  scenarios.forEach((s, si) => {
    points.forEach((d, di) => {
      const a = drawAssignments(d);
      const raw = a.length ? applyOverrides(s.raw, a, `draw ${d.index}`) : s.raw;
      seeds.forEach((seed, k) => {
        tasks.push({ id: tasks.length, scenario: raw, seed, steps: opts.steps, source: `${s.source} at ${d.index ? `draw ${d.index}` : "the preset's values"} (seed ${seed})` });
        places.push([si, di, k]);
      });
    });
  });
  const grid: Grid = scenarios.map(() => points.map(() => new Array(seeds.length).fill(undefined)));
  const { summaries, failures } = await runSummaries(tasks, opts);
  summaries.forEach((summary, id) => {
    if (!summary) return;
    const scalars: Record<string, number> = {};
    for (const [k, v] of Object.entries(flattenMetrics(summary))) if (typeof v === 'number') scalars[k] = v;
    const [si, di, k] = places[id];
    grid[si][di][k] = scalars;
  });
  return { grid, failures };
}

export interface ContrastAcrossDraws {
  /** The pair: `scenario` - `baseline`. */
  baseline: string;
  scenario: string;
  metric: string;
  /** Mean paired difference over the seeds at the preset's values. */
  preset: number;
  /** Share of draws with a difference above 0, and with the same sign as at the preset (NaN when that is 0 or missing). */
  shareGreater: number;
  shareSameSign: number;
  difference: DistributionSummary;
  /** Per draw, in draw order: the mean paired difference (NaN when no seed gave both values). */
  perDraw: number[];
}

/** Mean over seeds of y - x where both are finite. */
function pairedMean(xs: (Record<string, number> | undefined)[], ys: (Record<string, number> | undefined)[], metric: string): number {
  let s = 0;
  let n = 0;
  xs.forEach((x, k) => {
    const a = x?.[metric];
    const b = ys[k]?.[metric];
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
      s += b - a;
      n++;
    }
  });
  return n ? s / n : NaN;
}

/** Metric names in order of first appearance. */
export function gridMetrics(grid: Grid): string[] {
  const seen = new Set<string>();
  for (const s of grid) for (const p of s) for (const r of p) for (const k of Object.keys(r ?? {})) seen.add(k);
  return [...seen];
}

export function contrastsAcrossDraws(labels: readonly string[], grid: Grid, draws: DrawSet, metrics: readonly string[]): ContrastAcrossDraws[] {
  const w = draws.draws.map((d) => d.weight);
  const out: ContrastAcrossDraws[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      for (const metric of metrics) {
        const preset = pairedMean(grid[i][0], grid[j][0], metric);
        const perDraw = draws.draws.map((_, d) => pairedMean(grid[i][d + 1], grid[j][d + 1], metric));
        const sign = Math.sign(preset);
        out.push({
          baseline: labels[i],
          scenario: labels[j],
          metric,
          preset,
          shareGreater: weightedShare(perDraw.map((x) => x > 0), w),
          shareSameSign: sign && Number.isFinite(preset) ? weightedShare(perDraw.map((x) => Math.sign(x) === sign), w) : NaN,
          difference: distribution(perDraw, w),
          perDraw,
        });
      }
    }
  }
  return out;
}

/** compare-draws.csv, compare-draws.json, draws.csv and the terminal table. */
export function compareAcrossOutputs(
  contrasts: readonly ContrastAcrossDraws[],
  draws: DrawSet,
  meta: Record<string, unknown>,
): { files: Record<string, string>; table: string } {
  const rows = contrasts.map((c) => ({
    scenario: c.scenario,
    baseline: c.baseline,
    metric: c.metric,
    draws: draws.draws.length,
    preset_difference: c.preset,
    share_greater: c.shareGreater,
    share_same_sign_as_preset: c.shareSameSign,
    difference_median: c.difference.median,
    difference_p5: c.difference.p5,
    difference_p95: c.difference.p95,
    draws_with_value: c.difference.n,
  }));
  const columns = Object.keys(rows[0] ?? { scenario: 0 });
  const json = { ...meta, draws: drawsRecord(draws), drawWeights: draws.draws.map((d) => d.weight), contrasts };
  return {
    files: { 'compare-draws.csv': tableCsv(columns, rows), 'compare-draws.json': `${JSON.stringify(json, null, 2)}\n`, 'draws.csv': drawsCsv(draws) },
    table: compareAcrossTable(contrasts, draws),
  };
}

function compareAcrossTable(contrasts: readonly ContrastAcrossDraws[], draws: DrawSet): string {
  const pairs = [...new Set(contrasts.map((c) => `${c.scenario}\u0000${c.baseline}`))];
  const blocks = pairs.map((pair) => {
    const [scenario, baseline] = pair.split('\u0000');
    const mine = contrasts.filter((c) => c.scenario === scenario && c.baseline === baseline);
    const head = ['metric', 'at preset', `median [5%, 95%] over ${draws.draws.length} draws`, 'share >0', 'same sign'];
    const body = mine.map((c) => [c.metric, signed(c.preset), `${signed(c.difference.median)} [${num(c.difference.p5)}, ${num(c.difference.p95)}]`, pct(c.shareGreater), pct(c.shareSameSign)]);
    return [`${scenario} - ${baseline}`, ...alignRows([head, ...body])].join('\n');
  });
  const weighted = draws.draws.some((d) => d.weight !== 1) ? ", weighted by the particles' weights" : '';
  const legend = `Across ${draws.draws.length} draws of society (${draws.method === 'lhs' ? 'Latin hypercube' : 'posterior'}${weighted}), the same draw for every scenario: per pair B - A, the mean paired difference over seeds; at preset: at the preset's values; share >0: draws where B > A; same sign: draws where the difference has its sign at the preset`;
  return `${legend}\n\n${blocks.join('\n\n')}\n`;
}

function signed(x: number): string {
  return Number.isFinite(x) && x > 0 ? `+${num(x)}` : num(x);
}
