/**
 * Sensitivity throughput: design points per second (each point over 2 seeds, three-year town runs of the
 * governance preset) on 2 warmed worker threads, for a Sobol design over 12 society parameters, and the
 * time the two target analyses would take at that rate. It times points spread evenly over the
 * N = 256 design rather than the analysis itself: a point's cost varies eightfold across the society ranges
 * (0.13 s for a calm town, 1 s and more where a village rises for good and P falls to 0), so the first
 * points of the design alone misjudge it.
 *   Sobol, 12 society parameters (the first twelve that are not the town's size and layout), N = 256:
 *   256 x 14 = 3,584 points (goal: under 10 min on 2 cores)
 *   Morris, every numeric policy lever, r = 10: 10 x (k + 1) points (goal: under 5 min)
 */
import { RunPool, type RunTask } from '../src/batch/pool';
import { readScenarioRaw } from '../src/scenario/files';
import { applyOverrides } from '../src/scenario/overrides';
import { designValues } from '../src/sensitivity/design';
import { defaultFactor, selectParameters } from '../src/sensitivity/factors';
import { assignments } from '../src/batch/design';

const SEEDS = [1, 2];
const TIMED_POINTS = 24;
const WORKERS = 2;

export async function benchSensitivity(): Promise<void> {
  console.log(`sensitivity throughput (points/s, ${SEEDS.length} seeds a point, ${WORKERS} workers warmed before timing)`);
  const raw = readScenarioRaw('social-governance').raw;
  // Twelve society parameters of the town as it is: its size and layout (population.residents,
  // counties, towns, villages, grids) are left out, since they change which town runs, not how it behaves.
  const LAYOUT = /^params\.population\.(residents|counties|townsPerCounty|villagesPerTown|gridsPerVillage)$/;
  const society = selectParameters('governance', [], 'society')
    .specs.filter((s) => !LAYOUT.test(s.path))
    .slice(0, 12);
  const design = designValues({ method: 'sobol', n: 256, sampleSeed: 1, factors: society.map(defaultFactor) });
  // Every (3,584 / 26)th point: TIMED_POINTS to time, then WORKERS more to warm the workers with.
  const values = Array.from({ length: TIMED_POINTS + WORKERS }, (_, k) => design[Math.floor(((k + 0.5) * design.length) / (TIMED_POINTS + WORKERS))]);
  const tasks = (first: number, count: number): RunTask[] =>
    values.slice(first, first + count).flatMap((v, p) => SEEDS.map((seed, s) => ({ id: p * SEEDS.length + s, scenario: applyOverrides(raw, assignments(v)), seed, source: 'bench' })));
  const pool = new RunPool({ workers: WORKERS });
  let seconds: number;
  try {
    // Warm-up: each worker loads the engine and runs a few three-year towns.
    await pool.runAll(tasks(TIMED_POINTS, WORKERS), () => undefined);
    const t0 = performance.now();
    const failed: string[] = [];
    await pool.runAll(tasks(0, TIMED_POINTS), (_, r) => {
      if (!r.ok) failed.push(r.error);
    });
    if (failed.length) throw new Error(`${failed.length} bench runs failed, e.g.: ${failed[0]}`);
    seconds = (performance.now() - t0) / 1000;
  } finally {
    await pool.close();
  }
  const rate = TIMED_POINTS / seconds;
  const policy = selectParameters('governance', [], 'policy').specs.length;
  const fmt = (s: number) => (s >= 3600 ? `${(s / 3600).toFixed(1)} h` : `${(s / 60).toFixed(1)} min`);
  const sobol = 256 * (12 + 2);
  const morris = 10 * (policy + 1);
  console.log(`  social-governance, 1095 steps: ${rate.toFixed(3)} points/s (${(seconds / TIMED_POINTS).toFixed(2)} s a point)`);
  console.log(`  projected: Sobol 12 society params N=256 (${sobol} points) ${fmt(sobol / rate)} (goal 10 min); Morris ${policy} policy levers r=10 (${morris} points) ${fmt(morris / rate)} (goal 5 min)`);
}

// Run directly: `npx tsx bench/sensitivity.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchSensitivity();
