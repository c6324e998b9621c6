/** Comparing a replayed folder with the original, file by file, byte for byte. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile } from './verify';

/** `missing`: the original folder lacks a file the replay wrote. */
export type FileMatch = 'same' | 'differs' | 'missing' | 'not reproduced';

export interface FileComparison {
  file: string;
  match: FileMatch;
}

/** Compare the named files (paths inside the folders) of `original` and `replayed`. */
export function compareFiles(original: string, replayed: string, files: readonly string[]): FileComparison[] {
  return files.map((file) => {
    const a = join(original, file);
    const b = join(replayed, file);
    if (!existsSync(b)) return { file, match: 'not reproduced' };
    if (!existsSync(a)) return { file, match: 'missing' };
    return { file, match: hashFile(a) === hashFile(b) ? 'same' : 'differs' };
  });
}

/** Names of the files in `sub` of either folder, as paths `sub/name`, sorted. */
export function filesIn(sub: string, ...dirs: string[]): string[] {
  const names = new Set<string>();
  for (const d of dirs) if (existsSync(join(d, sub))) for (const f of readdirSync(join(d, sub))) names.add(`${sub}/${f}`);
  return [...names].sort();
}
