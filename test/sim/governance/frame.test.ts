import { describe, expect, it } from 'vitest';
import { isGovernanceFrame } from '../../../sim/governance/frame';

describe('frame', () => {
  it('tells a governance frame from another model’s', () => {
    expect(isGovernanceFrame({ model: 'governance', step: 0, meta: {}, arrays: {} })).toBe(true);
    expect(isGovernanceFrame({ model: 'epstein', step: 0, meta: {}, arrays: {} })).toBe(false);
  });
});
