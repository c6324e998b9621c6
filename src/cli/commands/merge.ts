/**
 * `govsim merge DIR... --out DIR`: combine the folders of a sharded batch, sweep, comparison or
 * sensitivity analysis into exactly the folder the unsharded command writes (see src/batch/merge.ts).
 */
import { compareOutputs } from '../../batch/compare';
import { mergeDirs } from '../../batch/merge';
import { boolFlag, parseArgs, stringFlag } from '../args';
import { wrapAsync } from '../batch-flags';
import { UsageError } from '../errors';
import { finishedLine, reportFailures } from '../plan-report';

export const usage = 'govsim merge <batch folder> [more ...] --out DIR [--quiet]';

export async function merge(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: 'string', quiet: 'boolean' });
  if (args.positional.length === 0) throw new UsageError(`merge needs the shards' folders; usage: ${usage}`);
  const out = stringFlag(args, 'out');
  if (out === undefined) throw new UsageError(`merge needs --out DIR; usage: ${usage}`);
  const { plan, records, files, sensitivity } = await wrapAsync(() => mergeDirs(args.positional, out));
  const failures = records.filter((r) => r.status !== 'ok');
  reportFailures(failures);
  const quiet = boolFlag(args, 'quiet');
  if (plan.kind === 'compare' && !quiet) console.log(compareOutputs(plan, records).table);
  if (sensitivity && !quiet) console.log(sensitivity.summary);
  console.log(finishedLine(plan, out, files, records));
  return failures.length ? 1 : 0;
}
