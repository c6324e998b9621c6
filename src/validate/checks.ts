/**
 * The statistical checks a pattern is judged by, each over many seeds and never one run. Every check
 * is a hypothesis test whose rejection shows its claim, chosen to fit how the data were made:
 *   - a band ("roughly X", a mean in [lo, hi]):  TOST equivalence, paired/one-sample t: the claim is
 *                    shown when both one-sided tests reject (the 90% interval lies inside the band);
 *   - a bound ("under 5%", "at least 90%"): one-sided one-sample t test against the bound;
 *   - a rate bound on rare-event counts per run: exact Poisson test of the total over the seeds (a t
 *                    interval of all-zero counts is [0, 0] and would pass anything);
 *   - an ordering of two metrics on the same seeds (two scenarios on common random numbers, or two
 *                    outcomes of one run): one-sided Wilcoxon signed-rank test of the per-seed
 *                    differences (the claim is a direction, not a size; the signed-rank test needs no
 *                    normality and is robust to an outlying seed);
 *   - more events:   rare-event counts on the same seeds, one-sided Wilcoxon signed-rank test of the
 *                    per-seed differences, decided only when at least 5 seeds differ (below that even
 *                    all of them the claimed way cannot give p < 0.05: 2^-4 = 0.0625);
 *   - a pooled proportion in a band: exact binomial TOST (an edge at 0 or 1 is not tested);
 *   - a contrast of means (a ratio or convexity over per-seed values): one-sided t tests of the
 *                    per-seed linear contrasts, since these claims are about means.
 * Each check yields a raw one-sided p-value of its claim; `settle` adjusts them across the suite by
 * Holm's method and gives each check a verdict:
 *   PASS          the claim's Holm-adjusted p < 0.05;
 *   FAIL          the data show the claim false: the one-sided 95% bound (each end of the 90% interval)
 *                 lies wholly on the wrong side, or the reverse one-sided test has p < 0.05 (unadjusted:
 *                 a wrongly failed check is the error this report would rather make);
 *   INCONCLUSIVE  neither: with a note of how many seeds would be needed to decide (see each check).
 */
import { ci95, mean } from '../stats/descriptive';
import {
  binomialCdf,
  holm,
  normalQuantile,
  oneSampleT,
  poissonCdf,
  seedsForPower,
  tost,
  wilcoxonSignedRank,
} from '../stats/paired';
import { tQuantile } from '../stats/distributions';
import { rateComparison, wilsonInterval } from '../stats/tests';

/**
 * What a check is for (design/MODEL.md section 9): a calibration target was matched by choosing a
 * parameter value ("calibrated to"); a validation target was never used to choose one ("validated
 * against"). A check that restates one input is a calibration target at most.
 */
export type CheckRole = 'calibration' | 'validation';

export type Verdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE';

/** The level of every test: one-sided 0.05, the suite's family-wise error held at 0.05 by Holm. */
export const ALPHA = 0.05;

export interface CheckResult {
  pattern: number;
  role?: CheckRole;
  check: string;
  measured: string;
  criterion: string;
  /** The test that decides the check. */
  test: string;
  /** Raw one-sided p-value of the claim (small: the claim is shown); NaN when no test could be made. */
  p: number;
  /** Holm-adjusted p across the suite (`settle`); until then the raw p. */
  pAdjusted: number;
  /** The raw level the check's p had to beat at its place in Holm's sequence (ALPHA until settled). */
  level: number;
  /** The data show the claim false (see FAIL above). */
  refuted: boolean;
  verdict: Verdict;
  /** Why the verdict is INCONCLUSIVE: the events or effect seen and the seeds needed. */
  note?: string;
  /** Numbers behind the verdict, for the JSON report. */
  stats: Record<string, number>;
  /**
   * The quantity the claim is about as one number (a mean, a paired difference, a proportion, a ratio),
   * and whether its point estimate meets the claim, untested: what reports across draws of society
   * (src/uncertainty) summarise beside the verdicts.
   */
  effect?: { name: string; value: number; holds: boolean };
  /** The note for a given level (dropped from the JSON report). */
  inconclusive?: (level: number) => string;
}

const f = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)).toString() : String(x));
const fp = (p: number) => (Number.isNaN(p) ? '-' : p < 1e-4 ? p.toExponential(1) : f(p, 4));
const seedsText = (m: number) => (Number.isFinite(m) && m <= 1e6 ? `${m}` : 'more than 1,000,000');

