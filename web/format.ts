/**
 * Number and date formatting for the page: shares as percentages, counts with thousands separators, fixed
 * decimals, signed differences, money and dates. Pure functions of (value, options, locale). Every helper
 * takes a BCP 47 locale that defaults to 'en'; the page passes the locale of its language (web/i18n.ts
 * locale(): 'en' or 'zh-CN'). Negative numbers use the minus sign U+2212 (−) everywhere, never the ASCII hyphen,
 * so a column of differences reads alike; a value that rounds to zero is written "0", never "+0" or "−0".
 */

/** The minus sign the page uses (U+2212). */
export const MINUS = '\u2212';

export type Locale = string;

/** Digits after the decimal point, clamped to what Intl accepts (0..20). */
function clampDigits(d: number): number {
  return Math.min(20, Math.max(0, Math.round(d)));
}

/** |x| with exactly `decimals` digits after the point, grouped by the locale. */
function magnitude(x: number, decimals: number, locale: Locale): string {
  const d = clampDigits(decimals);
  return Math.abs(x).toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Whether x shows as zero at `decimals` digits. */
function roundsToZero(x: number, decimals: number): boolean {
  return Math.abs(x) < 0.5 * 10 ** -clampDigits(decimals);
}

/** A number with `decimals` digits, "−" for negatives, "0" for a value that rounds to zero. Non-finite: "–". */
export function formatNumber(x: number, decimals = 0, locale: Locale = 'en'): string {
  if (!Number.isFinite(x)) return '–';
  if (roundsToZero(x, decimals)) return '0';
  return (x < 0 ? MINUS : '') + magnitude(x, decimals, locale);
}

/** A count with thousands separators: 12345 -> "12,345" (rounded to a whole number). */
export function formatCount(n: number, locale: Locale = 'en'): string {
  return formatNumber(n, 0, locale);
}

/** A share (0..1) as a percentage with `decimals` digits: 0.1234 -> "12.3%". */
export function formatShare(v: number, decimals = 1, locale: Locale = 'en'): string {
  if (!Number.isFinite(v)) return '–';
  return `${formatNumber(100 * v, decimals, locale)}%`;
}

/** Money in `currency` (ISO 4217), with the currency's usual decimals: 1234.5 -> "CN¥1,234.50". */
export function formatMoney(v: number, currency = 'CNY', locale: Locale = 'en'): string {
  if (!Number.isFinite(v)) return '–';
  const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Math.abs(v));
  const zero = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(0);
  return v < 0 && text !== zero ? MINUS + text : text;
}

/**
 * Digits after the point that show x with at least one significant digit, starting from `decimals` and
 * adding digits while it would round to zero (at most 12 more). 0 stays at `decimals`.
 */
export function digitsToShow(x: number, decimals: number): number {
  let d = clampDigits(decimals);
  if (x === 0 || !Number.isFinite(x)) return d;
  const cap = Math.min(20, d + 12);
  while (d < cap && roundsToZero(x, d)) d++;
  return d;
}

/**
 * A signed difference: "+1.2", "−0.04", and "0" only for an exact zero. A non-zero difference that
 * would round to zero at `decimals` gets the digits it needs instead (never "+0" or "−0").
 */
export function formatSigned(x: number, decimals = 0, locale: Locale = 'en'): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const d = digitsToShow(x, decimals);
  if (roundsToZero(x, d)) return '0';
  return (x > 0 ? '+' : MINUS) + magnitude(x, d, locale);
}

/**
 * Digits after the point for a mean and its interval [lo, hi]: two significant digits of the width, so
 * that the interval's ends are told apart and the mean is not given more precision than the noise
 * allows. A zero width falls back to three significant digits of the mean.
 */
export function decimalsForInterval(mean: number, lo: number, hi: number): number {
  const width = Math.abs(hi - lo);
  if (width > 0 && Number.isFinite(width)) return clampDigits(1 - Math.floor(Math.log10(width)));
  const m = Math.abs(mean);
  if (m > 0 && Number.isFinite(m)) return clampDigits(2 - Math.floor(Math.log10(m)));
  return 0;
}

/**
 * A calendar date (no time of day) in the locale's words: 2026-11-27 -> "Nov 27, 2026" (en),
 * "2026年11月27日" (zh-CN). Shown in UTC, so the same instant reads the same everywhere. Invalid: "–".
 */
export function formatDate(d: Date | number | string, locale: Locale = 'en'): string {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale.startsWith('zh') ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}
