import { describe, expect, it } from 'vitest';
import { ci95, mean, median, quantile, sd } from '../../src/stats/descriptive';
import { normalCdf, tCdf, tQuantile } from '../../src/stats/distributions';
import { exactUPValue, mannWhitney, pairedDifference, ranks, rateComparison, varghaDelaneyA, wilsonInterval } from '../../src/stats/tests';

describe('descriptive statistics', () => {
  // Hand computation for xs = 2 4 4 4 5 5 7 9 (n = 8):
  //   mean = 40 / 8 = 5; squared deviations 9 1 1 1 0 0 4 16 sum to 32; sample variance 32 / 7;
  //   sd = sqrt(32/7) = 2.1380899...; t(0.975, 7) = 2.364624 (t table);
  //   half-width = 2.364624 * 2.1380899 / sqrt(8) = 2.364624 * 0.7559289 = 1.787488; interval [3.212512, 6.787488].
  //   Sorted, type-7 quantiles: q = 0.25 -> h = 1.75 -> 4 + 0.75 (4 - 4) = 4; q = 0.9 -> h = 6.3 -> 7 + 0.3 (9 - 7) = 7.6;
  //   median = (4 + 5) / 2 = 4.5.
  const xs = [9, 4, 2, 4, 5, 4, 7, 5];

  it('mean, sample sd, median and type-7 quantiles', () => {
    expect(mean(xs)).toBe(5);
    expect(sd(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(median(xs)).toBe(4.5);
    expect(quantile(xs, 0.25)).toBe(4);
    expect(quantile(xs, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantile(xs, 0)).toBe(2);
    expect(quantile(xs, 1)).toBe(9);
  });

  it('ci95 uses Student t with n - 1 degrees of freedom', () => {
    const c = ci95(xs);
    expect(c.n).toBe(8);
    expect(c.mean).toBe(5);
    expect(c.lo).toBeCloseTo(3.212512, 5);
    expect(c.hi).toBeCloseTo(6.787488, 5);
  });

  it('is undefined (NaN) where the sample is too small', () => {
    expect(mean([])).toBeNaN();
    expect(sd([3])).toBeNaN();
    const c = ci95([3]);
    expect(c.mean).toBe(3);
    expect(c.lo).toBeNaN();
  });
});

describe('distributions', () => {
  it('normalCdf matches published values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
  });

  it('tQuantile matches t tables to 1e-6', () => {
    // [p, df, published quantile]
    const table: [number, number, number][] = [
      [0.975, 1, 12.7062047361747],
      [0.975, 2, 4.30265272974946],
      [0.975, 5, 2.57058183563631],
      [0.975, 7, 2.36462425159278],
      [0.975, 10, 2.22813885198627],
      [0.975, 30, 2.04227245630124],
      [0.995, 5, 4.03214298355523],
      [0.95, 3, 2.35336343480182],
      [0.9, 20, 1.32534078], // t table: 1.325
    ];
    for (const [p, df, t] of table) expect(Math.abs(tQuantile(p, df) - t)).toBeLessThan(1e-6);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.22813885198627, 10);
  });

  it('tQuantile agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1 is the Cauchy: t = tan(pi (p - 1/2)); df = 2: t = (2p - 1) / sqrt(2 p (1 - p)).
    for (const p of [0.55, 0.7, 0.9, 0.99, 0.999]) {
      expect(tQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(tQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
      expect(tCdf(tQuantile(p, 17), 17)).toBeCloseTo(p, 12);
    }
  });

  it('approaches the normal for large df', () => {
    expect(Math.abs(tQuantile(0.975, 1e6) - 1.959963984540054)).toBeLessThan(1e-5);
  });
});

describe('two-sample tests', () => {
  it('ranks ties with the average rank', () => {
    expect(ranks([1, 2, 2, 2, 3, 3, 4, 5])).toEqual([1, 3, 3, 3, 5.5, 5.5, 7, 8]);
  });

  it('Mann-Whitney without ties: exact p', () => {
    // a = 1 2 3, b = 4 5 6: no a beats any b, so U = 0; P(U <= 0) = 1 / C(6, 3) = 1/20, two-sided 0.1.
    // Normal z: mu = 4.5, var = 3 * 3 * 7 / 12 = 5.25, z = -(4.5 - 0.5) / sqrt(5.25) = -1.745743.
    const r = mannWhitney([1, 2, 3], [4, 5, 6]);
    expect(r.u).toBe(0);
    expect(r.p).toBeCloseTo(0.1, 12);
    expect(r.z).toBeCloseTo(-1.745743, 6);
    // a = 1 3 5 7, b = 2 4 6 8 10: U = 0 + 1 + 2 + 3 = 6; 26 of the C(9,4) = 126 arrangements have U <= 6,
    // so p = 2 * 26/126 = 0.412698 (R: wilcox.test gives W = 6, p-value = 0.4127).
    expect(mannWhitney([1, 3, 5, 7], [2, 4, 6, 8, 10]).p).toBeCloseTo(52 / 126, 12);
    expect(exactUPValue(10, 4, 5)).toBeCloseTo(1, 12); // the centre: capped at 1
  });

  it('Mann-Whitney with ties: tie-corrected variance and continuity correction', () => {
    // a = 1 2 2 3, b = 2 3 4 5. Pooled ranks: 1 -> 1; the three 2s -> 3; the two 3s -> 5.5; 4 -> 7; 5 -> 8.
    // R_a = 1 + 3 + 3 + 5.5 = 12.5, U = 12.5 - 4 * 5 / 2 = 2.5. mu = 8.
    // Ties: 3^3 - 3 + 2^3 - 2 = 30; var = (16 / 12) (9 - 30 / 56) = 11.285714.
    // z = -(|2.5 - 8| - 0.5) / sqrt(11.285714) = -1.488351; p = 2 Phi(-1.488351) = 0.13666 (R: 0.1367).
    const r = mannWhitney([1, 2, 2, 3], [2, 3, 4, 5]);
    expect(r.u).toBe(2.5);
    expect(r.z).toBeCloseTo(-1.488351, 6);
    expect(r.p).toBeCloseTo(0.13666, 4);
  });

  it('Vargha-Delaney A counts wins plus half the ties', () => {
    // Same samples: a beats b in 1 pair (3 > 2) and ties 3 (2=2, 2=2, 3=3): (1 + 1.5) / 16 = 0.15625.
    expect(varghaDelaneyA([1, 2, 2, 3], [2, 3, 4, 5])).toBe(0.15625);
    expect(varghaDelaneyA([2, 3, 4, 5], [1, 2, 2, 3])).toBe(1 - 0.15625);
    expect(varghaDelaneyA([1, 1], [1, 1])).toBe(0.5);
  });

  it('pairedDifference is the t interval of the per-pair differences', () => {
    // d = (5-4, 7-4, 9-8) = 1 3 1: mean 5/3; sd = sqrt(((2/3)^2 + (4/3)^2 + (2/3)^2) / 2) = sqrt(4/3) = 1.154701;
    // half = t(0.975, 2) sd / sqrt 3 = 4.302653 * 0.666667 = 2.868435; interval [-1.201768, 4.535102].
    const d = pairedDifference([5, 7, 9], [4, 4, 8]);
    expect(d.mean).toBeCloseTo(5 / 3, 12);
    expect(d.sd).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(d.lo).toBeCloseTo(-1.201768, 5);
    expect(d.hi).toBeCloseTo(4.535102, 5);
    expect(() => pairedDifference([1], [1, 2])).toThrow(/differ in length/);
  });

  it('wilsonInterval', () => {
    // 8 of 10, z = 1.96: centre = (0.8 + 0.192073) / 1.384146 = 0.716743;
    // half = (1.959964 / 1.384146) sqrt(0.016 + 0.0096037) = 0.226577 -> [0.490166, 0.943321].
    const w = wilsonInterval(8, 10);
    expect(w.estimate).toBe(0.8);
    expect(w.lo).toBeCloseTo(0.490166, 5);
    expect(w.hi).toBeCloseTo(0.943321, 5);
    const z = wilsonInterval(0, 20);
    expect(z.lo).toBe(0);
    expect(z.hi).toBeCloseTo(0.161130, 5); // z^2 / (n + z^2) = 3.841459 / 23.841459
  });
});

describe('rate comparison of rare-event counts', () => {
  it('gives the exact binomial tail', () => {
    // 9 events against 0: P(X >= 9 | n = 9) = 1/512.
    expect(rateComparison(9, 0).p).toBeCloseTo(1 / 512, 12);
    // 5 against 2: P(X >= 5 | n = 7) = (21 + 7 + 1) / 128 = 29/128.
    expect(rateComparison(5, 2).p).toBeCloseTo(29 / 128, 12);
    // No events at all: no evidence.
    expect(rateComparison(0, 0).p).toBe(1);
  });
});
