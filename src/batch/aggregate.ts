/**
 * The batch's aggregate files, built only from the plan and the run records in run-id order, so the
 * bytes are the same whatever the number of workers, the order runs finished in, whether the batch was
 * resumed, or whether it was run in shards and merged:
 *
 *   runs.csv      one row per run: run, [scenario,] seed, the varied parameters, every summary metric
 *                 (nested records flattened as `name.key`, lists as JSON text), outputHash, error
 *   summary.json  per metric n, mean, sd and 95% t interval (per design point or scenario for sweeps and
 *                 comparisons); only finite numbers count, lists are left out
 *   manifest.json engine version, scenarios (each fully resolved), normalised command line, seeds,
 *                 design, counts, the hash of each file, one output hash over them, and plan.json's hash
 *   compare.csv, compare.json  for comparisons (see compare.ts)
 *
 * With --format parquet, runs.csv gives way to runs.parquet (parquet-tables.ts; `both` writes both),
 * written before the manifest, which lists its hash (and series.parquet's) after the text files'.
 */
import { tableCsv } from '../output/csv';
import { outputHashInput, sha256Hex } from '../output/hash';
import { ci95 } from '../stats/descriptive';
import { ENGINE_VERSION } from '../version';
import { compareOutputs, scenarioLabels } from './compare';
import { flattenMetrics, metricNames } from './metrics';
import { runCount, type Plan } from './design';
import { formatSeeds } from './seeds';
import type { RunRecord } from './store';

// flattenMetrics and metricNames live in ./metrics (compare.ts uses them too; no import cycle).
export { type FlatMetrics, flattenMetrics, metricNames } from './metrics';

export interface MetricStats {
  n: number;
  mean: number;
  sd: number;
  ci95: [number, number];
}

/** n, mean, sd and the 95% interval of each scalar metric over `records`; non-finite values are left out. */
export function metricStats(records: readonly RunRecord[], names: readonly string[]): Record<string, MetricStats> {
  const flat = records.map((r) => flattenMetrics(r.metrics));
  const out: Record<string, MetricStats> = {};
  for (const name of names) {
    const xs: number[] = [];
    let scalar = false;
    for (const f of flat) {
      const v = f[name];
      if (typeof v === 'number') {
        scalar = true;
        if (Number.isFinite(v)) xs.push(v);
      }
    }
    if (!scalar) continue;
    const c = ci95(xs);
    out[name] = { n: c.n, mean: c.mean, sd: c.sd, ci95: [c.lo, c.hi] };
  }
  return out;
}

/** runs.csv's (and runs.parquet's) columns and rows. */
export function runsTable(plan: Plan, records: readonly RunRecord[]): { columns: string[]; rows: Record<string, unknown>[] } {
  const metrics = metricNames(records);
  const columns = ['run', ...(plan.kind === 'compare' ? ['scenario'] : []), 'seed', ...plan.varied, ...metrics, 'outputHash', 'error'];
  const rows = records.map((r) => ({
    run: r.run,
    scenario: r.scenario,
    seed: r.seed,
    ...r.params,
    ...flattenMetrics(r.metrics),
    outputHash: r.outputHash,
    error: r.error,
  }));
  return { columns, rows };
}

export function runsCsv(plan: Plan, records: readonly RunRecord[]): string {
  const { columns, rows } = runsTable(plan, records);
  return tableCsv(columns, rows);
}

export function summaryJson(plan: Plan, records: readonly RunRecord[]): string {
  const metrics = metricNames(records);
  const failed = records.filter((r) => r.status !== 'ok').length;
  const head = { kind: plan.kind, runs: records.length, ok: records.length - failed, failed };
  if (plan.kind === 'batch') {
    const ok = records.filter((r) => r.status === 'ok');
    return json({ ...head, metrics: metricStats(ok, metrics) });
  }
  const labels = scenarioLabels(plan);
  const points = plan.points.map((p, i) => {
    const mine = records.filter((r) => r.point === i);
    const ok = mine.filter((r) => r.status === 'ok');
    return {
      point: i,
      ...(plan.kind === 'compare' ? { scenario: labels[p.scenario] } : {}),
      params: p.values,
      runs: mine.length,
      ok: ok.length,
      metrics: metricStats(ok, metrics),
    };
  });
  return json({ ...head, points });
}

export interface AggregateOptions {
  /** Write runs.csv (default true; false with --format parquet). */
  csv?: boolean;
  /** Files already written beside them (runs.parquet, series.parquet) by name: their hashes, listed after the text files'. */
  written?: Record<string, string>;
}

/** Every aggregate text file of a finished batch, the manifest last. `records` must hold every run, in id order. */
export async function aggregateFiles(plan: Plan, records: readonly RunRecord[], opts: AggregateOptions = {}): Promise<Record<string, string>> {
  if (records.length !== runCount(plan) || records.some((r, i) => r.run !== i)) {
    throw new Error(`aggregate needs all ${runCount(plan)} runs in id order, got ${records.length}`);
  }
  const files: Record<string, string> = {
    ...(opts.csv === false ? {} : { 'runs.csv': runsCsv(plan, records) }),
    'summary.json': summaryJson(plan, records),
  };
  if (plan.kind === 'compare') Object.assign(files, compareOutputs(plan, records).files);
  const hashes: Record<string, string> = {};
  for (const name of Object.keys(files)) hashes[name] = await sha256Hex(files[name]);
  Object.assign(hashes, opts.written);
  const outputHash = await sha256Hex(outputHashInput(hashes));
  const failed = records.filter((r) => r.status !== 'ok').length;
  const manifest = {
    engine: 'govsim',
    engineVersion: ENGINE_VERSION,
    kind: plan.kind,
    model: plan.scenarios[0].model,
    scenario: plan.scenarios[0].name,
    scenarioHash: plan.scenarios[0].scenarioHash,
    scenarios: plan.scenarios,
    command: plan.command,
    seeds: formatSeeds(plan.seeds),
    steps: [...new Set(plan.points.map((p) => p.steps))],
    sets: plan.sets,
    design: plan.design ?? null,
    ...(plan.sensitivity ? { sensitivity: plan.sensitivity } : {}),
    points: plan.points.length,
    runs: records.length,
    failed,
    files: hashes,
    outputHash,
    // plan.json (every point, seed and resolved scenario) pinned by its hash: `govsim replay` re-runs the
    // folder from it and `govsim verify` checks it. Outside `files`, so the output hash is as before.
    planHash: await sha256Hex(planJsonText(plan)),
  };
  return { ...files, 'manifest.json': json(manifest) };
}

/** plan.json's text (RunStore writes it; merge copies the first shard's, which is the same text). */
export function planJsonText(plan: Plan): string {
  return json(plan);
}

function json(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}
