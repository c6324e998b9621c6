import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../sim/core/random';
import { drawJailTerm } from '../../../sim/epstein/jail';
import { EpsteinModel } from '../../../sim/epstein/model';
import { params } from './helpers';

function termRange(maxJailTerm: number, inclusive: boolean, n = 20000) {
  const draw = new RandomStreams(3).stream('jail').next;
  let min = Infinity;
  let max = -Infinity;
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const t = drawJailTerm(draw, maxJailTerm, inclusive);
    min = Math.min(min, t);
    max = Math.max(max, t);
    seen.add(t);
  }
  return { min, max, seen };
}

describe('jail terms', () => {
  it('are drawn from 0..J-1 when exclusive (NetLogo `random max-jail-term`)', () => {
    const { min, max, seen } = termRange(5, false);
    expect(min).toBe(0);
    expect(max).toBe(4);
    expect(seen.size).toBe(5);
  });

  it('are drawn from 0..J when inclusive (Mesa `randint(0, max_jail_term)`)', () => {
    const { min, max, seen } = termRange(5, true);
    expect(min).toBe(0);
    expect(max).toBe(5);
    expect(seen.size).toBe(6);
  });

  it('are 0 for J = 0 exclusive and unbounded for J = null', () => {
    expect(termRange(0, false, 100).max).toBe(0);
    expect(drawJailTerm(() => 0.5, null, false)).toBe(Infinity);
  });

  // Low legitimacy keeps cops busy arresting, so these runs make hundreds of arrests.
  const busy = { legitimacy: 0.3, copDensity: 0.06 };

  it('in a run, J = 1 exclusive jails nobody past the step of arrest, J = 1 inclusive does', () => {
    const exclusive = new EpsteinModel(params({ ...busy, maxJailTerm: 1, jailTermInclusive: false }), 5);
    exclusive.step(60);
    expect(exclusive.summary().arrests).toBeGreaterThan(100);
    expect(Math.max(...exclusive.series().column('jailed'))).toBe(0);

    const inclusive = new EpsteinModel(params({ ...busy, maxJailTerm: 1, jailTermInclusive: true }), 5);
    inclusive.step(60);
    const jailed = inclusive.series().column('jailed');
    expect(Math.max(...jailed)).toBeGreaterThan(0);
    // A term of at most 1 step: everyone jailed in a row was arrested in that very step.
    const arrests = inclusive.series().column('arrests');
    for (let r = 0; r < jailed.length; r++) expect(jailed[r]).toBeLessThanOrEqual(arrests[r]);
  });

  it('in a run, an unbounded term never releases anyone', () => {
    const m = new EpsteinModel(params({ ...busy, maxJailTerm: null }), 2);
    m.step(80);
    const jailed = m.series().column('jailed');
    const arrests = m.series().column('arrests');
    let total = 0;
    for (let r = 0; r < jailed.length; r++) {
      total += arrests[r];
      expect(jailed[r]).toBe(total);
    }
    expect(total).toBeGreaterThan(100);
  });
});
