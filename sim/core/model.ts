/**
 * The Model interface: the only door between a model in sim/ and the rest of govsim (workers, CLI,
 * views, tests). A model is created from a parsed scenario's params and a seed, advanced with `step`,
 * and read through `series`, `summary` and `frame`. `snapshot`/`restore` checkpoint the whole state,
 * random streams included, so a restored run continues with the same bytes.
 */
import type { TypedArray } from './columns';
import type { MetricsRecorder } from './metrics';
import type { ShardHosting } from './shards';

/** What a view needs to draw one moment of a run. Arrays are fresh copies, safe to transfer. */
export interface Frame {
  model: string;
  step: number;
  /** Small named numbers: sizes and counts. */
  meta: Record<string, number>;
  /** Named typed arrays, owned by the frame. */
  arrays: Record<string, TypedArray>;
}

/** Run summary: named numbers, plus nested records or lists of numbers where a metric has parts. */
export type SummaryValue = number | number[] | { [k: string]: number };
export type Summary = Record<string, SummaryValue>;

/** A checkpoint: plain data (typed arrays, numbers, objects), structured-cloneable. */
export type ModelSnapshot = { model: string; time: number; state: unknown };

/** A table read cell by cell, e.g. a case-event log (one row per case event). */
export interface EventTable {
  columns: string[];
  rows: number;
  value(row: number, col: number): number | string;
}

export interface Model {
  /** The model's registry name, e.g. "epstein". */
  readonly modelName: string;
  /** Steps done so far. */
  readonly time: number;
  /** Advance `n` steps (default 1), recording one metrics row per step. */
  step(n?: number): void;
  /** The per-step time series: one row per step done, columns in a fixed order. */
  series(): MetricsRecorder;
  /** Run summary over the steps done so far. */
  summary(): Summary;
  frame(): Frame;
  snapshot(): ModelSnapshot;
  restore(s: ModelSnapshot): void;
  /** The case-event log, for models that keep one (switched on by a scenario param). */
  caseLog?(): EventTable;
  /** Release what the model holds beyond its own memory (threads running its shards: sim/core/shards.ts). */
  dispose?(): void;
}

export interface ModelFactory<P> {
  readonly name: string;
  /** `hosting` lets a model that runs in shards spread them over threads (sim/core/shards.ts). */
  create(params: P, seed: number, hosting?: ShardHosting): Model;
}
