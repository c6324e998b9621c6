import { describe, expect, it } from 'vitest';
import { EpsteinModel } from '../../../sim/epstein/model';
import type { EpsteinParams } from '../../../sim/epstein/params';
import { params, RUN2 } from './helpers';

function outbursts(p: EpsteinParams, seed: number, steps: number): number {
  const m = new EpsteinModel(p, seed);
  m.step(steps);
  return m.summary().outbursts as number;
}

function peakFrom(p: EpsteinParams, seed: number, steps: number, from: number): number {
  const m = new EpsteinModel(p, seed);
  m.step(steps);
  const active = m.series().column('active');
  let peak = 0;
  for (let r = from - 1; r < active.length; r++) peak = Math.max(peak, active[r]);
  return peak;
}

describe('Epstein (2002) dynamics', () => {
  it('run 2 has punctuated outbursts under floor(C/A) and none under the literal ratio', () => {
    // NetLogo Rebellion Info tab and Mesa's agents.py: without rounding the ratio the model does
    // not show punctuated equilibrium.
    for (let seed = 1; seed <= 4; seed++) {
      expect(outbursts({ ...RUN2, ratioRule: 'floor' }, seed, 400)).toBeGreaterThanOrEqual(3);
      expect(outbursts({ ...RUN2, ratioRule: 'literal' }, seed, 400)).toBe(0);
    }
  });

  it('a sudden legitimacy drop brings a larger peak of actives than the same drop spread over time', () => {
    // Legitimacy 0.9 -> 0.7 at step 50, at once or over 150 steps (scenarios epstein-2002-run3/4).
    const base = params({ copDensity: 0.04, maxJailTerm: 30, legitimacy: 0.9 });
    const sudden: number[] = [];
    const gradual: number[] = [];
    let suddenWins = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const s = peakFrom({ ...base, legitimacySchedule: [{ at: 50, to: 0.7, over: 0 }] }, seed, 210, 50);
      const g = peakFrom({ ...base, legitimacySchedule: [{ at: 50, to: 0.7, over: 150 }] }, seed, 210, 50);
      sudden.push(s);
      gradual.push(g);
      if (s > g) suddenWins++;
    }
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
    expect(suddenWins).toBeGreaterThanOrEqual(9);
    expect(mean(sudden)).toBeGreaterThan(1.5 * mean(gradual));
  });
});
