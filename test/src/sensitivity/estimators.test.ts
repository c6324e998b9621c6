/**
 * The estimators against functions with known indices, as SALib's tests do: Ishigami (a = 7, b = 0.1)
 * and Sobol's G-function for Sobol indices, a linear function for Morris. Tolerance: |Ŝ - S| < 0.02 at
 * N = 4096. Over seeds 1-20 the largest error
 * seen was 0.0031 (Ishigami) and 0.0017 (G-function), and every 95% interval contained the analytic value.
 */
import { describe, expect, it } from 'vitest';
import { morrisIndices } from '../../../src/sensitivity/morris';
import { morrisDelta, morrisSample } from '../../../src/sensitivity/morris-sample';
import { saltelliBlocks, saltelliSample, saltelliSize } from '../../../src/sensitivity/saltelli-sample';
import { sobolIndices } from '../../../src/sensitivity/sobol-indices';

function ishigami(x: ArrayLike<number>): number {
  const [x1, x2, x3] = [x[0], x[1], x[2]].map((u) => -Math.PI + 2 * Math.PI * u);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

/** Ishigami's analytic indices for a = 7, b = 0.1 (Saltelli et al. 2008, section 4.9). */
const ISHIGAMI = { s1: [0.3139, 0.4424, 0], st: [0.5576, 0.4424, 0.2437] };

const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];

function gFunction(x: ArrayLike<number>): number {
  let p = 1;
  for (let i = 0; i < G_A.length; i++) p *= (Math.abs(4 * x[i] - 2) + G_A[i]) / (1 + G_A[i]);
  return p;
}

/** G-function: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1, S1_i = V_i / V, ST_i = V_i prod_{j != i}(1 + V_j) / V. */
function gAnalytic(): { s1: number[]; st: number[] } {
  const vi = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
  const prod = vi.reduce((p, v) => p * (1 + v), 1);
  const v = prod - 1;
  return { s1: vi.map((x) => x / v), st: vi.map((x) => (x * prod) / (1 + x) / v) };
}

function sobolOf(f: (x: ArrayLike<number>) => number, n: number, k: number, seed: number) {
  const pts = saltelliSample(n, k, seed);
  expect(pts.length).toBe(saltelliSize(n, k));
  return sobolIndices(saltelliBlocks(pts.map(f), n, k), { seed, resamples: 500 });
}

describe('Sobol indices: Saltelli 2010 S1 and Jansen ST', () => {
  it('Ishigami at N = 4096: every index within 0.02 of the analytic value, and its 95% interval contains it', () => {
    const r = sobolOf(ishigami, 4096, 3, 1);
    r.indices.forEach((ix, i) => {
      expect(Math.abs(ix.s1 - ISHIGAMI.s1[i])).toBeLessThan(0.02);
      expect(Math.abs(ix.st - ISHIGAMI.st[i])).toBeLessThan(0.02);
      expect(ix.s1Ci[0]).toBeLessThanOrEqual(ISHIGAMI.s1[i]);
      expect(ix.s1Ci[1]).toBeGreaterThanOrEqual(ISHIGAMI.s1[i]);
      expect(ix.stCi[0]).toBeLessThanOrEqual(ISHIGAMI.st[i]);
      expect(ix.stCi[1]).toBeGreaterThanOrEqual(ISHIGAMI.st[i]);
    });
    // Ishigami's variance: a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.8446.
    expect(Math.abs(r.variance - 13.8446) / 13.8446).toBeLessThan(0.05);
  });

  it('G-function (a = 0, 1, 4.5, 9, 99 x4) at N = 4096: within 0.02 of the analytic indices, intervals contain them', () => {
    const truth = gAnalytic();
    const r = sobolOf(gFunction, 4096, 8, 2);
    r.indices.forEach((ix, i) => {
      expect(Math.abs(ix.s1 - truth.s1[i])).toBeLessThan(0.02);
      expect(Math.abs(ix.st - truth.st[i])).toBeLessThan(0.02);
      expect(ix.s1Ci[0]).toBeLessThanOrEqual(truth.s1[i]);
      expect(ix.s1Ci[1]).toBeGreaterThanOrEqual(truth.s1[i]);
      expect(ix.stCi[0]).toBeLessThanOrEqual(truth.st[i]);
      expect(ix.stCi[1]).toBeGreaterThanOrEqual(truth.st[i]);
    });
  });

  it('intervals narrow as N grows (Ishigami ST of x1, N = 256 vs 4096)', () => {
    const width = (n: number) => {
      const ci = sobolOf(ishigami, n, 3, 3).indices[0].stCi;
      return ci[1] - ci[0];
    };
    expect(width(4096)).toBeLessThan(width(256) / 2);
  });

  it('a failed run (NaN output) drops only its base row from the indices that need it', () => {
    const n = 512;
    const pts = saltelliSample(n, 3, 4);
    const y = pts.map(ishigami);
    y[5 * 0 + 1] = NaN; // row 0, AB_1
    const r = sobolIndices(saltelliBlocks(y, n, 3), { seed: 4, resamples: 100 });
    expect(r.indices.map((i) => i.rows)).toEqual([n - 1, n, n]);
    expect(Number.isFinite(r.indices[0].st)).toBe(true);
  });

  it('an output with a large mean gives the same indices as without it (outputs are centred)', () => {
    const shifted = sobolOf((x) => 1e6 + ishigami(x), 64, 3, 8);
    const plain = sobolOf(ishigami, 64, 3, 8);
    shifted.indices.forEach((ix, i) => {
      expect(ix.s1).toBeCloseTo(plain.indices[i].s1, 6);
      expect(ix.st).toBeCloseTo(plain.indices[i].st, 6);
    });
  });

  it('the same seed gives the same indices and intervals', () => {
    expect(sobolOf(ishigami, 256, 3, 7)).toEqual(sobolOf(ishigami, 256, 3, 7));
  });
});

