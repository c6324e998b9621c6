import { describe, expect, it } from 'vitest';
import { decimalsForInterval, digitsToShow, formatCount, formatMoney, formatNumber, formatShare, formatSigned, MINUS } from '../../web/format';

describe('number formatting', () => {
  it('writes the minus sign U+2212, never an ASCII hyphen', () => {
    expect(MINUS).toBe('\u2212');
    expect(formatNumber(-1234.5, 1)).toBe('−1,234.5');
    expect(formatSigned(-0.25, 2)).toBe('−0.25');
    expect(formatShare(-0.123)).toBe('−12.3%');
    for (const s of [formatNumber(-3), formatSigned(-3), formatShare(-0.5), formatCount(-12), formatMoney(-2)]) expect(s).not.toContain('-');
  });

  it('shows counts with thousands separators, rounded to whole numbers', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999.6)).toBe('1,000');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('–');
  });

  it('shows shares as percentages', () => {
    expect(formatShare(0.9658)).toBe('96.6%');
    expect(formatShare(0.9658, 2)).toBe('96.58%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0%');
  });

  it('shows money in a currency, with its decimals', () => {
    expect(formatMoney(1234.5)).toBe('CN¥1,234.50');
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(-3, 'USD')).toBe('−$3.00');
    expect(formatMoney(-0.001, 'USD')).toBe('$0.00');
  });

  it('never writes "−0" for a value that rounds to zero', () => {
    expect(formatNumber(-0.0004, 2)).toBe('0');
    expect(formatNumber(-0, 1)).toBe('0');
  });

  it('signs differences, gives a small one the digits it needs, and writes an exact zero as "0"', () => {
    expect(formatSigned(2.345, 1)).toBe('+2.3');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(-0)).toBe('0');
    expect(formatSigned(0.004, 1)).toBe('+0.004');
    expect(formatSigned(-0.00049, 2)).toBe('−0.0005');
    expect(digitsToShow(0.004, 1)).toBe(3);
    expect(digitsToShow(0, 1)).toBe(1);
    expect(formatSigned(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('takes a locale, defaulting to English', () => {
    expect(formatCount(1234567, 'de')).toBe('1.234.567');
    expect(formatShare(0.125, 1, 'de')).toBe('12,5%');
    expect(formatSigned(-1234.5, 1, 'fr')).toMatch(/^−1\s234,5$/);
  });

  it('chooses digits from an interval: two significant digits of its width', () => {
    expect(decimalsForInterval(1.234, 0.9, 1.6)).toBe(2); // width 0.7
    expect(decimalsForInterval(120, 80, 160)).toBe(0); // width 80
    expect(decimalsForInterval(0.012, 0.011, 0.013)).toBe(4); // width 0.002
    expect(decimalsForInterval(5, 5, 5)).toBe(2); // no width: three significant digits of the mean
    expect(decimalsForInterval(0, 0, 0)).toBe(0);
  });
});
