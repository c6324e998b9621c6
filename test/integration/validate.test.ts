import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

describe('govsim validate (the smaller, faster version: 20 seeds)', () => {
  it('passes all nine patterns and writes the table as JSON', () => {
    const dir = tempDir();
    const r = govsim(['validate', '--seeds', '20', '--quiet', '--out', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('9 of 9 patterns pass');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8'));
    expect(report.patterns.map((p: { id: number }) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const p of report.patterns) {
      expect(p.checks.length).toBeGreaterThan(0);
      for (const c of p.checks) expect(c).toMatchObject({ pass: true });
    }
  });

  it('refuses an unknown pattern number', () => {
    const r = govsim(['validate', '--patterns', '12']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--patterns: "12" is not allowed; allowed: pattern numbers 1 to 9/);
  });
});
