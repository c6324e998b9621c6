import { describe, expect, it } from 'vitest';
import { aggregateFiles, flattenMetrics, metricNames, runsCsv } from '../../src/batch/aggregate';
import { comparisons } from '../../src/batch/compare';
import type { Plan } from '../../src/batch/design';
import { Progress } from '../../src/batch/progress';
import type { RunRecord } from '../../src/batch/store';

const plan = (kind: Plan['kind'], points: number, seeds: number[]): Plan => ({
  kind,
  command: [kind],
  scenarios: [
    { ref: 'a.json', name: 'A', model: 'epstein', scenarioHash: 'h' },
    { ref: 'b.json', name: 'B', model: 'epstein', scenarioHash: 'h2' },
  ].slice(0, kind === 'compare' ? points : 1),
  sets: [],
  seeds,
  series: false,
  varied: kind === 'sweep' ? ['params.x'] : [],
  points: Array.from({ length: points }, (_, i) => ({ scenario: kind === 'compare' ? i : 0, values: (kind === 'sweep' ? { 'params.x': i } : {}) as Record<string, number>, steps: 10 })),
});

const rec = (run: number, point: number, seed: number, metrics: RunRecord['metrics'], extra: Partial<RunRecord> = {}): RunRecord => ({
  run,
  point,
  seed,
  params: {},
  steps: 10,
  key: 'k',
  status: 'ok',
  metrics,
  outputHash: `o${run}`,
  ...extra,
});

describe('aggregates', () => {
  it('flatten nested records and keep lists', () => {
    expect(flattenMetrics({ a: 1, byLevel: { grid: 2, court: 3 }, hist: [1, 2] })).toEqual({ a: 1, 'byLevel.grid': 2, 'byLevel.court': 3, hist: [1, 2] });
  });

  it('write one row per run with every metric, and the error of a failed run', () => {
    const p = plan('sweep', 2, [1, 2]);
    const records = [
      rec(0, 0, 1, { m: 1, r: { g: 2 } }, { params: { 'params.x': 0 } }),
      rec(1, 0, 2, { m: 3, r: { g: 4 }, extra: 9 }, { params: { 'params.x': 0 } }),
      { ...rec(2, 1, 1, undefined, { params: { 'params.x': 1 } }), status: 'failed' as const, error: 'bad, "value"', outputHash: undefined },
      rec(3, 1, 2, { m: 5, r: { g: 6 } }, { params: { 'params.x': 1 } }),
    ];
    expect(metricNames(records)).toEqual(['m', 'r.g', 'extra']);
    expect(runsCsv(p, records)).toBe(
      'run,seed,params.x,m,r.g,extra,outputHash,error\n0,1,0,1,2,,o0,\n1,2,0,3,4,9,o1,\n2,1,1,,,,,"bad, ""value"""\n3,2,1,5,6,,o3,\n',
    );
  });

  it('summarise each metric by n, mean, sd and t interval, per point for sweeps', async () => {
    const p = plan('sweep', 2, [1, 2, 3]);
    // Point 0: m = 1 2 6 -> mean 3, sd sqrt(((-2)^2 + (-1)^2 + 3^2) / 2) = sqrt(7).
    const records = [1, 2, 6, 10, 10, NaN].map((m, i) => rec(i, Math.floor(i / 3), (i % 3) + 1, { m }));
    const files = await aggregateFiles(p, records);
    const s = JSON.parse(files['summary.json']);
    expect(s.points[0].metrics.m.mean).toBe(3);
    expect(s.points[0].metrics.m.sd).toBeCloseTo(Math.sqrt(7), 12);
    // 95% interval: 3 ± t(0.975, 2) sqrt(7) / sqrt(3) = 3 ± 4.302653 * 1.527525.
    expect(s.points[0].metrics.m.ci95[0]).toBeCloseTo(3 - 4.302653 * 1.527525, 4);
    // Non-finite values are left out of n.
    expect(s.points[1].metrics.m).toMatchObject({ n: 2, mean: 10, sd: 0 });
    const manifest = JSON.parse(files['manifest.json']);
    expect(Object.keys(manifest.files)).toEqual(['runs.csv', 'summary.json']);
    expect(manifest.outputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuse to aggregate an incomplete set of runs', async () => {
    await expect(aggregateFiles(plan('batch', 1, [1, 2]), [rec(0, 0, 1, { m: 1 })])).rejects.toThrow(/needs all 2 runs/);
  });
});

describe('comparisons', () => {
  it('pair runs by seed and report B - A', () => {
    const p = plan('compare', 2, [1, 2, 3]);
    // Baseline m = 1 2 3, B m = 2 4 6: differences 1 2 3 (mean 2, sd 1); A = 7.5 / 9 (B beats A in 7 of the 9 pairs, ties in 1: 2 = 2).
    const records = [1, 2, 3, 2, 4, 6].map((m, i) => rec(i, Math.floor(i / 3), (i % 3) + 1, { m }));
    const [c] = comparisons(p, records);
    expect(c.scenario).toBe('B');
    expect(c.baseline).toBe('A');
    const m = c.metrics[0];
    expect(m.n).toBe(3);
    expect(m.difference.mean).toBe(2);
    expect(m.difference.sd).toBe(1);
    expect(m.varghaDelaneyA).toBeCloseTo(7.5 / 9, 12);
  });
});

describe('progress', () => {
  const sink = (tty: boolean) => {
    const out: string[] = [];
    const write = (s: string) => {
      out.push(s);
      return true;
    };
    return { out, stream: { isTTY: tty, write } };
  };

  it('prints a plain line about every 10% when not on a terminal', () => {
    const { out, stream } = sink(false);
    let t = 0;
    const p = new Progress(20, 0, { stream, now: () => t });
    for (let i = 0; i < 20; i++) {
      t += 500;
      p.tick();
    }
    expect(out).toHaveLength(10);
    expect(out[0]).toBe('2/20 runs (10%), 2.00 runs/s, ETA 9s\n');
    expect(out[9]).toMatch(/^20\/20 runs \(100%\)/);
  });

  it('redraws one line with \\r on a terminal, and says nothing with --quiet', () => {
    const tty = sink(true);
    let t = 0;
    const p = new Progress(3, 1, { stream: tty.stream, now: () => (t += 200) });
    p.tick();
    p.tick(true);
    p.finish();
    expect(tty.out[0]).toMatch(/^\r\[.*\] 2\/3 runs \(66%\)/);
    expect(tty.out[1]).toMatch(/3\/3 runs \(100%, 1 failed\)/);
    expect(tty.out.at(-1)).toBe('\n');
    const quiet = sink(false);
    const q = new Progress(3, 0, { stream: quiet.stream, quiet: true });
    q.tick();
    q.finish();
    expect(quiet.out).toEqual([]);
  });
});
