import { describe, expect, it } from 'vitest';
import { seedsOf } from '../../src/validate/runner';

describe('validation seeds', () => {
  it('are the given seeds, or that many times as many numbered on from the largest', () => {
    expect(seedsOf({ key: 'a', scenario: 'x' }, [1, 2, 3])).toEqual([1, 2, 3]);
    expect(seedsOf({ key: 'a', scenario: 'x', seedFactor: 3 }, [1, 2])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seedsOf({ key: 'a', scenario: 'x', seedFactor: 2 }, [5, 9])).toEqual([5, 9, 10, 11]);
  });
});
