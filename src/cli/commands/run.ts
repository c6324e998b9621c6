/** `govsim run <scenario> [--seed N] [--steps N] [--set path=value ...] [--out DIR]` */
import { join } from 'node:path';
import { runScenario } from '../../output/run';
import { loadScenario } from '../../scenario/files';
import { expectPositional, intFlag, listFlag, parseArgs, stringFlag } from '../args';
import { writeFiles } from '../files';

export const usage = 'govsim run <scenario file or preset> [--seed N] [--steps N] [--set params.x=value ...] [--out DIR]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { seed: 'string', steps: 'string', set: 'list', out: 'string' });
  const [ref] = expectPositional(args, 1, usage);
  const seed = intFlag(args, 'seed', 0, 2 ** 32 - 1);
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const scenario = loadScenario(ref, listFlag(args, 'set'));
  const out = stringFlag(args, 'out') ?? join('out', scenario.name.replace(/[^\w.-]+/g, '-'));
  const outputs = await runScenario(scenario, { seed, steps });
  writeFiles(out, outputs.files);
  const m = outputs.manifest;
  console.log(`${scenario.name}: ${m.steps} steps, seed ${m.seed} -> ${out}/ (output hash ${m.outputHash.slice(0, 16)})`);
  return 0;
}
