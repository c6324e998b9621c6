import { describe, expect, it } from 'vitest';
import { CARDS } from '../../web/cards';
import { differenceUnit, formatDifference, formatMeanDifference, formatP, pairLabel, panePairs, type DiffMetric } from '../../web/diff-table';

const share: DiffMetric = { share: true, decimals: 1 };
const petitions: DiffMetric = { unit: 'per 10,000', decimals: 1 };
const incidents: DiffMetric = { unit: 'incidents', decimals: 0 };
const legitimacy: DiffMetric = { decimals: 3 };

describe('the difference table', () => {
  it('compares every pair of panes, later minus earlier', () => {
    expect(panePairs(2).map(pairLabel)).toEqual(['B − A']);
    expect(panePairs(3).map(pairLabel)).toEqual(['B − A', 'C − A', 'C − B']);
    expect(panePairs(4).map(pairLabel)).toEqual(['B − A', 'C − A', 'C − B', 'D − A', 'D − B', 'D − C']);
    expect(panePairs(1)).toEqual([]);
  });

  it('gives shares in percentage points and other metrics in their unit', () => {
    expect(differenceUnit(share)).toBe('pp');
    expect(differenceUnit(petitions)).toBe('per 10,000');
    expect(differenceUnit(legitimacy)).toBe('');
    expect(formatDifference(share, 0.5, 0.524)).toBe('+2.4 pp');
    expect(formatDifference(petitions, 12.5, 9.4)).toBe('−3.1 per 10,000');
    expect(formatDifference(incidents, 3, 1)).toBe('−2 incidents');
    expect(formatDifference(legitimacy, 0.8, 0.7512)).toBe('−0.049');
  });

  it('every headline card says whether it is a share or has a unit, and its digits', () => {
    for (const c of CARDS) {
      expect(Number.isInteger(c.decimals)).toBe(true);
      const sample = c.format(0.5);
      // A card shown as a percentage differs in percentage points, and the other way round.
      expect(sample.endsWith('%')).toBe(!!c.share);
    }
  });

  it('never shows "+0" or "−0": zero is "0", a tiny difference gets the digits it needs', () => {
    expect(formatDifference(share, 0.5, 0.5)).toBe('0');
    expect(formatDifference(incidents, 4, 4)).toBe('0');
    expect(formatDifference(share, 0.5, 0.50004)).toBe('+0.004 pp');
    expect(formatDifference(incidents, 4, 3.9)).toBe('−0.1 incidents');
    expect(formatDifference(legitimacy, 0.8, 0.79999)).toBe('−0.00001');
    for (const [a, b] of [[0.1, 0.1 + 1e-9], [0.3, 0.3 - 1e-7], [1, 1.0004]]) {
      for (const m of [share, petitions, incidents, legitimacy]) expect(formatDifference(m, a, b)).not.toMatch(/^[+−]0(\s|$)/);
    }
  });

  it('shows "–" when a pane has no value', () => {
    expect(formatDifference(share, undefined, 0.5)).toBe('–');
    expect(formatDifference(share, 0.5, Number.NaN)).toBe('–');
  });

  it('rounds a mean difference over seeds by the width of its interval', () => {
    // Width 1.2 pp: one decimal; the ends signed, with the same minus sign.
    expect(formatMeanDifference(share, { mean: 0.01234, lo: 0.00634, hi: 0.01834 })).toBe('+1.2 pp (+0.6 to +1.8)');
    expect(formatMeanDifference(petitions, { mean: -3.1333, lo: -3.2, hi: -3.1 })).toBe('−3.13 per 10,000 (−3.20 to −3.10)');
    expect(formatMeanDifference(incidents, { mean: -2, lo: -40, hi: 36 })).toBe('−2 incidents (−40 to +36)');
    // A mean near zero in a wide interval still shows a significant digit, never "+0".
    expect(formatMeanDifference(share, { mean: 0.000004, lo: -0.01, hi: 0.01 })).toBe('+0.0004 pp (−1.0 to +1.0)');
    expect(formatMeanDifference(share, { mean: 0, lo: 0, hi: 0 })).toBe('0 (0 to 0)');
    expect(formatMeanDifference(share, { mean: 0.02, lo: Number.NaN, hi: Number.NaN })).toBe('+2.0 pp');
  });

  it('writes p-values', () => {
    expect(formatP(0.0312)).toBe('p = 0.031');
    expect(formatP(0.0004)).toBe('p < 0.001');
    expect(formatP(Number.NaN)).toBe('p –');
  });
});
