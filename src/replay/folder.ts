/**
 * A result folder as `govsim verify` and `govsim replay` read it: its manifest.json, which says whether
 * the folder holds one run (`govsim run`) or a batch (batch, sweep, compare, sensitivity: it has a
 * `kind`), and for a batch its plan.json. Anything that is not such a folder is refused with a message
 * that names the path and what was expected.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../batch/design';
import type { Manifest } from '../output/run';
import type { Scenario } from '../scenario/schema';

/** An input the user can fix: a path that is not a result folder, or a folder that cannot be replayed. */
export class FolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderError';
  }
}

/** The manifest of a batch folder (src/batch/aggregate.ts), as far as verify and replay read it. */
export interface BatchManifest {
  engine: 'govsim';
  engineVersion: string;
  kind: Plan['kind'];
  command: string[];
  scenarios: { name: string; scenarioHash: string; resolved?: Scenario }[];
  files: Record<string, string>;
  outputHash: string;
  /** Absent in folders written before plan.json was pinned. */
  planHash?: string;
}

export type ResultFolder = { dir: string; type: 'run'; manifest: Manifest } | { dir: string; type: 'batch'; manifest: BatchManifest };

/** Read DIR/manifest.json and tell a run folder from a batch folder. */
export function readResultFolder(dir: string): ResultFolder {
  if (!existsSync(dir)) throw new FolderError(`${dir}: no such folder; give the --out folder of govsim run, batch, sweep, compare or sensitivity`);
  if (!statSync(dir).isDirectory()) throw new FolderError(`${dir}: is a file, not a folder; give the --out folder of a govsim run or batch`);
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    const hint = existsSync(join(dir, 'plan.json'))
      ? ' (it has a plan.json: an unfinished or sharded batch; finish it with --resume, or merge the shards, first)'
      : '';
    throw new FolderError(`${dir}: no manifest.json here${hint}; give the --out folder of a finished govsim run or batch`);
  }
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new FolderError(`${path}: not valid JSON (cut short or edited?)`);
  }
  const o = m as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.engine !== 'govsim' || !o.files || typeof o.files !== 'object' || typeof o.outputHash !== 'string') {
    throw new FolderError(`${path}: not a govsim manifest (it needs "engine": "govsim", "files" and "outputHash")`);
  }
  return typeof o.kind === 'string' ? { dir, type: 'batch', manifest: o as unknown as BatchManifest } : { dir, type: 'run', manifest: o as unknown as Manifest };
}

/** A batch folder's plan.json: its text and value, or a FolderError naming what is wrong. */
export function readPlan(dir: string): { text: string; plan: Plan } {
  const path = join(dir, 'plan.json');
  if (!existsSync(path)) throw new FolderError(`${path}: missing; a batch folder keeps the plan of its runs there`);
  const text = readFileSync(path, 'utf8');
  try {
    return { text, plan: JSON.parse(text) as Plan };
  } catch {
    throw new FolderError(`${path}: not valid JSON (cut short or edited?)`);
  }
}
