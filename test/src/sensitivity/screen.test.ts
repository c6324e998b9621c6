/**
 * The app's "Screen this scenario" (src/sensitivity/screen.ts): the plan is the CLI's, so running its
 * points and finishing gives the very sensitivity.json `govsim sensitivity` writes for the recorded
 * command (fixtures/screen-cli.json, written by
 *   govsim sensitivity social-governance --kind policy --params mediation.grid.skill,ngo.support --r 2 --seeds 3..3 --steps 30
 * ). Regenerate the fixture with that command when the model's output changes (the golden table changes too).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../../sim/core/model';
import { runScenario } from '../../../src/output/run';
import { parseScenario } from '../../../src/scenario/parse';
import { designValues } from '../../../src/sensitivity/design';
import { finishScreening, planScreening, screenCommand, seedFlag, type ScreenSettings } from '../../../src/sensitivity/screen';

const FIXTURE = readFileSync(new URL('./fixtures/screen-cli.json', import.meta.url), 'utf8');
const RAW = JSON.parse(readFileSync(new URL('../../../scenarios/social-governance.json', import.meta.url), 'utf8'));
const SETTINGS: ScreenSettings = { ref: 'social-governance', raw: RAW, sets: [], kind: 'policy', params: ['mediation.grid.skill', 'ngo.support'], r: 2, seed: 3, steps: 30 };

describe('planning a screening', () => {
  it('records the CLI command that plans the same design', async () => {
    expect(screenCommand(SETTINGS)).toEqual(JSON.parse(FIXTURE).command);
    expect(seedFlag(1)).toBe('1');
    expect(seedFlag(7)).toBe('7..7');
  });

  it('r (k + 1) points, each the design’s values applied to the scenario, every run on the one seed', async () => {
    const sc = await planScreening(SETTINGS);
    expect(sc.plan.points).toHaveLength(2 * 3);
    expect(sc.runs.every((r) => r.seed === 3)).toBe(true);
    const values = designValues(sc.plan.sensitivity!);
    sc.raws.forEach((raw, i) => {
      const p = parseScenario(raw).params as unknown as { mediation: { grid: { skill: number } }; ngo: { support: number } };
      expect(p.mediation.grid.skill).toBe(values[i]['params.mediation.grid.skill']);
      expect(p.ngo.support).toBe(values[i]['params.ngo.support']);
    });
    // Values stay inside each parameter's plausible range, on the Morris grid (4 levels).
    for (const f of sc.plan.sensitivity!.factors) {
      for (const v of values) {
        const u = ((v[f.path] as number) - f.min) / (f.max - f.min);
        expect([0, 1 / 3, 2 / 3, 1].some((g) => Math.abs(u - g) < 1e-9)).toBe(true);
      }
    }
  });

  it('is deterministic: the same settings give the same points', async () => {
    const a = await planScreening(SETTINGS);
    const b = await planScreening(SETTINGS);
    expect(b.plan).toEqual(a.plan);
    const c = await planScreening({ ...SETTINGS, r: 3 });
    expect(c.plan.points.slice(0, 6)).toEqual(a.plan.points);
  });

  it('lever changes become --set in the command and in every point', async () => {
    const sc = await planScreening({ ...SETTINGS, sets: ['params.court.judgesPer100k=9'] });
    expect(sc.plan.command.slice(-2)).toEqual(['--set', 'params.court.judgesPer100k=9']);
    for (const raw of sc.raws) expect((parseScenario(raw).params as unknown as { court: { judgesPer100k: number } }).court.judgesPer100k).toBe(9);
  });

  it('refuses a parameter the model does not have, naming it', async () => {
    await expect(planScreening({ ...SETTINGS, params: ['ngo.suport'] })).rejects.toThrow(/ngo\.suport.*did you mean ngo\.support/);
  });
});

describe('finishing a screening', () => {
  it('gives the same sensitivity.json as the CLI, byte for byte', async () => {
    const sc = await planScreening(SETTINGS);
    const summaries: Summary[] = [];
    for (const r of sc.runs) {
      const out = await runScenario(parseScenario(sc.raws[r.point]), { seed: r.seed, steps: sc.plan.points[r.point].steps });
      summaries.push(JSON.parse(out.files['summary.json']).metrics);
    }
    const done = finishScreening(sc, summaries);
    expect(done.files['sensitivity.json']).toBe(FIXTURE);
  });

  it('a failed run leaves its point out instead of failing the whole screening', async () => {
    const sc = await planScreening({ ...SETTINGS, r: 2 });
    const fake = (x: number): Summary => ({ resolutionRate: x }) as unknown as Summary;
    const summaries = sc.runs.map((_, i) => (i === 1 ? new Error('worker crashed') : fake(i * 0.1)));
    const done = finishScreening(sc, summaries);
    expect(done.result.failedRuns).toBe(1);
    expect(done.result.metrics[0].points).toBe(5);
  });
});
