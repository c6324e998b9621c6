/**
 * `govsim validate [--seeds N|LIST] [--patterns 1,2,...] [--workers N] [--out DIR] [--quiet]`: runs the
 * experiments behind the ten patterns of design/MODEL.md over seeds 1..N or any seed list (`31..60`,
 * `1,5,9`: held-out seeds), prints the tables of pattern, measured value, criterion, p-values and
 * PASS / FAIL / INCONCLUSIVE, writes them as DIR/validation.json, and exits 1 unless every pattern passes.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../version';
import { experimentsFor, PATTERNS } from '../../validate/patterns';
import { judge, table } from '../../validate/report';
import { runExperiments } from '../../validate/runner';

import { formatSeeds, parseSeedCountOrList } from '../../batch/seeds';
import { boolFlag, expectPositional, intFlag, parseArgs, stringFlag } from '../args';
import { wrap } from './batch';
import { UsageError } from '../errors';
import { writeFileAtomic } from '../../io/files';

/** How the report decides, recorded with it. */
const STATISTICS =
  "Each check's claim is a one-sided test (TOST for bands, t for bounds and mean contrasts, exact Poisson for rare-event rates, " +
  'Wilcoxon signed-rank paired by seed for orderings and event counts, exact binomial TOST for pooled proportions); ' +
  "p-values are Holm-adjusted across all checks of the run; PASS: adjusted p < 0.05; FAIL: the claim's reverse shown at " +
  'one-sided 0.05; else INCONCLUSIVE with the seeds needed.';

export const usage = 'govsim validate [--seeds N|LIST (e.g. 20 or 31..60)] [--patterns 1,2,...] [--workers N] [--out DIR] [--quiet]';

export async function validate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { seeds: 'string', patterns: 'string', workers: 'string', out: 'string', quiet: 'boolean' });
  expectPositional(args, 0, usage);
  const seeds = wrap(() => parseSeedCountOrList(stringFlag(args, 'seeds') ?? '30'));
  const workers = intFlag(args, 'workers', 1, 256) ?? availableParallelism();
  const out = stringFlag(args, 'out') ?? join('out', 'validation');
  const chosen = parsePatterns(stringFlag(args, 'patterns'));
  const patterns = PATTERNS.filter((p) => chosen.includes(p.id));
  const results = await runExperiments(experimentsFor(patterns), seeds, { workers, quiet: boolFlag(args, 'quiet') });
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
