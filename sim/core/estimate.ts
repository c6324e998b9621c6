/**
 * Resource estimates: what a scenario will need before anything of it is allocated. Each model's
 * `estimate(params, steps)` counts, from its own allocations, the bytes its typed arrays and tables
 * reach at their peak and the work of the run, and says which scenario fields drive them. The CLI and
 * the browser compare the estimate with a memory limit and refuse what exceeds it, naming the fields
 * (src/scenario/bounds.ts); `hard` lists what no memory limit could allow (a typed array longer than an
 * engine allows, an index beyond 32 bits), so that such a scenario is refused by name, never by a crash.
 *
 * The byte counts are meant as an upper-ish bound on the big arrays (test/sim/estimate.test.ts measures
 * them against the allocations of real models): growable tables are counted at their capacity after
 * growing, plus the copy a growth makes while it runs.
 */

/** A scenario field and its value, e.g. { path: 'params.width', value: 10000 }. */
export interface Driver {
  path: string;
  value: number | string | boolean;
}

/** One part of the estimate: what holds the memory, its bytes and the fields that size it. */
export interface EstimatePart {
  /** What it is, e.g. "agents and lattice". */
  what: string;
  bytes: number;
  /** How the fields give its size, e.g. "params.width x params.height = 10,000 x 10,000 cells". */
  how: string;
  drivers: Driver[];
  /** Of `bytes`: JavaScript heap objects (arrays of numbers), not typed-array memory. */
  heap?: number;
}

export interface Estimate {
  /** Peak bytes the model holds: typed arrays, tables and the per-step series (sum of parts). */
  bytes: number;
  /** Of `bytes`: JavaScript heap objects (not typed-array memory), limited separately by the engine. */
  heapBytes: number;
  parts: EstimatePart[];
  /** Amount of work in `workUnit`s (see each model's estimate for its meaning). */
  work: number;
  workUnit: string;
  /**
   * Rough seconds on one core: set-up plus the work at the README's measured throughput, plus what
   * the model's structure costs beside the work (e.g. governance villages); for a message, not a promise.
   */
  seconds: number;
  /** The fields that drive the biggest parts, the biggest part first. */
  drivers: Driver[];
  /** Bytes of the output files the run writes (timeseries.csv; cases.csv when the case log is on). */
  outputBytes: number;
  /** What no memory limit allows: each a message naming the fields, their values and the limit. */
  hard: string[];
}

/** The longest typed array (elements) engines create: V8's limit, 2^32 (Chromium's may be lower). */
export const MAX_TYPED_LENGTH = 4294967296;

/** Capacity of a table that starts at `initial` rows and doubles when full, once it holds `rows`. */
export function doubledCapacity(rows: number, initial: number): number {
  let cap = Math.max(1, initial);
  while (cap < rows) cap *= 2;
  return cap;
}

/**
 * Peak bytes of a metrics recorder (sim/core/metrics.ts) of `columns` Float64 columns after `steps`
 * rows: capacity doubles from 256, and while it grows the old columns and the new (twice as long) are
 * both alive, so the peak is 1.5 times the final capacity.
 */
export function seriesBytes(columns: number, steps: number): number {
  return 1.5 * doubledCapacity(steps, 256) * columns * 8;
}

/** Decimal digits of a whole number >= 0. */
export function digits(n: number): number {
  return String(Math.floor(Math.max(0, n))).length;
}

/** Sum the parts and list the drivers of the largest parts that together hold 90% of the bytes. */
export function finish(
  parts: EstimatePart[],
  rest: Omit<Estimate, 'bytes' | 'heapBytes' | 'parts' | 'drivers'>,
): Estimate {
  const sorted = parts.filter((p) => p.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  const bytes = sorted.reduce((s, p) => s + p.bytes, 0);
  const drivers: Driver[] = [];
  let covered = 0;
  for (const p of sorted) {
    if (covered >= 0.9 * bytes) break;
    covered += p.bytes;
    for (const d of p.drivers) if (!drivers.some((x) => x.path === d.path)) drivers.push(d);
  }
  const heapBytes = sorted.reduce((s, p) => s + (p.heap ?? 0), 0);
  return { bytes, heapBytes, parts: sorted, drivers, ...rest };
}
