/**
 * `govsim calibrate` end to end on a tiny case (a town of 2,000 for 30 days, 6 particles, 1 generation):
 * the four files, the same bytes with 1 worker as with 2, and refusals that name the flag or the
 * targets entry, the value and what is allowed, with a non-zero exit and no run started.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

const TARGETS = 'scenarios/calibration/governance-targets.json';

function tinyTargets(dir: string): string {
  const file = join(dir, 'targets.json');
  writeFileSync(
    file,
    JSON.stringify({
      parameters: ['survey.base'],
      targets: [{ metric: 'meanSatisfaction', target: 0.9, scale: 0.02, source: 'test' }],
    }),
  );
  return file;
}

const TINY = ['--set', 'params.population.residents=2000', '--steps', '30', '--particles', '6', '--generations', '1', '--seeds', '1', '--quiet'];

describe('govsim calibrate', () => {
  it('writes posterior.csv, posterior.json, summary.md and calibrated-scenario.json; the same bytes with 1 or 2 workers', () => {
    const dir = tempDir();
    const targets = tinyTargets(dir);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const r1 = govsim(['calibrate', 'social-governance', '--targets', targets, ...TINY, '--workers', '1', '--out', a]);
    expect(r1.status, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/calibrate .*: 1 generations after the prior sample, \d+ simulations/);
    const r2 = govsim(['calibrate', 'social-governance', '--targets', targets, ...TINY, '--workers', '2', '--out', b]);
    expect(r2.status, r2.stderr).toBe(0);
    for (const f of ['posterior.csv', 'posterior.json', 'summary.md']) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
    const json = JSON.parse(readFileSync(join(a, 'posterior.json'), 'utf8'));
    expect(json.method).toMatch(/ABC-SMC/);
    expect(json.citations[0]).toMatch(/^Toni T/);
    expect(json.generations.map((g: { index: number }) => g.index)).toEqual([0, 1]);
    expect(json.population).toHaveLength(6);
    expect(readFileSync(join(a, 'summary.md'), 'utf8')).toMatch(/\| `survey.base` \| uniform 0.6..0.9 \(range\) \|/);
    const scenario = JSON.parse(readFileSync(join(a, 'calibrated-scenario.json'), 'utf8'));
    expect(scenario.sources.at(-1)).toContain(`${join(a, 'posterior.json')}`);
  });

  it('refuses bad input by name, before running anything', () => {
    const dir = tempDir();
    const cases: [string[], RegExp][] = [
      [[], /--targets FILE is required/],
      [['--targets', join(dir, 'none.json')], /--targets .*none.json: cannot be read \(ENOENT\)/],
      [['--targets', TARGETS, '--particles', '1'], /--particles: "1" is not allowed; allowed: a whole number from 2/],
      [['--targets', TARGETS, '--quantile', '1'], /--quantile "1" is not allowed; allowed: a number between 0 and 1/],
      [['--targets', TARGETS, '--epsilon', '-1'], /--epsilon "-1" is not allowed/],
      [['--targets', TARGETS, '--seeds', '0'], /--seeds "0" is not allowed; allowed: a count from 1 to 1000/],
      [['--targets', TARGETS, '--budget', '10'], /--budget 10 is too small; allowed: at least --particles x seeds = 200 runs/],
      [['--targets', TARGETS, '--params', 'mediation.*'], /no numeric parameter is selected/],
      [['--targets', TARGETS, '--params', 'survey.bse'], /matches no parameter.*did you mean survey.base/],
      [['--targets', TARGETS, '--method', 'x'], /unknown flag --method/],
    ];
    for (const [args, message] of cases) {
      const r = govsim(['calibrate', 'social-governance', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ parameters: ['mediation.grid.staffPer1000'], targets: [{ metric: 'claims', target: 700, scale: 0, source: '' }] }));
    let r = govsim(['calibrate', 'social-governance', '--targets', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/targets.0.scale: must be above 0/);
    expect(r.stderr).toMatch(/targets.0.source: must name where the figure comes from/);
    writeFileSync(bad, JSON.stringify({ parameters: ['mediation.grid.staffPer1000'], targets: [{ metric: 'claims', target: 700, scale: 50, source: 'x' }] }));
    r = govsim(['calibrate', 'social-governance', '--targets', bad]);
    expect(r.stderr).toMatch(/mediation.grid.staffPer1000: a policy parameter; only society parameters are calibrated/);
    const priors = join(dir, 'priors.json');
    writeFileSync(priors, JSON.stringify({ 'survey.bse': { min: 0.7, max: 0.9 } }));
    r = govsim(['calibrate', 'social-governance', '--targets', TARGETS, '--priors', priors]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--priors .*priors.json: 1 problem: survey.bse: not a numeric parameter of the model; did you mean survey.base\?/);
    writeFileSync(bad, JSON.stringify({ parameters: ['survey.base'], targets: [{ metric: 'claimz', target: 700, scale: 50, source: 'x' }] }));
    r = govsim(['calibrate', 'social-governance', '--targets', bad, ...TINY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--targets: claimz is not a numeric summary metric of the model; did you mean claims\?/);
  });
});
