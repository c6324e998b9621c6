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

export function table(verdicts: readonly PatternVerdict[]): string {
  const rows: string[][] = [['pattern', 'check', 'measured', 'criterion', 'result']];
  for (const v of verdicts) {
    if (v.error) rows.push([`${v.id} ${v.title}`, '(could not evaluate)', v.error, '', 'FAIL']);
    for (const c of v.checks) rows.push([`${v.id} ${v.title}`, c.check, c.measured, c.criterion, c.pass ? 'PASS' : 'FAIL']);
  }
  const widths = rows[0].map((_, i) => Math.min(i === 2 ? 70 : 48, Math.max(...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  const passed = verdicts.filter((v) => v.pass).length;
  return [line(rows[0]), ...rows.slice(1).map(line), '', `${passed} of ${verdicts.length} patterns pass`].join('\n');
}