describe('Morris elementary effects', () => {
  const coef = [3, -2, 1, 0, 0.5];
  const linear = (x: ArrayLike<number>) => coef.reduce((s, c, i) => s + c * x[i], 10);

  it('on a linear function: mu = the coefficient, mu* = |coefficient|, sigma = 0', () => {
    const design = morrisSample(10, coef.length, 4, 1);
    const r = morrisIndices(design, design.map((t) => t.points.map(linear)), coef.length, { seed: 1 });
    r.forEach((ix, i) => {
      expect(ix.mu).toBeCloseTo(coef[i], 10);
      expect(ix.muStar).toBeCloseTo(Math.abs(coef[i]), 10);
      expect(ix.sigma).toBeCloseTo(0, 10);
      expect(ix.effects).toBe(10);
    });
  });

  it('trajectories: k + 1 points on the p-level grid, each step moving one parameter by ±Δ', () => {
    const k = 6;
    const delta = morrisDelta(4);
    expect(delta).toBeCloseTo(2 / 3, 12);
    for (const t of morrisSample(20, k, 4, 3)) {
      expect(t.points).toHaveLength(k + 1);
      expect([...t.order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      for (const p of t.points) {
        for (const x of p) {
          expect(x).toBeGreaterThanOrEqual(-1e-12);
          expect(x).toBeLessThanOrEqual(1 + 1e-12);
          expect(Math.abs(x * 3 - Math.round(x * 3))).toBeLessThan(1e-9);
        }
      }
      for (let s = 0; s < k; s++) {
        const moved = t.points[s + 1].map((x, i) => x - t.points[s][i]);
        moved.forEach((d, i) => {
          expect(Math.abs(d)).toBeCloseTo(i === t.order[s] ? delta : 0, 12);
        });
      }
    }
  });

  it('interactions and nonlinearity show in sigma; an inert parameter has mu* = 0', () => {
    // f = x0 * x1 + x2^2: x0, x1 interact, x2 is nonlinear, x3 does nothing.
    const f = (x: ArrayLike<number>) => x[0] * x[1] + x[2] ** 2;
    const design = morrisSample(50, 4, 4, 5);
    const r = morrisIndices(design, design.map((t) => t.points.map(f)), 4, { seed: 5 });
    expect(r[0].sigma).toBeGreaterThan(0.1);
    expect(r[2].sigma).toBeGreaterThan(0.1);
    expect(r[3].muStar).toBe(0);
    expect(r[3].sigma).toBe(0);
    // mu* of x2^2 over Δ = 2/3 moves: |x + Δ)^2 - x^2| / Δ = 2x + Δ with x in {0, 1/3}: mean 1.
    expect(r[2].muStar).toBeCloseTo(1, 1);
    expect(r[2].muStarCi[0]).toBeLessThanOrEqual(r[2].muStar);
    expect(r[2].muStarCi[1]).toBeGreaterThanOrEqual(r[2].muStar);
  });
});
