/**
 * SLOW (model runs; about 30-60 s on a loaded 2-core machine): `govsim calibrate` recovers known society
 * parameter values from targets the model itself produced at them.
 *
 * A small town (5,000 residents, 365 days). Truth: grievances.claimProbability 0.55 and survey.base
 * 0.75, two society parameters that drive one summary metric each (claims per 1,000 grievances, mean
 * satisfaction over the year's surveys). The targets are the means of 4 runs at the truth (seeds
 * 9001-9004, which the calibration's fresh seeds 1, 2, ... never reach); each scale is about the
 * metric's seed-to-seed sd (claims about 35, mean satisfaction about 0.007). Then ABC-SMC with uniform
 * priors over the schema's plausible ranges (0.45-0.75, 0.6-0.9), 40 particles, 4 generations after the
 * prior sample, one run per particle. Accepted: each posterior median within TOLERANCE of the truth (a
 * sixth of the prior's width for claimProbability, a tenth for survey.base), and the truth inside each
 * 90% credible interval.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../sim/core/model';
import { statistics } from '../../src/calibrate/simulator';
import { RunPool } from '../../src/batch/pool';
import { readScenarioRaw } from '../../src/scenario/files';
import { applyOverrides } from '../../src/scenario/overrides';
import { govsim, tempDir } from '../helpers/cli';

const TOWN = ['params.population.residents=5000'];
const STEPS = 365;
const TRUTH = { 'grievances.claimProbability': 0.55, 'survey.base': 0.75 };
/** Largest accepted distance of each posterior median from the truth: a sixth of the prior's width for claimProbability (one run's claims vary by about 35 per 1,000, about 0.03 of claimProbability), a tenth for survey.base. */
const TOLERANCE = { 'grievances.claimProbability': 0.05, 'survey.base': 0.03 };
const METRICS = [
  { metric: 'claims', scale: 35 },
  { metric: 'meanSatisfaction', scale: 0.007 },
];

async function targetsAtTruth(): Promise<{ metric: string; target: number; scale: number; source: string }[]> {
  const sets = [...TOWN, ...Object.entries(TRUTH).map(([k, v]) => `params.${k}=${v}`)];
  const raw = applyOverrides(readScenarioRaw('social-governance').raw, sets);
  const pool = new RunPool({ workers: 2 });
  const runs: Summary[] = [];
  try {
    await pool.runAll(
      [9001, 9002, 9003, 9004].map((seed, id) => ({ id, scenario: raw, seed, steps: STEPS, source: `truth (seed ${seed})` })),
      (task, r) => {
        if (!r.ok) throw new Error(r.error);
        runs[task.id] = JSON.parse(r.outputs.files['summary.json']).metrics;
      },
    );
  } finally {
    await pool.close();
  }
  const targets = METRICS.map((m) => ({ ...m, target: 0, source: 'the model at the truth' }));
  const values = statistics(targets, runs);
  return targets.map((t, i) => ({ ...t, target: values[i] }));
}

describe('govsim calibrate (model-level recovery; slow)', () => {
  it('recovers claimProbability and survey.base from targets made at known values', async () => {
    const dir = tempDir();
    const targets = await targetsAtTruth();
    const file = join(dir, 'targets.json');
    writeFileSync(file, JSON.stringify({ parameters: Object.keys(TRUTH), targets }));
    const out = join(dir, 'out');
    const started = Date.now();
    const r = govsim(
      ['calibrate', 'social-governance', '--targets', file, '--set', TOWN[0], '--steps', String(STEPS), '--particles', '40', '--generations', '4', '--seeds', '1', '--workers', '2', '--out', out, '--quiet'],
      undefined,
      {},
      240_000,
    );
    expect(r.status, r.stderr).toBe(0);
    const posterior = JSON.parse(readFileSync(join(out, 'posterior.json'), 'utf8'));
    const seconds = (Date.now() - started) / 1000;
    const report = posterior.posterior.parameters.map((p: { name: string; median: number; ci90: number[] }) => `${p.name}: median ${p.median}, 90% ${p.ci90.join('..')}`);
    console.log(`calibrate recovery: ${posterior.runs} runs in ${seconds.toFixed(1)} s; ${report.join('; ')}; tolerances ${posterior.generations.map((g: { epsilon: number | null }) => g.epsilon?.toFixed(3) ?? 'inf').join(', ')}`);
    for (const p of posterior.posterior.parameters as { name: keyof typeof TRUTH; median: number; ci90: [number, number] }[]) {
      const truth = TRUTH[p.name];
      expect(Math.abs(p.median - truth), `${p.name} median ${p.median} vs truth ${truth}`).toBeLessThan(TOLERANCE[p.name]);
      expect(p.ci90[0], `${p.name} 90% interval`).toBeLessThanOrEqual(truth);
      expect(p.ci90[1], `${p.name} 90% interval`).toBeGreaterThanOrEqual(truth);
    }
    // The outputs: one CSV row per particle, weights summing to 1, and the calibrated scenario naming its posterior.
    const csv = readFileSync(join(out, 'posterior.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('particle,grievances.claimProbability,survey.base,weight,distance,stat:claims,stat:meanSatisfaction');
    expect(csv).toHaveLength(41);
    const weights = csv.slice(1).map((l) => Number(l.split(',')[3]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(posterior.generations).toHaveLength(5);
    const calibrated = JSON.parse(readFileSync(join(out, 'calibrated-scenario.json'), 'utf8'));
    expect(calibrated.params.survey.base).toBe(posterior.posterior.parameters[1].median);
    expect(calibrated.sources[calibrated.sources.length - 1]).toContain(join(out, 'posterior.json'));
    expect(govsim(['check', join(out, 'calibrated-scenario.json')]).status).toBe(0);
  });
});
