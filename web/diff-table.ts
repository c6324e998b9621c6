/**
 * The difference table of the compare view, as text: which pairs of panes are compared, the unit of a
 * difference, and how a difference (one run) or a mean difference with its interval (several seeds) is
 * rounded. Pure functions; cards.ts and compare.ts put the text into the page.
 *
 *   - Pairs: every pair of panes, later minus earlier: B − A, C − A, C − B (and with four panes
 *     D − A, D − B, D − C too).
 *   - Units: a share (shown as %) differs in percentage points, "pp"; any other metric in its own unit.
 *   - Signs: "+" and the minus sign U+2212 (web/format.ts); an exact zero is "0", and a non-zero
 *     difference never shows as "+0" or "−0" (it gets the digits it needs).
 *   - Rounding over seeds: the digits follow the interval's width (two significant digits of it), so a
 *     mean and its interval are told apart without claiming more precision than the noise allows.
 */
import { decimalsForInterval, formatNumber, formatSigned, MINUS, type Locale } from './format';
import { hasKey, langOf, tIn } from './i18n';

/** What the table needs to know of a metric (a card of web/cards.ts). */
export interface DiffMetric {
  /** A share 0..1, shown as a percentage: differences in percentage points. */
  share?: boolean;
  /** The metric's unit, for a metric that is not a share (e.g. "per 10,000"); none for a pure number. */
  unit?: string;
  /** The unit's message key (web/i18n/en.ts), so a difference is written in the locale's language. */
  unitKey?: string;
  /** Digits after the point of the shown value (of the percentage, for a share). */
  decimals: number;
}

/** Pane pairs [later, earlier] in reading order: [1,0], [2,0], [2,1], [3,0], [3,1], [3,2]. */
export function panePairs(panes: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 1; j < panes; j++) for (let i = 0; i < j; i++) out.push([j, i]);
  return out;
}

/** A pane's letter: 0 -> "A". */
export function paneLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** "B − A" (spaces around the minus sign U+2212). */
export function pairLabel([j, i]: readonly [number, number]): string {
  return `${paneLetter(j)} ${MINUS} ${paneLetter(i)}`;
}

/** The unit of a difference in the language of `locale`: "pp" for a share, else the metric's unit (or ""). */
export function differenceUnit(m: DiffMetric, locale: Locale = 'en'): string {
  if (m.share) return tIn(langOf(locale), 'unit.pp');
  if (m.unitKey && hasKey(m.unitKey)) return tIn(langOf(locale), m.unitKey);
  return m.unit ?? '';
}

/** The scale from the metric's value to the shown difference (percentage points for a share). */
function scale(m: DiffMetric): number {
  return m.share ? 100 : 1;
}

function withUnit(text: string, m: DiffMetric, locale: Locale): string {
  const u = differenceUnit(m, locale);
  return u && text !== '–' ? `${text} ${u}` : text;
}

/** later − earlier of one run each, with its unit: "+2.4 pp", "−3 incidents", "0". Missing: "–". */
export function formatDifference(m: DiffMetric, earlier: number | undefined, later: number | undefined, locale: Locale = 'en'): string {
  if (earlier === undefined || later === undefined || !Number.isFinite(earlier) || !Number.isFinite(later)) return '–';
  const d = (later - earlier) * scale(m);
  // An exact zero is "0" with no unit: nothing differs.
  if (d === 0) return '0';
  return withUnit(formatSigned(d, m.decimals, locale), m, locale);
}

/**
 * A mean difference over seeds and its 95% interval, with its unit: "+2.4 pp (+1.1 to +3.7)". The digits
 * come from the interval's width; each number still gets a significant digit if it would round to zero.
 * `withInterval` false: the mean alone, still rounded by the interval ("+2.4 pp").
 */
export function formatMeanDifference(m: DiffMetric, d: { mean: number; lo: number; hi: number }, locale: Locale = 'en', withInterval = true): string {
  const k = scale(m);
  const [mean, lo, hi] = [d.mean * k, d.lo * k, d.hi * k];
  if (!Number.isFinite(mean)) return '–';
  const digits = Number.isFinite(lo) && Number.isFinite(hi) ? decimalsForInterval(mean, lo, hi) : m.decimals;
  const head = mean === 0 ? '0' : withUnit(formatSigned(mean, digits, locale), m, locale);
  if (!withInterval || !Number.isFinite(lo) || !Number.isFinite(hi)) return head;
  return tIn(langOf(locale), 'diff.interval', { mean: head, lo: formatSigned(lo, digits, locale), hi: formatSigned(hi, digits, locale) });
}

/** A p-value for the table: "p < 0.001", "p = 0.031"; NaN (every pair equal): "p –". */
export function formatP(p: number, locale: Locale = 'en'): string {
  if (!Number.isFinite(p)) return 'p –';
  return p < 0.001 ? `p < ${formatNumber(0.001, 3, locale)}` : `p = ${formatNumber(p, 3, locale)}`;
}
