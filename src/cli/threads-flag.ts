/**
 * `--threads N`: how many threads a run of several counties spreads its counties over (sim/governance/
 * province.ts; src/worker/shard-threads.ts). The outputs are the same bytes for any N, so the flag is
 * not recorded in the manifest; by default a thread per core.
 */
import { availableParallelism } from 'node:os';
import { intFlag, type ParsedArgs } from './args';

export function threadsFlag(args: ParsedArgs): number {
  return intFlag(args, 'threads', 1, 256) ?? Math.max(1, availableParallelism());
}
