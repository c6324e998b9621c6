/**
 * Sensitivity throughput: design points per second (each point over 2 seeds, three-year town runs of the
 * governance preset) on 2 warmed worker threads, for a Sobol design over 12 society parameters, and the
 * time the two target analyses would take at that rate. It times points spread evenly over the
 * N = 256 design rather than the analysis itself: a point's cost varies threefold across the society ranges
 * (0.09 s for a calm town, 0.2-0.3 s where a village rises for good and P falls to 0), so the first points
 * of the design alone misjudge it, and two dozen spread points misjudged it by a tenth either way.
 *   Sobol, 12 society parameters (the first twelve that are not the town's size and layout), N = 256:
 *   256 x 14 = 3,584 points (goal: under 10 min on 2 cores)
 *   Morris, every numeric policy lever, r = 10: 10 x (k + 1) points (goal: under 5 min)
 * The rate is timed after WARM_POINTS points have warmed the workers (V8 compiles the model during a
 * worker's first runs, which take up to five times as long); the projection adds what that start took
 * beyond the warmed rate, once.
 */
import { RunPool, type RunTask } from '../src/batch/pool';
import { readScenarioRaw } from '../src/scenario/files';
import { applyOverrides } from '../src/scenario/overrides';
import { designValues } from '../src/sensitivity/design';
import { defaultFactor, selectParameters } from '../src/sensitivity/factors';
import { assignments } from '../src/batch/design';

const SEEDS = [1, 2];
const TIMED_POINTS = 96;
/** Points run before timing: a worker's first runs are slower while V8 compiles the model (JIT). */
const WARM_POINTS = 8;
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
  // Points spread evenly over the design (a point's cost varies threefold, so a few dozen misjudge it),
  // and WARM_POINTS others between them to warm the workers with.
  const at = (x: number) => design[Math.floor(x * design.length)];
  const timed = Array.from({ length: TIMED_POINTS }, (_, k) => at((k + 0.5) / TIMED_POINTS));
  const warm = Array.from({ length: WARM_POINTS }, (_, k) => at((k + 0.25) / WARM_POINTS));
  const tasks = (values: typeof design): RunTask[] =>
    values.flatMap((v, p) => SEEDS.map((seed, s) => ({ id: p * SEEDS.length + s, scenario: applyOverrides(raw, assignments(v)), seed, source: 'bench' })));
  const pool = new RunPool({ workers: WORKERS });
  let seconds: number;
  let warmSeconds: number;
  try {
    // Warm-up: each worker starts, loads the engine and runs a few three-year towns.
    const w0 = performance.now();
    await pool.runAll(tasks(warm), () => undefined);
    warmSeconds = (performance.now() - w0) / 1000;
    const t0 = performance.now();
    const failed: string[] = [];
    await pool.runAll(tasks(timed), (_, r) => {
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
  // A whole analysis: its points at the warmed rate, plus what the start took beyond that rate (the
  // threads' start and their first, slower runs), paid once.
  const start = Math.max(0, warmSeconds - WARM_POINTS / rate);
  console.log(`  social-governance, 1095 steps: ${rate.toFixed(3)} points/s warmed (${(seconds / TIMED_POINTS).toFixed(2)} s a point); start-up ${start.toFixed(1)} s beyond that`);
  console.log(
    `  projected: Sobol 12 society params N=256 (${sobol} points) ${fmt(start + sobol / rate)} (goal 10 min); Morris ${policy} policy levers r=10 (${morris} points) ${fmt(start + morris / rate)} (goal 5 min)`,
  );
}

// Run directly: `npx tsx bench/sensitivity.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchSensitivity();
