/**
 * The governance model's frame, typed for views: what GovernanceModel.frame() returns.
 *
 * Layout (for the browser's four layers):
 *   meta:   residents, counties, towns, villages, grids, resolvers, day, openCases, actives,
 *           framedCases (open cases included, at most output.frameCaseCap)
 *   arrays: gridX, gridY (Float32, layout), gridResidents, gridOpen (open individual disputes by the
 *           claimant's grid), gridActives, gridVolunteers (Int32, per grid);
 *           villageActives, villagePatrol (Int32, per village); townActives, townMediators (per town);
 *           resolverKind (Uint8, CH_* of codes.ts: 1 grid, 2 village, 3 ngo, 4 town, 5 police,
 *           6 court, 7 petition-town, 8 petition-county), resolverUnit, resolverSlots, resolverBusy,
 *           resolverQueue (Int32, per resolver instance);
 *           caseLevel, caseChannel, caseStatus (Uint8), caseResolver, caseGrid, caseSize (Int32),
 *           one entry per framed open case (status 1 awaiting first contact, 2 waiting, 3 served,
 *           4 between petitions); and each case's history in brief: caseId, caseOpened (day),
 *           caseCost (Float32, official person-days so far), caseType (TYPE_*), caseFirst (CH_* of
 *           its first channel, 255 none yet), caseAttempts, casePetitions (Uint8), caseFlags
 *           (Uint16, FLAG_* of codes.ts: petitioned, court, county, project, over-level, online).
 */
import type { Frame } from '../core/model';

/** frame().meta: sizes of the hierarchy and counts now (a type alias, so it is a Frame's Record). */
export type GovernanceFrameMeta = {
  residents: number;
  counties: number;
  towns: number;
  villages: number;
  grids: number;
  /** Resolver instances (length of the resolver* arrays). */
  resolvers: number;
  day: number;
  openCases: number;
  actives: number;
  /** Open cases in the case* arrays (at most output.frameCaseCap). */
  framedCases: number;
};

/** frame().arrays, as laid out in this file's header. */
export type GovernanceFrameArrays = {
  gridX: Float32Array;
  gridY: Float32Array;
  gridResidents: Int32Array;
  gridOpen: Int32Array;
  gridActives: Int32Array;
  gridVolunteers: Int32Array;
  villageActives: Int32Array;
  villagePatrol: Int32Array;
  townActives: Int32Array;
  townMediators: Int32Array;
  /** CH_* of codes.ts (never CH_NEGOTIATE). */
  resolverKind: Uint8Array;
  resolverUnit: Int32Array;
  resolverSlots: Int32Array;
  resolverBusy: Int32Array;
  resolverQueue: Int32Array;
  /** LEVEL_* */
  caseLevel: Uint8Array;
  /** CH_* */
  caseChannel: Uint8Array;
  /** ST_* (never ST_FREE) */
  caseStatus: Uint8Array;
  /** Resolver instance, -1 when not with one. */
  caseResolver: Int32Array;
  caseGrid: Int32Array;
  caseSize: Int32Array;
  caseId: Int32Array;
  /** TYPE_* */
  caseType: Uint8Array;
  caseOpened: Int32Array;
  /** CH_* of the first channel, FIRST_NONE before any. */
  caseFirst: Uint8Array;
  caseAttempts: Uint8Array;
  casePetitions: Uint8Array;
  /** FLAG_* bits */
  caseFlags: Uint16Array;
  caseCost: Float32Array;
};

/** The governance model's frame: a Frame whose meta and arrays are known. */
export interface GovernanceFrame extends Frame {
  meta: GovernanceFrameMeta;
  arrays: GovernanceFrameArrays;
}

/** Whether a frame is the governance model's (so its meta and arrays are those of GovernanceFrame). */
export function isGovernanceFrame(frame: Frame): frame is GovernanceFrame {
  return frame.model === 'governance';
}

