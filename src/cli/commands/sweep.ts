/**
 * `govsim sweep <scenario> --grid params.x=0.1,0.2 --grid params.y=1..5 [--lhs N --range params.z=0..1
 *  [--lhs-seed S]] --seeds 1..20 [batch options]`: a full factorial grid, optionally crossed with a
 * Latin hypercube sample, each point run over every seed (design order: see src/batch/design.ts).
 */
import { checkDesign, checkDesignPaths, designPoints, parseGrid, parseRange, variedPaths, type Design, type Plan } from '../../batch/design';
import { expectPositional, intFlag, listFlag, parseArgs } from '../args';
import { UsageError } from '../errors';
import { buildPoints, loadBase } from '../../batch/points';
import { COMMON_FLAGS, commonOptions, defaultOutDir, recordedCommand, wrap } from '../batch-flags';
import { finishedLine, runPlan } from '../plan-report';

export const usage =
  'govsim sweep <scenario file or preset> --grid params.x=0.1,0.2,0.3 [--grid params.y=1..5 ...] [--lhs N --range params.z=0..1 ... [--lhs-seed S]] --seeds 1..20 [--steps N] [--set ...] [--workers N] [--out DIR] [--series] [--format csv|parquet|both] [--resume] [--shard K/N] [--quiet] [--max-memory SIZE]';

export async function sweep(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...COMMON_FLAGS, grid: 'list', lhs: 'string', range: 'list', 'lhs-seed': 'string' });
  const [ref] = expectPositional(args, 1, usage);
  const common = commonOptions('sweep', argv, args, defaultOutDir('sweep'));
  const grid = listFlag(args, 'grid');
  const ranges = listFlag(args, 'range');
  const lhsN = intFlag(args, 'lhs', 1, 1_000_000);
  const lhsSeed = intFlag(args, 'lhs-seed', 0, 2 ** 32 - 1);
  if (lhsN === undefined && ranges.length) throw new UsageError('--range needs --lhs N (the number of Latin hypercube points)');
  if (lhsN !== undefined && !ranges.length) throw new UsageError('--lhs needs at least one --range path=lo..hi');
  if (lhsSeed !== undefined && lhsN === undefined) throw new UsageError('--lhs-seed needs --lhs N');
  if (!grid.length && lhsN === undefined) throw new UsageError(`nothing to sweep: give --grid path=values and/or --lhs N --range path=lo..hi; usage: ${usage}`);
  const design: Design = wrap(() => {
    const d: Design = { grid: grid.map(parseGrid) };
    if (lhsN !== undefined) d.lhs = { n: lhsN, seed: lhsSeed ?? 1, ranges: ranges.map(parseRange) };
    checkDesign(d);
    return d;
  });
  const points = designPoints(design);
  const base = await loadBase(ref, common.sets, common.steps, common.limit(common.seeds.length * points.length));
  checkDesignPaths(base.raw, design);
  const built = buildPoints(base, 0, points, common.steps);
  const plan: Plan = {
    kind: 'sweep',
    command: recordedCommand('sweep', argv),
    scenarios: [base.info],
    sets: common.sets,
    seeds: common.seeds,
    series: common.series,
    design,
    varied: variedPaths(design),
    points: built.points,
  };
  const opts = common.run(base.info.name);
  const result = await runPlan({ plan, raws: built.raws, sources: built.sources, steps: common.steps }, opts);
  if (result.status === 'done') console.log(finishedLine(plan, opts.out, result.files, result.records));
  return result.code;
}
