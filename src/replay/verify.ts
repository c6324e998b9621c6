/**
 * `govsim verify DIR`: check a result folder against its manifest without running anything.
 *
 * Every file the manifest lists must be there with the SHA-256 it records, and the output hash must be
 * the one over those hashes (a manifest edited by hand shows here). The embedded scenario must have the
 * recorded scenario hash. A batch folder has more to check, because its manifest covers only the
 * aggregates: plan.json against the manifest's planHash, every run file in runs/ against its own
 * checksum, every series/<id>.csv against its run's output hash (the hash `govsim run` gives, over the
 * series and the summary, which is rebuilt from the run's metrics), and the aggregates rebuilt from the
 * run files against the files on disk, so runs.csv cannot disagree with the runs it summarises.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { aggregateFiles } from '../batch/aggregate';
import { runCount, type Plan } from '../batch/design';
import { RunStore, type RunRecord } from '../batch/store';
import { formatFromCommand, wantsCsv } from '../output/format';
import { canonicalJson, outputHashInput } from '../output/hash';
import { ENGINE_VERSION } from '../version';
import { readPlan, readResultFolder, type ResultFolder } from './folder';

export interface Problem {
  /** Path inside the folder. */
  file: string;
  problem: string;
}

export interface VerifyReport {
  folder: ResultFolder;
  /** Files whose bytes were checked. */
  checked: number;
  problems: Problem[];
  /** What could not be checked, and why (a folder from an older govsim). */
  notes: string[];
}

/** SHA-256 of a file, read a megabyte at a time (a long run's series can be larger than memory). */
export function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n: number; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function verifyFolder(dir: string): Promise<VerifyReport> {
  const folder = readResultFolder(dir);
  const report: VerifyReport = { folder, checked: 0, problems: [], notes: [] };
  const m = folder.manifest;
  checkListed(dir, m.files, report);
  if (sha256(outputHashInput(m.files)) !== m.outputHash) {
    report.problems.push({ file: 'manifest.json', problem: 'its outputHash is not the hash over the files it lists (the manifest was edited)' });
  }
  if (folder.type === 'run') {
    const s = folder.manifest.resolvedScenario;
    if (!s) report.notes.push('manifest.json holds no resolvedScenario (written by an older govsim): the folder cannot be replayed');
    else if (sha256(canonicalJson(s)) !== folder.manifest.scenarioHash) {
      report.problems.push({ file: 'manifest.json', problem: 'its resolvedScenario does not have its scenarioHash (the manifest was edited)' });
    }
    return report;
  }
  await verifyBatch(dir, folder.manifest, report);
  return report;
}

/** Each listed file: present, and with the recorded hash. */
function checkListed(dir: string, files: Record<string, string>, report: VerifyReport): void {
  for (const [name, expected] of Object.entries(files)) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      report.problems.push({ file: name, problem: 'missing (manifest.json lists it)' });
      continue;
    }
    report.checked++;
    if (hashFile(path) !== expected) report.problems.push({ file: name, problem: 'its SHA-256 differs from the one in manifest.json (changed since it was written)' });
  }
}

async function verifyBatch(dir: string, m: Extract<ResultFolder, { type: 'batch' }>['manifest'], report: VerifyReport): Promise<void> {
  const { text, plan } = readPlan(dir);
  report.checked++;
  if (m.planHash === undefined) report.notes.push('manifest.json has no planHash (written by an older govsim): plan.json is checked only against the runs');
  else if (sha256(text) !== m.planHash) {
    report.problems.push({ file: 'plan.json', problem: 'its SHA-256 differs from planHash in manifest.json (changed since it was written)' });
  }
  plan.scenarios.forEach((s, i) => {
    if (!s.resolved) report.notes.push(`plan.json: scenario ${i + 1} has no resolved scenario (written by an older govsim): the folder cannot be replayed`);
    else if (sha256(canonicalJson(s.resolved)) !== s.scenarioHash) {
      report.problems.push({ file: 'plan.json', problem: `scenario ${i + 1}'s resolved scenario does not have its scenarioHash (edited)` });
    }
  });

  const store = new RunStore(dir);
  const records: RunRecord[] = [];
  for (let id = 0; id < runCount(plan); id++) {
    const file = relative(dir, store.runPath(id));
    const loaded = store.read(id);
    if ('missing' in loaded) {
      report.problems.push({ file, problem: `missing (plan.json has ${runCount(plan)} runs)` });
      continue;
    }
    report.checked++;
    if ('problem' in loaded) {
      report.problems.push({ file, problem: loaded.problem });
      continue;
    }
    records.push(loaded.record);
    if (plan.series && loaded.record.status === 'ok') checkSeries(dir, store, plan, loaded.record, report);
  }
  if (records.length !== runCount(plan)) return;
  if (m.engineVersion !== ENGINE_VERSION) {
    report.notes.push(`written by govsim ${m.engineVersion}, this is ${ENGINE_VERSION}: the aggregates were not rebuilt from the runs to compare`);
    return;
  }
  // The aggregates as this folder's runs give them: what runs.csv, summary.json (...) and the manifest must be.
  // In the folder's format: the Parquet tables' hashes (checked above against their files) go into the
  // manifest as the batch wrote them.
  const written = Object.fromEntries(Object.entries(m.files).filter(([name]) => name.endsWith('.parquet')));
  const rebuilt = await aggregateFiles(plan, records, { csv: wantsCsv(formatFromCommand(plan.command)), written });
  for (const [name, want] of Object.entries(rebuilt)) {
    const path = join(dir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') !== want) {
      report.problems.push({ file: name, problem: 'differs from what the run files in runs/ give (the runs and the aggregates disagree)' });
    }
  }
}

/** series/<id>.csv against its run's output hash: the hash over the series and the run's summary.json. */
function checkSeries(dir: string, store: RunStore, plan: Plan, r: RunRecord, report: VerifyReport): void {
  const path = store.seriesPath(r.run);
  const file = relative(dir, path);
  if (!existsSync(path)) {
    report.problems.push({ file, problem: 'missing (the batch was run with --series)' });
    return;
  }
  report.checked++;
  const s = plan.scenarios[plan.points[r.point].scenario];
  // summary.json as src/output/run.ts summaryText writes it; the record keeps its metrics.
  const summary = JSON.stringify({ model: s.model, scenario: s.name, seed: r.seed, steps: r.steps, metrics: r.metrics }, null, 2) + '\n';
  const hashes = { 'timeseries.csv': hashFile(path), 'summary.json': sha256(summary) };
  if (sha256(outputHashInput(hashes)) !== r.outputHash) {
    report.problems.push({ file, problem: `does not give run ${r.run}'s output hash (changed since it was written)` });
  }
}

/** Files in DIR (not in subfolders) that the checks above do not cover. */
export function uncovered(report: VerifyReport): string[] {
  const f = report.folder;
  const known = new Set([...Object.keys(f.manifest.files), 'manifest.json', ...(f.type === 'batch' ? ['plan.json'] : [])]);
  return readdirSync(f.dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !known.has(e.name))
    .map((e) => e.name);
}
