import { describe, expect, it } from 'vitest';
import { parseSeedCountOrList } from '../../src/batch/seeds';
import { seedsOf } from '../../src/validate/runner';

describe('validation seeds', () => {
  it('are the given seeds, or that many times as many numbered on from the largest', () => {
    expect(seedsOf({ key: 'a', scenario: 'x' }, [1, 2, 3])).toEqual([1, 2, 3]);
    expect(seedsOf({ key: 'a', scenario: 'x', seedFactor: 3 }, [1, 2])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seedsOf({ key: 'a', scenario: 'x', seedFactor: 2 }, [5, 9])).toEqual([5, 9, 10, 11]);
    // Held-out seeds: 31..60 run the Epstein experiments (factor 4) on 31..60 and then 61..150.
    const held = seedsOf({ key: 'a', scenario: 'x', seedFactor: 4 }, parseSeedCountOrList('31..60'));
    expect(held[0]).toBe(31);
    expect(held.at(-1)).toBe(150);
    expect(new Set(held).size).toBe(120);
  });

  it('take a count (1..N) or any seed list, as batch reads it', () => {
    expect(parseSeedCountOrList('3')).toEqual([1, 2, 3]);
    expect(parseSeedCountOrList('31..35')).toEqual([31, 32, 33, 34, 35]);
    expect(parseSeedCountOrList('1,5,9')).toEqual([1, 5, 9]);
    expect(parseSeedCountOrList('1..3,20..22')).toEqual([1, 2, 3, 20, 21, 22]);
  });

  it('refuse bad lists by name', () => {
    expect(() => parseSeedCountOrList('5..3')).toThrow(/--seeds "5\.\.3": the range runs backwards \(5 > 3\); write 3\.\.5/);
    expect(() => parseSeedCountOrList('1,2,1')).toThrow(/seed 1 is listed twice/);
    expect(() => parseSeedCountOrList('1..x')).toThrow(/"x" is not a whole number/);
    expect(() => parseSeedCountOrList('7..7')).toThrow(/--seeds "7\.\.7": 1 seed; allowed: at least 2 seeds/);
    expect(() => parseSeedCountOrList('1')).toThrow(/1 seed; allowed: at least 2 seeds/);
    expect(() => parseSeedCountOrList('100001')).toThrow(/is too many; allowed: a count from 2 to 100000/);
  });
});
