/** The validation table: on the terminal as aligned text, on disk as JSON. */
import { type CheckResult, settle, type Verdict } from './checks';
import type { Pattern } from './patterns';

export interface PatternVerdict {
  id: number;
  title: string;
  source: string;
  /** PASS when every check passes, FAIL when any fails (or the pattern could not be evaluated), else INCONCLUSIVE. */
  verdict: Verdict;
  checks: CheckResult[];
  error?: string;
}

/**
 * Evaluates every pattern, then settles all their checks together: the suite is one family of
 * hypothesis tests, adjusted by Holm's method (src/validate/checks.ts), so a pattern's verdict depends
 * on which patterns ran with it.
 */
export function judge(patterns: readonly Pattern[], evaluate: (p: Pattern) => CheckResult[]): PatternVerdict[] {
  const raw = patterns.map((p) => {
    try {
      return { p, checks: evaluate(p) };
    } catch (e) {
      return { p, checks: [] as CheckResult[], error: (e as Error).message };
    }
  });
  const settled = settle(raw.flatMap((r) => r.checks));
  let at = 0;
  return raw.map(({ p, checks, error }) => {
    const mine = settled.slice(at, at + checks.length);
    at += checks.length;
    const verdict: Verdict =
      error !== undefined || mine.length === 0 || mine.some((c) => c.verdict === 'FAIL') ? 'FAIL' : mine.every((c) => c.verdict === 'PASS') ? 'PASS' : 'INCONCLUSIVE';
    return { id: p.id, title: p.title, source: p.source, verdict, checks: mine, ...(error === undefined ? {} : { error }) };
  });
}

const fp = (p: number | undefined) => (p === undefined || Number.isNaN(p) ? '-' : p < 1e-4 ? p.toExponential(1) : Number(p.toFixed(4)).toString());

/** "3 PASS, 1 FAIL, 2 INCONCLUSIVE of 6 checks". */
export function counts(verdicts: readonly Verdict[], what = 'checks'): string {
  const n = (v: Verdict) => verdicts.filter((x) => x === v).length;
  return `${n('PASS')} PASS, ${n('FAIL')} FAIL, ${n('INCONCLUSIVE')} INCONCLUSIVE of ${verdicts.length} ${what}`;
}

/**
 * The report as text: calibration targets (matched by choosing values: "calibrated to") and validation
 * targets (never used to choose a value: "validated against") in two tables, each with its verdict
 * counts, then the patterns' verdicts. p is the claim's raw one-sided p-value; Holm is the adjusted one
 * the verdict used; an INCONCLUSIVE row says on the next line what was seen and how many seeds would
 * decide it.
 */
export function table(verdicts: readonly PatternVerdict[]): string {
  const header = ['pattern', 'check', 'measured', 'criterion', 'p', 'Holm', 'result'];
  const part = (role: 'calibration' | 'validation') => {
    const rows: string[][] = [header];
    const notes: (string | undefined)[] = [undefined];
    const results: Verdict[] = [];
    for (const v of verdicts) {
      if (v.error && role === 'validation') {
        rows.push([`${v.id} ${v.title}`, '(could not evaluate)', v.error, '', '-', '-', 'FAIL']);
        notes.push(undefined);
        results.push('FAIL');
      }
      for (const c of v.checks) {
        if ((c.role ?? 'validation') !== role) continue;
        rows.push([`${v.id} ${v.title}`, c.check, c.measured, c.criterion, fp(c.p), fp(c.pAdjusted), c.verdict]);
        notes.push(c.note);
        results.push(c.verdict);
      }
    }
    return { rows, notes, results };
  };
  const cal = part('calibration');
  const val = part('validation');
  const all = [...cal.rows, ...val.rows];
  const widths = header.map((_, i) => Math.min(i === 2 ? 70 : i === 3 ? 56 : 48, Math.max(...all.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const lines = (t: ReturnType<typeof part>) => t.rows.flatMap((r, i) => (t.notes[i] ? [line(r), `    ${t.notes[i]}`] : [line(r)]));
  return [
    'Calibration targets (calibrated to: values were chosen to match these)',
    ...lines(cal),
    counts(cal.results),
    '',
    'Validation targets (validated against: never used to choose a value)',
    ...lines(val),
    counts(val.results),
    '',
    `${counts(
      verdicts.map((v) => v.verdict),
      'patterns',
    )} (Holm's correction over all ${verdicts.reduce((s, v) => s + v.checks.filter((c) => !Number.isNaN(c.p)).length, 0)} tests of this run)`,
  ].join('\n');
}
