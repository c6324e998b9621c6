/** Run the real `govsim` command (bin/govsim.mjs) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'govsim.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `env` adds to the environment (e.g. the write-failure seam of src/io/files.ts); `timeout` kills a hung command. */
export function govsim(args: string[], cwd = ROOT, env: Record<string, string> = {}, timeout = 120_000): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'govsim-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write a scenario object to a temporary file and return its path. */
export function scenarioFile(scenario: unknown, dir = tempDir()): string {
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

/** Every file under `dir` by relative path, sorted: as text, or as bytes in hex (`'hex'`, for binary files such as Parquet). */
export function fileTree(dir: string, encoding: 'utf8' | 'hex' = 'utf8'): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString(encoding);
    }
  };
  walk(dir);
  return out;
}
