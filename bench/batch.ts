/**
 * Batch throughput: runs per second of a batch on 1 and on 2 worker threads, and their ratio, for an
 * Epstein preset and the governance model's default town. Workers are started and
 * warmed (one run each) before timing, so the figure is the steady rate of a long batch; worker start-up
 * (~0.5 s, once per batch) is reported separately. Each figure is the median of a few repetitions.
 */
import { RunPool, type RunTask } from '../src/batch/pool';
import { median } from '../src/stats/descriptive';
import { readScenarioRaw } from '../src/scenario/files';

const REPETITIONS = 3;
/**
 * Aim for about this long per timed repetition on one worker. Short batches understate the speed-up:
 * while a worker's JIT is still settling, V8 compiles on a background thread, which a lone worker gets
 * for free on the idle core (governance town: 1.4x with ~14 runs a repetition, 1.8x with ~46).
 */
const TARGET_SECONDS = 6;

interface Case {
  label: string;
  raw: unknown;
  steps?: number;
}

function cases(): Case[] {
  return [
    { label: 'epstein-2002-run1, 200 steps', raw: readScenarioRaw('epstein-2002-run1').raw, steps: 200 },
    { label: 'social-governance (default town)', raw: readScenarioRaw('social-governance').raw },
  ];
}

const tasksFor = (c: Case, count: number, firstSeed: number): RunTask[] =>
  Array.from({ length: count }, (_, i) => ({ id: i, scenario: c.raw, seed: firstSeed + i, steps: c.steps, source: c.label }));

async function timed(pool: RunPool, tasks: RunTask[]): Promise<number> {
  const errors: string[] = [];
  const t0 = performance.now();
  await pool.runAll(tasks, (_, r) => {
    if (!r.ok) errors.push(r.error);
  });
  if (errors.length) throw new Error(`${errors.length} bench runs failed, e.g.: ${errors[0]}`);
  return (performance.now() - t0) / 1000;
}

async function rate(c: Case, workers: number, runs: number): Promise<{ perSecond: number; startup: number }> {
  const rates: number[] = [];
  const startups: number[] = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const pool = new RunPool({ workers });
    try {
      // Warm-up: each worker loads the engine and does a first run (the first loop turn gives one task per
      // worker), then eight more each so the JIT has settled (no more background compiling) before timing starts.
      startups.push(await timed(pool, tasksFor(c, workers, 1_000_000)));
      await timed(pool, tasksFor(c, 8 * workers, 2_000_000));
      const seconds = await timed(pool, tasksFor(c, runs, 1 + rep * runs));
      rates.push(runs / seconds);
    } finally {
      await pool.close();
    }
  }
  return { perSecond: median(rates), startup: median(startups) };
}

export async function benchBatch(): Promise<void> {
  console.log('batch throughput (runs/s, median of 3; workers warmed before timing)');
  for (const c of cases()) {
    // Calibrate: one warmed run on one worker gives the run time, hence the batch size.
    const probe = new RunPool({ workers: 1 });
    let single: number;
    try {
      await timed(probe, tasksFor(c, 3, 999_990));
      single = await timed(probe, tasksFor(c, 1, 999_998));
    } finally {
      await probe.close();
    }
    // An even count, at least 4, so that two workers can share the runs evenly.
    const runs = Math.max(4, 2 * Math.round(TARGET_SECONDS / single / 2));
    const one = await rate(c, 1, runs);
    const two = await rate(c, 2, runs);
    console.log(
      `  ${c.label}: ${runs} runs of ${(single * 1000).toFixed(0)} ms; 1 worker ${one.perSecond.toFixed(2)} runs/s, ` +
        `2 workers ${two.perSecond.toFixed(2)} runs/s, speed-up ${(two.perSecond / one.perSecond).toFixed(2)}x ` +
        `(worker start-up + first run ${one.startup.toFixed(2)} s)`,
    );
  }
}

// Run directly: `npx tsx bench/batch.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchBatch();