/** A check with its verdict at the unadjusted level (as if it were alone; `settle` redoes it for a suite). */
function make(c: Omit<CheckResult, 'pAdjusted' | 'level' | 'verdict' | 'note'>): CheckResult {
  return decide({ ...c, pAdjusted: c.p, level: ALPHA, verdict: 'INCONCLUSIVE' });
}

function decide(c: CheckResult): CheckResult {
  const verdict: Verdict = c.pAdjusted < ALPHA ? 'PASS' : c.refuted ? 'FAIL' : 'INCONCLUSIVE';
  const note = verdict === 'INCONCLUSIVE' && c.inconclusive ? c.inconclusive(c.level) : undefined;
  return { ...c, verdict, note };
}

/**
 * Holm's correction across the suite: every check with a p-value is one hypothesis of the family. Each
 * verdict is then decided on its adjusted p; the closures that wrote the notes are dropped.
 */
export function settle(checks: readonly CheckResult[]): CheckResult[] {
  const h = holm(
    checks.map((c) => c.p),
    ALPHA,
  );
  return checks.map((c, i) => {
    const settled = decide({ ...c, pAdjusted: h.adjusted[i], level: Number.isNaN(h.levels[i]) ? ALPHA : h.levels[i] });
    const { inconclusive: _, ...rest } = settled;
    return rest;
  });
}

/** The note for a mean within noise of an edge: seeds for 80% power at the observed distance. */
function effectNote(what: string, distance: number, sd: number, level: number): string {
  if (!(distance > 0)) return `inconclusive: ${what}; more seeds would not decide it at this estimate`;
  return `inconclusive: ${what}; at least ${seedsText(seedsForPower(distance, sd, level))} seeds needed (80% power at this estimate)`;
}

const noSpread = (n: number) => `inconclusive: no variation over ${n} seeds, so no t test; the data cannot decide`;

/** The mean lies in [lo, hi]: TOST (two one-sided t tests); PASS only if equivalence is shown. */
export function band(pattern: number, check: string, xs: number[], lo: number, hi: number, unit = ''): CheckResult {
  const e = tost(xs, lo, hi, ALPHA);
  const inside = e.mean >= lo && e.mean <= hi;
  return make({
    pattern,
    check,
    measured: `mean ${f(e.mean)}${unit} (90% CI ${f(e.ciLo)}..${f(e.ciHi)}, n=${e.n})`,
    criterion: `equivalent to ${f(lo)}..${f(hi)}${unit}: TOST p < 0.05`,
    test: 'TOST, one-sample t',
    p: e.p,
    refuted: e.ciLo > hi || e.ciHi < lo,
    stats: { mean: e.mean, sd: e.sd, n: e.n, ciLo90: e.ciLo, ciHi90: e.ciHi, pLower: e.pLower, pUpper: e.pUpper, bandLo: lo, bandHi: hi },
    effect: { name: 'mean', value: e.mean, holds: inside },
    inconclusive: (level) =>
      !(e.sd > 0)
        ? noSpread(e.n)
        : inside
          ? effectNote(`mean ${f(e.mean)} within noise of the band`, Math.min(e.mean - lo, hi - e.mean), e.sd, level)
          : effectNote(`mean ${f(e.mean)} outside the band, within noise`, Math.max(lo - e.mean, e.mean - hi), e.sd, ALPHA),
  });
}

function bound(pattern: number, check: string, xs: number[], limit: number, side: 'below' | 'above', unit: string): CheckResult {
  const claim = oneSampleT(xs, limit, side === 'below' ? 'less' : 'greater');
  const reverse = oneSampleT(xs, limit, side === 'below' ? 'greater' : 'less');
  const c = ci95(xs);
  const oneSided = c.n > 1 && claim.se > 0 ? tQuantile(1 - ALPHA, c.n - 1) * claim.se : NaN;
  const edge = side === 'below' ? c.mean + oneSided : c.mean - oneSided;
  const rightSide = side === 'below' ? c.mean < limit : c.mean > limit;
  return make({
    pattern,
    check,
    measured: `mean ${f(c.mean, 4)}${unit} (one-sided 95% ${side === 'below' ? 'upper' : 'lower'} bound ${f(edge, 4)}, n=${c.n})`,
    criterion: `${side} ${f(limit, 4)}${unit}: one-sided t p < 0.05`,
    test: 'one-sided one-sample t',
    p: claim.p,
    refuted: reverse.p < ALPHA,
    stats: { mean: c.mean, sd: c.sd, n: c.n, bound95: edge, bound: limit, t: claim.t },
    effect: { name: 'mean', value: c.mean, holds: rightSide },
    inconclusive: (level) =>
      !(c.sd > 0) ? noSpread(c.n) : effectNote(`mean ${f(c.mean, 4)} within noise of ${f(limit, 4)}`, rightSide ? Math.abs(c.mean - limit) : 0, c.sd, level),
  });
}

