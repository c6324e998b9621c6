/**
 * Paired comparison of scenarios run on the same seeds. Every random draw comes from a stream named by
 * (seed, process), so run i of scenario B meets the same chance events as run i of the baseline A
 * wherever the policies do not differ (common random numbers); the per-seed difference B_i - A_i then
 * carries the policy's effect with little of the seed-to-seed noise.
 *
 * Per metric and per scenario against the first (the baseline): the paired mean difference with its 95%
 * t interval, over the seeds where both runs succeeded and the metric is finite; the Vargha-Delaney A
 * (probability that the scenario's value exceeds the baseline's); and the two-sided Wilcoxon signed-rank
 * p-value of the per-seed differences (a rank test that does not assume normality and, unlike
 * Mann-Whitney on the two samples, uses the pairing by seed; src/stats/paired.ts). A difference is
 * beyond seed noise when that p is below 0.05: the rule lives in src/stats/beyond-noise.ts, which the
 * browser app's seed-noise check uses too, so the CLI and the app call the same numbers alike.
 */
import { tableCsv } from '../output/csv';
import { compareOverSeeds } from '../stats/beyond-noise';
import { mean } from '../stats/descriptive';
import { varghaDelaneyA } from '../stats/tests';
import { flattenMetrics, metricNames } from './metrics';
import type { Plan } from './design';
import type { RunRecord } from './store';

/** Display names of the plan's scenarios: their names, or their references where names collide. */
export function scenarioLabels(plan: Plan): string[] {
  const names = plan.scenarios.map((s) => s.name);
  const unique = new Set(names).size === names.length;
  if (unique) return names;
  const refs = plan.scenarios.map((s) => s.ref);
  return new Set(refs).size === refs.length ? refs : refs.map((r, i) => `${i + 1}:${r}`);
}

export interface MetricComparison {
  metric: string;
  /** Seeds where both runs succeeded and the metric is finite. */
  n: number;
  baselineMean: number;
  mean: number;
  /** Paired difference scenario - baseline. */
  difference: { mean: number; sd: number; lo: number; hi: number };
  varghaDelaneyA: number;
  /** Two-sided Wilcoxon signed-rank p of the per-seed differences (NaN when every pair is equal). */
  signedRankP: number;
  /** signedRankP < 0.05 (src/stats/beyond-noise.ts, the rule the app shares). */
  beyondNoise: boolean;
}

export interface ScenarioComparison {
  scenario: string;
  baseline: string;
  metrics: MetricComparison[];
}

export function comparisons(plan: Plan, records: readonly RunRecord[]): ScenarioComparison[] {
  const labels = scenarioLabels(plan);
  const names = metricNames(records);
  const seedCount = plan.seeds.length;
  // Points of a comparison are its scenarios, in order; run id = point * seedCount + seed index.
  const flat = records.map((r) => (r.status === 'ok' ? flattenMetrics(r.metrics) : undefined));
  const out: ScenarioComparison[] = [];
  for (let p = 1; p < plan.points.length; p++) {
    const metrics: MetricComparison[] = [];
    for (const name of names) {
      const a: number[] = [];
      const b: number[] = [];
      let scalar = false;
      for (let s = 0; s < seedCount; s++) {
        const x = flat[s]?.[name];
        const y = flat[p * seedCount + s]?.[name];
        if (typeof x === 'number' || typeof y === 'number') scalar = true;
        if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
          a.push(x);
          b.push(y);
        }
      }
      if (!scalar) continue;
      const d = compareOverSeeds(b, a);
      metrics.push({
        metric: name,
        n: a.length,
        baselineMean: mean(a),
        mean: mean(b),
        difference: { mean: d.mean, sd: d.sd, lo: d.lo, hi: d.hi },
        varghaDelaneyA: varghaDelaneyA(b, a),
        signedRankP: d.signedRankP,
        beyondNoise: d.beyondNoise,
      });
    }
    out.push({ scenario: labels[plan.points[p].scenario], baseline: labels[plan.points[0].scenario], metrics });
  }
  return out;
}

/** compare.csv, compare.json and the terminal table. */
export function compareOutputs(plan: Plan, records: readonly RunRecord[]): { files: Record<string, string>; table: string } {
  const cmp = comparisons(plan, records);
  const rows = cmp.flatMap((c) =>
    c.metrics.map((m) => ({
      scenario: c.scenario,
      baseline: c.baseline,
      metric: m.metric,
      n: m.n,
      baseline_mean: m.baselineMean,
      mean: m.mean,
      difference: m.difference.mean,
      difference_lo: m.difference.lo,
      difference_hi: m.difference.hi,
      vargha_delaney_a: m.varghaDelaneyA,
      signed_rank_p: m.signedRankP,
      beyond_noise: m.beyondNoise,
    })),
  );
  const columns = ['scenario', 'baseline', 'metric', 'n', 'baseline_mean', 'mean', 'difference', 'difference_lo', 'difference_hi', 'vargha_delaney_a', 'signed_rank_p', 'beyond_noise'];
  const json = JSON.stringify({ baseline: scenarioLabels(plan)[0], seeds: plan.seeds.length, comparisons: cmp }, null, 2) + '\n';
  return { files: { 'compare.csv': tableCsv(columns, rows), 'compare.json': json }, table: compareTable(cmp) };
}

/** An aligned, readable table per compared scenario. */
export function compareTable(cmp: readonly ScenarioComparison[]): string {
  const blocks: string[] = [];
  for (const c of cmp) {
    const head = ['metric', 'n', c.baseline, c.scenario, 'difference [95% CI]', 'A', 'p', 'beyond noise'];
    const body = c.metrics.map((m) => [
      m.metric,
      String(m.n),
      num(m.baselineMean),
      num(m.mean),
      `${signed(m.difference.mean)} [${num(m.difference.lo)}, ${num(m.difference.hi)}]`,
      Number.isFinite(m.varghaDelaneyA) ? m.varghaDelaneyA.toFixed(2) : '-',
      pValue(m.signedRankP),
      m.beyondNoise ? 'yes' : 'no',
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
    // Text columns left-aligned, numbers right-aligned.
    const line = (cells: string[]) =>
      cells.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ').trimEnd();
    blocks.push(
      [`${c.scenario} vs ${c.baseline} (paired over seeds; A = P(${c.scenario} > ${c.baseline}); p = Wilcoxon signed-rank, paired by seed; beyond noise when p < 0.05)`, line(head), ...body.map(line)].join('\n'),
    );
  }
  return blocks.join('\n\n') + '\n';
}

function num(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

function signed(x: number): string {
  return Number.isFinite(x) && x > 0 ? `+${num(x)}` : num(x);
}

function pValue(p: number): string {
  if (!Number.isFinite(p)) return '-';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}
