/**
 * The loader's edges through the command (issue 10): a folder or an oversized file given as a
 * scenario is refused by name (not "internal error: EISDIR"); `check` refuses what `run` would refuse
 * (the model's step limit); the default --out stays inside out/ whatever the scenario's name; and
 * control characters typed on the command line come back escaped.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, scenarioFile, tempDir } from '../helpers/cli';

describe('scenario files at the edges', () => {
  it('names a folder given as a scenario', () => {
    const dir = tempDir();
    const r = govsim(['run', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^govsim: .*: is a folder, not a scenario file; give a \.json file \(or a preset name\)\n$/);
    expect(r.stderr).not.toMatch(/internal error|EISDIR/);
  });

  it('refuses a file over 10 MB by its size', () => {
    const path = join(tempDir(), 'huge.json');
    writeFileSync(path, `{"model":"epstein","name":"big","description":"${'x'.repeat(11 * 1024 * 1024)}"}`);
    const r = govsim(['check', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/11,534,\d{3} bytes is too large for a scenario; allowed: at most 10,485,760 bytes \(10 MB\)/);
  });

  it('check accepts only what run runs: governance steps over 65,535 are refused by both', () => {
    const file = scenarioFile({ model: 'governance', name: 'long', steps: 100_000 });
    const c = govsim(['check', file]);
    expect(c.status).toBe(1);
    expect(c.stderr).toMatch(/steps: 100000 is too large; allowed: at most 65,535 for the governance model/);
    const r = govsim(['run', file, '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/steps: 100000 is too large; allowed: at most 65,535/);
  });

  it('names duplicate keys and 1e400 from a file, and 1e400 from --set', () => {
    const path = join(tempDir(), 'dup.json');
    writeFileSync(path, '{"model":"epstein","name":"d","steps":5,"steps":500000,"params":{"legitimacy":1e400}}');
    const r = govsim(['check', path]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('steps: this key appears twice in one object');
    expect(r.stderr).toContain('params.legitimacy: 1e400 is out of range');
    const s = govsim(['run', 'epstein-2002-run1', '--set', 'params.legitimacy=1e400', '--out', tempDir()]);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/params\.legitimacy: 1e400 is out of range/);
  });
});

describe('the default --out folder', () => {
  it.each([
    ['..', '..'],
    ['.', '.'],
    ['../../escape', '../../escape'],
    ['a/b\\c', 'a/b\\c'],
    ['5,000 x', 'x'.repeat(5000)],
  ])('stays inside out/ for a scenario named %s', (_, name) => {
    const cwd = tempDir();
    const file = scenarioFile({ model: 'epstein', name, steps: 2, params: { width: 10, height: 10 } });
    const r = govsim(['run', file], cwd);
    expect(r.status, r.stderr).toBe(0);
    // Only out/ in the working folder, and in it one folder holding the run.
    expect(readdirSync(cwd)).toEqual(['out']);
    const [folder] = readdirSync(join(cwd, 'out'));
    expect(readdirSync(join(cwd, 'out'))).toHaveLength(1);
    expect(folder.length).toBeLessThanOrEqual(80);
    expect(folder.startsWith('.')).toBe(false);
    expect(existsSync(join(cwd, 'out', folder, 'manifest.json'))).toBe(true);
    expect(r.stdout.length).toBeLessThan(300);
  });

  it('for batches too', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'keep'));
    const file = scenarioFile({ model: 'epstein', name: '..', steps: 2, params: { width: 10, height: 10 } });
    const r = govsim(['batch', file, '--seeds', '1..2', '--workers', '1', '--quiet'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['keep', 'out']);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['scenario-batch']);
  });
});

describe('echoed command-line text', () => {
  it('escapes control characters in an unknown flag and command, and cuts long ones', () => {
    const f = govsim(['run', 'epstein-2002-run1', '--\u001b[2Jevil']);
    expect(f.status).toBe(2);
    expect(f.stderr).toContain('unknown flag --\\u001b[2Jevil');
    expect(f.stderr).not.toContain('\u001b');
    const c = govsim([`\u0007${'r'.repeat(5000)}`]);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/^govsim: unknown command "\\u0007r{79}… \(5,001 characters\)" \(commands: /);
  });
});
