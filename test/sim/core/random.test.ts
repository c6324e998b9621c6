import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../sim/core/random';

const draws = (s: { next(): number }, n: number) => Array.from({ length: n }, () => s.next());

describe('named random streams', () => {
  it('give the same draws for the same seed and name', () => {
    expect(draws(new RandomStreams(7).stream('a'), 5)).toEqual(draws(new RandomStreams(7).stream('a'), 5));
  });

  it('differ between seeds and between names', () => {
    const a = draws(new RandomStreams(7).stream('a'), 5);
    expect(draws(new RandomStreams(8).stream('a'), 5)).not.toEqual(a);
    expect(draws(new RandomStreams(7).stream('b'), 5)).not.toEqual(a);
  });

  it('do not shift when another stream is added or drawn from', () => {
    const alone = new RandomStreams(3);
    const expected = draws(alone.stream('disputes'), 10);
    const busy = new RandomStreams(3);
    draws(busy.stream('new-process'), 1000);
    expect(draws(busy.stream('disputes'), 10)).toEqual(expected);
  });

  it('continue identically after snapshot and restore', () => {
    const r = new RandomStreams(11);
    draws(r.stream('x'), 17);
    const snap = structuredClone(r.snapshot());
    const after = draws(r.stream('x'), 5);
    const r2 = new RandomStreams(11);
    r2.restore(snap);
    expect(draws(r2.stream('x'), 5)).toEqual(after);
  });

  it('draw Poisson counts with the right mean', () => {
    const s = new RandomStreams(5).stream('p');
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += s.poisson(3.5);
    // Standard error of the mean is sqrt(3.5/20000) ~ 0.013; allow 5 SE.
    expect(Math.abs(sum / n - 3.5)).toBeLessThan(0.07);
  });

  it('draw geometric skips with mean (1-p)/p', () => {
    const s = new RandomStreams(5).stream('g');
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += s.geometricSkip(0.1);
    // Mean 9, sd sqrt(0.9)/0.1 ~ 9.5, SE ~ 0.067.
    expect(Math.abs(sum / n - 9)).toBeLessThan(0.35);
  });
});
