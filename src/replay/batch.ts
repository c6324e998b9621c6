/**
 * What re-running a batch folder needs, read from the folder itself: its plan.json (checked against the
 * manifest's planHash) and, for every point, the scenario to run: the plan's resolved scenario with the
 * point's values applied and the point's steps set, which is the scenario the original run parsed.
 */
import { createHash } from 'node:crypto';
import { assignments, type Plan } from '../batch/design';
import { applyOverrides } from '../scenario/overrides';
import { type BatchManifest, FolderError, readPlan } from './folder';

export interface ReplayJob {
  plan: Plan;
  /** Raw scenario of each point. */
  raws: unknown[];
  /** Each point's name in messages. */
  sources: string[];
}

export function replayJob(dir: string, m: BatchManifest): ReplayJob {
  const { text, plan } = readPlan(dir);
  if (m.planHash !== undefined && createHash('sha256').update(text).digest('hex') !== m.planHash) {
    throw new FolderError(`${dir}/plan.json: its SHA-256 differs from planHash in manifest.json (changed since the batch ran); not replayed`);
  }
  const missing = plan.scenarios.findIndex((s) => !s.resolved);
  if (missing >= 0) {
    throw new FolderError(
      `${dir}/plan.json: scenario ${missing + 1} has no resolved scenario (written by an older govsim), so the batch cannot be replayed; run its command again instead: govsim ${plan.command.join(' ')}`,
    );
  }
  const raws: unknown[] = [];
  const sources: string[] = [];
  plan.points.forEach((p, i) => {
    const base = plan.scenarios[p.scenario].resolved!;
    const a = assignments(p.values);
    // The point's steps go into the scenario: they are --steps, or else the scenario's own.
    raws.push({ ...(a.length ? applyOverrides(base, a, '--grid') : base), steps: p.steps });
    sources.push(`${dir} point ${i}`);
  });
  return { plan, raws, sources };
}
