/**
 * Column stores: structure-of-arrays storage for agents and cases.
 *
 * One typed array per attribute, indexed by entity id, so the daily loop walks contiguous memory and a
 * snapshot is a handful of buffer copies. No object per agent.
 */
export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

export type TypedArrayCtor =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int8ArrayConstructor
  | Uint8ArrayConstructor;

export type ColumnSpec = Record<string, TypedArrayCtor>;
export type Columns<S extends ColumnSpec> = { [K in keyof S]: InstanceType<S[K]> };

export interface ColumnSnapshot {
  length: number;
  columns: Record<string, TypedArray>;
}

/**
 * A growable table of typed-array columns. `length` rows are live; capacity doubles when full.
 * Columns are re-bound on growth, so hot loops should read `store.cols.x` once per pass, not cache it
 * across `add` calls.
 */
export class ColumnStore<S extends ColumnSpec> {
  cols: Columns<S>;
  length = 0;
  private capacity: number;

  constructor(
    private readonly spec: S,
    initialCapacity = 16,
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.cols = allocate(spec, this.capacity);
  }

  /** Append a zeroed row and return its index. */
  add(): number {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    return this.length++;
  }

  /** Make room for at least `n` rows without changing `length`. */
  reserve(n: number): void {
    if (n > this.capacity) this.grow(n);
  }

  /** Bytes held by the columns (capacity, not just live rows). */
  get bytes(): number {
    let b = 0;
    for (const k of Object.keys(this.cols)) b += (this.cols[k] as TypedArray).byteLength;
    return b;
  }

  snapshot(): ColumnSnapshot {
    const columns: Record<string, TypedArray> = {};
    for (const k of Object.keys(this.spec).sort()) {
      columns[k] = (this.cols[k] as TypedArray).slice(0, this.length);
    }
    return { length: this.length, columns };
  }

  restore(s: ColumnSnapshot): void {
    this.capacity = Math.max(1, s.length);
    this.cols = allocate(this.spec, this.capacity);
    for (const k of Object.keys(this.spec)) (this.cols[k] as TypedArray).set(s.columns[k]);
    this.length = s.length;
  }

  private grow(capacity: number): void {
    const next = allocate(this.spec, capacity);
    for (const k of Object.keys(this.spec)) {
      (next[k] as TypedArray).set((this.cols[k] as TypedArray).subarray(0, this.length));
    }
    this.cols = next;
    this.capacity = capacity;
  }
}

function allocate<S extends ColumnSpec>(spec: S, n: number): Columns<S> {
  const cols = {} as Columns<S>;
  for (const k of Object.keys(spec) as (keyof S)[]) {
    cols[k] = new spec[k](n) as InstanceType<S[keyof S]>;
  }
  return cols;
}

/** A typed array of `a`'s type, `n` long (zeros). */
export function emptyLike<T extends TypedArray>(a: T, n: number): T {
  return new (a.constructor as new (n: number) => T)(n);
}

/** The arrays one after the other, in one typed array of the first one's type. */
export function concatArrays<T extends TypedArray>(parts: readonly T[]): T {
  const out = emptyLike(parts[0], parts.reduce((s, a) => s + a.length, 0));
  let at = 0;
  for (const a of parts) {
    out.set(a as never, at);
    at += a.length;
  }
  return out;
}
