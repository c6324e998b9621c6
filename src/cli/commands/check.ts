/** `govsim check <scenario>...`: validate scenario files and print every problem. */
import { loadScenario } from '../../scenario/files';
import { ScenarioError } from '../../scenario/parse';
import { resolveRun } from '../../scenario/resolve';
import { escapeEcho } from '../../scenario/display';
import { parseArgs } from '../args';
import { UsageError } from '../errors';

export const usage = 'govsim check <scenario file or preset> [more ...]';

export async function check(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {});
  if (args.positional.length === 0) throw new UsageError(`missing arguments; usage: ${usage}`);
  let bad = 0;
  for (const ref of args.positional) {
    try {
      const s = loadScenario(ref);
      // Whatever check accepts, run runs: the model's step limit too (MAX_STEPS), not only the schema's.
      try {
        resolveRun(s);
      } catch (e) {
        if (e instanceof ScenarioError) throw new ScenarioError(ref, e.problems);
        throw e;
      }
      console.log(`ok  ${escapeEcho(ref, 200)} (${s.model}: ${escapeEcho(s.name)})`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      bad++;
      console.error(`bad ${e.source}`);
      for (const p of e.problems) console.error(`    ${p}`);
    }
  }
  return bad ? 1 : 0;
}
