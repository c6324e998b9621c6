/**
 * The case table and the case-event log as column stores: one row per open case, rows recycled through
 * a free list when a case closes (so the table's size follows the number of open cases, not of cases
 * ever opened), and an optional log (one row per case event) for path counts, Sankeys and `--cases`.
 * What happens to a case is in cases.ts; the codes its columns hold are in codes.ts.
 */
import { ColumnStore } from '../core/columns';
import type { EventTable } from '../core/model';
import { CHANNEL_NAMES, EVENT_NAMES, LEVEL_NAMES, PARTIES_NAMES, TYPE_NAMES } from './codes';

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
  due: Int32Array,
  queuedAt: Int32Array, // day the case entered its current resolver's queue (for waits) // day of the pending event (first contact, service end, patience, repeat)
  prev: Int32Array, // queue links
  next: Int32Array,
  cost: Float32Array, // official person-days spent on the case
  attempts: Uint8Array,
  petitions: Uint8Array,
  flags: Uint16Array, // FLAG_*
  first: Uint8Array, // CH_* of the first channel the case went to; FIRST_NONE until then
} as const;

export const LOG_SPEC = {
  caseId: Int32Array,
  day: Int32Array,
  event: Uint8Array, // EV_*
  channel: Uint8Array,
  level: Uint8Array,
  type: Uint8Array,
  parties: Uint8Array,
  size: Int32Array,
} as const;

export type CaseStore = ColumnStore<typeof CASE_SPEC>;
export type LogStore = ColumnStore<typeof LOG_SPEC>;

export function createCaseStore(): CaseStore {
  return new ColumnStore(CASE_SPEC, 1024);
}

export function createLogStore(): LogStore {
  return new ColumnStore(LOG_SPEC, 4096);
}

/** The log's columns as read: one array of numbers per LOG_SPEC column. */
export type LogColumns = { -readonly [K in keyof typeof LOG_SPEC]: ArrayLike<number> };

/** A case-event log of `rows` rows read cell by cell, codes as their names (`--cases`, cases.csv). */
export function logTable(cols: LogColumns | null, rows: number): EventTable {
  return {
    columns: ['caseId', 'day', 'event', 'channel', 'level', 'type', 'parties', 'size'],
    rows: cols ? rows : 0,
    value(row: number, col: number): number | string {
      const l = cols!;
      switch (col) {
        case 0:
          return l.caseId[row];
        case 1:
          return l.day[row];
        case 2:
          return EVENT_NAMES[l.event[row]];
        case 3:
          return CHANNEL_NAMES[l.channel[row]];
        case 4:
          return LEVEL_NAMES[l.level[row]];
        case 5:
          return TYPE_NAMES[l.type[row]];
        case 6:
          return PARTIES_NAMES[l.parties[row]];
        default:
          return l.size[row];
      }
    },
  };
}
