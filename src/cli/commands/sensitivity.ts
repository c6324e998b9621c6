/**
 * `govsim sensitivity <scenario> [--method morris|sobol] [--n N] [--r R] [--levels P] [--kind
 *  society|policy|all] [--params GLOB[,GLOB]] [--priors FILE] [--seeds N|list] [--metrics a,b]
 *  [--sample-seed S] [--steps N] [--set ...] [--workers N] [--max-memory SIZE] [--out DIR] [--resume] [--shard K/N] [--quiet]`:
 * Morris screening or Sobol indices over a scenario's parameters. The design is src/sensitivity; its
 * points run as a batch plan (run files, --resume, --shard, `govsim merge`); this file reads flags and prints.
 */
import type { Plan } from '../../batch/design';
import { buildPoints, loadBase } from '../../batch/points';
import { parseSeeds } from '../../batch/seeds';
import { designValues, MAX_SENSITIVITY_POINTS, pointCount } from '../../sensitivity/design';
import { defaultFactor, describeFactor, selectParameters } from '../../sensitivity/factors';
import { readPriors } from '../../sensitivity/priors';
import { splitList } from '../../sensitivity/report';
import type { SensitivityDesign } from '../../sensitivity/types';
import { leversOf } from '../../scenario/levers';
import { boolFlag, expectPositional, intFlag, listFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../errors';
import { defaultOutDir, OUTPUT_FLAGS, recordedCommand, RUN_FLAGS, runFlags, wrap } from '../batch-flags';
import { finishedLine, runPlan } from '../plan-report';

export const usage =
  'govsim sensitivity <scenario file or preset> [--method morris|sobol] [--n N] [--r R] [--levels P] [--kind society|policy|all] [--params GLOB[,GLOB]] [--priors FILE] [--seeds N|a..b] [--metrics a,b] [--sample-seed S] [--steps N] [--set ...] [--format csv|parquet|both] [--workers N] [--max-memory SIZE] [--out DIR] [--resume] [--shard K/N] [--quiet]';

const METHODS = ['morris', 'sobol'] as const;
const KINDS = ['society', 'policy', 'all'] as const;
const DEFAULTS = { method: 'morris', n: 64, r: 10, levels: 4, seeds: 2, kind: 'society' } as const;

export async function sensitivity(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    method: 'string',
    n: 'string',
    r: 'string',
    levels: 'string',
    kind: 'string',
    params: 'string',
    priors: 'string',
    seeds: 'string',
    metrics: 'string',
    'sample-seed': 'string',
    steps: 'string',
    set: 'list',
    ...OUTPUT_FLAGS,
    ...RUN_FLAGS,
  });
  const [ref] = expectPositional(args, 1, usage);
  const method = oneOf('method', stringFlag(args, 'method') ?? DEFAULTS.method, METHODS);
  const kind = oneOf('kind', stringFlag(args, 'kind') ?? DEFAULTS.kind, KINDS);
  if (method === 'morris' && args.flags.n !== undefined) throw new UsageError('--n is the Sobol base sample size; with --method morris give --r (trajectories)');
  if (method === 'sobol' && (args.flags.r !== undefined || args.flags.levels !== undefined)) throw new UsageError('--r and --levels are for --method morris; with --method sobol give --n (base samples)');
  const n = intFlag(args, 'n', 2, 1_000_000) ?? DEFAULTS.n;
  const r = intFlag(args, 'r', 2, 100_000) ?? DEFAULTS.r;
  const levels = intFlag(args, 'levels', 2, 1000) ?? DEFAULTS.levels;
  if (levels % 2) throw new UsageError(`--levels ${levels} is not allowed; allowed: an even whole number from 2 to 1000 (4 is usual), so that every step Δ = p/(2(p-1)) stays on the grid`);
  const sampleSeed = intFlag(args, 'sample-seed', 0, 2 ** 32 - 1) ?? 1;
  const paramsText = stringFlag(args, 'params');
  const globs = paramsText === undefined ? [] : paramsText.split(',').map((g) => g.trim());
  if (globs.some((g) => g === '')) throw new UsageError(`--params ${JSON.stringify(paramsText)}: an empty glob; allowed: comma-separated globs such as population.*,economy.inequality`);
  const metricsText = stringFlag(args, 'metrics');
  const metrics = metricsText === undefined ? undefined : splitList(metricsText);
  if (metrics && !metrics.length) throw new UsageError(`--metrics ${JSON.stringify(metricsText)}: no metric named; allowed: comma-separated summary metrics, e.g. satisfaction,resolutionRate`);
  const seeds = seedList(stringFlag(args, 'seeds'));
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const sets = listFlag(args, 'set');
  const run = runFlags('sensitivity', argv, args, defaultOutDir('sensitivity'));
  const quiet = boolFlag(args, 'quiet');
  // As batch does: one run per worker in memory at once (src/cli/memory.ts).
  const base = await loadBase(ref, sets, steps, run.limit(run.workers));
  const model = base.info.model;
  const selection = wrap(() => selectParameters(model, globs, kind));
  const priorsFile = stringFlag(args, 'priors');
  const priors = priorsFile === undefined ? undefined : wrap(() => readPriors(priorsFile, leversOf(model).filter((s) => s.type === 'number' || s.type === 'integer')));
  const factors = selection.specs.map((s) => priors?.factors.get(s.path) ?? wrap(() => defaultFactor(s)));
  const design: SensitivityDesign = { method, ...(method === 'sobol' ? { n } : { r, levels }), sampleSeed, factors };
  const points = pointCount(design);
  if (points > MAX_SENSITIVITY_POINTS) {
    throw new UsageError(`the design has ${points} points (${factors.length} parameters); at most ${MAX_SENSITIVITY_POINTS} are allowed: lower --${method === 'sobol' ? 'n' : 'r'} or select fewer --params`);
  }
  if (!quiet) {
    if (selection.skipped.length) console.error(`govsim: not varied (not numbers): ${selection.skipped.join(', ')}`);
    const unused = priors ? [...priors.factors.keys()].filter((p) => !factors.some((f) => f.path === p)) : [];
    if (unused.length) console.error(`govsim: --priors entries for parameters not selected (unused): ${unused.join(', ')}`);
    if (method === 'sobol' && (n & (n - 1)) !== 0) console.error(`govsim: --n ${n} is not a power of 2; a Sobol sequence is balanced at powers of 2 (e.g. ${2 ** Math.round(Math.log2(n))})`);
    console.error(`govsim: ${method} over ${factors.length} parameters: ${points} points x ${seeds.length} seeds = ${points * seeds.length} runs`);
    if (factors.length <= 20) for (const f of factors) console.error(`    ${f.path.replace(/^params\./, '')}: ${describeFactor(f)}`);
  }

  const built = buildPoints(base, 0, designValues(design), steps);
  const plan: Plan = {
    kind: 'sensitivity',
    command: recordedCommand('sensitivity', argv),
    scenarios: [base.info],
    sets,
    seeds,
    series: false,
    sensitivity: design,
    varied: factors.map((f) => f.path),
    points: built.points,
  };
  const opts = run.run(base.info.name);
  // The indices are computed by the engine's finishing step, for the --metrics recorded in plan.command.
  const result = await runPlan({ plan, raws: built.raws, sources: built.sources, steps }, opts);
  if (result.status !== 'done') return result.code;
  if (!quiet && result.sensitivity) console.log(result.sensitivity.summary);
  console.log(`${finishedLine(plan, opts.out, result.files, result.records)}; indices -> sensitivity.csv, sensitivity.json, sensitivity.svg`);
  return result.code;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} ${JSON.stringify(value)} is not allowed; allowed: ${allowed.join(', ')}`);
  return value as T;
}

/** --seeds: a bare count N means seeds 1..N; anything else is a seed list as batch takes it. */
function seedList(text: string | undefined): number[] {
  const t = text ?? String(DEFAULTS.seeds);
  if (/^\s*\d+\s*$/.test(t)) {
    const count = Number(t);
    if (count < 1 || count > 10_000) throw new UsageError(`--seeds ${JSON.stringify(t)} is not allowed; allowed: a count from 1 to 10000 (2 or more to measure seed noise), or a list such as 1..20`);
    return Array.from({ length: count }, (_, i) => i + 1);
  }
  return wrap(() => parseSeeds(t));
}
