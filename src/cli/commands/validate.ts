/**
 * `govsim validate [--seeds N] [--patterns 1,2,...] [--workers N] [--out DIR] [--quiet]`: runs the
 * experiments behind the nine patterns of design/MODEL.md over seeds 1..N, prints the table of
 * pattern, measured value, criterion and PASS/FAIL, writes it as DIR/validation.json, and exits 1 if
 * any pattern fails.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../version';
import { experimentsFor, PATTERNS } from '../../validate/patterns';
import { judge, table } from '../../validate/report';
import { runExperiments } from '../../validate/runner';
import { boolFlag, expectPositional, intFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../errors';
import { writeFileAtomic } from '../../io/files';

export const usage = 'govsim validate [--seeds N] [--patterns 1,2,...] [--workers N] [--out DIR] [--quiet]';

export async function validate(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { seeds: 'string', patterns: 'string', workers: 'string', out: 'string', quiet: 'boolean' });
  expectPositional(args, 0, usage);
  const n = intFlag(args, 'seeds', 2, 10_000) ?? 30;
  const workers = intFlag(args, 'workers', 1, 256) ?? availableParallelism();
  const out = stringFlag(args, 'out') ?? join('out', 'validation');
  const chosen = parsePatterns(stringFlag(args, 'patterns'));
  const patterns = PATTERNS.filter((p) => chosen.includes(p.id));
  const seeds = Array.from({ length: n }, (_, i) => i + 1);
  const results = await runExperiments(experimentsFor(patterns), seeds, { workers, quiet: boolFlag(args, 'quiet') });
  const verdicts = judge(patterns, (p) => p.evaluate(results));
  console.log(table(verdicts));
  const report = { engineVersion: ENGINE_VERSION, seeds: `1..${n}`, patterns: verdicts };
  writeFileAtomic(join(out, 'validation.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${join(out, 'validation.json')}`);
  return verdicts.every((v) => v.pass) ? 0 : 1;
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
