/**
 * Resource bounds: a scenario's estimate (sim/core/estimate.ts) against a memory limit, before anything
 * of the run is allocated. Pure (no Node APIs), so the CLI (src/cli/memory.ts: free memory or
 * --max-memory) and the browser (web/bounds.ts: a fixed budget) refuse with the same words.
 *
 * What is refused: bytes over the limit (naming the parts and the fields that drive them, their values
 * and the limit), JavaScript heap over the engine's heap limit, and what no limit allows (the estimate's
 * `hard` list: typed arrays or indices beyond 32 bits). Work is never refused: a long run is reported
 * with its estimated time (check prints it; run notes it when it is over a minute), as a long run on a
 * cluster may be exactly what was meant.
 */
import type { Estimate } from '../../sim/core/estimate';
import { estimateModel } from '../../sim/registry';
import type { Scenario } from './schema';

export interface MemoryLimit {
  /** Bytes every run at once may hold together. */
  bytes: number;
  /** What the limit is, e.g. "90% of free memory (7.1 GB)" or "--max-memory 4GB". */
  what: string;
  /** How to change it, e.g. "set another with --max-memory SIZE". */
  hint: string;
  /** JavaScript heap the engine allows (Node: V8's heap limit), when known. */
  heapBytes?: number;
  /** Runs held at once (batch workers), each needing the estimate's bytes; default 1. */
  copies?: number;
  /** Why there are several, e.g. "--workers 4". */
  copiesWhy?: string;
}

/** The scenario's estimate for `steps` steps and the problems that refuse it under `limit` (if any). */
export function checkBounds(scenario: Scenario, steps: number, limit?: MemoryLimit): { estimate: Estimate; problems: string[] } {
  const estimate = estimateModel(scenario.model, scenario.params, steps);
  const problems = estimate.hard.map((h) => `too large: ${h}`);
  // What no limit allows is the whole answer; the memory it would need adds nothing to act on.
  if (limit && problems.length === 0) {
    const copies = Math.max(1, limit.copies ?? 1);
    const need = estimate.bytes * copies;
    if (need > limit.bytes) {
      const times = copies > 1 ? ` x ${copies} runs at once (${limit.copiesWhy ?? 'workers'})` : '';
      problems.push(
        `needs memory ~ ${formatBytes(estimate.bytes)}${times}, more than the limit of ${formatBytes(limit.bytes)} (${limit.what}; ${limit.hint}): ${describeParts(estimate)}`,
      );
    }
    // Runs at once in a batch are worker threads, each with its own heap: the limit is per run.
    else if (limit.heapBytes !== undefined && estimate.heapBytes > limit.heapBytes) {
      const heapParts = estimate.parts.filter((p) => p.heap);
      problems.push(
        `needs JavaScript heap ~ ${formatBytes(estimate.heapBytes)}, more than the engine's heap limit of ${formatBytes(limit.heapBytes)} (node --max-old-space-size=MB raises it): ${heapParts.map((p) => `${p.what} ${formatBytes(p.heap ?? 0)} (${p.how})`).join('; ')}`,
      );
    }
  }
  return { estimate, problems };
}

/** The largest parts of an estimate with the fields that size them, e.g. "agents 4.1 GB (...)". */
export function describeParts(e: Estimate): string {
  const shown = [];
  let covered = 0;
  for (const p of e.parts) {
    if (shown.length && covered >= 0.9 * e.bytes) break;
    covered += p.bytes;
    shown.push(`${p.what} ${formatBytes(p.bytes)} (${p.how})`);
  }
  return shown.join('; ');
}

/** One line: memory, work and time, output, and what drives the memory. */
export function formatEstimate(e: Estimate): string {
  // The largest part that a scenario field sizes (not the fixed tables of a small run).
  const top = e.parts.find((p) => p.drivers.length > 0);
  return (
    `memory ~ ${formatBytes(e.bytes)}, work ~ ${formatCount(e.work)} ${e.workUnit} (${formatSeconds(estimatedSeconds(e))} on one core), ` +
    `output ~ ${formatBytes(e.outputBytes)}${top ? ` (mostly ${top.what}: ${top.how})` : ''}`
  );
}

/** Seconds the run should take on one core at the README's measured rates (set-up included). */
export function estimatedSeconds(e: Estimate): number {
  return e.seconds;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in binary units (1 KB = 1024 B), e.g. "512 MB", "3.9 GB". */
export function formatBytes(n: number): string {
  let u = 0;
  let v = n;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 || v >= 100 ? Math.round(v) : Number(v.toPrecision(2))} ${UNITS[u]}`;
}

/** A count in the form people read quickly: 120, 4,500, 3.2e9. */
export function formatCount(n: number): string {
  return n < 1e6 ? Math.round(n).toLocaleString('en') : n.toExponential(1).replace('e+', 'e');
}

export function formatSeconds(s: number): string {
  if (s < 1) return 'under 1 s';
  if (s < 90) return `~${Math.round(s)} s`;
  if (s < 90 * 60) return `~${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `~${Number((s / 3600).toPrecision(2))} h`;
  return `~${Number((s / 86400).toPrecision(2))} days`;
}

const FACTORS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * A size as typed on a command line: plain bytes ("1000000", "1e9") or a number with a binary unit,
 * K, M, G or T, optionally followed by B or iB ("512MB", "4GB", "1.5g", "2GiB"); undefined if it is
 * none of these or not above zero.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  if (!m || (m[3] && !m[2] && m[3].toLowerCase() !== 'b')) return undefined;
  const bytes = Math.floor(Number(m[1]) * FACTORS[m[2].toLowerCase()]);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}
