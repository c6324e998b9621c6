import { describe, expect, it } from 'vitest';
import { buildHierarchy, gridOf } from '../../../sim/governance/hierarchy';

describe('hierarchy', () => {
  it('nests grids in villages in towns in counties, citizens split evenly and contiguously', () => {
    const h = buildHierarchy(100, 2, 3, 2, 3); // 6 towns, 12 villages, 36 grids
    expect([h.residents, h.counties, h.towns, h.villages, h.grids]).toEqual([100, 2, 6, 12, 36]);
    expect(Array.from(h.gridStart.subarray(0, 5))).toEqual([0, 2, 5, 8, 11]); // floor(g x 100 / 36)
    expect(h.gridStart[36]).toBe(100);
    expect(Array.from(h.gridVillage.subarray(0, 7))).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(Array.from(h.villageTown)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(h.townCounty)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(h.villageStart.subarray(0, 3))).toEqual([0, 8, 16]); // gridStart[0], [3], [6]
    expect(h.villageStart[12]).toBe(100);
    expect(Array.from(h.townStart)).toEqual([0, 16, 33, 50, 66, 83, 100]);
    expect(Array.from(h.countyStart)).toEqual([0, 50, 100]);
  });

  it('lays grids out as nested squares with gaps between villages, towns and counties', () => {
    const h = buildHierarchy(1000, 4, 4, 4, 4); // squares of 2 x 2 at every level
    const at = (g: number) => [h.gridX[g], h.gridY[g]];
    expect([at(0), at(1), at(2), at(3)]).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
    expect(at(4)).toEqual([3, 0]); // next village: 2 grids and a gap
    expect(at(8)).toEqual([0, 3]);
    expect(at(16)).toEqual([8, 0]); // next town: 2 villages of 3 and a gap of 2
    expect(at(32)).toEqual([0, 8]);
    expect(at(64)).toEqual([20, 0]); // next county: 2 towns of 8 and a gap of 4
    expect(at(128)).toEqual([0, 20]);
    expect(at(255)).toEqual([32, 32]);
    const odd = buildHierarchy(100, 1, 1, 2, 5); // 5 grids a village: rows of 3
    expect([odd.gridX[4], odd.gridY[4]]).toEqual([1, 1]);
    expect([odd.gridX[5], odd.gridY[5]]).toEqual([4, 0]);
  });

  it('finds the grid of every citizen', () => {
    const h = buildHierarchy(100, 2, 3, 2, 3);
    for (let g = 0; g < h.grids; g++) {
      for (let i = h.gridStart[g]; i < h.gridStart[g + 1]; i++) expect(gridOf(h, i)).toBe(g);
    }
  });
});
