/** File output for commands: every file is written atomically, so an interrupted run never leaves half a file. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Write `text` to `path` by writing a temporary file beside it and renaming it into place. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Write every file of `files` into `dir`; the manifest (if any) last, so its presence marks a complete run. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  const names = Object.keys(files).sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  for (const name of names) writeFileAtomic(join(dir, name), files[name]);
}
