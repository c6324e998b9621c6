/**
 * A Sobol low-discrepancy sequence (Sobol 1967; Bratley & Fox 1988, Gray-code order), the base sample
 * of Saltelli's design (saltelli-sample.ts).
 *
 * Dimension 1 is the van der Corput sequence in base 2; dimensions 2-21 use the primitive polynomials
 * and initial direction numbers of Joe & Kuo (2008, "new-joe-kuo-6.21201", chosen for good
 * two-dimensional projections). Further dimensions (a Saltelli design needs two per parameter, so 112
 * society parameters need 224) use the next primitive polynomials over GF(2) in the same order (by
 * degree, then by the coefficients read as a binary number) with initial direction numbers drawn from a
 * seeded stream: any odd m_k < 2^k gives a valid Sobol sequence, only its projections are less tuned
 * than Joe & Kuo's search made them.
 *
 * The points are randomised by a digital shift (each coordinate's bits XOR a random word, drawn from the
 * stream `govsim/sobol/<seed>`), which keeps the net structure, makes the estimate unbiased, and lets a
 * different seed give an independent replicate. No Math.random: the same seed gives the same points on
 * every machine.
 */
import { Stream } from '../../sim/core/random';

/** Bits per coordinate: up to 2^BITS points, and every value an exact double. */
const BITS = 30;
export const MAX_SOBOL_POINTS = 2 ** BITS;

/** Joe & Kuo (2008) for dimensions 2-21: degree s, coefficients a (middle bits, highest first), initial m. */
const JOE_KUO: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
];

/** Whether x^s + (a's bits) + 1 over GF(2) is primitive: x has order 2^s - 1 modulo it. */
export function isPrimitive(s: number, a: number): boolean {
  const poly = (1 << s) | (a << 1) | 1;
  const period = (1 << s) - 1;
  let x = 1;
  for (let k = 1; k <= period; k++) {
    x <<= 1;
    if (x & (1 << s)) x ^= poly;
    if (x === 1) return k === period;
  }
  return false;
}

/** Primitive polynomials in order (degree, then a), as [s, a]; degree 0 excluded. */
function* primitivePolynomials(): Generator<[number, number]> {
  for (let s = 1; s <= 20; s++) for (let a = 0; a < 1 << (s - 1); a++) if (isPrimitive(s, a)) yield [s, a];
}

/** Direction numbers v[d][k] (k = 0..BITS-1) for `dims` dimensions; extra dimensions' m drawn from `stream`. */
export function directionNumbers(dims: number, stream: Stream): Uint32Array[] {
  const out: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = 1 << (BITS - 1 - k);
  out.push(first);
  if (dims <= 1) return out.slice(0, dims);
  const polys = primitivePolynomials();
  let tableRow = 0;
  while (out.length < dims) {
    const [s, a] = polys.next().value as [number, number];
    let m: number[];
    if (tableRow < JOE_KUO.length) {
      const [ts, ta, tm] = JOE_KUO[tableRow++];
      if (ts !== s || ta !== a) throw new Error(`Sobol table out of step: row ${tableRow} is (${ts}, ${ta}), expected (${s}, ${a})`);
      m = [...tm];
    } else {
      // Any odd m_k < 2^k (k counted from 1) is valid.
      m = Array.from({ length: s }, (_, i) => 2 * stream.int(2 ** i) + 1);
    }
    const v = new Uint32Array(BITS);
    for (let k = 0; k < Math.min(s, BITS); k++) v[k] = m[k] << (BITS - 1 - k);
    for (let k = s; k < BITS; k++) {
      let x = v[k - s] ^ (v[k - s] >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j];
      v[k] = x;
    }
    out.push(v);
  }
  return out;
}

/**
 * The first `n` points of a `dims`-dimensional digitally shifted Sobol sequence, each in [0, 1)^dims,
 * in Gray-code order (point i differs from point i-1 by one direction number per dimension). The
 * shift is drawn from the stream `govsim/sobol/<seed>`.
 */
export function sobolPoints(n: number, dims: number, seed: number): Float64Array[] {
  if (!(n >= 0 && n <= MAX_SOBOL_POINTS)) throw new Error(`a Sobol sample of ${n} points; allowed: 0 to ${MAX_SOBOL_POINTS}`);
  const stream = new Stream(`govsim/sobol/${seed}`);
  const shift = Array.from({ length: dims }, () => stream.int(MAX_SOBOL_POINTS));
  const v = directionNumbers(dims, stream);
  const x = new Uint32Array(dims);
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // The lowest zero bit of i - 1 says which direction number changes.
      let c = 0;
      while (((i - 1) >>> c) & 1) c++;
      for (let d = 0; d < dims; d++) x[d] ^= v[d][c];
    }
    const p = new Float64Array(dims);
    for (let d = 0; d < dims; d++) p[d] = ((x[d] ^ shift[d]) >>> 0) / MAX_SOBOL_POINTS;
    out.push(p);
  }
  return out;
}
