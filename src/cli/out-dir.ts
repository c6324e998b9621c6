/**
 * The default --out folder of a command: `out/<name>` with the name made safe. A scenario's name is
 * free text, so `..`, `.`, `a/../../b` or a name of a million characters must not turn into a path
 * outside out/ (the current folder, or anywhere else): every run of characters other than letters,
 * digits, `_`, `.` and `-` becomes one `-`, leading dots go (no `..`), and the name is cut to 80.
 */
import { join } from 'node:path';

export function safeFolderName(name: string): string {
  const safe = name
    .slice(0, 1000)
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 80)
    .replace(/[.-]+$/, '');
  return safe || 'scenario';
}

/** `out/<safe name><suffix>`: always a folder inside out/. */
export function defaultOut(name: string, suffix = ''): string {
  return join('out', safeFolderName(name) + suffix);
}
