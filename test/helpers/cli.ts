/** Run the real `govsim` command (bin/govsim.mjs) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'govsim.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function govsim(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
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
