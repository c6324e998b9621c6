import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  holm,
  normalQuantile,
  oneSampleT,
  pairedT,
  poissonCdf,
  seedsForPower,
  signedRankDistribution,
  tost,
  wilcoxonSignedRank,
} from '../../../src/stats/paired';

// R's `?wilcox.test` example (Hollander & Wolfe 1973, p. 29: depression scale before and after therapy):
//   x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
//   y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
//   wilcox.test(x, y, paired = TRUE, alternative = "greater")  ->  V = 40, p-value = 0.01953
// By hand: the differences' absolute values rank 0.01 (1), 0.08 (2), 0.147 (3), ... 1.022 (9); the two
// negative ones hold ranks 2 and 3, so V = 45 - 5 = 40, and P(V >= 40) = P(V <= 5) = 10 / 2^9 = 0.01953125
// (subsets of 1..9 summing to at most 5: {}, 1, 2, 3, 12, 4, 13, 5, 14, 23). SciPy 1.17
// `wilcoxon(x, y, alternative="greater")` gives the same; two-sided 0.0390625.
const hwX = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const hwY = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

// R's `?t.test` example, Student's sleep data (Cushny & Peebles 1905), paired:
//   t.test(extra ~ group, data = sleep, paired = TRUE)  ->  t = -4.0621, df = 9, p-value = 0.002833,
//   95 percent confidence interval -2.4598858 -0.7001142, mean difference -1.58.
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const sleepDiff = sleep1.map((x, i) => x - sleep2[i]);

describe('Wilcoxon signed-rank test', () => {
  it('matches R wilcox.test on its paired example (exact, no ties)', () => {
    const g = wilcoxonSignedRank(hwX, hwY, 'greater');
    expect(g.v).toBe(40);
    expect(g.n).toBe(9);
    expect(g.exact).toBe(true);
    expect(g.p).toBeCloseTo(10 / 512, 14);
    expect(wilcoxonSignedRank(hwX, hwY).p).toBeCloseTo(20 / 512, 14);
    // P(V <= 40) = 1 - P(V >= 41) = 1 - P(V <= 4) = 1 - 7 / 512.
    expect(wilcoxonSignedRank(hwX, hwY, 'less').p).toBeCloseTo(1 - 7 / 512, 14);
  });

  it("matches SciPy's wilcoxon documentation example (Darwin's Zea mays differences, n = 15)", () => {
    // SciPy `wilcoxon(d)`: statistic 24 (= min(V+, V-)), p = 0.041259765625; alternative="greater": V = 96, p = 0.0206298828125.
    const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
    const two = wilcoxonSignedRank(d, undefined);
    expect(two.v).toBe(96);
    expect(two.p).toBeCloseTo(0.041259765625, 14);
    expect(wilcoxonSignedRank(d, undefined, 'greater').p).toBeCloseTo(0.0206298828125, 14);
  });

  it('drops zeros (Wilcoxon, not Pratt) and uses the tie- and continuity-corrected normal approximation', () => {
    // Three zeros dropped, n = 12: |d| ranks 1,1 -> 1.5; 2 x4 -> 4.5; 3 x3 -> 8; 4, 5, 6 -> 10, 11, 12.
    // Negative: -2 (4.5) and -1 (1.5), so V = 78 - 6 = 72; mean 12*13/4 = 39; ties sum (2^3-2)+(4^3-4)+(3^3-3) = 90;
    // sd = sqrt(12*13*25/24 - 90/48) = sqrt(160.625); greater: z = (72 - 39 - 0.5)/sd = 2.5644, p = 0.0051685.
    // SciPy 1.17 wilcoxon(t, zero_method="wilcox", correction=True, method="approx"): greater 0.005168507266704338,
    // two-sided 0.010337014533408675, less 0.9958942806702114 (R wilcox.test(t, correct=TRUE) agrees).
    const t = [0, 0, 1, 2, 2, -2, 3, 3, 3, -1, 4, 5, 2, 0, 6];
    const g = wilcoxonSignedRank(t, undefined, 'greater');
    expect(g).toMatchObject({ v: 72, n: 12, zeros: 3, exact: false });
    expect(g.p).toBeCloseTo(0.005168507266704338, 10);
    expect(wilcoxonSignedRank(t, undefined).p).toBeCloseTo(0.010337014533408675, 10);
    expect(wilcoxonSignedRank(t, undefined, 'less').p).toBeCloseTo(0.9958942806702114, 10);
  });

  it('has no p-value when every difference is zero', () => {
    const r = wilcoxonSignedRank([1, 2, 3], [1, 2, 3]);
    expect(r.n).toBe(0);
    expect(r.zeros).toBe(3);
    expect(r.p).toBeNaN();
  });

  it('builds the exact null distribution of V', () => {
    // n = 3: subsets of {1,2,3} have sums 0,1,2,3,3,4,5,6.
    expect([...signedRankDistribution(3)].map((x) => x * 8)).toEqual([1, 1, 1, 2, 1, 1, 1]);
    const d20 = signedRankDistribution(20);
    expect(d20.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d20[0]).toBe(2 ** -20);
  });
});

