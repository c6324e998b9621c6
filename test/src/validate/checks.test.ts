import { describe, expect, it } from 'vitest';
import { above, band, below, contrast, fewerEvents, moreEvents, ordering, proportionBand, ratioBand, settle } from '../../../src/validate/checks';
import { counts, judge } from '../../../src/validate/report';

const low = [1, 2, 3, 4, 5, 6, 7, 8];
const high = [11, 12.5, 13, 14.25, 15, 16.5, 17, 18.75];

describe('validation checks: three verdicts', () => {
  it('judge a band by equivalence (TOST), not by the point estimate', () => {
    // 90% interval well inside the band: equivalence shown.
    expect(band(1, 'x', [0.69, 0.71, 0.7, 0.705, 0.695], 0.6, 0.8).verdict).toBe('PASS');
    // Wholly outside: FAIL.
    expect(band(1, 'x', [0.89, 0.91, 0.9], 0.6, 0.8).verdict).toBe('FAIL');
    // Mean inside but the interval crosses an edge: the old check passed this; now it cannot tell.
    const wide = band(1, 'x', [0.62, 0.9, 0.55, 0.85, 0.7], 0.6, 0.8);
    expect(wide.stats.mean).toBeGreaterThan(0.6);
    expect(wide.stats.mean).toBeLessThan(0.8);
    expect(wide.verdict).toBe('INCONCLUSIVE');
    expect(wide.note).toMatch(/^inconclusive: mean 0\.724 within noise of the band; at least \d+ seeds needed/);
  });

  it('require a bound to hold beyond seed noise, by a one-sided t test', () => {
    expect(below(2, 'x', [0.039, 0.04, 0.041, 0.04], 0.05).verdict).toBe('PASS');
    // Mean 0.04 but wide spread: neither shown below nor above.
    expect(below(2, 'x', [0.01, 0.07, 0.02, 0.06], 0.05).verdict).toBe('INCONCLUSIVE');
    // Clearly above the bound: FAIL.
    expect(below(2, 'x', [0.053, 0.054, 0.052, 0.055], 0.05).verdict).toBe('FAIL');
    expect(above(2, 'x', [0.91, 0.92, 0.93, 0.92], 0.9).verdict).toBe('PASS');
    expect(above(2, 'x', [0.88, 0.95, 0.86, 0.97], 0.9).verdict).toBe('INCONCLUSIVE');
    expect(above(2, 'x', [0.83, 0.84, 0.835, 0.832], 0.9).verdict).toBe('FAIL');
  });

  it('never pass a bound on all-zero data: no spread, no t test', () => {
    const zeros = below(5, 'x', new Array(20).fill(0), 0.2);
    expect(zeros.verdict).toBe('INCONCLUSIVE');
    expect(zeros.note).toMatch(/no variation over 20 seeds/);
  });

  it('test a rare-event rate exactly (Poisson), and say how many seeds would decide it', () => {
    // 0 events over 20 seeds against 0.2 per run: p = exp(-4) = 0.0183, enough alone...
    const alone = fewerEvents(5, 'x', new Array(20).fill(0), 0.2);
    expect(alone.p).toBeCloseTo(Math.exp(-4), 12);
    expect(alone.verdict).toBe('PASS');
    // ...but not as the smallest of five p-values, which Holm compares with 0.05 / 5 (adjusted 5 x 0.0183 =
    // 0.092): with no events, exp(-0.2 M) < 0.01 needs M >= 24 seeds.
    const others = [0.03, 0.04, 0.2, 0.5].map((p) => ({ ...alone, p }));
    const [settled] = settle([alone, ...others]);
    expect(settled.verdict).toBe('INCONCLUSIVE');
    expect(settled.note).toBe('inconclusive: 0 events, at least 24 seeds needed');
    // Far too many events: FAIL.
    expect(fewerEvents(5, 'x', new Array(20).fill(1), 0.2).verdict).toBe('FAIL');
  });

  it('order paired samples by the signed-rank test on per-seed differences', () => {
    expect(ordering(3, 'x', high, low, 'greater').verdict).toBe('PASS');
    expect(ordering(3, 'x', high, low, 'less').verdict).toBe('FAIL');
    expect(ordering(3, 'x', low, high, 'less').verdict).toBe('PASS');
    // Each pair differs by +1 but Mann-Whitney on the pooled values would see total overlap: pairing decides.
    const a = [1, 5, 9, 13, 17, 21, 25, 29];
    expect(ordering(3, 'x', a.map((x) => x + 1 + (x % 3) / 10), a, 'greater').verdict).toBe('PASS');
    // No consistent direction: inconclusive, never FAIL or PASS.
    const mixed = ordering(3, 'x', [1, 3, 5, 7, 9, 11], [2, 2, 6, 6, 10, 10], 'less');
    expect(mixed.verdict).toBe('INCONCLUSIVE');
    expect(mixed.note).toMatch(/^inconclusive: diff/);
    expect(ordering(3, 'x', [1, 2, 3], [1, 2, 3], 'less').note).toBe('inconclusive: all 3 pairs equal; the data cannot decide');
  });

  it('compare rare-event counts pairwise, and call too few events inconclusive', () => {
    expect(moreEvents(5, 'x', [0, 1, 0, 2, 1, 0, 1, 2, 0, 1], new Array(10).fill(0)).verdict).toBe('PASS');
    // 2 against 0 events on 20 seeds, 2 seeds differ: 5 differing seeds are needed (2^-5 < 0.05 < 2^-4), so 5 x 20 / 2 = 50.
    const few = moreEvents(5, 'x', [1, 1, ...new Array(18).fill(0)], new Array(20).fill(0));
    expect(few.verdict).toBe('INCONCLUSIVE');
    expect(Number.isNaN(few.p)).toBe(true);
    expect(few.note).toBe('inconclusive: 2 vs 0 events, at least 50 seeds needed');
    // 0 against 0 on 10 seeds: the rule of three (at most 3 of 10 seeds differ) gives at least 5 x 10 / 3 = 17.
    expect(moreEvents(5, 'x', new Array(10).fill(0), new Array(10).fill(0)).note).toBe('inconclusive: 0 vs 0 events, at least 17 seeds needed');
    // The other way on enough seeds: FAIL.
    expect(moreEvents(5, 'x', new Array(10).fill(0), [0, 1, 0, 2, 1, 0, 1, 2, 0, 1]).verdict).toBe('FAIL');
  });

  it('judge a pooled proportion by an exact binomial TOST', () => {
    expect(proportionBand(5, 'x', 32, 1000, 0.015, 0.05, 30).verdict).toBe('PASS');
    expect(proportionBand(5, 'x', 80, 1000, 0.015, 0.05, 30).verdict).toBe('FAIL');
    expect(proportionBand(5, 'x', 2, 40, 0.015, 0.05, 20).verdict).toBe('INCONCLUSIVE');
    // An edge at 1 is the end of the scale: 80 of 80 is equivalent to 0.8..1.
    expect(proportionBand(6, 'x', 80, 80, 0.8, 1, 80).verdict).toBe('PASS');
  });

  it('test claims about means as per-seed contrasts', () => {
    expect(contrast(7, 'x', [0.1, 0.12, 0.09, 0.11], 'm', 'c').verdict).toBe('PASS');
    expect(contrast(7, 'x', [-0.08, -0.09, -0.07, -0.085], 'm', 'c').verdict).toBe('FAIL');
    // Ratio down/up in 4..14: 10 (pass), 17 (fail).
    const up = [0.01, 0.011, 0.0105, 0.0098, 0.0102];
    expect(ratioBand(9, 'x', up.map((u, i) => 10 * u + (i % 2 ? 0.001 : -0.001)), up, 4, 14, 'm').verdict).toBe('PASS');
    expect(ratioBand(9, 'x', up.map((u, i) => 17 * u + (i % 2 ? 0.0005 : -0.0005)), up, 4, 14, 'm').verdict).toBe('FAIL');
  });
});

