/**
 * The batch folder on disk:
 *
 *   DIR/plan.json          what the batch runs (kind, scenarios, seeds, design, points)
 *   DIR/runs/<id>.json     one finished run each: its point, seed, parameters, metrics or error
 *   DIR/series/<id>.csv    each run's time series (with --series)
 *   DIR/runs.csv, DIR/summary.json, DIR/manifest.json (+ compare.csv, compare.json; runs.parquet and
 *   series.parquet with --format parquet|both)
 *                          aggregates, rebuilt from the run files once every run is done
 *
 * Every file is written atomically (temporary file, then rename), and a run's series is written before
 * its record, so a record's presence means the run is complete: a killed batch loses at most the runs
 * in flight, and --resume redoes exactly those. Run files hold nothing that depends on timing or on the
 * worker, which is why a resumed batch ends with the same bytes as an uninterrupted one.
 *
 * Each run file carries `checksum`, a SHA-256 over the rest of its record: a file edited or damaged
 * since it was written (valid JSON, a metric changed) does not check out, so --resume runs it again and
 * merge refuses it, instead of publishing numbers the model never produced.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../output/hash';
import type { Plan } from './design';
import type { RunRecord } from './record';
import { writeFileAtomic } from '../io/files';

// RunRecord lives in record.ts (types only), so that pure modules (metrics, src/sensitivity) can name it
// without reaching this file's Node imports; re-exported here.
export type { RunRecord } from './record';

/** What reading a run file found: a record that checks out, nothing, or a file that cannot be trusted. */
export type Loaded = { record: RunRecord } | { missing: true } | { problem: string };

/** File name of run `id`: zero-padded so that a directory listing sorts in id order. */
export function runFileName(id: number): string {
  return String(id).padStart(6, '0');
}

export class RunStore {
  constructor(readonly dir: string) {}

  get planPath(): string {
    return join(this.dir, 'plan.json');
  }

  runPath(id: number): string {
    return join(this.dir, 'runs', `${runFileName(id)}.json`);
  }

  seriesPath(id: number): string {
    return join(this.dir, 'series', `${runFileName(id)}.csv`);
  }

  readPlanText(): string | undefined {
    return existsSync(this.planPath) ? readFileSync(this.planPath, 'utf8') : undefined;
  }

  writePlan(plan: Plan): void {
    writeFileAtomic(this.planPath, planText(plan));
  }

  /** The saved record of run `id`, or undefined when there is none or it does not check out. */
  load(id: number): RunRecord | undefined {
    const r = this.read(id);
    return 'record' in r ? r.record : undefined;
  }

  /** Read run `id`'s file and check it: its JSON, its run number and its checksum. */
  read(id: number): Loaded {
    let text: string;
    try {
      text = readFileSync(this.runPath(id), 'utf8');
    } catch {
      return { missing: true };
    }
    let r: RunRecord;
    try {
      r = JSON.parse(text) as RunRecord;
    } catch {
      return { problem: 'not valid JSON (cut short?)' };
    }
    if (!r || typeof r !== 'object' || r.run !== id) return { problem: `it does not hold run ${id}` };
    if (typeof r.checksum !== 'string') return { problem: 'it has no checksum (written by an older govsim, or edited)' };
    if (recordChecksum(r) !== r.checksum) return { problem: 'its content does not match its checksum (edited or damaged since it was written)' };
    return { record: r };
  }

  /** Whether run `id` is saved, finished without error, for the same definition (and with its series if needed). */
  isDone(id: number, key: string, series: boolean): boolean {
    const r = this.load(id);
    return !!r && r.key === key && r.status === 'ok' && (!series || existsSync(this.seriesPath(id)));
  }

  save(record: RunRecord, seriesCsv?: string): void {
    if (seriesCsv !== undefined) writeFileAtomic(this.seriesPath(record.run), seriesCsv);
    writeFileAtomic(this.runPath(record.run), recordText(record));
  }

  /** Remove temporary files left by a process killed mid-write (ours end in `.<pid>.tmp`). */
  removeStaleTemporaries(): void {
    for (const sub of ['', 'runs', 'series']) {
      const d = join(this.dir, sub);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) if (/\.\d+\.tmp$/.test(f)) unlinkSync(join(d, f));
    }
  }
}

/**
 * Whether two plans define the same runs. The recorded command line is left out, so that `--seeds=1..9`
 * and `--seeds 1..9`, or flags in another order, can resume or merge each other's runs.
 */
export function samePlan(a: Plan, b: Plan): boolean {
  return canonicalJson({ ...a, command: null }) === canonicalJson({ ...b, command: null });
}

export function planText(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

/** The text of a run file: the record with its checksum, computed here (any checksum given is replaced). */
export function recordText(record: RunRecord): string {
  const { checksum: _, ...rest } = record;
  return JSON.stringify({ ...rest, checksum: recordChecksum(rest) }, null, 2) + '\n';
}

/** SHA-256 over the record's JSON without its checksum, keys in the order they were written. */
export function recordChecksum(record: RunRecord): string {
  const { checksum: _, ...rest } = record;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
