/**
 * `govsim compare <scenario A> <scenario B> [more ...] --seeds 1..50 [batch options]`: every scenario on
 * the same seeds (common random numbers); per metric the paired difference against A with its 95%
 * interval, the Vargha-Delaney A and the Wilcoxon signed-rank p (paired by seed), as a table on stdout and in compare.csv and
 * compare.json (see src/batch/compare.ts).
 */
import { compareOutputs } from '../../batch/compare';
import type { Plan, PlanPoint } from '../../batch/design';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { buildPoints, COMMON_FLAGS, commonOptions, executePlan, finishedLine, loadBase, recordedCommand } from './batch';
import { defaultOut } from '../out-dir';

export const usage =
  'govsim compare <scenario A> <scenario B> [more ...] --seeds 1..50 [--steps N] [--set params.x=value ...] [--workers N] [--out DIR] [--series] [--resume] [--shard K/N] [--quiet] [--max-memory SIZE]';

export async function compare(argv: string[]): Promise<number> {
  const args = parseArgs(argv, COMMON_FLAGS);
  if (args.positional.length < 2) throw new UsageError(`compare needs at least two scenarios; usage: ${usage}`);
  const refs = args.positional;
  const common = commonOptions('compare', argv, args, (name) => defaultOut(`compare-${name}`));
  const points: PlanPoint[] = [];
  const raws: unknown[] = [];
  const sources: string[] = [];
  const scenarios = [];
  for (let i = 0; i < refs.length; i++) {
    const base = await loadBase(refs[i], common.sets, common.steps, common.limit(common.seeds.length * refs.length));
    scenarios.push(base.info);
    const built = buildPoints(base, i, [{}], common.steps);
    points.push(...built.points);
    raws.push(...built.raws);
    sources.push(...built.sources);
  }
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
  const result = await executePlan({ plan, raws, sources, steps: common.steps }, opts);
  if (result.files && result.records) {
    console.log(compareOutputs(plan, result.records).table);
    console.log(finishedLine(plan, opts.out, result.files, result.records));
  }
  return result.code;
}
