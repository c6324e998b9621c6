/**
 * Metric names and values of run records, flattened for tables: shared by aggregate.ts and compare.ts.
 */
import type { Summary } from '../../sim/core/model';
import type { RunRecord } from './record';

export type FlatMetrics = Record<string, number | number[]>;

/** Metrics with nested records flattened: `{resolvedByLevel: {grid: 3}}` -> `resolvedByLevel.grid: 3`. */
export function flattenMetrics(summary: Summary | undefined): FlatMetrics {
  const out: FlatMetrics = {};
  if (!summary) return out;
  for (const name of Object.keys(summary)) {
    const v = summary[name];
    if (typeof v === 'number' || Array.isArray(v)) out[name] = v;
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) out[`${name}.${k}`] = v[k];
  }
  return out;
}

/** Metric names in order of first appearance over the runs in id order (models list them in a fixed order). */
export function metricNames(records: readonly RunRecord[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const r of records) {
    for (const n of Object.keys(flattenMetrics(r.metrics))) {
      if (!seen.has(n)) {
        seen.add(n);
        names.push(n);
      }
    }
  }
  return names;
}
