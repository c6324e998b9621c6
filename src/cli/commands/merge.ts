/**
 * `govsim merge DIR... --out DIR`: combine the folders of a sharded batch, sweep or comparison into
 * exactly the folder the unsharded command writes (see src/batch/merge.ts).
 */
import { compareOutputs } from '../../batch/compare';
import { BatchInputError } from '../../batch/errors';
import { mergeDirs } from '../../batch/merge';
import { writeFiles } from '../../io/files';
import { finishSensitivity, metricsFromCommand } from '../../sensitivity/report';
import { boolFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../errors';
import { finishedLine, reportFailures, wrap } from './batch';

export const usage = 'govsim merge <batch folder> [more ...] --out DIR [--quiet]';

export async function merge(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: 'string', quiet: 'boolean' });
  if (args.positional.length === 0) throw new UsageError(`merge needs the shards' folders; usage: ${usage}`);
  const out = stringFlag(args, 'out');
  if (out === undefined) throw new UsageError(`merge needs --out DIR; usage: ${usage}`);
  let merged: Awaited<ReturnType<typeof mergeDirs>>;
  try {
    merged = await mergeDirs(args.positional, out);
  } catch (e) {
    if (e instanceof BatchInputError) throw new UsageError(e.message);
    throw e;
  }
  const { plan, records, files } = merged;
  const failures = records.filter((r) => r.status !== 'ok');
  reportFailures(failures);
  if (plan.kind === 'compare' && !boolFlag(args, 'quiet')) console.log(compareOutputs(plan, records).table);
  if (plan.kind === 'sensitivity') {
    // The indices of the whole design, for the metrics the shards' command named.
    const done = wrap(() => finishSensitivity(plan, records, metricsFromCommand(plan.command)));
    writeFiles(out, done.files);
    if (!boolFlag(args, 'quiet')) console.log(done.summary);
  }
  console.log(finishedLine(plan, out, files, records));
  return failures.length ? 1 : 0;
}
