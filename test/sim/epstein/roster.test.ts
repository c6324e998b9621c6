import { describe, expect, it } from 'vitest';
import { COP, EMPTY, QUIET } from '../../../sim/epstein/lattice';
import { Roster, WORDS } from '../../../sim/epstein/roster';
import { normalCdf } from '../../../src/stats/distributions';

/** Tiny buckets, so that six entries take the scatter-then-Fisher-Yates path of a large roster. */
const SMALL = { bucketTarget: 2, oneBucket: 2 };

function cells(r: Roster): number[] {
  return Array.from({ length: r.n }, (_, i) => r.words[WORDS * i] >>> 3);
}

/** Upper-tail p-value of a chi-square statistic (Wilson-Hilferty: accurate for the df used here). */
function chiSquareP(x: number, df: number): number {
  const z = (Math.cbrt(x / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  return 1 - normalCdf(z);
}

/** Chi-square test that the arrangements seen are equally likely among `kinds` possible ones. */
function uniformityP(seen: Map<string, number>, kinds: number, draws: number): number {
  expect(seen.size).toBe(kinds);
  const expected = draws / kinds;
  let x = 0;
  for (const count of seen.values()) x += (count - expected) ** 2 / expected;
  return chiSquareP(x, kinds - 1);
}

/**
 * How often each order of six agents (cells 0..5, codes by `code`) comes out of `draws` shuffles,
 * each of the same starting order: the test is of one shuffle's distribution (a chain of shuffles of
 * each other's output would drift to uniform even under a biased shuffle).
 */
function orders(
  draws: number,
  seed: number[],
  mixed: boolean,
  code: (cell: number) => number,
  first: number,
): Map<string, number> {
  const st = Int32Array.from(seed);
  const seen = new Map<string, number>();
  for (let t = 0; t < draws; t++) {
    const r = new Roster(6, SMALL);
    for (let c = 0; c < 6; c++) r.add(c, code(c), 0.5, 0.5);
    expect(r.shuffle(st, mixed)).toBe(first);
    const key = cells(r).join(',');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

describe('roster shuffle', () => {
  it('puts six agents in each of the 720 orders equally often, through buckets', () => {
    const seen = orders(72_000, [0x9e3779b9, 0x243f6a88, 0x85a308d3, 0x13198a2e], true, () => QUIET, 6);
    expect(uniformityP(seen, 720, 72_000)).toBeGreaterThan(0.001);
  });

  it('puts citizens first, then cops, each group in uniformly random order', () => {
    // Interleaved, so that the grouping is the shuffle's doing.
    const seen = orders(24_000, [1, 2, 3, 4], false, (c) => (c % 3 === 2 ? COP : QUIET), 4);
    for (const key of seen.keys()) expect(key.split(',').slice(0, 4).every((c) => Number(c) % 3 !== 2)).toBe(true);
    expect(uniformityP(seen, 24 * 2, 24_000)).toBeGreaterThan(0.001);
  });

  it('drops entries marked EMPTY and keeps every agent with its traits', () => {
    for (const sizes of [SMALL, undefined]) {
      const r = new Roster(2, sizes);
      for (let c = 0; c < 40; c++) r.add(c, QUIET, c / 100, 1 - c / 100);
      // Mark agents 7 and 30 as arrested.
      for (let i = 0; i < r.n; i++) {
        const cell = r.words[WORDS * i] >>> 3;
        if (cell === 7 || cell === 30) r.words[WORDS * i] = (cell << 3) | EMPTY;
      }
      r.shuffle(new Int32Array([5, 6, 7, 8]), true);
      expect(r.n).toBe(38);
      const byCell = new Map<number, [number, number]>();
      for (let i = 0; i < r.n; i++) byCell.set(r.words[WORDS * i] >>> 3, [r.floats[WORDS * i + 1], r.floats[WORDS * i + 2]]);
      expect([...byCell.keys()].sort((a, b) => a - b)).toEqual([...Array(40).keys()].filter((c) => c !== 7 && c !== 30));
      for (const [c, [h, ra]] of byCell) {
        expect(h).toBe(Math.fround(c / 100));
        expect(ra).toBe(Math.fround(1 - c / 100));
      }
    }
  });
});
