/**
 * `govsim effects <scenario> [--seeds N|a..b] [--levers GLOB[,GLOB]] [--kind policy|society|all]
 *  [--steps N] [--workers N] [--out DIR] [--markdown FILE] [--quiet]`: does every lever act? Each lever at
 * the ends of its range against the unchanged scenario on the same seeds; the engine is
 * src/batch/effects.ts, the generated document src/batch/effects-doc.ts. This file only reads flags and
 * prints.
 */
import { availableParallelism } from 'node:os';
import { analyseEffects, effectsFiles, effectsSummary, KIND_FILTERS, planEffects, planPoints, runEffects, selectLevers, type KindFilter } from '../../batch/effects';
import { jsonTwinPath, leversJson, leversMarkdown, stampText } from '../../batch/effects-doc';
import { parseSeedCountOrList } from '../../batch/seeds';
import { writeFileAtomic, writeFiles } from '../../io/files';
import { readScenarioRaw } from '../../scenario/files';
import { boolFlag, expectPositional, intFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../errors';
import { recordedCommand, wrap } from '../batch-flags';
import { defaultOut } from '../out-dir';
import { onInterrupt } from '../../batch/interrupt';

export const usage =
  'govsim effects <scenario file or preset> [--seeds N|a..b] [--levers GLOB[,GLOB]] [--kind policy|society|all] [--steps N] [--workers N] [--out DIR] [--markdown FILE] [--quiet]';

const DEFAULT_SEEDS = 10;

export async function effects(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    seeds: 'string',
    levers: 'string',
    kind: 'string',
    steps: 'string',
    workers: 'string',
    out: 'string',
    markdown: 'string',
    quiet: 'boolean',
  });
  const [ref] = expectPositional(args, 1, usage);
  const seeds = seedList(stringFlag(args, 'seeds'));
  const kind = (stringFlag(args, 'kind') ?? 'all') as KindFilter;
  if (!KIND_FILTERS.includes(kind)) throw new UsageError(`--kind ${JSON.stringify(kind)} is not allowed; allowed: ${KIND_FILTERS.join(', ')}`);
  const leversText = stringFlag(args, 'levers');
  const globs = leversText === undefined ? [] : leversText.split(',').map((g) => g.trim());
  if (globs.some((g) => g === '')) throw new UsageError(`--levers ${JSON.stringify(leversText)}: an empty glob; allowed: comma-separated globs such as ngo.*,mediation.grid.staffPer1000`);
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const workers = intFlag(args, 'workers', 1, 1024) ?? Math.max(1, availableParallelism());
  const out = stringFlag(args, 'out') ?? defaultOut(`effects-${ref.replace(/\.json$/, '').split('/').pop()!}`);
  const markdown = stringFlag(args, 'markdown');
  const quiet = boolFlag(args, 'quiet');

  const { raw } = readScenarioRaw(ref);
  const model = String((raw as { model?: unknown }).model);
  // An unknown model is left to planEffects' parse, which names it; levers are read only for known ones.
  const specs = wrap(() => selectLevers(model, globs, kind));
  const plan = await planEffects(ref, raw, specs, seeds, steps);
  const points = planPoints(plan).length;

  const interrupt = onInterrupt();
  const t0 = performance.now();
  let result: Awaited<ReturnType<typeof runEffects>>;
  try {
    result = await runEffects(plan, { workers, quiet, signal: interrupt.signal });
  } finally {
    interrupt.dispose();
  }
  if (result.stopped) {
    console.error(`govsim: interrupted; nothing was written (effects keeps no partial results: rerun the command)`);
    return interrupt.code() || 130;
  }
  const seconds = (performance.now() - t0) / 1000;

  // --markdown only says where a copy goes, so like --out and --workers it is not part of the command.
  const command = recordedCommand('effects', withoutFlag(argv, 'markdown'));
  const report = analyseEffects(plan, result.runs, command);
  writeFiles(out, effectsFiles(report));
  if (!quiet) console.log(effectsSummary(report));
  for (const l of report.levers) {
    for (const e of l.ends) {
      if (e.failedRuns) console.error(`govsim: ${l.lever} ${e.end} ${String(e.value)}: ${e.failedRuns} of ${seeds.length} seeds failed: ${e.runError}`);
    }
  }
  if (markdown) {
    const stamp = await stampText({ ref, globs, kind });
    const twin = jsonTwinPath(markdown);
    writeFileAtomic(markdown, leversMarkdown(report, stamp, twin.split('/').pop()!));
    writeFileAtomic(twin, leversJson(report));
    console.log(`wrote ${markdown} and ${twin}`);
  }
  const inert = report.inert.policy.length + report.inert.society.length + report.inert.unknown.length;
  console.log(
    `effects ${ref}: ${report.levers.length} levers, ${points - 1} settings + base x ${seeds.length} seeds = ${report.runs} runs ` +
      `(${report.failedRuns} failed) in ${seconds.toFixed(1)} s (workers: ${Math.min(workers, report.runs)}); ${inert} inert -> ${out}/ (effects.csv, effects.json)`,
  );
  return report.failedRuns ? 1 : 0;
}

/** --seeds: a bare count N means seeds 1..N; anything else is a seed list as batch takes it. */
function seedList(text: string | undefined): number[] {
  const t = text ?? String(DEFAULT_SEEDS);
  return wrap(() => parseSeedCountOrList(t));
}

function withoutFlag(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${flag}`) i++;
    else if (!argv[i].startsWith(`--${flag}=`)) out.push(argv[i]);
  }
  return out;
}
