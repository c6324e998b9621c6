/**
 * The administrative hierarchy of the four-level mediation network (seed, "second strategy"):
 * county, town (sub-district), village (neighbourhood) and grid (residential quarter). Every citizen
 * lives in one grid; citizens are stored contiguously by grid, so grid g holds citizens
 * gridStart[g] .. gridStart[g + 1] - 1 and a random resident of a grid costs one draw.
 *
 * The layout (x, y per grid) is for drawing only: nested squares, a grid being a unit cell, a village
 * a square of grids, a town a square of villages, a county a square of towns.
 */
export interface Hierarchy {
  residents: number;
  counties: number;
  towns: number;
  villages: number;
  grids: number;
  /** Citizens of grid g are gridStart[g] .. gridStart[g+1]-1 (length grids + 1). */
  gridStart: Int32Array;
  gridVillage: Int32Array;
  villageTown: Int32Array;
  townCounty: Int32Array;
  /** First citizen of each village / town / county (length + 1), from the contiguous layout. */
  villageStart: Int32Array;
  townStart: Int32Array;
  countyStart: Int32Array;
  gridX: Float32Array;
  gridY: Float32Array;
}

export function buildHierarchy(
  residents: number,
  counties: number,
  townsPerCounty: number,
  villagesPerTown: number,
  gridsPerVillage: number,
): Hierarchy {
  const towns = counties * townsPerCounty;
  const villages = towns * villagesPerTown;
  const grids = villages * gridsPerVillage;
  const gridStart = new Int32Array(grids + 1);
  // Even split: grid sizes differ by at most one resident.
  for (let g = 0; g <= grids; g++) gridStart[g] = splitStart(g, residents, grids);
  const gridVillage = new Int32Array(grids);
  // Stryker disable next-line EqualityOperator: one step past the end writes nothing (typed arrays drop out-of-range writes)
  for (let g = 0; g < grids; g++) gridVillage[g] = Math.floor(g / gridsPerVillage);
  const villageTown = new Int32Array(villages);
  // Stryker disable next-line EqualityOperator: one step past the end writes nothing (typed arrays drop out-of-range writes)
  for (let v = 0; v < villages; v++) villageTown[v] = Math.floor(v / villagesPerTown);
  const townCounty = new Int32Array(towns);
  // Stryker disable next-line EqualityOperator: one step past the end writes nothing (typed arrays drop out-of-range writes)
  for (let t = 0; t < towns; t++) townCounty[t] = Math.floor(t / townsPerCounty);
  const villageStart = new Int32Array(villages + 1);
  for (let v = 0; v <= villages; v++) villageStart[v] = gridStart[v * gridsPerVillage];
  const townStart = new Int32Array(towns + 1);
  for (let t = 0; t <= towns; t++) townStart[t] = villageStart[t * villagesPerTown];
  const countyStart = new Int32Array(counties + 1);
  for (let c = 0; c <= counties; c++) countyStart[c] = townStart[c * townsPerCounty];

  // Nested-square layout for drawing.
  const sg = Math.ceil(Math.sqrt(gridsPerVillage));
  const wv = sg + 1;
  const sv = Math.ceil(Math.sqrt(villagesPerTown));
  const wt = sv * wv + 2;
  const st = Math.ceil(Math.sqrt(townsPerCounty));
  const wc = countyWidth(townsPerCounty, villagesPerTown, gridsPerVillage);
  const gridX = new Float32Array(grids);
  const gridY = new Float32Array(grids);
  // Stryker disable next-line EqualityOperator: one step past the end writes nothing (typed arrays drop out-of-range writes)
  for (let g = 0; g < grids; g++) {
    const v = gridVillage[g];
    const t = villageTown[v];
    const [ox, oy] = countyOrigin(counties, wc, townCounty[t]);
    const gi = g % gridsPerVillage;
    const vi = v % villagesPerTown;
    const ti = t % townsPerCounty;
    gridX[g] = ox + (ti % st) * wt + (vi % sv) * wv + (gi % sg);
    gridY[g] = oy + Math.floor(ti / st) * wt + Math.floor(vi / sv) * wv + Math.floor(gi / sg);
  }
  return {
    residents,
    counties,
    towns,
    villages,
    grids,
    gridStart,
    gridVillage,
    villageTown,
    townCounty,
    villageStart,
    townStart,
    countyStart,
    gridX,
    gridY,
  };
}

/** Side of a county's square in the drawing layout (grids, with the gaps between villages and towns). */
export function countyWidth(townsPerCounty: number, villagesPerTown: number, gridsPerVillage: number): number {
  const wv = Math.ceil(Math.sqrt(gridsPerVillage)) + 1;
  const wt = Math.ceil(Math.sqrt(villagesPerTown)) * wv + 2;
  return Math.ceil(Math.sqrt(townsPerCounty)) * wt + 4;
}

/** Where county c of `counties` starts in the drawing layout: counties are laid out as a square of squares. */
export function countyOrigin(counties: number, width: number, c: number): [number, number] {
  const sc = Math.ceil(Math.sqrt(counties));
  return [(c % sc) * width, Math.floor(c / sc) * width];
}

/** First of `n` items in part k of an even split into `parts` (sizes differ by at most one): floor(k n / parts). */
export function splitStart(k: number, n: number, parts: number): number {
  return Math.floor((k * n) / parts);
}

/**
 * Part of item i in the even split of `n` items into `parts`, in O(1): splitStart(k) <= i exactly when
 * k < (i + 1) parts / n, so the part is ceil((i + 1) parts / n) - 1 = floor(((i + 1) parts - 1) / n).
 * Every product stays below 2^53 (n <= 1e8, parts <= 2e7) and the quotient's distance from the next whole
 * number, at least 1/n, is far above double rounding, so the floor is exact (a test checks gridOf against
 * a search over gridStart).
 */
export function splitPart(i: number, n: number, parts: number): number {
  return Math.floor(((i + 1) * parts - 1) / n);
}

/**
 * Grid of citizen i (grids split the residents evenly). Routine contacts and legitimacy spread call it
 * millions of times a day at province scale.
 */
export function gridOf(h: Hierarchy, i: number): number {
  return splitPart(i, h.residents, h.grids);
}
