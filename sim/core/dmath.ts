/**
 * Deterministic transcendental functions: exp, log, pow, and sin/cos of pi times x.
 *
 * ECMAScript leaves Math.exp, Math.log, Math.pow, Math.sin, Math.cos ... "implementation-approximated":
 * Node's and Chromium's V8 differ by an ulp on some inputs, and one ulp through a random draw is enough
 * to make long runs part ways. These versions use only what every engine rounds identically (IEEE-754
 * + - * /, Math.sqrt, Math.floor/round/abs/trunc, integer bit operations and Float64Array/Int32Array
 * views of the same bytes), so they give the same bits everywhere. sim/ must use them (the lint step
 * forbids the Math ones there; see README "Lint, rules and mutation testing").
 *
 * exp, log and pow are ports of fdlibm's e_exp.c, e_log.c and e_pow.c (FreeBSD msun versions), and the
 * sin/cos kernels of k_sin.c and k_cos.c; error < 1 ulp. Their notice, as it asks:
 *
 *   Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunSoft, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted, provided that
 *   this notice is preserved.
 *
 * Special values follow ECMAScript's Math (which differs from C's pow: pow(1, NaN) and
 * pow(+-1, +-Infinity) are NaN, as in Math.pow).
 *
 * Instead of sin and cos, sinpi(x) = sin(pi x) and cospi(x) = cos(pi x): the model's only use is
 * Box-Muller's cos(2 pi v), and with a multiple of pi the argument reduction is exact (no Payne-Hanek
 * tables), the result is closer to the true value, and cospi(0.5) is exactly 0.
 */

// Views of one double's bytes: the high word holds sign, exponent and the top 20 mantissa bits.
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second
const LO = 1 - HI;

function fromWords(hi: number, lo: number): number {
  I32[HI] = hi;
  I32[LO] = lo;
  return F64[0];
}

/** 2^k for integer k in [-1022, 1023], exact (built by doubling and halving, so no pow is needed). */
const POW2 = new Float64Array(2046);
{
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) POW2[k + 1022] = v;
  v = 1;
  for (let k = 0; k >= -1022; k--, v /= 2) POW2[k + 1022] = v;
}
const TWO_M1000 = POW2[-1000 + 1022];
const TWO_M54 = POW2[-54 + 1022];
const TWO_1023 = POW2[1023 + 1022];

// ---------------------------------------------------------------------------------------------------
// exp

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000: k * LN2_HI is exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const EXP_OVER = 7.09782712893383973096e2;
const EXP_UNDER = -7.45133219101941108420e2;
// fdlibm's branch points, which it tests on the high word; as doubles: |x| >= these.
const HALF_LN2_UP = fromWords(0x3fd62e43, 0); // |x| > 0.5 ln2 (high word > 0x3fd62e42)
const THREE_HALF_LN2 = fromWords(0x3ff0a2b2, 0); // |x| < 1.5 ln2
const TWO_M28 = fromWords(0x3e300000, 0);

