/** The validation table: on the terminal as aligned text, on disk as JSON. */
import type { CheckResult } from './checks';
import type { Pattern } from './patterns';

export interface PatternVerdict {
  id: number;
  title: string;
  source: string;
  pass: boolean;
  checks: CheckResult[];
  error?: string;
}

export function judge(patterns: readonly Pattern[], evaluate: (p: Pattern) => CheckResult[]): PatternVerdict[] {
  return patterns.map((p) => {
    try {
      const checks = evaluate(p);
      return { id: p.id, title: p.title, source: p.source, pass: checks.length > 0 && checks.every((c) => c.pass), checks };
    } catch (e) {
      return { id: p.id, title: p.title, source: p.source, pass: false, checks: [], error: (e as Error).message };
    }
  });
}

/**
 * The report as text: calibration targets (matched by choosing values: "calibrated to") and validation
 * targets (never used to choose a value: "validated against") in two tables, then the verdicts.
 */
export function table(verdicts: readonly PatternVerdict[]): string {
  const header = ['pattern', 'check', 'measured', 'criterion', 'result'];
  const part = (role: 'calibration' | 'validation') => {
    const rows: string[][] = [header];
    for (const v of verdicts) {
      if (v.error && role === 'validation') rows.push([`${v.id} ${v.title}`, '(could not evaluate)', v.error, '', 'FAIL']);
      for (const c of v.checks) if ((c.role ?? 'validation') === role) rows.push([`${v.id} ${v.title}`, c.check, c.measured, c.criterion, c.pass ? 'PASS' : 'FAIL']);
    }
    return rows;
  };
  const cal = part('calibration');
  const val = part('validation');
  const all = [...cal, ...val];
  const widths = header.map((_, i) => Math.min(i === 2 ? 70 : 48, Math.max(...all.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const count = (rows: string[][]) => `${rows.slice(1).filter((r) => r[4] === 'PASS').length} of ${rows.length - 1} checks pass`;
  const passed = verdicts.filter((v) => v.pass).length;
  return [
    'Calibration targets (calibrated to: values were chosen to match these)',
    ...cal.map(line),
    count(cal),
    '',
    'Validation targets (validated against: never used to choose a value)',
    ...val.map(line),
    count(val),
    '',
    `${passed} of ${verdicts.length} patterns pass`,
  ].join('\n');
}
