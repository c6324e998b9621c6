/**
 * `govsim compare` and `govsim validate` across draws of society (--lhs, --posterior) end to end on a
 * tiny town (3,000 residents, 120 days, 2 seeds, 3 draws): the report's structure, shares in [0, 1]
 * that agree with the per-draw results written beside them, and refusals that name the parameter.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

const TINY = ['--steps', '120', '--set', 'params.population.residents=3000', '--quiet', '--workers', '2'];
const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;

describe('conclusions across draws of society', () => {
  it('compare --lhs: per pair and metric, shares and the distribution of the difference, agreeing with the per-draw differences', { timeout: 120_000 }, () => {
    const out = tempDir();
    const r = govsim(['compare', 'social-governance', 'social-management', 'social-control', '--seeds', '1..2', '--lhs', '3', '--metrics', 'satisfaction,meanLegitimacy', ...TINY, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/median \[5%, 95%\] over 3 draws/);
    const json = JSON.parse(readFileSync(join(out, 'compare-draws.json'), 'utf8'));
    expect(json.draws.method).toBe('lhs');
    expect(json.draws.fixedBySet).toEqual(['params.population.residents']);
    expect(json.failedRuns).toBe(0);
    // Three scenarios: three pairs, two metrics each.
    expect(json.contrasts).toHaveLength(6);
    for (const c of json.contrasts) {
      expect(c.perDraw).toHaveLength(3);
      for (const s of [c.shareGreater, c.shareSameSign]) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
      expect(c.shareGreater).toBeCloseTo(share(c.perDraw.map((x: number) => x > 0)), 12);
      expect(c.shareSameSign).toBeCloseTo(share(c.perDraw.map((x: number) => Math.sign(x) === Math.sign(c.preset))), 12);
      const sorted = [...c.perDraw].sort((a, b) => a - b);
      expect(c.difference.median).toBeCloseTo(sorted[1], 12);
      expect(c.difference.p5).toBeGreaterThanOrEqual(sorted[0]);
      expect(c.difference.p95).toBeLessThanOrEqual(sorted[2]);
    }
    const csv = readFileSync(join(out, 'compare-draws.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,baseline,metric,draws,preset_difference,share_greater,share_same_sign_as_preset,difference_median,difference_p5,difference_p95,draws_with_value');
    expect(csv).toHaveLength(7);
    const draws = readFileSync(join(out, 'draws.csv'), 'utf8').trim().split('\n');
    expect(draws).toHaveLength(4);
    expect(draws[0]).toMatch(/^draw,weight,params\.population\.counties,/);
    expect(draws[0]).not.toContain('params.population.residents');
  });

  it('compare --posterior: resampled particles; a policy column is refused by name', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const file = join(dir, 'posterior.csv');
    writeFileSync(file, 'params.grievances.ratePerResidentYear,params.population.hardshipMean,weight,distance\n0.015,0.1,3,0.2\n0.03,0.3,1,0.1\n');
    const out = join(dir, 'out');
    const r = govsim(['compare', 'social-governance', 'social-management', '--seeds', '1', '--posterior', file, '--draws', '2', '--metrics', 'meanLegitimacy', ...TINY, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'compare-draws.json'), 'utf8'));
    expect(json.draws).toMatchObject({ method: 'posterior', particles: 2, resampled: true, parameters: ['params.grievances.ratePerResidentYear', 'params.population.hardshipMean'] });
    expect(readFileSync(join(out, 'draws.csv'), 'utf8').split('\n')[0]).toBe('draw,weight,particle,params.grievances.ratePerResidentYear,params.population.hardshipMean');

    writeFileSync(file, 'params.enforcement.coercion,weight\n0.5,1\n');
    const bad = govsim(['compare', 'social-governance', 'social-management', '--seeds', '1', '--posterior', file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/params\.enforcement\.coercion is a policy parameter, not a society one/);
  });

  it('validate --lhs: per check the shares of verdicts and the effect, agreeing with the per-draw verdicts', { timeout: 120_000 }, () => {
    const out = tempDir();
    const r = govsim(['validate', '--patterns', '3', '--seeds', '2', '--lhs', '3', ...TINY, '--out', out]);
    // Exit 1 unless every check passes in 90% of the draws (two seeds per draw decide little).
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Validation targets (validated against');
    expect(r.stdout).toMatch(/checks PASS in at least 90% of the draws/);
    const json = JSON.parse(readFileSync(join(out, 'validation-draws.json'), 'utf8'));
    expect(json.seeds).toBe('1,2');
    expect(json.checks.length).toBe(8);
    for (const c of json.checks) {
      expect(c.role).toBe('validation');
      expect(['PASS', 'FAIL', 'INCONCLUSIVE']).toContain(c.preset.verdict);
      expect(c.perDraw).toHaveLength(3);
      const { pass, fail, inconclusive, estimateHolds } = c.shares;
      for (const s of [pass, fail, inconclusive, estimateHolds]) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
      expect(pass + fail + inconclusive).toBeCloseTo(1, 12);
      expect(pass).toBeCloseTo(share(c.perDraw.map((d: { verdict: string }) => d.verdict === 'PASS')), 12);
      expect(estimateHolds).toBeCloseTo(share(c.perDraw.map((d: { holds: boolean }) => d.holds)), 12);
      expect(typeof c.effectName).toBe('string');
    }
    const csv = readFileSync(join(out, 'validation-draws.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('role,pattern,check,draws,pass_share,fail_share,inconclusive_share,estimate_holds_share,effect,effect_median,effect_p5,effect_p95,preset_verdict,preset_effect');
    expect(csv).toHaveLength(9);
  });
});