/** e^x, within 1 ulp; exp(1) is Math.E. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > EXP_OVER) return Infinity;
  if (x < EXP_UNDER) return 0;
  if (x === 1) return Math.E; // fdlibm's own result is 1 ulp above
  const ax = Math.abs(x);
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax >= HALF_LN2_UP) {
    if (ax < THREE_HALF_LN2) {
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < TWO_M28) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_1023;
    return y * POW2[k + 1022];
  }
  return y * POW2[k + 1000 + 1022] * TWO_M1000;
}

// ---------------------------------------------------------------------------------------------------
// log

const TWO_54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, within 1 ulp. */
export function log(x: number): number {
  F64[0] = x;
  let hx = I32[HI];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, NaN with the sign bit, or subnormal
    if (x === 0) return -Infinity;
    if (!(x > 0)) return NaN;
    k -= 54;
    x *= TWO_54;
    F64[0] = x;
    hx = I32[HI];
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  const e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  // Normalise x or x/2 into [sqrt(2)/2, sqrt(2)): fdlibm rewrites the exponent bits; multiplying by
  // the power of two is the same exact result and avoids a store-forwarding stall (half-word store,
  // whole-word load), which made this log four times slower than Math.log.
  const up = e + (i0 >> 20); // in [-1022, 1024]
  const f = (up > 1022 ? x * TWO_M1000 * POW2[1000 - up + 1022] : x * POW2[1022 - up]) - 1;
  k += up;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const i = (hx - 0x6147a) | (0x6b851 - hx);
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

// ---------------------------------------------------------------------------------------------------
// pow

const DP_H1 = 5.84962487220764160156e-1;
const DP_L1 = 1.35003920212974897128e-8;
const TWO_53 = 9007199254740992;
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const LG2_ = 6.93147180559945286227e-1;
const LG2_H = 6.93147182464599609375e-1;
const LG2_L = -1.90465429995776804525e-9;
const OVT = 8.0085662595372944372e-17;
const CP = 9.61796693925975554329e-1;
const CP_H = 9.61796700954437255859e-1;
const CP_L = -7.02846165095275826516e-9;
const IVLN2 = 1.44269504088896338700e0;
const IVLN2_H = 1.44269502162933349609e0;
const IVLN2_L = 1.92596299112661746887e-8;

/** x with its low 32 bits cleared. */
function clearLow(x: number): number {
  F64[0] = x;
  I32[LO] = 0;
  return F64[0];
}

/** x^y for real y, within 1 ulp; exact for integer powers of integers that fit. Special cases as Math.pow. */
export function pow(x: number, y: number): number {
  F64[0] = x;
  const hx = I32[HI];
  const lx = I32[LO] >>> 0;
  F64[0] = y;
  const hy = I32[HI];
  const ly = I32[LO] >>> 0;
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if (y === 0) return 1; // also for x NaN
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN; // ECMAScript: pow(1, NaN) is NaN too

  // yisint: 0 y not an integer, 1 odd integer, 2 even integer (only needed for x < 0)
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y is +-Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (+-1)^+-Infinity: NaN in ECMAScript
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x| > 1)^+-Infinity = Infinity, 0
      return hy < 0 ? -y : 0; // (|x| < 1)^-+Infinity = Infinity, 0
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = +-1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x >= +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is +-0, +-Infinity, +-1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = NaN; // (-1)^non-integer
      else if (yisint === 1) z = -z; // (x < 0)^odd = -(|x|^odd)
    }
    return z;
  }

  if (hx < 0 && yisint === 0) return NaN; // (x < 0)^non-integer
  const s = hx < 0 && yisint === 1 ? -1 : 1; // sign of the result

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: must overflow or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * Infinity : s * 0;
    if (ix > 0x3ff00000) return hy > 0 ? s * Infinity : s * 0;
    // |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLow(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO_53;
      n -= 53;
      F64[0] = ax;
      ix = I32[HI];
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a) k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    F64[0] = ax;
    I32[HI] = ix;
    ax = F64[0];

    // ss = s_h + s_l = (x - 1) / (x + 1) or (x - 1.5) / (x + 1.5)
    const bp = k === 0 ? 1 : 1.5;
    const u0 = ax - bp;
    const v0 = 1 / (ax + bp);
    const ss = u0 * v0;
    const sH = clearLow(ss);
    const tH0 = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // high part of ax + bp
    const tL0 = ax - (tH0 - bp);
    const sL = v0 * (u0 - sH * tH0 - sH * tL0);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    const tH = clearLow(3 + s2 + r);
    const tL = r - (tH - 3 - s2);
    // u + v = ss (1 + ...)
    const u = sH * tH;
    const v = sL * tH + tL * ss;
    // 2 / (3 log 2) (ss + ...)
    const pH = clearLow(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + (k === 0 ? 0 : DP_L1);
    // log2(ax) = (ss + ...) 2 / (3 log 2) = n + dp_h + z_h + z_l
    const dpH = k === 0 ? 0 : DP_H1;
    const t = n;
    t1 = clearLow(zH + zL + dpH + t);
    t2 = zL - (t1 - t - dpH - zH);
  }

  // (y1 + y2) (t1 + t2), y split into y1 + y2
  const y1 = clearLow(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  F64[0] = z;
  let j = I32[HI];
  const i = I32[LO];
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0) return s * Infinity;
    if (pL + OVT > z - pH) return s * Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * 0;
    if (pL <= z - pH) return s * 0;
  }

  // 2^(pH + pL)
  const i2 = j & 0x7fffffff;
  let k = (i2 >> 20) - 0x3ff;
  let n = 0;
  if (i2 > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = clearLow(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2_ + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tt1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tt1) / (tt1 - 2) - (w + z * w);
  z = 1 - (r - z);
  F64[0] = z;
  j = I32[HI] + (n << 20);
  if (j >> 20 <= 0) {
    // subnormal result: z 2^n with one rounding (z 2^(n+54) is exact and normal)
    return s * (n + 54 >= -1022 ? z * POW2[n + 54 + 1022] * TWO_M54 : 0);
  }
  I32[HI] = j;
  return s * F64[0];
}

