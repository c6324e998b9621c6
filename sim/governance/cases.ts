/**
 * Disputes as cases: one row per open case in a column store, rows recycled through a free list when a
 * case closes (so the table's size follows the number of open cases, not of cases ever opened), and
 * an optional event log (one row per case event) for path counts, Sankeys and `--cases`.
 *
 * A case's path is also kept as bit flags (FLAG_*), so summaries such as "share that reached a petition
 * or the county court" need no log.
 */
import { ColumnStore } from '../core/columns';
import type { World } from './world';
import { CIT_DISPUTE, CIT_PETITIONING, CIT_QUIET } from './population';
import { addGrievance } from './grievances';

export const CASE_SPEC = {
  id: Int32Array,
  citizen: Int32Array, // claimant; for a collective dispute, the first of `size` contiguous citizens
  size: Int32Array,
  type: Uint8Array, // TYPE_*
  parties: Uint8Array, // PARTIES_*
  severity: Float32Array, // 0..1
  channel: Uint8Array, // CH_* (resolver kind or negotiation)
  level: Uint8Array, // LEVEL_*
  inst: Int32Array, // resolver instance, -1 when not queued
  status: Uint8Array, // ST_*
  phase: Uint8Array, // court: 0 mediation, 1 adjudication
  opened: Int32Array,
  due: Int32Array, // day of the pending event (first contact, service end, patience, repeat)
  prev: Int32Array, // queue links
  next: Int32Array,
  cost: Float32Array, // official person-days spent on the case
  attempts: Uint8Array,
  petitions: Uint8Array,
  flags: Uint16Array,
  first: Uint8Array, // CH_* of the first channel the case went to; FIRST_NONE until then
} as const;

/** `first` of a case that has not reached any channel yet (given up at once if it closes so). */
export const FIRST_NONE = 255;
/** Outcomes of closed cases in the path counts: resolved at LEVEL_* 0..3, or abandoned. */
export const OUTCOME_ABANDONED = 4;
export const PATH_OUTCOMES = 5;
/** Rows of the path counts: the 9 channels, then "gave up before any channel". */
export const PATH_FIRSTS = 10;

/** Record the first channel a case goes to (later channels leave it alone). */
export function markFirst(w: World, row: number, channel: number): void {
  const k = w.cases.cols;
  if (k.first[row] === FIRST_NONE) k.first[row] = channel;
}

export const LOG_SPEC = {
  caseId: Int32Array,
  day: Int32Array,
  event: Uint8Array,
  channel: Uint8Array,
  level: Uint8Array,
  type: Uint8Array,
  parties: Uint8Array,
  size: Int32Array,
} as const;

export type CaseStore = ColumnStore<typeof CASE_SPEC>;
export type LogStore = ColumnStore<typeof LOG_SPEC>;

// Dispute types (MODEL.md section 2).
export const TYPE_NAMES = ['neighbour-family', 'land-housing', 'labour-wages', 'contracts-consumers', 'environment', 'administrative'] as const;
export const TYPE_NEIGHBOUR = 0;
export const TYPE_LAND = 1;
export const TYPE_LABOUR = 2;
export const TYPE_CONTRACTS = 3;
export const TYPE_ENVIRONMENT = 4;
export const TYPE_ADMINISTRATIVE = 5;

export const PARTIES_NAMES = ['citizen-citizen', 'citizen-firm', 'citizen-government'] as const;
export const PARTIES_CITIZEN = 0;
export const PARTIES_FIRM = 1;
export const PARTIES_GOVERNMENT = 2;

// Statuses. A closed case's row is free.
export const ST_FREE = 0;
export const ST_PENDING = 1; // grievance turned dispute, awaiting first contact
export const ST_WAITING = 2; // in a resolver's queue
export const ST_SERVING = 3; // being handled
export const ST_DELAYED = 4; // returned petitioner, will come back

// Case events for the log.
export const EVENT_NAMES = ['opened', 'referred', 'mediated', 'adjudicated', 'petitioned', 'escalated', 'resolved', 'abandoned'] as const;
export const EV_OPENED = 0;
export const EV_REFERRED = 1;
export const EV_MEDIATED = 2;
export const EV_ADJUDICATED = 3;
export const EV_PETITIONED = 4;
export const EV_ESCALATED = 5;
export const EV_RESOLVED = 6;
export const EV_ABANDONED = 7;

export const LEVEL_NAMES = ['grid', 'village', 'town', 'county'] as const;
export const LEVEL_GRID = 0;
export const LEVEL_VILLAGE = 1;
export const LEVEL_TOWN = 2;
export const LEVEL_COUNTY = 3;

// Path flags.
export const FLAG_PETITIONED = 1;
export const FLAG_COURT = 2;
export const FLAG_COUNTY = 4;
export const FLAG_PROJECT = 8;
export const FLAG_TAKEN_VILLAGE = 16;
export const FLAG_OVER_LEVEL = 32;
export const FLAG_ONLINE = 256;

