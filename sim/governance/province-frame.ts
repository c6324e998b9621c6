/**
 * A province's frame (province.ts) from its counties' frames: the frame one world of the whole province
 * would draw. Grids, villages and towns follow county after county, so their arrays are the counties'
 * in turn, grids placed at their county's square of the layout (hierarchy.ts); resolvers are laid out
 * kind by kind, each kind's instances county after county with their units numbered across the
 * province (resolver-table.ts's order); cases refer to those grids and instances, their ids unique
 * across the province as its case log has them (provinceCaseId), at most `cap` of them.
 */
import { concatArrays as concat, emptyLike as like, type TypedArray } from '../core/columns';
import { CH_COURT, CH_GRID, CH_PET_COUNTY, CH_VILLAGE, CHANNELS } from './codes';
import type { GovernanceFrame, GovernanceFrameArrays } from './frame';
import { countyOrigin, countyWidth } from './hierarchy';
import type { GovernanceParams } from './params';
import { provinceCaseId } from './counties';

type Arrays = GovernanceFrameArrays;

const GRID_KEYS = ['gridResidents', 'gridOpen', 'gridActives', 'gridVolunteers'] as const;
const VILLAGE_KEYS = ['villageActives', 'villagePatrol'] as const;
const TOWN_KEYS = ['townActives', 'townMediators'] as const;
const RESOLVER_KEYS = ['resolverKind', 'resolverSlots', 'resolverBusy', 'resolverQueue'] as const;
const CASE_KEYS = ['caseLevel', 'caseChannel', 'caseStatus', 'caseSize', 'caseType', 'caseOpened', 'caseFirst', 'caseAttempts', 'casePetitions', 'caseFlags', 'caseCost'] as const;

export function mergeFrames(frames: readonly GovernanceFrame[], p: GovernanceParams, cap: number): GovernanceFrame {
  const C = frames.length;
  const pop = p.population;
  const width = countyWidth(pop.townsPerCounty, pop.villagesPerTown, pop.gridsPerVillage);
  const a = frames.map((f) => f.arrays);
  const out = {} as Arrays;
  for (const k of [...GRID_KEYS, ...VILLAGE_KEYS, ...TOWN_KEYS]) (out as Record<string, TypedArray>)[k] = concat(a.map((x) => x[k]));
  out.gridX = concat(a.map((x, c) => x.gridX.map((v) => v + countyOrigin(C, width, c)[0])));
  out.gridY = concat(a.map((x, c) => x.gridY.map((v) => v + countyOrigin(C, width, c)[1])));
  // Units before each county, by level: grids, villages, towns (counties: the county's own index).
  const before = { grids: [0], villages: [0], towns: [0] };
  for (const f of frames) {
    before.grids.push(before.grids[before.grids.length - 1] + f.meta.grids);
    before.villages.push(before.villages[before.villages.length - 1] + f.meta.villages);
    before.towns.push(before.towns[before.towns.length - 1] + f.meta.towns);
  }
  const unitBefore = (kind: number, c: number) =>
    kind === CH_GRID ? before.grids[c] : kind === CH_VILLAGE ? before.villages[c] : kind === CH_COURT || kind === CH_PET_COUNTY ? c : before.towns[c];
  // Resolvers kind by kind, county by county; where each county's instance went.
  const resolvers = frames.reduce((s, f) => s + f.meta.resolvers, 0);
  for (const k of RESOLVER_KEYS) (out as Record<string, TypedArray>)[k] = like(a[0][k], resolvers);
  out.resolverUnit = new Int32Array(resolvers);
  const moved = a.map((x) => new Int32Array(x.resolverKind.length));
  let r = 0;
  for (let kind = 1; kind < CHANNELS; kind++) {
    for (let c = 0; c < C; c++) {
      const x = a[c];
      for (let i = 0; i < x.resolverKind.length; i++) {
        if (x.resolverKind[i] !== kind) continue;
        for (const k of RESOLVER_KEYS) out[k][r] = x[k][i];
        out.resolverUnit[r] = x.resolverUnit[i] + unitBefore(kind, c);
        moved[c][i] = r++;
      }
    }
  }
  // Cases, county by county, up to the cap.
  const take = a.map((x) => x.caseLevel.length);
  let left = cap;
  for (let c = 0; c < C; c++) {
    take[c] = Math.min(take[c], left);
    left -= take[c];
  }
  for (const k of CASE_KEYS) (out as Record<string, TypedArray>)[k] = concat(a.map((x, c) => x[k].subarray(0, take[c])));
  out.caseResolver = concat(a.map((x, c) => x.caseResolver.subarray(0, take[c]).map((i) => (i < 0 ? i : moved[c][i]))));
  out.caseGrid = concat(a.map((x, c) => x.caseGrid.subarray(0, take[c]).map((g) => g + before.grids[c])));
  out.caseId = concat(a.map((x, c) => x.caseId.subarray(0, take[c]).map((id) => provinceCaseId(id, C, c))));
  const sum = (key: 'residents' | 'towns' | 'villages' | 'grids' | 'openCases' | 'actives') => frames.reduce((s, f) => s + f.meta[key], 0);
  return {
    model: 'governance',
    step: frames[0].step,
    meta: {
      residents: sum('residents'),
      counties: C,
      towns: sum('towns'),
      villages: sum('villages'),
      grids: sum('grids'),
      resolvers,
      day: frames[0].meta.day,
      openCases: sum('openCases'),
      actives: sum('actives'),
      framedCases: out.caseLevel.length,
    },
    arrays: out,
  };
}
