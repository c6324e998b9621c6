/** `govsim check <scenario>... [--max-memory SIZE]`: validate scenario files and print every problem. */
import { loadScenario } from '../../scenario/files';
import { ScenarioError } from '../../scenario/parse';
import { formatEstimate } from '../../scenario/bounds';
import { resolveRun } from '../../scenario/resolve';
import { escapeEcho } from '../../scenario/display';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { memoryLimit } from '../memory';

export const usage = 'govsim check <scenario file or preset> [more ...] [--max-memory SIZE]';

export async function check(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { 'max-memory': 'string' });
  if (args.positional.length === 0) throw new UsageError(`missing arguments; usage: ${usage}`);
  const limit = memoryLimit(args);
  let bad = 0;
  for (const ref of args.positional) {
    try {
      const s = loadScenario(ref);
      // Whatever check accepts, run runs: the same resolveRun, with the step limit and the memory limit.
      const { estimate } = resolveRun(s, {}, limit, ref);
      console.log(`ok  ${escapeEcho(ref, 200)} (${s.model}: ${escapeEcho(s.name)})`);
      console.log(`    ${formatEstimate(estimate)}`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      bad++;
      console.error(`bad ${e.source}`);
      for (const p of e.problems) console.error(`    ${p}`);
    }
  }
  return bad ? 1 : 0;
}