/** The mean is below `bound` beyond seed noise: one-sided t test. */
export function below(pattern: number, check: string, xs: number[], limit: number, unit = ''): CheckResult {
  return bound(pattern, check, xs, limit, 'below', unit);
}

/** The mean is above `bound` beyond seed noise: one-sided t test. */
export function above(pattern: number, check: string, xs: number[], limit: number, unit = ''): CheckResult {
  return bound(pattern, check, xs, limit, 'above', unit);
}

/**
 * Rare events per run (counts) average below `rate`: exact Poisson test of the total X over n seeds,
 * p = P(Poisson(rate n) <= X). Inconclusive note: the fewest seeds M at which the same per-seed event
 * rate would give p below the level the check faced (with no events: M > ln(1 / level) / rate).
 */
export function fewerEvents(pattern: number, check: string, counts: number[], rate: number): CheckResult {
  const n = counts.length;
  const x = counts.reduce((s, v) => s + v, 0);
  const p = n > 0 ? poissonCdf(x, rate * n) : NaN;
  // Exact one-sided 95% upper bound of the mean per run: the lambda with P(Poisson(lambda) <= X) = 0.05.
  let lo = 0;
  let hi = x + 10 + 10 * Math.sqrt(x + 1);
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (poissonCdf(x, mid) > ALPHA) lo = mid;
    else hi = mid;
  }
  const upper = n > 0 ? hi / n : NaN;
  return make({
    pattern,
    check,
    measured: `${x} events over ${n} seeds: ${f(x / n, 4)} per run (one-sided 95% upper bound ${f(upper, 4)})`,
    criterion: `below ${f(rate, 4)} per run: exact Poisson p < 0.05`,
    test: 'exact Poisson, one-sided',
    p,
    refuted: n > 0 && 1 - poissonCdf(x - 1, rate * n) < ALPHA,
    stats: { events: x, n, perRun: x / n, upper95: upper, rate },
    effect: { name: 'events per run', value: x / n, holds: x / n < rate },
    inconclusive: (level) => {
      const perSeed = x / n;
      if (perSeed >= rate) return `inconclusive: ${x} events over ${n} seeds, at or above the bound within noise; more seeds would not show it below`;
      let m = n + 1;
      while (m <= 1e6 && poissonCdf(Math.floor(perSeed * m), rate * m) >= level) m++;
      return `inconclusive: ${x} events, at least ${seedsText(m)} seeds needed`;
    },
  });
}

/**
 * `a` is larger than `b` (direction 'greater') or smaller ('less') on the same seeds: one-sided Wilcoxon
 * signed-rank test of the per-seed differences a_s - b_s, zeros dropped.
 */
export function ordering(pattern: number, check: string, a: number[], b: number[], direction: 'greater' | 'less'): CheckResult {
  const w = wilcoxonSignedRank(a, b, direction);
  const reverse = wilcoxonSignedRank(a, b, direction === 'greater' ? 'less' : 'greater');
  const d = ci95(a.map((x, i) => x - b[i]));
  const rightWay = direction === 'greater' ? d.mean > 0 : d.mean < 0;
  return make({
    pattern,
    check,
    measured: `diff ${f(d.mean, 4)} (95% CI ${f(d.lo, 4)}..${f(d.hi, 4)}, n=${d.n}), V=${w.v}, p=${fp(w.p)}`,
    criterion: `${direction === 'greater' ? 'first > second' : 'first < second'}: one-sided signed-rank p < 0.05`,
    test: `Wilcoxon signed-rank (paired by seed), one-sided, ${w.exact ? 'exact' : 'normal approximation'}`,
    p: w.p,
    refuted: reverse.p < ALPHA,
    stats: { diff: d.mean, diffSd: d.sd, diffLo: d.lo, diffHi: d.hi, v: w.v, nonZero: w.n, zeros: w.zeros, n: d.n },
    effect: { name: 'paired difference (first - second)', value: d.mean, holds: rightWay },
    inconclusive: (level) =>
      w.n === 0
        ? `inconclusive: all ${d.n} pairs equal; the data cannot decide`
        : effectNote(`diff ${f(d.mean, 4)} ${rightWay ? 'within seed noise' : 'the other way, within seed noise'}`, rightWay ? Math.abs(d.mean) : 0, d.sd, level),
  });
}

