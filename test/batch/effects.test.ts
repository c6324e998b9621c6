import { describe, expect, it } from 'vitest';
import { analyseEffects, effectsFiles, globRegExp, planEffects, planPoints, selectLevers, type RunMetrics } from '../../src/batch/effects';
import { BatchInputError } from '../../src/batch/errors';
import { leversOf } from '../../src/scenario/levers';
import { pairedEffect } from '../../src/stats/tests';

describe('pairedEffect: is a paired difference beyond seed noise?', () => {
  const base = [10, 12, 9, 11, 13, 10, 12, 11];

  it('a constant shift gives a tight interval and counts', () => {
    const e = pairedEffect(base.map((x) => x + 0.5), base);
    expect(e.mean).toBeCloseTo(0.5, 12);
    expect(e.hi - e.lo).toBeLessThan(1e-9);
    expect(e.lo).toBeGreaterThan(0);
    expect(e.t).toBe(Infinity);
    expect(e.beyondNoise).toBe(true);
  });

  it('a shift with a little noise counts, with its interval around it', () => {
    const jitter = [0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.015, 0.005];
    const e = pairedEffect(base.map((x, i) => x + 0.3 + jitter[i]), base);
    expect(e.lo).toBeGreaterThan(0.28);
    expect(e.hi).toBeLessThan(0.32);
    expect(e.t).toBeGreaterThan(10);
    expect(e.beyondNoise).toBe(true);
  });

  it('pure noise gives an interval containing 0', () => {
    const noise = [0.4, -0.3, 0.1, -0.5, 0.2, 0.3, -0.1, -0.2];
    const e = pairedEffect(base.map((x, i) => x + noise[i]), base);
    expect(e.lo).toBeLessThan(0);
    expect(e.hi).toBeGreaterThan(0);
    expect(e.beyondNoise).toBe(false);
  });

  it('identical values are not beyond noise', () => {
    const e = pairedEffect([...base], base);
    expect(e).toMatchObject({ mean: 0, sd: 0, lo: 0, hi: 0, t: 0, beyondNoise: false });
  });

  it('the same small shift on two seeds alone is not enough (the sign test needs six)', () => {
    expect(pairedEffect([2, 4], [1, 3]).beyondNoise).toBe(false);
    expect(pairedEffect([2, 3, 4, 5, 6], [1, 2, 3, 4, 5]).beyondNoise).toBe(false);
    expect(pairedEffect([2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6]).beyondNoise).toBe(true);
  });

  it('one pair gives no interval and never counts', () => {
    expect(pairedEffect([5], [1]).beyondNoise).toBe(false);
  });
});

describe('lever selection', () => {
  it('globs match dotted paths without params., * across dots', () => {
    expect(globRegExp('mediation.*').test('mediation.grid.staffPer1000')).toBe(true);
    expect(globRegExp('ngo.support').test('ngo.supportX')).toBe(false);
    expect(globRegExp('params.ngo.?kill').test('ngo.skill')).toBe(true);
  });

  it('lists governance levers with their types and schema bounds', () => {
    const support = leversOf('governance').find((s) => s.path === 'params.ngo.support');
    expect(support).toMatchObject({ type: 'number', min: 0, max: 1, range: [0.2, 1], kind: 'policy', group: 'ngo' });
    expect(leversOf('governance').find((s) => s.path === 'params.petitions.regime')).toMatchObject({
      type: 'enum',
      kind: 'policy',
      options: ['suppression', 'stability-first', 'reformed'],
    });
  });

  it('refuses a glob that matches nothing, naming the nearest lever', () => {
    expect(() => selectLevers('governance', ['ngo.suport'], 'all')).toThrow(BatchInputError);
    expect(() => selectLevers('governance', ['ngo.suport'], 'all')).toThrow(/--levers "ngo.suport": matches no lever .*did you mean ngo.support\?/);
  });

  it('filters by kind: every governance lever has one, and --kind policy takes policy levers only', () => {
    const all = selectLevers('governance', ['*'], 'all');
    expect(all.every((s) => s.kind === 'policy' || s.kind === 'society' || s.kind === 'output')).toBe(true);
    const policy = selectLevers('governance', ['*'], 'policy');
    expect(policy.length).toBeGreaterThan(30);
    expect(policy.every((s) => s.kind === 'policy')).toBe(true);
    expect(() => selectLevers('governance', ['output.*'], 'policy')).toThrow(/--kind policy: none of the 2 selected levers/);
  });
});

