/** `govsim run <scenario> [--seed N] [--steps N] [--set path=value ...] [--out DIR]` */
import { runScenario } from '../../output/run';
import { loadScenario, readScenarioRaw } from '../../scenario/files';
import { settablePaths } from '../../scenario/overrides';
import { MODEL_NAMES, type ModelName } from '../../scenario/schema';
import { UsageError } from '../errors';
import { boolFlag, expectPositional, intFlag, listFlag, parseArgs, stringFlag } from '../args';

const CASE_LOG_SWITCH = 'params.output.caseLog=true';
import { writeFiles } from '../../io/files';
import { defaultOut } from '../out-dir';
import { escapeEcho } from '../../scenario/display';

export const usage = 'govsim run <scenario file or preset> [--seed N] [--steps N] [--set params.x=value ...] [--out DIR] [--cases]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { seed: 'string', steps: 'string', set: 'list', out: 'string', cases: 'boolean' });
  const [ref] = expectPositional(args, 1, usage);
  const seed = intFlag(args, 'seed', 0, 2 ** 32 - 1);
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const cases = boolFlag(args, 'cases');
  if (cases) {
    const model = (readScenarioRaw(ref).raw as { model?: string }).model;
    if (MODEL_NAMES.includes(model as ModelName) && !settablePaths(model as ModelName).includes(CASE_LOG_SWITCH.split('=')[0])) {
      throw new UsageError(`--cases: the ${model} model keeps no case log (the governance model does)`);
    }
  }
  // The case log costs memory at scale, so it is a scenario switch; --cases turns it on for this run.
  const scenario = loadScenario(ref, [...listFlag(args, 'set'), ...(cases ? [CASE_LOG_SWITCH] : [])]);
  const out = stringFlag(args, 'out') ?? defaultOut(scenario.name);
  const outputs = await runScenario(scenario, { seed, steps, cases });
  writeFiles(out, outputs.files);
  const m = outputs.manifest;
  console.log(`${escapeEcho(scenario.name)}: ${m.steps} steps, seed ${m.seed} -> ${out}/ (output hash ${m.outputHash.slice(0, 16)})`);
  return 0;
}
