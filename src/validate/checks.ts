/**
 * The statistical checks a pattern is judged by, each over many seeds and never one run:
 *   - a band:        the mean over seeds lies in [lo, hi] (for "roughly X" targets);
 *   - an upper/lower bound: the 95% t interval of the mean lies wholly below / above the bound
 *                    (for "under 5%" or "at least 90%" claims: the claim must hold beyond seed noise);
 *   - an ordering:   two samples differ in the stated direction, Mann-Whitney two-sided p < 0.05,
 *                    reported with the Vargha-Delaney A effect size and the paired mean difference
 *                    (runs share seeds, so the pairs share random numbers);
 *   - more events:   rare-event counts summed over seeds are higher in A than in B by the exact
 *                    conditional binomial test, one-sided p < 0.05 (Mann-Whitney and A reported too).
 */
import { ci95 } from '../stats/descriptive';
import { mannWhitney, pairedDifference, rateComparison, varghaDelaneyA, wilsonInterval } from '../stats/tests';

/**
 * What a check is for (design/MODEL.md section 9): a calibration target was matched by choosing a
 * parameter value ("calibrated to"); a validation target was never used to choose one ("validated
 * against"). A check that restates one input is a calibration target at most.
 */
export type CheckRole = 'calibration' | 'validation';

export interface CheckResult {
  pattern: number;
  role?: CheckRole;
  check: string;
  measured: string;
  criterion: string;
  pass: boolean;
  /** Numbers behind the verdict, for the JSON report. */
  stats: Record<string, number>;
}

const f = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)).toString() : String(x));

export function band(pattern: number, check: string, xs: number[], lo: number, hi: number, unit = ''): CheckResult {
  const c = ci95(xs);
  return {
    pattern,
    check,
    measured: `mean ${f(c.mean)}${unit} (95% CI ${f(c.lo)}..${f(c.hi)}, n=${c.n})`,
    criterion: `mean in ${f(lo)}..${f(hi)}${unit}`,
    pass: c.n > 0 && c.mean >= lo && c.mean <= hi,
    stats: { mean: c.mean, lo: c.lo, hi: c.hi, n: c.n, bandLo: lo, bandHi: hi },
  };
}

export function below(pattern: number, check: string, xs: number[], bound: number, unit = ''): CheckResult {
  const c = ci95(xs);
  const upper = c.n > 1 ? c.hi : c.mean;
  return {
    pattern,
    check,
    measured: `mean ${f(c.mean, 4)}${unit} (95% CI upper ${f(upper, 4)}, n=${c.n})`,
    criterion: `95% CI below ${f(bound, 4)}${unit}`,
    pass: c.n > 0 && upper < bound,
    stats: { mean: c.mean, lo: c.lo, hi: c.hi, n: c.n, bound },
  };
}

export function above(pattern: number, check: string, xs: number[], bound: number, unit = ''): CheckResult {
  const c = ci95(xs);
  const lower = c.n > 1 ? c.lo : c.mean;
  return {
    pattern,
    check,
    measured: `mean ${f(c.mean, 4)}${unit} (95% CI lower ${f(lower, 4)}, n=${c.n})`,
    criterion: `95% CI above ${f(bound, 4)}${unit}`,
    pass: c.n > 0 && lower > bound,
    stats: { mean: c.mean, lo: c.lo, hi: c.hi, n: c.n, bound },
  };
}

/** `a` is larger than `b` (direction 'greater') or smaller ('less'), beyond seed noise. */
export function ordering(
  pattern: number,
  check: string,
  a: number[],
  b: number[],
  direction: 'greater' | 'less',
): CheckResult {
  const mw = mannWhitney(a, b);
  const A = varghaDelaneyA(a, b);
  const d = pairedDifference(a, b);
  const rightWay = direction === 'greater' ? A > 0.5 : A < 0.5;
  return {
    pattern,
    check,
    measured: `diff ${f(d.mean, 4)} (95% CI ${f(d.lo, 4)}..${f(d.hi, 4)}), A=${f(A)}, MW p=${mw.p < 1e-4 ? mw.p.toExponential(1) : f(mw.p, 4)}`,
    criterion: `${direction === 'greater' ? 'A > 0.5' : 'A < 0.5'} and Mann-Whitney p < 0.05`,
    pass: rightWay && mw.p < 0.05,
    stats: { diff: d.mean, diffLo: d.lo, diffHi: d.hi, A, u: mw.u, p: mw.p, n: a.length },
  };
}

/** A pooled proportion (successes over trials across seeds) whose Wilson interval lies in [lo, hi]. */
export function proportionBand(
  pattern: number,
  check: string,
  successes: number,
  trials: number,
  lo: number,
  hi: number,
): CheckResult {
  const w = wilsonInterval(successes, trials);
  return {
    pattern,
    check,
    measured: `${successes}/${trials} = ${f(100 * w.estimate, 2)}% (95% CI ${f(100 * w.lo, 2)}..${f(100 * w.hi, 2)}%)`,
    criterion: `estimate in ${f(100 * lo, 2)}..${f(100 * hi, 2)}%`,
    pass: trials > 0 && w.estimate >= lo && w.estimate <= hi,
    stats: { successes, trials, estimate: w.estimate, lo: w.lo, hi: w.hi, bandLo: lo, bandHi: hi },
  };
}

/** A plain condition (for deterministic facts such as a rule's parameters), with what was measured. */
export function holds(pattern: number, check: string, measured: string, criterion: string, pass: boolean, stats: Record<string, number> = {}): CheckResult {
  return { pattern, check, measured, criterion, pass, stats };
}

/** Rare events (counts per run) are more frequent in `a` than in `b` over the same seeds. */
export function moreEvents(pattern: number, check: string, a: number[], b: number[]): CheckResult {
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const t = rateComparison(sum(a), sum(b));
  const mw = mannWhitney(a, b);
  const A = varghaDelaneyA(a, b);
  return {
    pattern,
    check,
    measured: `${t.a} vs ${t.b} events over ${a.length} seeds, exact p=${f(t.p, 4)} (A=${f(A)}, MW p=${f(mw.p, 4)})`,
    criterion: 'more events in the first, one-sided exact p < 0.05',
    pass: t.a > t.b && t.p < 0.05,
    stats: { a: t.a, b: t.b, p: t.p, A, mwP: mw.p, n: a.length },
  };
}

/** Mark a check as a calibration target. */
export function calibration(c: CheckResult): CheckResult {
  return { ...c, role: 'calibration' };
}

/** Mark a check as a validation target. */
export function validation(c: CheckResult): CheckResult {
  return { ...c, role: 'validation' };
}
