/** `govsim run <scenario> [--seed N] [--steps N] [--set path=value ...] [--out DIR] [--cases] [--format csv|parquet|both] [--max-memory SIZE] [--threads N]` */
import { createModel } from '../../../sim/registry';
import { writeRunOutputs } from '../../output/write-run';
import { estimatedSeconds, formatEstimate } from '../../scenario/bounds';
import { loadScenario, readScenarioRaw } from '../../scenario/files';
import { settablePaths } from '../../scenario/overrides';
import { resolveRun } from '../../scenario/resolve';
import { MODEL_NAMES, type ModelName } from '../../scenario/schema';
import { UsageError } from '../errors';
import { boolFlag, expectPositional, intFlag, listFlag, parseArgs, stringFlag } from '../args';
import { formatFlag } from '../format-flag';
import { memoryLimit } from '../memory';
import { defaultOut } from '../out-dir';
import { escapeEcho } from '../../scenario/display';
import { recordedCommand } from '../batch-flags';
import { threadsFlag } from '../threads-flag';
import { threadHosting } from '../../worker/shard-threads';

const CASE_LOG_SWITCH = 'params.output.caseLog=true';
/** Runs estimated to take longer than this (seconds) are announced on stderr with the estimate. */
const ANNOUNCE_SECONDS = 60;

export const usage =
  'govsim run <scenario file or preset> [--seed N] [--steps N] [--set params.x=value ...] [--out DIR] [--cases] [--format csv|parquet|both] [--max-memory SIZE] [--threads N]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { seed: 'string', steps: 'string', set: 'list', out: 'string', cases: 'boolean', format: 'string', 'max-memory': 'string', threads: 'string' });
  const [ref] = expectPositional(args, 1, usage);
  const seed = intFlag(args, 'seed', 0, 2 ** 32 - 1);
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const cases = boolFlag(args, 'cases');
  const format = formatFlag(args);
  const limit = memoryLimit(args);
  const threads = threadsFlag(args);
  if (cases) {
    const model = (readScenarioRaw(ref).raw as { model?: string }).model;
    if (MODEL_NAMES.includes(model as ModelName) && !settablePaths(model as ModelName).includes(CASE_LOG_SWITCH.split('=')[0])) {
      throw new UsageError(`--cases: the ${model} model keeps no case log (the governance model does)`);
    }
  }
  // The case log costs memory at scale, so it is a scenario switch; --cases turns it on for this run.
  const scenario = loadScenario(ref, [...listFlag(args, 'set'), ...(cases ? [CASE_LOG_SWITCH] : [])]);
  const out = stringFlag(args, 'out') ?? defaultOut(scenario.name);
  // The check `check` makes (steps, size, memory), before anything is allocated.
  const settings = resolveRun(scenario, { seed, steps }, limit, ref);
  if (estimatedSeconds(settings.estimate) > ANNOUNCE_SECONDS) {
    console.error(`govsim: ${escapeEcho(scenario.name)}: ${formatEstimate(settings.estimate)}; Ctrl-C stops it`);
  }
  // A scenario of several counties runs its counties on `threads` threads (the same bytes on any number).
  const model = createModel(scenario.model, scenario.params, settings.seed, threadHosting(threads));
  let m: Awaited<ReturnType<typeof writeRunOutputs>>;
  try {
    model.step(settings.steps);
    m = await writeRunOutputs(out, model, scenario, settings.seed, cases, recordedCommand('run', argv), format);
  } finally {
    model.dispose?.();
  }
  console.log(`${escapeEcho(scenario.name)}: ${m.steps} steps, seed ${m.seed} -> ${out}/ (output hash ${m.outputHash.slice(0, 16)})`);
  return 0;
}
