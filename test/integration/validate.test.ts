import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

/**
 * The verdicts on seeds 1..20, as docs/ODD.md section 9.3 reports and explains them: the checks that
 * FAIL and those that are INCONCLUSIVE (the data cannot decide; Holm's correction across the suite
 * applies). Both lists are pinned both ways: a check that starts failing or stops, or becomes
 * inconclusive or decided, fails this test, so every change of a verdict is a reviewed edit of these
 * lists and of the ODD, never a silent one (and never a check redesigned until it passes). Every other
 * check must PASS.
 */
const KNOWN_FAILING = [
  '2 share of all disputes resolved at village or below',
  '9 loss after an unfair contact / gain after a fair one',
];
const KNOWN_INCONCLUSIVE = [
  '2 share of all disputes reaching a petition or the county court',
  '3 mass incidents: management > governance',
  '4 satisfaction with safety (last survey)',
  '5 share of assessed proposals rejected or delayed (pooled)',
  '5 incidents caused by approved projects per run (with assessment)',
  '5 incidents from approved projects: without > with assessment (same seeds)',
  '7 unresolved share rises faster as mediators are halved (convex)',
  '8 year-on-year change of petitions (reform from year 2)',
  '8 online share of petitions (reformed)',
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
    expect(report.seeds).toBe('1..20');
    const failing: string[] = [];
    const inconclusive: string[] = [];
    for (const p of report.patterns) {
      expect(p.checks.length).toBeGreaterThan(0);
      for (const c of p.checks) {
        expect(['calibration', 'validation']).toContain(c.role);
        expect(['PASS', 'FAIL', 'INCONCLUSIVE']).toContain(c.verdict);
        // Raw and Holm-adjusted p are both reported (NaN, written as null, where no test could be made).
        expect(c.pAdjusted === null || c.pAdjusted >= c.p).toBe(true);
        if (c.verdict === 'FAIL') failing.push(`${p.id} ${c.check}`);
        if (c.verdict === 'INCONCLUSIVE') {
          inconclusive.push(`${p.id} ${c.check}`);
          // How many seeds would decide it, or (an estimate the other way within noise) that more would not.
          expect(c.note).toMatch(/^inconclusive: .*(at least \d+ seeds needed|more seeds would not decide it)/);
        }
      }
    }
    expect(failing).toEqual(KNOWN_FAILING);
    expect(inconclusive).toEqual(KNOWN_INCONCLUSIVE);
    expect(report.patterns.map((p: { verdict: string }) => p.verdict)).toEqual([
      'PASS',
      'FAIL',
      'INCONCLUSIVE',
      'INCONCLUSIVE',
      'INCONCLUSIVE',
      'PASS',
      'INCONCLUSIVE',
      'INCONCLUSIVE',
      'FAIL',
      'INCONCLUSIVE',
    ]);
    expect(r.stdout).toMatch(/9 PASS, 1 FAIL, 4 INCONCLUSIVE of 14 checks/);
    expect(r.stdout).toMatch(/22 PASS, 1 FAIL, 6 INCONCLUSIVE of 29 checks/);
    // The regime ordering on one society (pattern 3) is the model's headline conclusion: no part of it is
    // refuted, and every part but the rare mass incidents (12 against 0 events: 23 seeds would decide it;
    // on the held-out seeds 31..60 it passes, ODD 9.3) passes.
    const p3 = report.patterns.find((p: { id: number }) => p.id === 3);
    expect(p3.checks.filter((c: { verdict: string }) => c.verdict !== 'PASS').map((c: { check: string }) => c.check)).toEqual(['mass incidents: management > governance']);
  });

  it('refuses a bad seed list by name', () => {
    const r = govsim(['validate', '--seeds', '60..31']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--seeds "60\.\.31": the range runs backwards \(60 > 31\); write 31\.\.60/);
  });

  it('refuses an unknown pattern number', () => {
    const r = govsim(['validate', '--patterns', '12']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--patterns: "12" is not allowed; allowed: pattern numbers 1 to 10/);
  });
});
