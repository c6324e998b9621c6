/**
 * `govsim batch <scenario> --seeds 1..100 [--steps N] [--set path=value ...] [--workers N] [--out DIR]
 *  [--series] [--resume] [--shard K/N] [--quiet]`
 *
 * Also home of what batch, sweep and compare share: the common flags, the recorded command line and
 * `executePlan`, which runs a plan's runs in a worker pool, saves each as it finishes, and writes the
 * aggregates once all are done.
 */
import { availableParallelism } from 'node:os';
import { canonicalJson, sha256Hex, sortKeys } from '../../output/hash';
import { scenarioHash } from '../../output/run';
import { applyOverrides } from '../../scenario/overrides';
import { parseScenario, ScenarioError } from '../../scenario/parse';
import type { MemoryLimit } from '../../scenario/bounds';
import type { Scenario } from '../../scenario/schema';
import { resolveRun } from '../../scenario/resolve';
import { readScenarioRaw } from '../../scenario/files';
import { aggregateFiles } from '../../batch/aggregate';
import { scenarioLabels } from '../../batch/compare';
import { assignments, describeValues, plannedRun, runCount, type Plan, type PlanPoint, type PlanScenario, type Value } from '../../batch/design';
import { BatchInputError } from '../../batch/errors';
import { RunPool, type RunTask } from '../../batch/pool';
import { Progress } from '../../batch/progress';
import { parseSeeds } from '../../batch/seeds';
import { inShard, parseShard, type Shard } from '../../batch/shard';
import { RunStore, samePlan, type RunRecord } from '../../batch/store';
import { writeFiles } from '../../io/files';
import { WriteError } from '../../io/write-error';
import { boolFlag, expectPositional, intFlag, listFlag, parseArgs, stringFlag, type FlagSpec, type ParsedArgs } from '../args';
import { UsageError } from '../errors';
import { defaultOut } from '../out-dir';
import { escapeEcho } from '../../scenario/display';
import { onInterrupt } from '../interrupt';
import { memoryLimit } from '../memory';

export const usage =
  'govsim batch <scenario file or preset> --seeds 1..100 [--steps N] [--set params.x=value ...] [--workers N] [--out DIR] [--series] [--resume] [--shard K/N] [--quiet] [--max-memory SIZE]';

export const COMMON_FLAGS: FlagSpec = {
  seeds: 'string',
  steps: 'string',
  set: 'list',
  workers: 'string',
  out: 'string',
  series: 'boolean',
  resume: 'boolean',
  shard: 'string',
  quiet: 'boolean',
  'max-memory': 'string',
};

/** Flags that change how a batch runs but not what it computes; true when the flag takes a value. */
const UNRECORDED: Record<string, boolean> = { workers: true, out: true, shard: true, quiet: false, resume: false, 'max-memory': true };

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

export interface RunOptions {
  out: string;
  workers: number;
  resume: boolean;
  shard?: Shard;
  quiet: boolean;
  /** Command and argv as typed, for the "to resume" hint. */
  typed: string[];
}

