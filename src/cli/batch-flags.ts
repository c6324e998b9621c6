/**
 * The flags batch, sweep, compare and sensitivity share, and the command line they record in plan.json
 * and manifest.json.
 */
import { availableParallelism } from 'node:os';
import { BatchInputError } from '../batch/errors';
import type { ExecuteOptions } from '../batch/execute';
import { parseSeeds } from '../batch/seeds';
import { parseShard } from '../batch/shard';
import { boolFlag, intFlag, listFlag, stringFlag, type FlagSpec, type ParsedArgs } from './args';
import { UsageError } from './errors';
import { formatFlag } from './format-flag';
import { memoryLimit } from './memory';
import { defaultOut } from './out-dir';

/** How a plan runs: flags that change where and how fast, not what is computed. */
export const RUN_FLAGS: FlagSpec = {
  workers: 'string',
  out: 'string',
  resume: 'boolean',
  shard: 'string',
  quiet: 'boolean',
  'max-memory': 'string',
};

/** What the plan commands write: --format csv|parquet|both (recorded: it changes the files). */
export const OUTPUT_FLAGS: FlagSpec = { format: 'string' };

export const COMMON_FLAGS: FlagSpec = {
  seeds: 'string',
  steps: 'string',
  set: 'list',
  series: 'boolean',
  ...OUTPUT_FLAGS,
  ...RUN_FLAGS,
};

/** Flags that change how a batch runs but not what it computes; true when the flag takes a value. */
const UNRECORDED: Record<string, boolean> = { workers: true, threads: true, out: true, shard: true, quiet: false, resume: false, 'max-memory': true };

/**
 * The command line as recorded in plan.json and manifest.json: `argv` without the flags above, so that
 * shards, resumed runs and runs with another worker count record the same command (and write the same bytes).
 */
export function recordedCommand(command: string, argv: readonly string[]): string[] {
  const out = [command];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m && Object.hasOwn(UNRECORDED, m[1])) {
      if (UNRECORDED[m[1]] && m[2] === undefined) i++;
      continue;
    }
    // `--flag=value` is recorded as `--flag value`, so both spellings give the same bytes.
    if (m && m[2] !== undefined) out.push(`--${m[1]}`, m[2]);
    else out.push(a);
  }
  return out;
}

export interface RunOptions extends ExecuteOptions {
  /** Command and argv as typed, for the "to resume" hint. */
  typed: string[];
}

/** Read the run flags (RUN_FLAGS): workers, the memory limit they imply, and the engine's options. */
export function runFlags(command: string, argv: string[], args: ParsedArgs, defaultOut: (name: string) => string) {
  // Checked here, before anything runs; the engine reads it back from the recorded command.
  const format = formatFlag(args);
  const shardText = stringFlag(args, 'shard');
  const workersFlag = intFlag(args, 'workers', 1, 1024);
  const workers = workersFlag ?? Math.max(1, availableParallelism());
  return {
    format,
    workers,
    /** The memory limit for `runs` runs, of which up to one per worker run at once. */
    limit: (runs: number) =>
      memoryLimit(args, Math.min(workers, runs), workersFlag === undefined ? `a worker per core, ${workers}; fewer with --workers N` : `--workers ${workers}`),
    run: (name: string): RunOptions => ({
      out: stringFlag(args, 'out') ?? defaultOut(name),
      workers,
      resume: boolFlag(args, 'resume'),
      shard: shardText === undefined ? undefined : wrap(() => parseShard(shardText)),
      quiet: boolFlag(args, 'quiet'),
      typed: [command, ...argv],
    }),
  };
}

/** Read the common flags (everything but the scenarios and the design). */
export function commonOptions(command: string, argv: string[], args: ParsedArgs, defaultOut: (name: string) => string) {
  const seedsText = stringFlag(args, 'seeds');
  if (seedsText === undefined) throw new UsageError(`--seeds is required, e.g. --seeds 1..100`);
  const seeds = wrap(() => parseSeeds(seedsText));
  return {
    seeds,
    steps: intFlag(args, 'steps', 1, 10_000_000),
    sets: listFlag(args, 'set'),
    series: boolFlag(args, 'series'),
    ...runFlags(command, argv, args, defaultOut),
  };
}

/** Turn the batch layer's input errors into usage errors (one line, exit 2). */
export function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BatchInputError) throw new UsageError(e.message);
    throw e;
  }
}

/** wrap for an async step. */
export async function wrapAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BatchInputError) throw new UsageError(e.message);
    throw e;
  }
}

/** Default --out: out/<scenario name>-<command>. */
export function defaultOutDir(kind: string) {
  return (name: string) => defaultOut(name, `-${kind}`);
}
