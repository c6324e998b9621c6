/**
 * `govsim calibrate <scenario> --targets FILE [--particles N] [--generations G] [--epsilon E]
 *  [--quantile A] [--budget RUNS] [--seeds N|list] [--params GLOB[,GLOB]] [--priors FILE]
 *  [--sample-seed S] [--steps N] [--set ...] [--workers N] [--out DIR] [--quiet]`: ABC-SMC (Toni et al.
 * 2009; Beaumont et al. 2009) of a scenario's society parameters against a targets file. The method is
 * src/calibrate; this file reads flags, prints and writes the files.
 */
import { memoryLimit } from '../memory';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { BatchInputError } from '../../batch/errors';
import { parseSeeds } from '../../batch/seeds';
import { calibrationFactors } from '../../calibrate/parameters';
import { calibrationFiles, type CalibrationHead } from '../../calibrate/report';
import { runCalibration } from '../../calibrate/run';
import type { SeedPlan } from '../../calibrate/simulator';
import { readTargets } from '../../calibrate/targets';
import { writeFiles } from '../../io/files';
import { leversOf } from '../../scenario/levers';
import { describeFactor } from '../../sensitivity/factors';
import { readPriors } from '../../sensitivity/priors';
import { boolFlag, expectPositional, intFlag, listFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../errors';
import { loadBase } from '../../batch/points';
import { defaultOutDir, recordedCommand, wrap } from '../batch-flags';

export const usage =
  'govsim calibrate <scenario file or preset> --targets FILE [--particles N] [--generations G] [--epsilon E] [--quantile A] [--budget RUNS] [--seeds N|a..b] [--params GLOB[,GLOB]] [--priors FILE] [--sample-seed S] [--steps N] [--set ...] [--workers N] [--max-memory SIZE] [--out DIR] [--quiet]';

const DEFAULTS = { particles: 100, generations: 5, seeds: 2, quantile: 0.5, epsilon: 0 } as const;

export async function calibrate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    targets: 'string',
    particles: 'string',
    generations: 'string',
    epsilon: 'string',
    quantile: 'string',
    budget: 'string',
    seeds: 'string',
    params: 'string',
    priors: 'string',
    'sample-seed': 'string',
    steps: 'string',
    set: 'list',
    workers: 'string',
    'max-memory': 'string',
    out: 'string',
    quiet: 'boolean',
  });
  const [ref] = expectPositional(args, 1, usage);
  const targetsFile = stringFlag(args, 'targets');
  if (targetsFile === undefined) throw new UsageError('--targets FILE is required (a JSON file of {"targets": [{"metric", "target", "scale", "source"}]}, e.g. scenarios/calibration-targets.json)');
  const particles = intFlag(args, 'particles', 2, 1_000_000) ?? DEFAULTS.particles;
  const generations = intFlag(args, 'generations', 0, 1000) ?? DEFAULTS.generations;
  const epsilon = numberFlag(stringFlag(args, 'epsilon'), 'epsilon', 'a number of 0 or more (the final tolerance, in the distance\'s units: 1 = on average one tolerance off)', (x) => x >= 0) ?? DEFAULTS.epsilon;
  const quantile = numberFlag(stringFlag(args, 'quantile'), 'quantile', 'a number between 0 and 1, exclusive (0.5: each tolerance is the median of the previous distances)', (x) => x > 0 && x < 1) ?? DEFAULTS.quantile;
  const budget = intFlag(args, 'budget', 1, 1_000_000_000);
  const seeds = seedPlan(stringFlag(args, 'seeds'));
  const sampleSeed = intFlag(args, 'sample-seed', 0, 2 ** 32 - 1) ?? 1;
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const sets = listFlag(args, 'set');
  const workers = intFlag(args, 'workers', 1, 1024) ?? Math.max(1, availableParallelism());
  const quiet = boolFlag(args, 'quiet');
  const paramsText = stringFlag(args, 'params');
  const globs = paramsText === undefined ? [] : paramsText.split(',').map((g) => g.trim());
  if (globs.some((g) => g === '')) throw new UsageError(`--params ${JSON.stringify(paramsText)}: an empty glob; allowed: comma-separated globs of society parameters such as survey.base,grievances.*`);

  const targets = wrap(() => readTargets(targetsFile));
  // As batch does: one run per worker in memory at once (src/cli/memory.ts).
  const base = await loadBase(ref, sets, steps, memoryLimit(args, workers, `--workers ${workers}`));
  const model = base.info.model;
  const priorsFile = stringFlag(args, 'priors');
  const priors = priorsFile === undefined ? undefined : wrap(() => readPriors(priorsFile, leversOf(model).filter((s) => s.type === 'number' || s.type === 'integer')));
  const { factors, notes } = wrap(() => calibrationFactors(model, { globs, named: targets.parameters, priors }));
  const runsPer = seeds.kind === 'common' ? seeds.seeds.length : seeds.count;
  if (budget !== undefined && budget < particles * runsPer) {
    throw new UsageError(`--budget ${budget} is too small; allowed: at least --particles x seeds = ${particles * runsPer} runs (generation 0 alone needs that many)`);
  }
  const out = stringFlag(args, 'out') ?? defaultOutDir('calibrate')(base.info.name);
  if (!quiet) {
    for (const n of notes) console.error(`govsim: note: ${n}`);
    const unused = priors ? [...priors.factors.keys()].filter((p) => !factors.some((f) => f.path === p)) : [];
    if (unused.length) console.error(`govsim: --priors entries for parameters not calibrated (unused): ${unused.join(', ')}`);
    console.error(
      `govsim: ABC-SMC of ${factors.length} parameter${factors.length > 1 ? 's' : ''} against ${targets.targets.length} target${targets.targets.length > 1 ? 's' : ''}: ${particles} particles, up to ${generations} generations after the prior sample, ${runsPer} run(s) of ${base.steps} steps per particle${budget ? `, at most ${budget} runs` : ''}`,
    );
    for (const f of factors) console.error(`    ${f.path.replace(/^params\./, '')}: ${describeFactor(f)}`);
  }
  const started = Date.now();
  let result;
  try {
    result = await runCalibration({
      raw: base.raw,
      source: base.source,
      factors,
      targets: targets.targets,
      seeds,
      steps,
      particles,
      generations,
      finalEpsilon: epsilon,
      alpha: quantile,
      budgetRuns: budget,
      sampleSeed,
      workers,
      onGeneration: (g) => {
        if (!quiet) {
          const eps = Number.isFinite(g.epsilon) ? g.epsilon.toPrecision(4) : '∞ (prior)';
          console.error(`govsim: generation ${g.index}: tolerance ${eps}, ${g.simulations} simulations, acceptance ${g.acceptanceRate.toFixed(3)}, ESS ${g.ess.toFixed(1)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        }
      },
    });
  } catch (e) {
    if (e instanceof BatchInputError) throw new UsageError(e.message);
    throw e;
  }
  const head: CalibrationHead = {
    scenario: { ref: base.info.ref, name: base.info.name, scenarioHash: base.info.scenarioHash },
    command: recordedCommand('calibrate', argv),
    steps: base.steps,
    seeds,
    sampleSeed,
    particles,
    generations,
    alpha: quantile,
    finalEpsilon: epsilon,
    budgetRuns: budget ?? null,
    runsPerSimulation: runsPer,
  };
  const files = calibrationFiles(result, factors, targets.targets, head, { raw: base.raw, posteriorPath: join(out, 'posterior.json') });
  writeFiles(out, files);
  if (!quiet) console.log(files['summary.md']);
  console.log(
    `calibrate ${base.info.name}: ${result.generations.length - 1} generations after the prior sample, ${result.simulations} simulations (${result.simulations * runsPer} runs); ${result.stopReason} -> ${out}/ (posterior.csv, posterior.json, summary.md, calibrated-scenario.json)`,
  );
  return 0;
}

function numberFlag(text: string | undefined, name: string, allowed: string, ok: (x: number) => boolean): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UsageError(`--${name} ${JSON.stringify(text)} is not allowed; allowed: ${allowed}`);
  return x;
}

/** --seeds: a bare count S gives each simulation S fresh seeds; a list runs every particle on those seeds. */
function seedPlan(text: string | undefined): SeedPlan {
  const t = text ?? String(DEFAULTS.seeds);
  if (/^\s*\d+\s*$/.test(t)) {
    const count = Number(t);
    if (count < 1 || count > 1000) throw new UsageError(`--seeds ${JSON.stringify(t)} is not allowed; allowed: a count from 1 to 1000 (fresh seeds for every particle), or a list such as 1..4 (the same seeds for every particle)`);
    return { kind: 'fresh', count };
  }
  return { kind: 'common', seeds: wrap(() => parseSeeds(t)) };
}