describe('t tests', () => {
  it('paired t matches R t.test on the sleep data', () => {
    const r = pairedT(sleep1, sleep2);
    expect(r.mean).toBeCloseTo(-1.58, 12);
    expect(r.t).toBeCloseTo(-4.062127683382037, 9);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002832890197384273, 9);
    expect(r.lo).toBeCloseTo(-2.459885763276983, 8);
    expect(r.hi).toBeCloseTo(-0.7001142367230175, 8);
    expect(pairedT(sleep1, sleep2, 'less').p).toBeCloseTo(0.002832890197384273 / 2, 9);
  });

  it('is undefined without spread', () => {
    expect(oneSampleT([0, 0, 0]).p).toBeNaN();
    expect(oneSampleT([1]).p).toBeNaN();
  });
});

describe('TOST equivalence test', () => {
  it('takes the larger of the two one-sided t p-values, with the 90% interval', () => {
    // Sleep differences, band [-3, 0]: SciPy 1.17 ttest_1samp(d, -3, alternative="greater") p = 0.002655570292658671,
    // ttest_1samp(d, 0, alternative="less") p = 0.0014164450986921364 (half R's two-sided 0.002833);
    // 90% interval (ttest_rel(...).confidence_interval(0.90)) -2.293005267029284 .. -0.8669947329707163.
    const e = tost(sleepDiff, -3, 0);
    expect(e.pLower).toBeCloseTo(0.002655570292658671, 9);
    expect(e.pUpper).toBeCloseTo(0.0014164450986921364, 9);
    expect(e.p).toBe(e.pLower);
    expect(e.ciLo).toBeCloseTo(-2.293005267029284, 8);
    expect(e.ciHi).toBeCloseTo(-0.8669947329707163, 8);
    // Band [-2, -1] holds the mean but not the 90% interval: not shown (SciPy: 0.1541572356690974 and 0.08505588544871145).
    const narrow = tost(sleepDiff, -2, -1);
    expect(narrow.pLower).toBeCloseTo(0.1541572356690974, 9);
    expect(narrow.pUpper).toBeCloseTo(0.08505588544871145, 9);
    expect(narrow.p).toBeGreaterThan(0.05);
  });

  it('shows equivalence exactly when the 90% interval lies inside the band', () => {
    for (const [lo, hi] of [
      [-2.3, -0.86],
      [-2.29, -0.87],
      [-2.2931, -0.8669],
    ]) {
      const e = tost(sleepDiff, lo, hi);
      expect(e.p < 0.05).toBe(e.ciLo > lo && e.ciHi < hi);
    }
  });
});

describe('Holm adjustment', () => {
  it('multiplies the j-th smallest by m - j + 1 and keeps the order monotone', () => {
    // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") -> 0.05 0.08 0.09 0.09 0.09 (by hand from Holm 1979:
    // 5*0.01, 4*0.02, 3*0.03, max(0.09, 2*0.04), max(0.09, 0.05)).
    const h = holm([0.04, 0.01, 0.05, 0.02, 0.03]);
    expect(h.adjusted.map((x) => Number(x.toFixed(12)))).toEqual([0.09, 0.05, 0.09, 0.08, 0.09]);
    expect(h.levels.map((x) => Number(x.toFixed(12)))).toEqual([0.025, 0.01, 0.05, 0.0125, 0.016666666667]);
  });

  it('caps at 1 and leaves NaN out of the family', () => {
    // m = 2: 2 * 0.4 = 0.8 for the smaller, max(0.8, 0.5) for the larger; 2 * 0.6 caps at 1.
    const h = holm([0.5, NaN, 0.4]);
    expect(h.adjusted[0]).toBeCloseTo(0.8, 12);
    expect(h.adjusted[1]).toBeNaN();
    expect(h.adjusted[2]).toBeCloseTo(0.8, 12);
    expect(holm([0.6, 0.7]).adjusted).toEqual([1, 1]);
  });
});

describe('helpers', () => {
  it('normal quantiles, power rule, Poisson and binomial tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 9);
    // ((1.644854 + 0.841621) / 0.5)^2 = 24.73 -> 25 seeds for an effect of half a standard deviation.
    expect(seedsForPower(0.5, 1, 0.05)).toBe(25);
    expect(seedsForPower(0, 1, 0.05)).toBe(Infinity);
    // SciPy: poisson.cdf(0, 4) = 0.018315638888734182; binom.cdf(20, 686, 0.05) = 0.004993904991268569.
    expect(poissonCdf(0, 4)).toBeCloseTo(0.018315638888734182, 14);
    expect(poissonCdf(3, 2)).toBeCloseTo(Math.exp(-2) * (1 + 2 + 2 + 4 / 3), 14);
    expect(binomialCdf(20, 686, 0.05)).toBeCloseTo(0.004993904991268569, 12);
    expect(1 - binomialCdf(19, 686, 0.015)).toBeCloseTo(0.004378247910721003, 10);
  });
});
