import { describe, expect, it } from 'vitest';

describe('gridOf in O(1)', () => {
  it('equals a search over gridStart for every citizen of uneven splits', async () => {
    const { buildHierarchy, gridOf: grid } = await import('../../../sim/governance/hierarchy');
    for (const [n, c, t, v, g] of [
      [74000, 1, 1, 28, 10],
      [9973, 2, 3, 7, 11],
      [1000, 1, 1, 3, 333],
      [50, 1, 1, 2, 20],
    ]) {
      const h = buildHierarchy(n, c, t, v, g);
      let k = 0;
      for (let i = 0; i < h.residents; i++) {
        while (h.gridStart[k + 1] <= i) k++;
        if (grid(h, i) !== k) expect.fail(`gridOf(${i}) = ${grid(h, i)}, search says ${k} (${n} residents, ${h.grids} grids)`);
      }
    }
    // At province scale, the citizens on both sides of every 997th grid boundary.
    const big = buildHierarchy(65_000_000, 90, 14, 20, 9);
    for (let k = 1; k < big.grids; k += 997) {
      expect(grid(big, big.gridStart[k])).toBe(k);
      expect(grid(big, big.gridStart[k] - 1)).toBe(k - 1);
    }
  });
});