/** Read the common flags (everything but the scenarios and the design). */
export function commonOptions(command: string, argv: string[], args: ParsedArgs, defaultOut: (name: string) => string) {
  const seedsText = stringFlag(args, 'seeds');
  if (seedsText === undefined) throw new UsageError(`--seeds is required, e.g. --seeds 1..100`);
  const seeds = wrap(() => parseSeeds(seedsText));
  const shardText = stringFlag(args, 'shard');
  const workersFlag = intFlag(args, 'workers', 1, 1024);
  const workers = workersFlag ?? Math.max(1, availableParallelism());
  return {
    seeds,
    steps: intFlag(args, 'steps', 1, 10_000_000),
    sets: listFlag(args, 'set'),
    series: boolFlag(args, 'series'),
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

/** Turn the batch layer's input errors into usage errors (one line, exit 2). */
export function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof BatchInputError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * A scenario read from a reference with `--set` applied and checked, its memory too (errors exit 2
 * before anything runs).
 */
export async function loadBase(ref: string, sets: readonly string[], steps: number | undefined, limit: MemoryLimit) {
  const { raw } = readScenarioRaw(ref);
  const withSets = sets.length ? applyOverrides(raw, sets) : (raw as Record<string, unknown>);
  const source = sets.length ? `${ref} with --set ${sets.join(' ')}` : ref;
  const scenario = parseScenario(withSets, source);
  const info: PlanScenario = { ref, name: scenario.name, model: scenario.model, scenarioHash: await scenarioHash(scenario), resolved: sortKeys(scenario) as Scenario };
  return { raw: withSets, source, info, steps: resolveRun(scenario, { steps }, limit, source).steps, limit };
}

/** What executePlan needs besides the plan: each point's raw scenario and name for messages. */
export interface Job {
  plan: Plan;
  /** Raw scenario of each point (its scenario with --set and the point's values applied). */
  raws: unknown[];
  sources: string[];
  /** --steps, if given (else each scenario's own). */
  steps?: number;
}

/** Build the points of a plan: each design point applied to its scenario. */
export function buildPoints(
  base: { raw: unknown; source: string; steps: number; limit: MemoryLimit },
  scenarioIndex: number,
  designPoints: Record<string, Value>[],
  steps: number | undefined,
): { points: PlanPoint[]; raws: unknown[]; sources: string[] } {
  const points: PlanPoint[] = [];
  const raws: unknown[] = [];
  const sources: string[] = [];
  for (const values of designPoints) {
    const a = assignments(values);
    const raw = a.length ? applyOverrides(base.raw, a, '--grid') : base.raw;
    let pointSteps = base.steps;
    if (a.length) {
      let scenario: Scenario | undefined;
      try {
        scenario = parseScenario(raw);
      } catch {
        // An invalid point: its runs fail in the workers and are reported there.
      }
      if (scenario) {
        try {
          pointSteps = resolveRun(scenario, { steps }, base.limit, `${base.source} at ${describeValues(values)}`).steps;
        } catch (e) {
          // A point too large for the memory is refused before anything runs, as run would refuse it.
          if (e instanceof ScenarioError && e.problems.some((p) => !p.startsWith('steps:'))) throw e;
        }
      }
    }
    points.push({ scenario: scenarioIndex, values, steps: pointSteps });
    raws.push(raw);
    sources.push(a.length ? `${base.source} at ${describeValues(values)}` : base.source);
  }
  return { points, raws, sources };
}

/**
 * Identity of a run's definition (its point's scenario, seed and --steps), stored in its record so that
 * --resume never takes another batch's run for it. The scenario is hashed once per point.
 */
async function runKey(pointHash: string, seed: number, steps: number | undefined): Promise<string> {
  return sha256Hex(`${pointHash}/${seed}/${steps ?? 'default'}`);
}

/**
 * Run a plan: save each run under DIR/runs as it finishes, then (unless sharded) write the aggregates.
 * Returns the exit code: 0 all fine, 1 some runs failed, 130 interrupted (143 on SIGTERM).
 */
export async function executePlan(job: Job, opts: RunOptions): Promise<{ code: number; records?: RunRecord[]; files?: Record<string, string> }> {
  const { plan } = job;
  const store = new RunStore(opts.out);
  if (opts.resume) {
    const old = store.readPlanText();
    if (old !== undefined && !sameAs(old, plan)) {
      throw new UsageError(`--resume: ${opts.out} holds a different batch (its plan.json differs); resume with the same arguments, or use another --out`);
    }
  }
  store.removeStaleTemporaries();
  store.writePlan(plan);

  const total = runCount(plan);
  const mine: number[] = [];
  for (let id = 0; id < total; id++) if (inShard(id, opts.shard)) mine.push(id);
  const keys = new Map<number, string>();
  const pointHashes = new Map<number, string>();
  const tasks: RunTask[] = [];
  let already = 0;
  for (const id of mine) {
    const r = plannedRun(plan, id);
    let pointHash = pointHashes.get(r.point);
    if (pointHash === undefined) pointHashes.set(r.point, (pointHash = await sha256Hex(canonicalJson(job.raws[r.point]))));
    const key = await runKey(pointHash, r.seed, job.steps);
    keys.set(id, key);
    if (opts.resume) {
      const saved = store.read(id);
      if ('problem' in saved) console.error(`govsim: ${store.runPath(id)}: ${saved.problem}; running it again`);
      else if (store.isDone(id, key, plan.series)) {
        already++;
        continue;
      }
    }
    tasks.push({ id, scenario: job.raws[r.point], seed: r.seed, steps: job.steps, source: job.sources[r.point] });
  }

  const progress = new Progress(mine.length, already, { quiet: opts.quiet });
  const interrupt = onInterrupt();
  const pool = new RunPool({ workers: Math.max(1, Math.min(opts.workers, tasks.length)) });
  const labels = scenarioLabels(plan);
  let stopped = false;
  let writeError: WriteError | undefined;
  try {
    if (tasks.length) {
      const res = await pool.runAll(
        tasks,
        (task, result) => {
          const r = plannedRun(plan, task.id);
          const point = plan.points[r.point];
          const record: RunRecord = {
            run: task.id,
            point: r.point,
            seed: r.seed,
            ...(plan.kind === 'compare' ? { scenario: labels[point.scenario] } : {}),
            params: point.values,
            steps: point.steps,
            key: keys.get(task.id)!,
            status: result.ok ? 'ok' : 'failed',
          };
          if (result.ok) {
            record.metrics = JSON.parse(result.outputs.files['summary.json']).metrics;
            record.outputHash = result.outputs.manifest.outputHash;
          } else record.error = result.error;
          store.save(record, plan.series && result.ok ? result.outputs.files['timeseries.csv'] : undefined);
          progress.tick(!result.ok);
        },
        interrupt.signal,
      );
      stopped = res.stopped;
    }
  } catch (e) {
    // A run could not be saved (full disk, no permission): the pool stopped handing out runs; close()
    // below ends the threads, and every run saved before stays for --resume.
    if (!(e instanceof WriteError)) throw e;
    writeError = e;
  } finally {
    interrupt.dispose();
    progress.finish();
    await pool.close();
  }

  const again = opts.typed.includes('--resume') ? opts.typed : [...opts.typed, '--resume'];
  const savedCount = () => mine.filter((id) => store.load(id)?.status === 'ok').length;
  if (writeError) return writeFailed(writeError, `${savedCount()} of ${mine.length} runs are saved in ${opts.out}`, again);
  if (stopped) {
    console.error(`govsim: interrupted: ${savedCount()} of ${mine.length} runs are saved in ${opts.out}; to finish, run: govsim ${again.map(quote).join(' ')}`);
    return { code: interrupt.code() || 130 };
  }

  const failures = mine.map((id) => store.load(id)).filter((r): r is RunRecord => !!r && r.status !== 'ok');
  reportFailures(failures);
  if (opts.shard) {
    console.log(
      `shard ${opts.shard.k}/${opts.shard.n}: ${mine.length} of ${total} runs (${failures.length} failed) -> ${opts.out}/; combine the shards with: govsim merge DIR... --out DIR`,
    );
    return { code: failures.length ? 1 : 0 };
  }
  const records: RunRecord[] = [];
  for (let id = 0; id < total; id++) {
    const r = store.load(id);
    if (!r) throw new Error(`run ${id} has no saved record in ${opts.out}/runs`);
    records.push(r);
  }
  const files = await aggregateFiles(plan, records);
  try {
    writeFiles(opts.out, files);
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    return writeFailed(e, `all ${total} runs are saved in ${opts.out}`, again);
  }
  return { code: failures.length ? 1 : 0, records, files };
}

/** Exit code of a batch stopped by a file it could not write. */
export const WRITE_FAILED = 3;

/** Say which file could not be written and why, what is kept, and how to finish. */
function writeFailed(e: WriteError, kept: string, again: readonly string[]): { code: number } {
  console.error(`govsim: ${e.message}; stopped. ${kept}; once the folder can be written, finish with: govsim ${again.map(quote).join(' ')}`);
  return { code: WRITE_FAILED };
}

function sameAs(text: string, plan: Plan): boolean {
  try {
    return samePlan(JSON.parse(text) as Plan, plan);
  } catch {
    return false;
  }
}

/** One stderr line per failed run (its seed and parameters), at most 20. */
export function reportFailures(failures: readonly RunRecord[]): void {
  for (const r of failures.slice(0, 20)) {
    const params = describeValues(r.params);
    const scenario = r.scenario ? `${r.scenario}, ` : '';
    console.error(`govsim: run ${r.run} failed (${scenario}seed ${r.seed}${params ? `, ${params}` : ''}): ${r.error}`);
  }
  if (failures.length > 20) console.error(`govsim: ... and ${failures.length - 20} more failed runs (see the error column of runs.csv)`);
}

/** The closing stdout line of a finished batch. */
export function finishedLine(plan: Plan, out: string, files: Record<string, string>, records: readonly RunRecord[]): string {
  const failed = records.filter((r) => r.status !== 'ok').length;
  const hash = (JSON.parse(files['manifest.json']) as { outputHash: string }).outputHash;
  const points = plan.kind === 'sweep' || plan.kind === 'sensitivity' ? `${plan.points.length} points x ${plan.seeds.length} seeds = ` : '';
  return `${plan.kind} ${plan.scenarios.map((s) => escapeEcho(s.name)).join(' vs ')}: ${points}${records.length} runs, ${failed} failed -> ${out}/ (output hash ${hash.slice(0, 16)})`;
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Default --out: out/<scenario name>-<command>. */
export function defaultOutDir(kind: string) {
  return (name: string) => defaultOut(name, `-${kind}`);
}

export async function batch(argv: string[]): Promise<number> {
  const args = parseArgs(argv, COMMON_FLAGS);
  const [ref] = expectPositional(args, 1, usage);
  const common = commonOptions('batch', argv, args, defaultOutDir('batch'));
  const base = await loadBase(ref, common.sets, common.steps, common.limit(common.seeds.length));
  const built = buildPoints(base, 0, [{}], common.steps);
  const plan: Plan = {
    kind: 'batch',
    command: recordedCommand('batch', argv),
    scenarios: [base.info],
    sets: common.sets,
    seeds: common.seeds,
    series: common.series,
    varied: [],
    points: built.points,
  };
  const opts = common.run(base.info.name);
  const result = await executePlan({ plan, raws: built.raws, sources: built.sources, steps: common.steps }, opts);
  if (result.files && result.records) {
    if (!opts.quiet) console.log(metricTable(result.files['summary.json']));
    console.log(finishedLine(plan, opts.out, result.files, result.records));
  }
  return result.code;
}

/** A short aligned table of a batch's metrics: n, mean and 95% interval. */
function metricTable(summaryText: string): string {
  const s = JSON.parse(summaryText) as { metrics: Record<string, { n: number; mean: number | null; ci95: (number | null)[] }> };
  const rows = Object.entries(s.metrics).map(([name, m]) => [name, String(m.n), fmt(m.mean), `[${fmt(m.ci95[0])}, ${fmt(m.ci95[1])}]`]);
  const head = ['metric', 'n', 'mean', '95% CI'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function fmt(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '-';
  return String(Number(x.toPrecision(4)));
}