// ---------------------------------------------------------------------------------------------------
// sin(pi x), cos(pi x)

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;
const PI_HI = Math.PI; // 0x400921fb 54442d18, the double nearest pi
const PI_LO = 1.2246467991473532e-16; // pi - PI_HI
const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
const PI_SPLIT = SPLIT * PI_HI;
const PI_HI_H = PI_SPLIT - (PI_SPLIT - PI_HI); // PI_HI's top 26 bits
const PI_HI_T = PI_HI - PI_HI_H; // and the rest, so that PI_HI_H * yh etc. are exact

/** sin of a + b, |a + b| <= pi/4, b a tail below a's last bit (fdlibm __kernel_sin). */
function kSin(a: number, b: number): number {
  const z = a * a;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * a;
  return a - (z * (0.5 * b - v * r) - b - v * S1);
}

/** cos of a + b, |a + b| <= pi/4 (fdlibm __kernel_cos). */
function kCos(a: number, b: number): number {
  const z = a * a;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + (z * r - a * b));
}

// The reduced argument pi * y (|y| <= 1/4) as a double-double, left in these (no allocation).
let redHi = 0;
let redLo = 0;

/** pi * y as redHi + redLo: Dekker's exact product of PI_HI and y, plus PI_LO * y. */
function timesPi(y: number): void {
  const p = PI_HI * y;
  const c = SPLIT * y;
  const yh = c - (c - y);
  const yt = y - yh;
  const e = PI_HI_H * yh - p + PI_HI_H * yt + PI_HI_T * yh + PI_HI_T * yt;
  const tail = e + PI_LO * y;
  redHi = p + tail;
  redLo = tail - (redHi - p);
}

/**
 * Quadrant of |x| in half-units: |x| = n / 2 + y with n an integer and |y| <= 1/4 (exact: n / 2 and
 * |x| are close enough for the subtraction to be exact). Returns n mod 4; y goes to `redY`.
 */
let redY = 0;
function quadrant(ax: number): number {
  const n = Math.round(2 * ax);
  redY = ax - n / 2;
  // n can exceed 2^53 only when ax >= 2^52, where ax is an integer or half-integer and y = 0.
  return n < 4294967296 ? n & 3 : (n - 4 * Math.floor(n / 4)) & 3;
}

/** cos(pi x), within 1 ulp of the true value; exactly 0 at half-integers, +-1 at integers. */
export function cospi(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return NaN;
  if (ax >= TWO_53) return 1; // an even integer
  const q = quadrant(ax);
  const y = redY;
  if (y === 0) return q === 0 ? 1 : q === 2 ? -1 : 0;
  timesPi(y);
  switch (q) {
    case 0:
      return kCos(redHi, redLo);
    case 1:
      return -kSin(redHi, redLo);
    case 2:
      return -kCos(redHi, redLo);
    default:
      return kSin(redHi, redLo);
  }
}

/** sin(pi x), within 1 ulp of the true value; exactly +-0 at integers (sign of x), +-1 at half-integers. */
export function sinpi(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return NaN;
  if (ax === 0) return x; // keeps -0
  if (ax >= TWO_53) return x < 0 ? -0 : 0; // an even integer
  const q = quadrant(ax);
  const y = redY;
  let r: number;
  if (y === 0) r = q === 1 ? 1 : q === 3 ? -1 : 0;
  else {
    timesPi(y);
    switch (q) {
      case 0:
        r = kSin(redHi, redLo);
        break;
      case 1:
        r = kCos(redHi, redLo);
        break;
      case 2:
        r = -kSin(redHi, redLo);
        break;
      default:
        r = -kCos(redHi, redLo);
    }
  }
  return x < 0 ? -r : r;
}
