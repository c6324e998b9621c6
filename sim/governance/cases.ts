/**
 * What happens to a case row: opening (a fresh row in status PENDING), the event log, the first channel
 * it went to, and closing (resolved or abandoned: counts, path counts, grievance relief or worsening,
 * the citizen's state, the row back to the free list). The table itself is case-table.ts.
 *
 * A case's path is also kept as bit flags (FLAG_*), so summaries such as "share that reached a petition
 * or the county court" need no log.
 */
import type { World } from './world';
import {
  CIT_DISPUTE,
  CIT_PETITIONING,
  CIT_QUIET,
  EV_ABANDONED,
  EV_OPENED,
  EV_RESOLVED,
  FIRST_NONE,
  FLAG_COUNTY,
  FLAG_COURT,
  FLAG_PETITIONED,
  OUTCOME_ABANDONED,
  PATH_FIRSTS,
  PATH_OUTCOMES,
  ST_FREE,
  ST_PENDING,
} from './codes';
import { addGrievance, keptGrievance } from './citizen';

/** Record the first channel a case goes to (later channels leave it alone). */
export function markFirst(w: World, row: number, channel: number): void {
  const k = w.cases.cols;
  if (k.first[row] === FIRST_NONE) k.first[row] = channel;
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
  k.id[row] = w.totals.nextCaseId++;
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
  w.totals.openCases++;
  w.today.disputesOpened++;
  const c = w.citizens;
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
  const c = w.citizens;
  const citizen = k.citizen[row];
  const size = k.size[row];
  const sev = k.severity[row];
  const flags = k.flags[row];
  const p = w.params.grievances;
  const firstPath = k.first[row] === FIRST_NONE ? PATH_FIRSTS - 1 : k.first[row];
  w.totals.pathCounts[firstPath * PATH_OUTCOMES + (resolved ? k.level[row] : OUTCOME_ABANDONED)]++;
  if (resolved) {
    logEvent(w, row, EV_RESOLVED);
    w.today.resolved++;
    w.today.resolvedByLevel[k.level[row]]++;
    w.today.resolvedByChannel[k.channel[row]]++;
    const days = w.day - k.opened[row];
    w.resolveDays[days < w.resolveDays.length ? days : w.resolveDays.length - 1]++;
    w.totals.costResolved += k.cost[row];
  } else {
    logEvent(w, row, EV_ABANDONED);
    w.today.abandoned++;
  }
  if (flags & FLAG_PETITIONED) {
    w.totals.petitionCasesClosed++;
    if (resolved) w.totals.petitionCasesSolved++;
  }
  w.totals.casesClosed++;
  // Grievance: a resolution relieves what the dispute added; abandonment leaves it latent and adds more.
  const first = citizen;
  const last = citizen + size;
  for (let i = first; i < last; i++) {
    if (resolved) addGrievance(w, i, -sev * (size > 1 ? w.params.riskAssessment.burden : p.openWeight));
    else addGrievance(w, i, keptGrievance(w, i, sev * p.abandonWeight));
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
  w.totals.openCases--;
  w.freeRows.push(row);
}

/**
 * Set a path flag of case `row`; the first time a case reaches a petition, the court or the county it
 * is counted in reachedPetitionOrCounty at once, so the share over all opened disputes counts cases
 * still open and later given up too.
 */
export function markPath(w: World, row: number, flag: number): void {
  const k = w.cases.cols;
  const high = FLAG_PETITIONED | FLAG_COURT | FLAG_COUNTY;
  if ((flag & high) !== 0 && (k.flags[row] & high) === 0) w.totals.reachedPetitionOrCounty++;
  k.flags[row] |= flag;
}