describe('planning and analysing', () => {
  const raw = { model: 'governance', name: 'town', params: { ngo: { support: 1 } } };

  it('plans low and high ends, flips booleans, tries every other option, and skips an end at the base value', async () => {
    const specs = selectLevers('governance', ['ngo.support', 'ngo.skill', 'output.caseLog', 'petitions.regime'], 'all');
    const plan = await planEffects('town', raw, specs, [1, 2], 10);
    const ends = Object.fromEntries(plan.levers.map((l) => [l.lever, l.ends.map((e) => `${e.end}=${String(e.value)}:${e.status}`)]));
    // The plausible ranges of the schema: ngo.support 0.2..1, ngo.skill 0.6..0.95.
    expect(ends['ngo.support']).toEqual(['low=0.2:run', 'high=1:no room']);
    expect(ends['ngo.skill']).toEqual(['low=0.6:run', 'high=0.95:run']);
    expect(ends['output.caseLog']).toEqual(['other=true:run']);
    expect(ends['petitions.regime']).toEqual(['other=suppression:run', 'other=stability-first:run']);
    // Base first, then each end that runs: exactly the `--set` override.
    const points = planPoints(plan);
    expect(points).toHaveLength(1 + 1 + 2 + 1 + 2);
    const support = points.find((p) => p.lever !== undefined && plan.levers[p.lever].lever === 'ngo.support')!;
    expect((support.raw as typeof raw).params.ngo.support).toBe(0.2);
    expect((points[0].raw as typeof raw).params.ngo.support).toBe(1);
  });

  it('pairs runs by seed, counts missing keys of a record as 0, and calls a lever inert only when nothing moves', async () => {
    const specs = selectLevers('governance', ['ngo.skill', 'output.caseLog'], 'all');
    const plan = await planEffects('town', raw, specs, [1, 2, 3], 10);
    // Points: base, ngo.skill low, ngo.skill high, output.caseLog=true; three seeds each.
    const run = (x: number, paths: Record<string, number>): RunMetrics => ({
      ok: true,
      values: { x, ...Object.fromEntries(Object.entries(paths).map(([k, v]) => [`paths.${k}`, v])) },
      records: new Set(['paths']),
    });
    const runs: RunMetrics[] = [
      run(1, { a: 1 }), run(2, { a: 2 }), run(3, { a: 1 }),
      run(1.5, {}), run(2.6, {}), run(3.4, {}), // low: x +0.5 ± noise, paths.a missing = 0
      run(1, { a: 1 }), run(2, { a: 2 }), run(3, { a: 1 }), // high: identical
      run(1, { a: 1 }), run(2, { a: 2 }), { ok: false, error: 'boom' }, // caseLog: identical, one failure
    ];
    const report = analyseEffects(plan, runs, ['effects', 'town']);
    const skill = report.levers.find((l) => l.lever === 'ngo.skill')!;
    expect(skill.inert).toBe(false);
    const low = skill.ends[0].metrics;
    expect(low.find((m) => m.metric === 'x')).toMatchObject({ n: 3, beyondNoise: true });
    expect(low.find((m) => m.metric === 'paths.a')).toMatchObject({ n: 3, meanDiff: -4 / 3 });
    expect(skill.ends[1].metrics.every((m) => !m.beyondNoise)).toBe(true);
    const caseLog = report.levers.find((l) => l.lever === 'output.caseLog')!;
    expect(caseLog).toMatchObject({ inert: true, kind: expect.any(String) });
    expect(caseLog.ends[0]).toMatchObject({ failedRuns: 1, runError: 'boom' });
    expect(caseLog.ends[0].metrics[0].n).toBe(2);
    expect(report.failedRuns).toBe(1);
    const files = effectsFiles(report);
    expect(files['effects.csv'].split('\n')[0]).toBe('lever,kind,end,value,base,metric,meanDiff,lo,hi,n,beyondNoise');
    expect(files['effects.csv']).toMatch(/^ngo\.skill,\w+,low,0\.6,0\.9,x,/m);
    expect(JSON.parse(files['effects.json']).inert).toBeDefined();
  });
});