describe('Holm across the suite', () => {
  it('adjusts every p and decides on the adjusted one', () => {
    // Five checks each with raw p = 0.02 pass alone and none passes as a family of five (adjusted 0.1).
    const one = band(1, 'x', [0.69, 0.71, 0.7, 0.705, 0.695], 0.6, 0.8);
    const family = [0.02, 0.02, 0.02, 0.02, 0.02].map((p) => ({ ...one, p }));
    const settled = settle(family);
    expect(settled.map((c) => c.pAdjusted)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(settled.every((c) => c.verdict === 'INCONCLUSIVE')).toBe(true);
    // The closures are gone from what is written as JSON.
    expect(settled.every((c) => !('inconclusive' in c))).toBe(true);
  });

  it('gives patterns PASS, FAIL or INCONCLUSIVE and counts them', () => {
    const pass = band(1, 'p', [0.69, 0.71, 0.7, 0.705, 0.695], 0.6, 0.8);
    const fail = band(1, 'f', [0.89, 0.91, 0.9], 0.6, 0.8);
    const unsure = band(1, 'u', [0.62, 0.9, 0.55, 0.85, 0.7], 0.6, 0.8);
    const pattern = (id: number, checks: (typeof pass)[]) => ({ id, title: `t${id}`, source: '', needs: [], evaluate: () => checks });
    const v = judge([pattern(1, [pass]), pattern(2, [pass, fail, unsure]), pattern(3, [pass, unsure])], (p) => p.evaluate(new Map()));
    expect(v.map((x) => x.verdict)).toEqual(['PASS', 'FAIL', 'INCONCLUSIVE']);
    expect(counts(v.map((x) => x.verdict), 'patterns')).toBe('1 PASS, 1 FAIL, 1 INCONCLUSIVE of 3 patterns');
  });
});
