/**
 * Benchmark of the classic Epstein (2002) model: agent-steps per second (citizens + cops, each
 * activated once a step) and typed-array bytes per agent, on one core, at 40 x 40 (the paper's
 * lattice), 200 x 200 and 1000 x 1000, all other params at their scenario defaults.
 *
 * Each size runs in a fresh worker thread (bench/epstein-case.ts), as a run of one scenario does in
 * `govsim run`: in one thread, code compiled for the smaller lattices first slowed 1000 x 1000 by ~7%.
 * Each size first runs its opening: from the initial, all-quiet lattice the first steps bring a burst of
 * activity and arrests (about 100 steps until the jail has filled and actives are a few hundred per
 * million), then the long run settles into quiet spells and outbursts. The opening's rate is printed
 * on its own (it also covers V8's compilation); then several timed repetitions of a fixed number of
 * steps give the long-run rate, reported as the median repetition with the slowest and fastest, by
 * wall time and by the process's CPU time (on a shared machine the two differ by the time other
 * processes took the core). The requirement is >= 10 million agent-steps/s at 200 x 200 and
 * 1000 x 1000 in the long run, judged on the median wall time.
 *
 * What bounds 1000 x 1000 is memory, not arithmetic: agents are activated in random order over a
 * lattice larger than the core's caches (L2 1 MB here), so every random access to a per-cell array is
 * a likely cache miss. The layout (sim/epstein/model.ts) is built to avoid them; measured on the
 * 2-core machine, 2026-11-27, long-run medians of paired runs:
 *   per-cell codes and traits, an activation list rebuilt by a sweep over the lattice   ~5-7 M
 *   + agents in a roster in activation order, bucket shuffle (sim/epstein/roster.ts)     x1.3-1.6
 *   + cops as a bitset counted on demand, stopping when the decision is settled,
 *     8 x 8 blocks that no active sees (sim/epstein/cop-grid.ts, active-blocks.ts)       x1.1-1.2
 *   + movers probe an occupancy bitset (128 KB) instead of a byte per cell (1 MB)       x1.15
 *   + no per-cell codes at all while running: the lattice is three bitsets               x1.1
 *   + no Rule A call for quiet citizens with G <= T; floor's quiet count exactly          x1.1
 *   + the cop count skips a citizen's own bit; Fisher-Yates indices in integer steps     x1.12
 * Tried and not kept: software prefetch of the next agents' cells (-9..-14%); tiled activation (a
 * tile can only run an agent that ranks before the next agents of all its neighbour tiles: ~1.1
 * agents per tile visit, no locality); Fisher-Yates done inside the activation loop instead of as a
 * pass over each bucket (-9%); Rule A without branches on the counts (-6% at 200 x 200); four 8-bit
 * probe chunks per draw instead of two 16-bit halves (-6% at 200 x 200); no measurable change: a 4 KB
 * filter in front of the arrest marks, bucket labels drawn in the end-of-step pass, coordinates
 * handed to the count instead of divided out again, the count's fast path split from its wrapping one.
 */
import { Worker } from 'node:worker_threads';
import type { EpsteinCase } from './epstein-case';

/** Repetitions of about half a second each, so that one hiccup of the shared machine moves the median little. */
const CASES: EpsteinCase[] = [
  { size: 40, opening: 300, steps: 3000, repetitions: 7 },
  { size: 200, opening: 100, steps: 150, repetitions: 7 },
  { size: 1000, opening: 100, steps: 6, repetitions: 7 },
];

export async function benchEpstein(): Promise<void> {
  console.log('epstein: agent-steps/s on one core; long run: median of repetitions [min..max]');
  for (const c of CASES) console.log(`  ${await inWorker(c)}`);
}

/** Run one case in a fresh worker thread (started through src/worker/bootstrap.mjs, which loads tsx). */
function inWorker(c: EpsteinCase): Promise<string> {
  const worker = new Worker(new URL('../src/worker/bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./epstein-case.ts', import.meta.url).href, case: c },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (line: string) => {
      resolve(line);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the ${c.size}x${c.size} case's worker exited with code ${code}`)));
  });
}
