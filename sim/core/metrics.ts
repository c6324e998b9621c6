/**
 * Metrics recorder: one row of named numbers per step, stored column-wise in growable Float64Arrays.
 * Writers (CSV, charts) read the columns; the model only appends.
 */
export class MetricsRecorder {
  private data: Float64Array[];
  private capacity = 256;
  rows = 0;

  constructor(readonly names: readonly string[]) {
    this.data = names.map(() => new Float64Array(this.capacity));
  }

  /** Append one row; `values` is in the order of `names`. */
  record(values: ArrayLike<number>): void {
    if (values.length !== this.names.length) {
      throw new Error(`metrics row has ${values.length} values, expected ${this.names.length}`);
    }
    if (this.rows === this.capacity) this.grow();
    for (let c = 0; c < this.data.length; c++) this.data[c][this.rows] = values[c];
    this.rows++;
  }

  /** The live part of one column (a view, not a copy). */
  column(name: string): Float64Array {
    const c = this.names.indexOf(name);
    if (c < 0) throw new Error(`no metric named ${name}`);
    return this.data[c].subarray(0, this.rows);
  }

  /** Value of metric `name` at row `r`. */
  at(name: string, r: number): number {
    return this.column(name)[r];
  }

  snapshot(): { rows: number; columns: Float64Array[] } {
    return { rows: this.rows, columns: this.data.map((d) => d.slice(0, this.rows)) };
  }

  restore(s: { rows: number; columns: Float64Array[] }): void {
    this.capacity = Math.max(256, s.rows);
    this.data = s.columns.map((col) => {
      const d = new Float64Array(this.capacity);
      d.set(col);
      return d;
    });
    this.rows = s.rows;
  }

  private grow(): void {
    this.capacity *= 2;
    this.data = this.data.map((d) => {
      const n = new Float64Array(this.capacity);
      n.set(d);
      return n;
    });
  }
}
