/**
 * Writing files in Node: every file atomically (a temporary file beside it, then a rename), so an
 * interrupted command never leaves half a file and a finished one is never lost.
 */
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
