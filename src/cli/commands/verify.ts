/**
 * `govsim verify DIR`: check every file of a run or batch folder against its manifest's hashes, without
 * running anything (src/replay/verify.ts). Exit 0 when all match, 1 naming each file that does not,
 * 2 when DIR is not a result folder.
 */
import { FolderError } from '../../replay/folder';
import { uncovered, verifyFolder } from '../../replay/verify';
import { boolFlag, expectPositional, parseArgs } from '../args';
import { UsageError } from '../errors';

export const usage = 'govsim verify <run or batch folder> [--quiet]';

export async function verify(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { quiet: 'boolean' });
  const [dir] = expectPositional(args, 1, usage);
  let report: Awaited<ReturnType<typeof verifyFolder>>;
  try {
    report = await verifyFolder(dir);
  } catch (e) {
    if (e instanceof FolderError) throw new UsageError(e.message);
    throw e;
  }
  for (const p of report.problems) console.error(`govsim: ${dir}/${p.file}: ${p.problem}`);
  if (!boolFlag(args, 'quiet')) {
    for (const n of report.notes) console.error(`govsim: note: ${n}`);
    const other = uncovered(report);
    if (other.length) console.error(`govsim: note: not covered by the manifest: ${other.join(', ')}`);
  }
  const what = report.folder.type === 'run' ? 'run' : report.folder.manifest.kind;
  if (report.problems.length) {
    console.error(`govsim: ${dir}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${report.checked} files checked (${what} folder)`);
    return 1;
  }
  console.log(`${dir}: all ${report.checked} files match manifest.json (${what} folder)`);
  return 0;
}
