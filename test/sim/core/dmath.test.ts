import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { cospi, exp, log, pow, sinpi } from '../../../sim/core/dmath';

// Distance in ulps: doubles mapped to integers in the order of their values (+0 and -0 both to 0).
const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);
function ordered(x: number): bigint {
  F[0] = x;
  const v = B[0];
  return v < 0n ? -(v & 0x7fffffffffffffffn) : v;
}
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}
/** A double with uniformly random bits (finite only), for coverage of every binade. */
function anyDouble(u: () => number): number {
  for (;;) {
    F[0] = 0;
    B[0] = (BigInt(Math.floor(u() * 2 ** 32)) << 32n) | BigInt(Math.floor(u() * 2 ** 32));
    if (Number.isFinite(F[0])) return F[0];
  }
}

/** Max ulp error of f against ref over the inputs (and the worst input, for the message). */
function worst(inputs: number[], f: (x: number) => number, ref: (x: number) => number): [number, number] {
  let max = 0;
  let at = Number.NaN;
  for (const x of inputs) {
    const e = ulps(f(x), ref(x));
    if (e > max) {
      max = e;
      at = x;
    }
  }
  return [max, at];
}

const rng = seedrandom.alea('dmath-test');
const u = () => rng();
const N = 200_000;
const uniform = (lo: number, hi: number) => Array.from({ length: N }, () => lo + (hi - lo) * u());

describe('exp', () => {
  it('is within 1 ulp of Math.exp over the ranges the models use and the whole domain', () => {
    const inputs = [
      ...uniform(-1, 1),
      ...uniform(-50, 50),
      ...uniform(-745.2, 709.8),
      ...uniform(-1e-6, 1e-6),
      ...uniform(-745.2, -708), // subnormal results
      ...Array.from({ length: N }, () => anyDouble(u)).filter((x) => Math.abs(x) < 800),
    ];
    const [max, at] = worst(inputs, exp, Math.exp);
    expect(max, `worst at ${at}`).toBeLessThanOrEqual(1);
  });
  it('gives exactly what Math.exp gives on special values', () => {
    for (const x of [0, -0, 1, -1, NaN, Infinity, -Infinity, 709.782712893384, 709.7827128933841, -745.1332191019411,
      -745.1332191019412, 1e-300, -1e-300, 5e-324, 2 ** -28, -(2 ** -28), 1e308, -1e308]) {
      expect(Object.is(exp(x), Math.exp(x)), `exp(${x}) = ${exp(x)}, Math: ${Math.exp(x)}`).toBe(true);
    }
  });
});

describe('log', () => {
  it('is within 1 ulp of Math.log over every binade, subnormals included', () => {
    const inputs = [
      ...uniform(0, 1),
      ...uniform(0.9, 1.1),
      ...uniform(1 - 1e-6, 1 + 1e-6),
      ...uniform(1, 1000),
      ...Array.from({ length: N }, () => Math.abs(anyDouble(u))),
      ...Array.from({ length: 20_000 }, () => u() * 2 ** -1022), // subnormals
    ];
    const [max, at] = worst(inputs, log, Math.log);
    expect(max, `worst at ${at}`).toBeLessThanOrEqual(1);
  });
  it('gives exactly what Math.log gives on special values', () => {
    for (const x of [0, -0, 1, -1, 2, 0.5, Math.E, NaN, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE,
      2 ** -1022, 1 - 2 ** -53, 1 + 2 ** -52]) {
      expect(Object.is(log(x), Math.log(x)), `log(${x}) = ${log(x)}, Math: ${Math.log(x)}`).toBe(true);
    }
  });
});