/** Fewest non-zero pairs with which a one-sided signed-rank test can reach `level`: 2^-k < level. */
const pairsNeeded = (level: number) => Math.floor(Math.log2(1 / level)) + 1;

/**
 * Rare events (counts per run) are more frequent in `a` than in `b` over the same seeds: one-sided
 * Wilcoxon signed-rank test of the per-seed differences. Decided only when enough seeds differ for the
 * test to be able to reach 0.05 (5); otherwise, and when it stays inconclusive, the note gives the seeds
 * M = k_needed n / k at which the seeds seen to differ (k of n) would number k_needed for the level the
 * check faced; with no differing seed the rule of three (at most 3 / n of the seeds differ, 95%) gives
 * M >= k_needed n / 3. The exact conditional binomial test of the totals is reported as well.
 */
export function moreEvents(pattern: number, check: string, a: number[], b: number[]): CheckResult {
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const n = a.length;
  const w = wilcoxonSignedRank(a, b, 'greater');
  const reverse = wilcoxonSignedRank(a, b, 'less');
  const decidable = w.n >= pairsNeeded(ALPHA);
  const rate = rateComparison(sum(a), sum(b));
  return make({
    pattern,
    check,
    measured: `${sum(a)} vs ${sum(b)} events over ${n} seeds (${w.n} seeds differ), signed-rank p=${decidable ? fp(w.p) : '-'} (exact rate test p=${fp(rate.p)})`,
    criterion: 'more events in the first: one-sided signed-rank p < 0.05',
    test: 'Wilcoxon signed-rank (paired by seed), one-sided, on event counts',
    p: decidable ? w.p : NaN,
    refuted: decidable && reverse.p < ALPHA,
    stats: { a: sum(a), b: sum(b), n, differing: w.n, p: w.p, rateP: rate.p },
    effect: { name: 'events per run, first - second', value: n > 0 ? (sum(a) - sum(b)) / n : NaN, holds: sum(a) > sum(b) },
    inconclusive: (level) => {
      const need = pairsNeeded(decidable ? level : ALPHA);
      const m = Math.ceil((need * n) / (w.n > 0 ? w.n : 3));
      return `inconclusive: ${sum(a)} vs ${sum(b)} events, at least ${seedsText(Math.max(m, n + 1))} seeds needed`;
    },
  });
}

/**
 * A pooled proportion (successes over trials across seeds) in [lo, hi]: exact binomial TOST,
 * p = max(P(X >= x | lo), P(X <= x | hi)); an edge at 0 or 1 is the end of the scale and not tested.
 * The trials are pooled over `seeds` runs (for the note: seeds for 80% power at the observed share,
 * normal approximation, at the observed trials per seed).
 */
export function proportionBand(pattern: number, check: string, successes: number, trials: number, lo: number, hi: number, seeds: number): CheckResult {
  const w = wilsonInterval(successes, trials);
  const pLower = lo <= 0 ? 0 : 1 - binomialCdf(successes - 1, trials, lo);
  const pUpper = hi >= 1 ? 0 : binomialCdf(successes, trials, hi);
  const above = hi >= 1 ? 1 : 1 - binomialCdf(successes - 1, trials, hi); // P(X >= x | hi): small means above the band
  const belowLo = lo <= 0 ? 1 : binomialCdf(successes, trials, lo);
  const q = successes / trials;
  return make({
    pattern,
    check,
    measured: `${successes}/${trials} = ${f(100 * q, 2)}% (95% CI ${f(100 * w.lo, 2)}..${f(100 * w.hi, 2)}%)`,
    criterion: `equivalent to ${f(100 * lo, 2)}..${f(100 * hi, 2)}%: exact binomial TOST p < 0.05`,
    test: 'exact binomial TOST (pooled trials)',
    p: trials > 0 ? Math.max(pLower, pUpper) : NaN,
    refuted: trials > 0 && (above < ALPHA || belowLo < ALPHA),
    stats: { successes, trials, estimate: q, lo: w.lo, hi: w.hi, pLower, pUpper, bandLo: lo, bandHi: hi },
    effect: { name: 'proportion', value: q, holds: q >= lo && q <= hi },
    inconclusive: (level) => {
      const dist = Math.min(lo <= 0 ? Infinity : q - lo, hi >= 1 ? Infinity : hi - q);
      if (!(dist > 0)) return `inconclusive: ${f(100 * q, 2)}% outside or on the band's edge, within noise`;
      const z = normalQuantile(1 - level) + normalQuantile(0.8);
      const needTrials = (z * z * q * (1 - q)) / (dist * dist);
      return `inconclusive: ${successes}/${trials} within noise of the band; at least ${seedsText(Math.ceil((needTrials * seeds) / trials))} seeds needed`;
    },
  });
}

