/**
 * `govsim effects` end to end on a small case: the governance preset over 2 seeds and 60 steps, a lever
 * known to act (ngo.support, whose low end removes the NGOs), an enum, and the output switches, which the
 * summary cannot see (frameCaseCap only limits what a frame draws).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, tempDir } from '../helpers/cli';

describe('govsim effects', () => {
  it('writes effects.csv and effects.json, finds ngo.support acting and output.frameCaseCap inert', () => {
    const out = tempDir();
    const r = govsim(['effects', 'social-governance', '--seeds', '2', '--steps', '60', '--levers', 'ngo.support,petitions.regime,output.*', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/effects social-governance: 4 levers, 6 settings \+ base x 2 seeds = 14 runs \(0 failed\)/);
    expect(r.stdout).toMatch(/inert levers .*\n(.*\n)*.*output\.frameCaseCap/);

    const csv = readFileSync(join(out, 'effects.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('lever,kind,end,value,base,metric,meanDiff,lo,hi,n,beyondNoise');
    const rows = csv.slice(1).map((l) => l.split(','));
    expect(rows.every((c) => c.length === 11)).toBe(true);
    const ends = new Set(rows.map((c) => `${c[0]} ${c[2]} ${c[3]}`));
    // ngo.support's high end is its preset value (no room), its low end the plausible 0.2; the
    // petition regime tries both other options.
    expect([...ends].sort()).toEqual([
      'ngo.support low 0.2',
      'output.caseLog other true',
      'output.frameCaseCap high 10000000',
      'output.frameCaseCap low 0',
      'petitions.regime other stability-first',
      'petitions.regime other suppression',
    ]);
    const volunteers = rows.find((c) => c[0] === 'ngo.support' && c[5] === 'volunteers')!;
    expect(Number(volunteers[6])).toBeLessThan(0);
    expect(Number(volunteers[8])).toBeLessThan(0);
    expect(volunteers.slice(9)).toEqual(['2', 'true']);

    const json = JSON.parse(readFileSync(join(out, 'effects.json'), 'utf8'));
    expect(json).toMatchObject({ engine: 'govsim', scenario: 'social-governance', seeds: '1,2', steps: 60, runs: 14, failedRuns: 0 });
    const lever = (name: string) => json.levers.find((l: { lever: string }) => l.lever === name);
    expect(lever('ngo.support')).toMatchObject({ inert: false, range: [0.2, 1], base: 1 });
    expect(lever('ngo.support').ends.map((e: { status: string }) => e.status)).toEqual(['run', 'no room']);
    expect(lever('output.frameCaseCap').inert).toBe(true);
    expect(lever('output.frameCaseCap').ends.every((e: { metrics: { beyondNoise: boolean; meanDiff: number }[] }) => e.metrics.every((m) => !m.beyondNoise && m.meanDiff === 0))).toBe(true);
    const allInert = [...json.inert.policy, ...json.inert.society, ...json.inert.output, ...json.inert.unknown];
    expect(allInert).toContain('output.frameCaseCap');
    expect(allInert).not.toContain('ngo.support');
  });

  const refusals: [string, string[], RegExp][] = [
    ['a bad --kind', ['--kind', 'both'], /--kind "both" is not allowed; allowed: policy, society, all/],
    ['a glob matching no lever', ['--levers', 'ngo.suport'], /--levers "ngo.suport": matches no lever of the governance model; did you mean ngo.support\?/],
    ['a single seed', ['--seeds', '1'], /--seeds "1": 1 seed; allowed: at least 2 seeds/],
    ['a bad seed list', ['--seeds', '5..1'], /--seeds "5..1": the range runs backwards/],
    ['bad --steps', ['--steps', 'many'], /--steps: "many" is not allowed; allowed: a whole number from 1/],
    ['an unknown flag', ['--lever', 'ngo.*'], /unknown flag --lever; did you mean --levers\?/],
  ];
  it.each(refusals)('refuses %s with one line and exit 2', (_, args, message) => {
    const r = govsim(['effects', 'social-governance', ...args, '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