describe('pow', () => {
  it('is within 1 ulp of Math.pow for the models\' shapes (u^a, (1+g)^t) and random pairs', () => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < N; i++) pairs.push([u(), 0.05 + 20 * u()]); // trait draws u^shape
    for (let i = 0; i < N; i++) pairs.push([1 + 0.2 * (u() - 0.5), 100 * u()]); // growth over years
    for (let i = 0; i < N; i++) pairs.push([1000 * u(), 200 * (u() - 0.5)]);
    for (let i = 0; i < N; i++) pairs.push([Math.abs(anyDouble(u)), 4 * (u() - 0.5)]);
    for (let i = 0; i < N; i++) pairs.push([-50 * u(), Math.round(60 * (u() - 0.5))]); // negative base, integer y
    for (let i = 0; i < 20_000; i++) pairs.push([1 + (u() - 0.5) * 2 ** -30, (u() - 0.5) * 2 ** 40]); // |y| > 2^31
    for (let i = 0; i < 20_000; i++) pairs.push([u() * 2 ** -1022, 0.5 + u()]); // subnormal x
    for (let i = 0; i < 20_000; i++) pairs.push([0.5 + u(), -1074 / Math.log2(0.5 + u()) + (u() - 0.5)]); // edge of underflow
    let max = 0;
    let at = '';
    for (const [x, y] of pairs) {
      const e = ulps(pow(x, y), Math.pow(x, y));
      if (e > max) {
        max = e;
        at = `${x} ** ${y}`;
      }
    }
    expect(max, `worst at ${at}`).toBeLessThanOrEqual(1);
  });
  it('is exact for integer powers of small integers', () => {
    for (let b = -20; b <= 20; b++) {
      for (let e = -10; e <= 30; e++) {
        const want = b ** e;
        if (Math.abs(want) < 2 ** 53 && Number.isInteger(want)) expect(pow(b, e)).toBe(want);
      }
    }
    expect(pow(10, 22)).toBe(1e22);
  });
  it('gives exactly what Math.pow gives on every pair of special values', () => {
    const xs = [0, -0, 1, -1, 2, -2, 0.5, -0.5, NaN, Infinity, -Infinity, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE];
    const ys = [0, -0, 1, -1, 2, -2, 0.5, -0.5, 3, -3, 1.5, NaN, Infinity, -Infinity, 2 ** 31 + 1, 2 ** 64 + 2 ** 12, 1e300, -1e300, 5e-324];
    for (const x of xs) {
      for (const y of ys) {
        expect(Object.is(pow(x, y), Math.pow(x, y)), `pow(${x}, ${y}) = ${pow(x, y)}, Math: ${Math.pow(x, y)}`).toBe(true);
      }
    }
  });
});

/** cos(pi x) and sin(pi x) from Math with pi x carried as a double-double: p + e. */
function piX(x: number): [number, number] {
  const p = Math.PI * x;
  // e = pi x - p, to double precision: Dekker product of Math.PI and x plus the tail of pi.
  const split = (a: number) => {
    const c = 134217729 * a;
    const h = c - (c - a);
    return [h, a - h];
  };
  const [ph, pt] = split(Math.PI);
  const [xh, xt] = split(x);
  const e = ph * xh - p + ph * xt + pt * xh + pt * xt + 1.2246467991473532e-16 * x;
  return [p, e];
}
const refCos = (x: number) => {
  const [p, e] = piX(x);
  return Math.cos(p) - Math.sin(p) * e;
};
const refSin = (x: number) => {
  const [p, e] = piX(x);
  return Math.sin(p) + Math.cos(p) * e;
};

describe('cospi and sinpi', () => {
  it('are within 2 ulps of cos(pi x), sin(pi x) (Math with pi x carried exactly) over Box-Muller\'s range', () => {
    const inputs = [...uniform(0, 2), ...uniform(-1000, 1000)];
    expect(worst(inputs, cospi, refCos)[0]).toBeLessThanOrEqual(2);
    expect(worst(inputs, sinpi, refSin)[0]).toBeLessThanOrEqual(2);
  });
  it('are exact at multiples of a half and follow Math on non-finite values', () => {
    expect(cospi(0)).toBe(1);
    expect(cospi(0.5)).toBe(0);
    expect(cospi(1)).toBe(-1);
    expect(cospi(1.5)).toBe(0);
    expect(cospi(-3)).toBe(-1);
    expect(cospi(2 ** 60)).toBe(1);
    expect(sinpi(0.5)).toBe(1);
    expect(sinpi(-0.5)).toBe(-1);
    expect(Object.is(sinpi(-0), -0)).toBe(true);
    expect(Object.is(sinpi(2), 0)).toBe(true);
    expect(sinpi(1.5)).toBe(-1);
    expect(cospi(0.25)).toBe(Math.SQRT1_2);
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(cospi(x)).toBeNaN();
      expect(sinpi(x)).toBeNaN();
    }
  });
  it('are close to Math.cos(2 * Math.PI * v), the form random.ts used', () => {
    for (const v of uniform(0, 1).slice(0, 10_000)) expect(Math.abs(cospi(2 * v) - Math.cos(2 * Math.PI * v))).toBeLessThan(1e-15);
  });
});