/**
 * A claim about means written as a per-seed linear contrast that must be positive (e.g. "the last
 * halving adds more than twice the first": last_s - 2 first_s > 0): one-sided one-sample t test.
 */
export function contrast(pattern: number, check: string, xs: number[], measured: string, criterion: string): CheckResult {
  const claim = oneSampleT(xs, 0, 'greater');
  const reverse = oneSampleT(xs, 0, 'less');
  const c = ci95(xs);
  return make({
    pattern,
    check,
    measured: `${measured}; contrast ${f(c.mean, 4)} (95% CI ${f(c.lo, 4)}..${f(c.hi, 4)}, n=${c.n})`,
    criterion: `${criterion}: per-seed contrast > 0, one-sided t p < 0.05`,
    test: 'one-sided t on the per-seed contrast',
    p: claim.p,
    refuted: reverse.p < ALPHA,
    stats: { contrast: c.mean, sd: c.sd, lo: c.lo, hi: c.hi, n: c.n },
    effect: { name: 'contrast', value: c.mean, holds: c.mean > 0 },
    inconclusive: (level) => (!(c.sd > 0) ? noSpread(c.n) : effectNote(`contrast ${f(c.mean, 4)} within noise`, Math.max(c.mean, 0), c.sd, level)),
  });
}

/**
 * A ratio of mean effects, mean(num) / mean(den), lies in [lo, hi] (den > 0): TOST on the per-seed
 * contrasts num_s - lo den_s >= 0 and hi den_s - num_s >= 0 (Fieller's linearisation), each a one-sided
 * t test; p = the larger.
 */
export function ratioBand(pattern: number, check: string, num: number[], den: number[], lo: number, hi: number, measured: string): CheckResult {
  const c1 = num.map((x, i) => x - lo * den[i]);
  const c2 = num.map((x, i) => hi * den[i] - x);
  const t1 = oneSampleT(c1, 0, 'greater');
  const t2 = oneSampleT(c2, 0, 'greater');
  const r1 = oneSampleT(c1, 0, 'less');
  const r2 = oneSampleT(c2, 0, 'less');
  // The ratio of the mean effects (meaningful only with a positive denominator).
  const ratio = mean(den) > 0 ? mean(num) / mean(den) : NaN;
  return make({
    pattern,
    check,
    measured: `${measured}; contrasts vs ${f(lo)} and ${f(hi)}: ${f(t1.mean, 4)}, ${f(t2.mean, 4)}`,
    criterion: `ratio in ${f(lo)}..${f(hi)}: TOST on per-seed contrasts, p < 0.05`,
    test: 'TOST, one-sample t on per-seed linear contrasts (Fieller)',
    p: Number.isNaN(t1.p) || Number.isNaN(t2.p) ? NaN : Math.max(t1.p, t2.p),
    refuted: r1.p < ALPHA || r2.p < ALPHA,
    stats: { lowContrast: t1.mean, highContrast: t2.mean, pLow: t1.p, pHigh: t2.p, n: num.length },
    effect: { name: 'ratio of means', value: ratio, holds: ratio >= lo && ratio <= hi },
    inconclusive: (level) => {
      const need = Math.max(seedsForPower(t1.mean, t1.sd, level), seedsForPower(t2.mean, t2.sd, level));
      return Number.isFinite(need) ? `inconclusive: ratio within noise of the band; at least ${seedsText(need)} seeds needed` : 'inconclusive: ratio outside the band within noise';
    },
  });
}

/** Mark a check as a calibration target. */
export function calibration(c: CheckResult): CheckResult {
  return { ...c, role: 'calibration' };
}

/** Mark a check as a validation target. */
export function validation(c: CheckResult): CheckResult {
  return { ...c, role: 'validation' };
}
