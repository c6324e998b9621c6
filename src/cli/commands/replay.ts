/**
 * `govsim replay DIR [--out DIR] [--workers N] [--max-memory SIZE] [--quiet]`: run a run or batch folder again from what it
 * holds (the manifest's resolved scenario, seed and steps; a batch's plan.json) into a fresh folder, and
 * report per file whether the bytes match. Exit 0 when every file matches, 1 when one differs or is not
 * reproduced, 2 when DIR cannot be replayed. Without --out the replay goes to a temporary folder, removed
 * when everything matched and kept (and named) when not.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayJob } from '../../replay/batch';
import { compareFiles, type FileComparison, filesIn } from '../../replay/compare';
import { FolderError, readResultFolder } from '../../replay/folder';
import { replayRun } from '../../replay/run';
import { ENGINE_VERSION } from '../../version';
import { boolFlag, expectPositional, intFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../errors';
import { memoryLimit } from '../memory';
import { runPlan } from '../plan-report';

export const usage = 'govsim replay <run or batch folder> [--out DIR] [--workers N] [--max-memory SIZE] [--quiet]';

export async function replay(argv: string[]): Promise<number> {
  try {
    return await replayFolder(argv);
  } catch (e) {
    // A folder that cannot be replayed: one line, exit 2.
    if (e instanceof FolderError) throw new UsageError(e.message);
    throw e;
  }
}

async function replayFolder(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: 'string', workers: 'string', quiet: 'boolean', 'max-memory': 'string' });
  const [dir] = expectPositional(args, 1, usage);
  const quiet = boolFlag(args, 'quiet');
  const workers = intFlag(args, 'workers', 1, 1024) ?? Math.max(1, availableParallelism());
  const outFlag = stringFlag(args, 'out');
  if (outFlag !== undefined && existsSync(outFlag) && readdirSync(outFlag).length) {
    throw new UsageError(`--out ${outFlag}: not empty; give a new or empty folder for the replay`);
  }
  const folder = readResultFolder(dir);
  if (folder.manifest.engineVersion !== ENGINE_VERSION) {
    console.error(`govsim: ${dir} was written by govsim ${folder.manifest.engineVersion}, this is ${ENGINE_VERSION}: the bytes may differ where the model changed`);
  }
  const out = outFlag ?? mkdtempSync(join(tmpdir(), 'govsim-replay-'));

  let files: string[];
  if (folder.type === 'run') {
    await replayRun(dir, folder.manifest, out, memoryLimit(args));
    files = [...Object.keys(folder.manifest.files), 'manifest.json'];
  } else {
    const job = replayJob(dir, folder.manifest);
    const result = await runPlan({ ...job, steps: undefined }, { out, workers, resume: false, quiet: true, typed: ['replay', ...argv] });
    if (result.status !== 'done') return result.code;
    files = [...Object.keys(folder.manifest.files), 'manifest.json', 'plan.json'];
    // A sensitivity analysis's indices, written beside the batch files as the sensitivity command (and merge) write them.
    if (result.sensitivity) files.push(...Object.keys(result.sensitivity.files));
    if (job.plan.series) files.push(...filesIn('series', dir, out));
  }

  const rows = compareFiles(dir, out, files);
  const bad = rows.filter((r) => r.match !== 'same');
  printRows(rows, quiet);
  const what = folder.type === 'run' ? 'run' : folder.manifest.kind;
  if (bad.length) {
    console.error(`govsim: replay of ${dir} (${what}): ${bad.length} of ${rows.length} files do not match; the replay is in ${out}/`);
    return 1;
  }
  if (outFlag === undefined) rmSync(out, { recursive: true, force: true });
  console.log(`replay of ${dir} (${what}): all ${rows.length} files match byte for byte${outFlag === undefined ? '' : ` -> ${out}/`}`);
  return 0;
}

/** One line per top-level file; files in sub-folders (series/) only when they differ, then a count. */
function printRows(rows: readonly FileComparison[], quiet: boolean): void {
  const top = rows.filter((r) => !r.file.includes('/'));
  const nested = rows.filter((r) => r.file.includes('/'));
  for (const r of top) if (!quiet || r.match !== 'same') console.log(`${r.match === 'same' ? 'same' : r.match.toUpperCase()}  ${r.file}`);
  for (const r of nested) if (r.match !== 'same') console.log(`${r.match.toUpperCase()}  ${r.file}`);
  if (nested.length && !quiet) {
    const same = nested.filter((r) => r.match === 'same').length;
    console.log(`${same === nested.length ? 'same' : 'DIFFERS'}  series/ (${same} of ${nested.length} files the same)`);
  }
}
