/**
 * The lint step's own rules, proved on a probe: the determinism rule for sim/ (biome.jsonc with
 * tools/lint/sim-determinism.grit) flags exactly the marked lines of a file under sim/ and nothing in
 * web/. The probe is linted in a scratch folder holding the project's Biome config.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const probe = readFileSync(join(__dirname, 'fixtures/determinism-probe.ts.txt'), 'utf8');
const marked = probe
  .split('\n')
  .map((line, i) => (line.endsWith('// flag') ? i + 1 : 0))
  .filter((n) => n > 0);
const RULES = new Set(['plugin', 'lint/style/noRestrictedGlobals']);

const dir = mkdtempSync(join(tmpdir(), 'govsim-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of `relPath` (the probe placed there) that the determinism rule reports. */
function flaggedLines(relPath: string): number[] {
  mkdirSync(join(dir, relPath, '..'), { recursive: true });
  writeFileSync(join(dir, relPath), probe);
  cpSync(join(root, 'biome.jsonc'), join(dir, 'biome.jsonc'));
  cpSync(join(root, 'tools/lint'), join(dir, 'tools/lint'), { recursive: true });
  const r = spawnSync(
    join(root, 'node_modules/.bin/biome'),
    ['lint', '--vcs-enabled=false', '--reporter=github', '--max-diagnostics=none', relPath],
    { cwd: dir, encoding: 'utf8' },
  );
  const lines = new Set<number>();
  for (const m of (r.stdout + r.stderr).matchAll(/^::\w+ title=([^,]+),file=[^,]+,line=(\d+),/gm)) {
    if (RULES.has(m[1])) lines.add(Number(m[2]));
  }
  return [...lines].sort((a, b) => a - b);
}

describe('the determinism rule for sim/', () => {
  it('flags Math.random, clocks, transcendental Math functions and ** in sim/, and nothing else', () => {
    expect(marked.length).toBeGreaterThan(15);
    expect(flaggedLines('sim/core/probe.ts')).toEqual(marked);
  });
  it('leaves the rest of the project alone', () => {
    expect(flaggedLines('web/probe.ts')).toEqual([]);
  });
});
