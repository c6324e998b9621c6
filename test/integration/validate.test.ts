import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

/**
 * The checks that fail on seeds 1..20, as docs/ODD.md section 9.3 reports and explains them. The
 * verdicts are pinned both ways: a check that starts failing, or one of these that starts passing,
 * fails this test, so every change of a verdict is a reviewed edit of this list and of the ODD, never
 * a silent one (and never a check redesigned until it passes).
 */
const KNOWN_FAILING = [
  '2 share of all disputes resolved at village or below',
  '2 share of all disputes reaching a petition or the county court',
  '5 incidents from approved projects: without > with assessment (same seeds)',
  '7 unresolved share rises faster as mediators are halved (convex)',
  '9 loss after an unfair contact / gain after a fair one',
  '10 stability-first petitions: satisfaction falls',
];

describe('govsim validate (the smaller, faster version: 20 seeds)', () => {
  // 480 town runs and 240 Epstein runs: about a minute on two idle cores, several under load.
  it('gives the documented verdict for every check, in two tables, and writes them as JSON', { timeout: 900_000 }, () => {
    const dir = tempDir();
    const r = govsim(['validate', '--seeds', '20', '--quiet', '--out', dir], undefined, {}, 900_000);
    expect(r.stderr).toBe('');
    // Exit 1: some patterns fail (documented above); the report is complete all the same.
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Calibration targets (calibrated to');
    expect(r.stdout).toContain('Validation targets (validated against');
    const report = JSON.parse(readFileSync(join(dir, 'validation.json'), 'utf8'));
    expect(report.patterns.map((p: { id: number }) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const failing: string[] = [];
    for (const p of report.patterns) {
      expect(p.checks.length).toBeGreaterThan(0);
      for (const c of p.checks) {
        expect(['calibration', 'validation']).toContain(c.role);
        if (!c.pass) failing.push(`${p.id} ${c.check}`);
      }
    }
    expect(failing).toEqual(KNOWN_FAILING);
    // The regime ordering on one society (pattern 3) is the model's headline conclusion: all of it holds.
    expect(report.patterns.find((p: { id: number }) => p.id === 3).pass).toBe(true);
  });

  it('refuses an unknown pattern number', () => {
    const r = govsim(['validate', '--patterns', '12']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--patterns: "12" is not allowed; allowed: pattern numbers 1 to 10/);
  });
});
