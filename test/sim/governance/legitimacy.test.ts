import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { encounter, encounterDelta } from '../../../sim/governance/legitimacy';

describe('legitimacy', () => {
  it('one bad encounter moves legitimacy as much as `asymmetry` good ones (Skogan 2006)', () => {
    const rate = 0.01;
    const bad = encounterDelta(0.7, 0.6, rate, 6);
    const good = encounterDelta(0.7, 0.8, rate, 6);
    expect(bad).toBeLessThan(0);
    expect(good).toBeGreaterThan(0);
    expect(Math.abs(bad) / good).toBeCloseTo(6, 10);
  });

  it('in the world: one unfair encounter undoes several fair ones', () => {
    const w = smallWorld({ legitimacy: { learningRate: 0.01, asymmetry: 6, spreadProbability: 0 } });
    const c = w.citizens;
    const a = 100;
    const b = 200;
    c.legitimacy[a] = 0.7;
    c.legitimacy[b] = 0.7;
    encounter(w, a, 0.6);
    for (let i = 0; i < 6; i++) encounter(w, b, 0.8);
    const down = 0.7 - c.legitimacy[a];
    const up = c.legitimacy[b] - 0.7;
    // Six good encounters (with diminishing gaps) move it about as far as one bad one, not farther.
    expect(up).toBeLessThanOrEqual(down * 1.01);
    expect(up).toBeGreaterThan(down * 0.8);
  });

  it('only the encountered citizen (and, with spread, grid neighbours) changes', () => {
    const w = smallWorld({ legitimacy: { spreadProbability: 0 } });
    const before = w.citizens.legitimacy.slice();
    encounter(w, 42, 0);
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (w.citizens.legitimacy[i] !== before[i]) changed++;
    expect(changed).toBe(1);
  });
});
