/** One finished run of a batch, as DIR/runs/<id>.json holds it (store.ts reads and writes the files). Types only. */
import type { Summary } from '../../sim/core/model';
import type { Value } from './design';

export interface RunRecord {
  run: number;
  point: number;
  seed: number;
  /** Label of the point's scenario (comparisons). */
  scenario?: string;
  /** The varied settings of the run's point. */
  params: Record<string, Value>;
  steps: number;
  /** Hash of what defines the run (scenario, seed, steps): a record with another key is not this run. */
  key: string;
  status: 'ok' | 'failed';
  /** The model's summary metrics (status ok). */
  metrics?: Summary;
  /** The output hash of the run's own manifest: `govsim run` with the same settings gives the same. */
  outputHash?: string;
  /** Why the run failed (status failed). */
  error?: string;
  /** SHA-256 of the record's JSON without this field (see recordChecksum); set when saved. */
  checksum?: string;
}
