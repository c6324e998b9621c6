/**
 * `govsim batch <scenario> --seeds 1..100 [--steps N] [--set path=value ...] [--workers N] [--out DIR]
 *  [--series] [--resume] [--shard K/N] [--quiet]`: one scenario over many seeds. The engine is
 * src/batch/execute.ts; the flags it shares with sweep, compare and sensitivity are in ../batch-flags.ts.
 */
import type { Plan } from '../../batch/design';
import { buildPoints, loadBase } from '../../batch/points';
import { expectPositional, parseArgs } from '../args';
import { COMMON_FLAGS, commonOptions, defaultOutDir, recordedCommand } from '../batch-flags';
import { finishedLine, runPlan } from '../plan-report';

export const usage =
  'govsim batch <scenario file or preset> --seeds 1..100 [--steps N] [--set params.x=value ...] [--workers N] [--out DIR] [--series] [--format csv|parquet|both] [--resume] [--shard K/N] [--quiet] [--max-memory SIZE]';

export async function batch(argv: string[]): Promise<number> {
  const args = parseArgs(argv, COMMON_FLAGS);
  const [ref] = expectPositional(args, 1, usage);
  const common = commonOptions('batch', argv, args, defaultOutDir('batch'));
  const base = await loadBase(ref, common.sets, common.steps, common.limit(common.seeds.length));
  const built = buildPoints(base, 0, [{}], common.steps);
  const plan: Plan = {
    kind: 'batch',
    command: recordedCommand('batch', argv),
    scenarios: [base.info],
    sets: common.sets,
    seeds: common.seeds,
    series: common.series,
    varied: [],
    points: built.points,
  };
  const opts = common.run(base.info.name);
  const result = await runPlan({ plan, raws: built.raws, sources: built.sources, steps: common.steps }, opts);
  if (result.status === 'done') {
    if (!opts.quiet) console.log(metricTable(result.files['summary.json']));
    console.log(finishedLine(plan, opts.out, result.files, result.records));
  }
  return result.code;
}

/** A short aligned table of a batch's metrics: n, mean and 95% interval. */
function metricTable(summaryText: string): string {
  const s = JSON.parse(summaryText) as { metrics: Record<string, { n: number; mean: number | null; ci95: (number | null)[] }> };
  const rows = Object.entries(s.metrics).map(([name, m]) => [name, String(m.n), fmt(m.mean), `[${fmt(m.ci95[0])}, ${fmt(m.ci95[1])}]`]);
  const head = ['metric', 'n', 'mean', '95% CI'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '-';
  return String(Number(x.toPrecision(4)));
}
