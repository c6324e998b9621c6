/**
 * `govsim validate [--seeds N|LIST] [--patterns 1,2,...] [--set path=value ...] [--steps N] [--workers N]
 * [--out DIR] [--quiet]`: runs the experiments behind the ten patterns of design/MODEL.md over seeds 1..N
 * or any seed list (`31..60`, `1,5,9`: held-out seeds), prints the tables of pattern, measured value,
 * criterion, p-values and PASS / FAIL / INCONCLUSIVE, writes them as DIR/validation.json, and exits 1
 * unless every pattern passes. `--set` and `--steps` apply to the governance-model experiments (a quick
 * look at a small town; the documented verdicts are at the presets as they are).
 *
 * With `--lhs D` or `--posterior FILE` (src/uncertainty): the suite at the preset's values and at every
 * draw of society, `--seeds` per draw; per check the share of draws in which it passes and the
 * distribution of its effect, as tables and DIR/validation-draws.{csv,json} and DIR/draws.csv; exit 1
 * unless every check passes in at least 90% of the draws (MODEL.md section 9).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../version';
import { experimentsFor, PATTERNS } from '../../validate/patterns';
import { judge, table } from '../../validate/report';
import { runExperiments } from '../../validate/runner';
import { describeDraws, drawsFromFlags, wantsDraws } from '../../uncertainty/draws';
import { REQUIRED_SHARE, summariseValidation, VALIDATE_MODEL, validateAcrossDraws, validationAcrossOutputs, withRunOptions } from '../../uncertainty/validate';

import { formatSeeds, parseSeedCountOrList } from '../../batch/seeds';
import { boolFlag, expectPositional, intFlag, listFlag, parseArgs, stringFlag } from '../args';
import { wrap } from '../batch-flags';
import { DRAW_FLAGS, DRAW_USAGE, drawFlags } from './draws-flags';
import { UsageError } from '../errors';
import { writeFileAtomic, writeFiles } from '../../io/files';

/** How the report decides, recorded with it. */
const STATISTICS =
  "Each check's claim is a one-sided test (TOST for bands, t for bounds and mean contrasts, exact Poisson for rare-event rates, " +
  'Wilcoxon signed-rank paired by seed for orderings and event counts, exact binomial TOST for pooled proportions); ' +
  "p-values are Holm-adjusted across all checks of the run; PASS: adjusted p < 0.05; FAIL: the claim's reverse shown at " +
  'one-sided 0.05; else INCONCLUSIVE with the seeds needed.';

export const usage = `govsim validate [--seeds N|LIST (e.g. 20 or 31..60)] [--patterns 1,2,...] [--set params.x=value ...] [--steps N] ${DRAW_USAGE} [--workers N] [--out DIR] [--quiet]`;

export async function validate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { seeds: 'string', patterns: 'string', set: 'list', steps: 'string', workers: 'string', out: 'string', quiet: 'boolean', ...DRAW_FLAGS });
  expectPositional(args, 0, usage);
  const seeds = wrap(() => parseSeedCountOrList(stringFlag(args, 'seeds') ?? '30'));
  const workers = intFlag(args, 'workers', 1, 256) ?? availableParallelism();
  const out = stringFlag(args, 'out') ?? join('out', 'validation');
  const sets = listFlag(args, 'set');
  const steps = intFlag(args, 'steps', 1, 10_000_000);
  const quiet = boolFlag(args, 'quiet');
  const chosen = parsePatterns(stringFlag(args, 'patterns'));
  const patterns = PATTERNS.filter((p) => chosen.includes(p.id));
  const flags = drawFlags(args);
  if (wantsDraws(flags) || flags.draws !== undefined || flags.params !== undefined || flags.sampleSeed !== undefined) {
    const draws = wrap(() => drawsFromFlags(flags, VALIDATE_MODEL, sets));
    if (!quiet) console.error(`govsim: ${describeDraws(draws)}`);
    const run = await validateAcrossDraws(patterns, draws, seeds, { workers, quiet, sets, steps });
    const summary = summariseValidation(draws, run.preset, run.perDraw);
    const meta = { engineVersion: ENGINE_VERSION, seeds: formatSeeds(seeds), seedsAre: 'per draw', patterns: chosen, sets, steps: steps ?? null, statistics: STATISTICS };
    const done = validationAcrossOutputs(summary, draws, meta);
    console.log(done.table);
    writeFiles(out, done.files);
    console.log(`wrote ${Object.keys(done.files).map((f) => join(out, f)).join(', ')}`);
    return summary.checks.every((c) => c.shares.pass >= REQUIRED_SHARE) ? 0 : 1;
  }
  const results = await runExperiments(withRunOptions(experimentsFor(patterns), sets, steps), seeds, { workers, quiet });
  const verdicts = judge(patterns, (p) => p.evaluate(results));
  console.log(table(verdicts));
  const report = {
    engineVersion: ENGINE_VERSION,
    seeds: formatSeeds(seeds),
    statistics: STATISTICS,
    patterns: verdicts,
  };
  writeFileAtomic(join(out, 'validation.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${join(out, 'validation.json')}`);
  return verdicts.every((v) => v.verdict === 'PASS') ? 0 : 1;
}

function parsePatterns(text: string | undefined): number[] {
  if (text === undefined) return PATTERNS.map((p) => p.id);
  const ids = text.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (!/^\d+$/.test(id) || !PATTERNS.some((p) => p.id === Number(id))) {
      throw new UsageError(`--patterns: ${JSON.stringify(id)} is not allowed; allowed: pattern numbers 1 to ${PATTERNS.length}, comma-separated`);
    }
  }
  return ids.map(Number);
}
