/**
 * `govsim compare <scenario A> <scenario B> [more ...] --seeds 1..50 [batch options]`: every scenario on
 * the same seeds (common random numbers); per metric the paired difference against A with its 95%
 * interval, the Vargha-Delaney A and the Wilcoxon signed-rank p (paired by seed), as a table on stdout and in compare.csv and
 * compare.json (see src/batch/compare.ts).
 *
 * With `--lhs D` or `--posterior FILE` (src/uncertainty): every scenario at the preset's values and at
 * every draw of society, the same draw for all of them; per pair of scenarios and metric the share of
 * draws in which the contrast holds and the distribution of the difference, as a table and in
 * DIR/compare-draws.{csv,json} and DIR/draws.csv (`--metrics a,b` to choose metrics).
 */
import { join } from 'node:path';
import { compareOutputs } from '../../batch/compare';
import type { Plan } from '../../batch/design';
import { formatSeeds } from '../../batch/seeds';
import { writeFiles } from '../../io/files';
import { ENGINE_VERSION } from '../../version';
import { compareAcrossOutputs, contrastsAcrossDraws, gridMetrics, runAcrossDraws } from '../../uncertainty/compare';
import { describeDraws, drawsFromFlags, wantsDraws } from '../../uncertainty/draws';
import { boolFlag, parseArgs, stringFlag, type ParsedArgs } from '../args';
import { UsageError } from '../errors';
import { buildPoints, concatPoints, loadBase } from '../../batch/points';
import { COMMON_FLAGS, commonOptions, recordedCommand, wrap } from '../batch-flags';
import { finishedLine, runPlan } from '../plan-report';
import { DRAW_FLAGS, DRAW_USAGE, drawFlags } from './draws-flags';
import { defaultOut } from '../out-dir';

export const usage = `govsim compare <scenario A> <scenario B> [more ...] --seeds 1..50 [--steps N] [--set params.x=value ...] [--workers N] [--out DIR] [--series] [--format csv|parquet|both] [--resume] [--shard K/N] [--quiet] [--max-memory SIZE]
       govsim compare <scenario A> <scenario B> [more ...] --seeds N ${DRAW_USAGE} [--metrics a,b] [--steps N] [--set ...] [--workers N] [--out DIR] [--quiet]`;

export async function compare(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...COMMON_FLAGS, ...DRAW_FLAGS, metrics: 'string' });
  if (args.positional.length < 2) throw new UsageError(`compare needs at least two scenarios; usage: ${usage}`);
  const refs = args.positional;
  const common = commonOptions('compare', argv, args, (name) => defaultOut(`compare-${name}`));
  const flags = drawFlags(args);
  if (wantsDraws(flags) || flags.draws !== undefined || flags.params !== undefined || flags.sampleSeed !== undefined) return compareAcross(argv, args, refs, common);
  if (stringFlag(args, 'metrics') !== undefined) throw new UsageError('--metrics: goes with --lhs D or --posterior FILE; a plain comparison reports every metric');
  const bases = [];
  for (const ref of refs) bases.push(await loadBase(ref, common.sets, common.steps, common.limit(common.seeds.length * refs.length)));
  const scenarios = bases.map((b) => b.info);
  const { points, raws, sources } = concatPoints(bases.map((b, i) => buildPoints(b, i, [{}], common.steps)));
  const plan: Plan = {
    kind: 'compare',
    command: recordedCommand('compare', argv),
    scenarios,
    sets: common.sets,
    seeds: common.seeds,
    series: common.series,
    varied: [],
    points,
  };
  const opts = common.run(scenarios.map((s) => s.name).join('-vs-'));
  const result = await runPlan({ plan, raws, sources, steps: common.steps }, opts);
  if (result.status === 'done') {
    console.log(compareOutputs(plan, result.records).table);
    console.log(finishedLine(plan, opts.out, result.files, result.records));
  }
  return result.code;
}

/** The comparison across draws of society. Exit 0, or 1 when some runs failed (left out of the report). */
async function compareAcross(argv: string[], args: ParsedArgs, refs: string[], common: ReturnType<typeof commonOptions>): Promise<number> {
  for (const f of ['series', 'resume'] as const) if (boolFlag(args, f)) throw new UsageError(`--${f}: not available with --lhs or --posterior (a comparison across draws keeps no per-run files)`);
  if (stringFlag(args, 'shard') !== undefined) throw new UsageError('--shard: not available with --lhs or --posterior; lower --lhs or --draws instead');
  if (common.format !== 'csv') throw new UsageError(`--format ${common.format}: not available with --lhs or --posterior (a comparison across draws keeps no per-run tables); allowed there: csv`);
  const bases = [];
  for (const ref of refs) bases.push(await loadBase(ref, common.sets, common.steps, common.limit(refs.length)));
  const models = [...new Set(bases.map((b) => b.info.model))];
  if (models.length > 1) throw new UsageError(`--lhs/--posterior: the scenarios are of different models (${models.join(', ')}); draws of one society need one model`);
  const draws = wrap(() => drawsFromFlags(drawFlags(args), models[0], common.sets));
  const names = bases.map((b) => b.info.name);
  const labels = new Set(names).size === names.length ? names : refs.map((r, i) => (new Set(refs).size === refs.length ? r : `${i + 1}:${r}`));
  const opts = common.run(names.join('-vs-'));
  if (!opts.quiet) console.error(`govsim: ${describeDraws(draws)}; ${refs.length} scenarios x ${draws.draws.length + 1} points (preset + draws) x ${common.seeds.length} seeds = ${refs.length * (draws.draws.length + 1) * common.seeds.length} runs`);
  const { grid, failures } = await runAcrossDraws(
    bases.map((b, i) => ({ label: labels[i], raw: b.raw, source: b.source })),
    draws,
    common.seeds,
    { workers: opts.workers, quiet: opts.quiet, steps: common.steps },
  );
  for (const f of failures) console.error(`govsim: run failed: ${f}`);
  const all = gridMetrics(grid);
  const metricsText = stringFlag(args, 'metrics');
  let metrics = all;
  if (metricsText !== undefined) {
    metrics = metricsText.split(',').map((m) => m.trim());
    const unknown = metrics.filter((m) => !all.includes(m));
    if (unknown.length || !metrics.length) throw new UsageError(`--metrics: ${unknown.map((m) => JSON.stringify(m)).join(', ') || 'none given'} not a scalar metric of these runs; allowed: ${all.join(', ')}`);
  }
  const contrasts = contrastsAcrossDraws(labels, grid, draws, metrics);
  const meta = {
    engineVersion: ENGINE_VERSION,
    command: recordedCommand('compare', argv),
    scenarios: bases.map((b, i) => ({ label: labels[i], ref: refs[i], name: b.info.name, scenarioHash: b.info.scenarioHash })),
    seeds: formatSeeds(common.seeds),
    seedsAre: 'per draw',
    sets: common.sets,
    steps: common.steps ?? null,
    failedRuns: failures.length,
  };
  const done = compareAcrossOutputs(contrasts, draws, meta);
  console.log(done.table);
  writeFiles(opts.out, done.files);
  console.log(`compare across ${draws.draws.length} draws: ${refs.length * (draws.draws.length + 1) * common.seeds.length} runs, ${failures.length} failed -> ${Object.keys(done.files).map((f) => join(opts.out, f)).join(', ')}`);
  return failures.length ? 1 : 0;
}
