/**
 * Benchmark of the classic Epstein (2002) model: agent-steps per second (citizens + cops, each
 * activated once a step) and typed-array bytes per agent, on one core, at 40 x 40 (the paper's
 * lattice), 200 x 200 and 1000 x 1000, all other params at their scenario defaults.
 *
 * Each size runs a warm-up (JIT compilation, and the opening transient in which the initially quiet
 * lattice first meets its cops), then several timed repetitions of a fixed number of steps; the median
 * repetition is reported with the slowest and fastest, by wall time and by the process's CPU time (on
 * a shared machine the two differ by the time other processes took the core). The requirement is
 * >= 10 million agent-steps/s at 200 x 200 and 1000 x 1000, judged on wall time.
 *
 * A machine reference line follows: the rate of a loop that does nothing but the memory touches one
 * activation needs at 1000 x 1000 (read the agent's cell, probe ~4 random cells in vision, copy its
 * traits, read two counts), in random order. No implementation of the model can beat it by much, so it
 * tells whether a shortfall at 1000 x 1000 is the code's or the machine's.
 *
 * What bounds 1000 x 1000 (measured 2026-11-27 on the 2-core machine, steps 7-21): the same code with
 * the activation shuffle switched off (agents activated in lattice order, a diagnostic only: the model
 * requires a random order) ran ~15 M agent-steps/s against ~5.5 M shuffled, and at 200 x 200, whose
 * ~1 MB working set fits in L2, ~16 M against ~13 M. So at 1000 x 1000 about two thirds of the time
 * is cache and TLB misses of visiting a 23 MB lattice in random order, not per-agent work. Closing
 * that gap needs a schedule that activates nearby agents together while keeping the relative order
 * of every pair whose neighbourhoods overlap (an order with the same distribution of outcomes). The
 * obvious one, tiles at least the interaction diameter wide, each running its next agent while that
 * agent ranks before the next agents of its 8 neighbouring tiles, was simulated with random ranks:
 * it runs ~1.1 agents per tile visit, so it gives no locality. Also tried 2026-11-27 and not kept: an
 * empty-cell bitset (one bit a cell, 128 KB at 1000 x 1000, so in L2) probed instead of the 1 MB of
 * cell codes when a mover looks for an empty cell (same draws, byte-identical outputs). At 1000 x 1000
 * it made no measurable difference (~5.0-5.7 M both ways over paired and separate runs), probably
 * because the failed probes' misses overlap (the branch predicts "occupied", so the next probe's load
 * issues early) and the destination's code, which the winning probe used to bring into cache, then
 * misses on the write instead. At 200 x 200 it ranged from -1% to +10%, at 40 x 40 unchanged. Reading the activation
 * list's cells a few entries ahead (a software prefetch of the codes) was slower (-9..-14%).
 */
import { epsteinParams } from '../src/scenario/epstein';
import { EpsteinModel } from '../sim/epstein/model';

interface Case {
  size: number;
  warmupSteps: number;
  steps: number;
  repetitions: number;
}

const CASES: Case[] = [
  { size: 40, warmupSteps: 300, steps: 400, repetitions: 7 },
  { size: 200, warmupSteps: 60, steps: 40, repetitions: 7 },
  { size: 1000, warmupSteps: 6, steps: 3, repetitions: 5 },
];

/** The requirement for the larger lattices. */
const REQUIRED = 10e6;

export async function benchEpstein(): Promise<void> {
  console.log('epstein: agent-steps/s on one core, median of repetitions [min..max], after warm-up');
  for (const c of CASES) {
    const params = epsteinParams.parse({ width: c.size, height: c.size });
    const t0 = performance.now();
    const model = new EpsteinModel(params, 1);
    const setupMs = performance.now() - t0;
    model.step(c.warmupSteps);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < c.repetitions; r++) {
      const work = model.agents * c.steps;
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      model.step(c.steps);
      const seconds = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu0);
      wall.push(work / seconds);
      cpu.push(work / ((used.user + used.system) / 1e6));
      // Let the event loop breathe between repetitions.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const bytesPerAgent = model.bytesHeld() / model.agents;
    const s = model.summary();
    const verdict = c.size >= 200 ? (median(wall) >= REQUIRED ? '  ok' : `  below ${fmt(REQUIRED)}`) : '';
    console.log(
      `  ${c.size}x${c.size}: wall ${fmt(median(wall))} [${fmt(min(wall))}..${fmt(max(wall))}], ` +
        `cpu ${fmt(median(cpu))} [${fmt(min(cpu))}..${fmt(max(cpu))}]; ${bytesPerAgent.toFixed(1)} bytes/agent; ` +
        `${model.agents} agents, setup ${setupMs.toFixed(0)} ms, after ${model.time} steps ` +
        `${s.finalActive} active, ${s.finalJailed} jailed${verdict}`,
    );
  }
  console.log(`  machine reference, memory touches of one activation at 1000x1000: ${fmt(memoryFloor())}/s`);
}

/** Activations per second of a loop doing only the memory accesses of one (see the header). */
function memoryFloor(): number {
  const width = 1000;
  const cells = width * width;
  const kind = new Uint8Array(cells);
  const traits = new Float32Array(2 * cells);
  const copsSeen = new Uint8Array(cells);
  const activesSeen = new Uint8Array(cells);
  const agents = 774_000;
  const order = new Int32Array(agents);
  let x = 2463534242;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let c = 0; c < cells; c++) kind[c] = (next() & 3) === 0 ? 0 : 1;
  for (let i = 0; i < agents; i++) order[i] = 8 * width + 8 + (next() % (cells - 16 * width - 16));
  let sink = 0;
  const rates: number[] = [];
  for (let rep = 0; rep < 4; rep++) {
    const start = performance.now();
    for (let o = 0; o < agents; o++) {
      const c = order[o];
      sink += kind[c];
      let d = c;
      for (let t = 0; t < 4; t++) {
        const e = c + ((next() % 15) - 7) * width + ((next() % 15) - 7);
        if (kind[e] === 0) {
          d = e;
          break;
        }
      }
      traits[2 * d] = traits[2 * c];
      sink += copsSeen[d] + activesSeen[d];
    }
    rates.push(agents / ((performance.now() - start) / 1000));
  }
  if (sink < 0) console.log(sink);
  return median(rates.slice(1));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function min(xs: number[]): number {
  return Math.min(...xs);
}

function max(xs: number[]): number {
  return Math.max(...xs);
}

function fmt(x: number): string {
  return `${(x / 1e6).toFixed(2)}M`;
}