export function createCaseStore(): CaseStore {
  return new ColumnStore(CASE_SPEC, 1024);
}

export function createLogStore(): LogStore {
  return new ColumnStore(LOG_SPEC, 4096);
}

/** Append an event for case `row` to the log (when the log is on). */
export function logEvent(w: World, row: number, event: number): void {
  const log = w.log;
  if (!log) return;
  const k = w.cases.cols;
  const r = log.add();
  const l = log.cols;
  l.caseId[r] = k.id[row];
  l.day[r] = w.day;
  l.event[r] = event;
  l.channel[r] = k.channel[row];
  l.level[r] = k.level[row];
  l.type[r] = k.type[row];
  l.parties[r] = k.parties[row];
  l.size[r] = k.size[row];
}

/** Open a dispute: a fresh case row in status PENDING. Returns the row. */
export function openCase(
  w: World,
  citizen: number,
  size: number,
  type: number,
  parties: number,
  severity: number,
  flags: number,
): number {
  let row: number;
  if (w.freeRows.length > 0) row = w.freeRows.pop()!;
  else row = w.cases.add();
  const k = w.cases.cols;
  k.id[row] = w.n.nextCaseId++;
  k.citizen[row] = citizen;
  k.size[row] = size;
  k.type[row] = type;
  k.parties[row] = parties;
  k.severity[row] = severity;
  k.channel[row] = 0;
  k.first[row] = FIRST_NONE;
  k.level[row] = 0;
  k.inst[row] = -1;
  k.status[row] = ST_PENDING;
  k.phase[row] = 0;
  k.opened[row] = w.day;
  k.due[row] = w.day;
  k.prev[row] = -1;
  k.next[row] = -1;
  k.cost[row] = 0;
  k.attempts[row] = 0;
  k.petitions[row] = 0;
  k.flags[row] = flags;
  w.n.openCases++;
  w.d.disputesOpened++;
  w.n.disputesOpened++;
  const c = w.c;
  if (size === 1) {
    if (c.openCases[citizen] < 255) c.openCases[citizen]++;
    if (c.state[citizen] === CIT_QUIET) c.state[citizen] = CIT_DISPUTE;
  }
  logEvent(w, row, EV_OPENED);
  return row;
}

/**
 * Close a case: resolved (at its current level and channel) or abandoned (the grievance stays latent).
 * Frees the row.
 */
export function closeCase(w: World, row: number, resolved: boolean): void {
  const k = w.cases.cols;
  const c = w.c;
  const citizen = k.citizen[row];
  const size = k.size[row];
  const sev = k.severity[row];
  const flags = k.flags[row];
  const p = w.p.grievances;
  const firstPath = k.first[row] === FIRST_NONE ? PATH_FIRSTS - 1 : k.first[row];
  w.n.pathCounts[firstPath * PATH_OUTCOMES + (resolved ? k.level[row] : OUTCOME_ABANDONED)]++;
  if (resolved) {
    logEvent(w, row, EV_RESOLVED);
    w.n.disputesResolved++;
    w.d.resolved++;
    const lvl = k.level[row];
    w.n.resolvedByLevel[lvl]++;
    w.d.resolvedByLevel[lvl]++;
    w.d.resolvedByChannel[k.channel[row]]++;
    w.n.resolvedByChannel[k.channel[row]]++;
    const days = w.day - k.opened[row];
    w.resolveDays[days < w.resolveDays.length ? days : w.resolveDays.length - 1]++;
    w.n.costResolved += k.cost[row];
  } else {
    logEvent(w, row, EV_ABANDONED);
    w.n.abandoned++;
    w.d.abandoned++;
  }
  if (flags & FLAG_PETITIONED) {
    w.n.petitionCasesClosed++;
    if (resolved) w.n.petitionCasesSolved++;
  }
  if (flags & (FLAG_PETITIONED | FLAG_COURT | FLAG_COUNTY)) w.n.reachedPetitionOrCounty++;
  w.n.casesClosed++;
  // Grievance: a resolution relieves what the dispute added; abandonment leaves it latent and adds more.
  const first = citizen;
  const last = citizen + size;
  for (let i = first; i < last; i++) {
    if (resolved) addGrievance(w, i, -sev * (size > 1 ? w.p.riskAssessment.burden : p.openWeight));
    else addGrievance(w, i, sev * p.abandonWeight);
    // A group stays marked as burdened by its project until the project dispute is resolved.
    if (size > 1) {
      if (resolved) c.project[i] = 0;
    } else {
      if (c.openCases[i] > 0) c.openCases[i]--;
      if (c.openCases[i] === 0 && (c.state[i] === CIT_DISPUTE || c.state[i] === CIT_PETITIONING)) c.state[i] = CIT_QUIET;
    }
  }
  k.status[row] = ST_FREE;
  k.inst[row] = -1;
  w.n.openCases--;
  w.freeRows.push(row);
}
