/**
 * One size of the Epstein benchmark (bench/epstein.ts), run in the worker thread that loads this
 * module: the opening, then timed repetitions; posts one line of figures to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { epsteinParams } from '../src/scenario/epstein';
import { EpsteinModel } from '../sim/epstein/model';

export interface EpsteinCase {
  size: number;
  /** The opening: steps run (and timed on their own) before the long-run repetitions. */
  opening: number;
  steps: number;
  repetitions: number;
}

/** The requirement for the larger lattices. */
const REQUIRED = 10e6;

export function runCase(c: EpsteinCase): string {
  const params = epsteinParams.parse({ width: c.size, height: c.size });
  const t0 = performance.now();
  const model = new EpsteinModel(params, 1);
  const setupMs = performance.now() - t0;
  const openingStart = performance.now();
  let openingWork = 0;
  for (let s = 0; s < c.opening; s++) {
    openingWork += model.agents;
    model.step(1);
  }
  const opening = openingWork / ((performance.now() - openingStart) / 1000);
  const wall: number[] = [];
  const cpu: number[] = [];
  // Activations per agent-step counted: the jailed are agents but are not activated.
  let activatedShare = 0;
  for (let r = 0; r < c.repetitions; r++) {
    const work = model.agents * c.steps;
    activatedShare += model.activated / model.agents / c.repetitions;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    model.step(c.steps);
    const seconds = (performance.now() - start) / 1000;
    // The process's CPU time: this thread's, as the parent waits idle meanwhile.
    const used = process.cpuUsage(cpu0);
    wall.push(work / seconds);
    cpu.push(work / ((used.user + used.system) / 1e6));
  }
  const bytesPerAgent = model.bytesHeld() / model.agents;
  const s = model.summary();
  const verdict = c.size >= 200 ? (median(wall) >= REQUIRED ? '  ok' : `  below ${fmt(REQUIRED)}`) : '';
  return (
    `${c.size}x${c.size}: long run wall ${fmt(median(wall))} [${fmt(min(wall))}..${fmt(max(wall))}], ` +
    `cpu ${fmt(median(cpu))} [${fmt(min(cpu))}..${fmt(max(cpu))}]; ` +
    `activations ${fmt(median(wall) * activatedShare)}/s (${(100 * activatedShare).toFixed(0)}% of agents out of jail); opening (steps 1-${c.opening}) ${fmt(opening)}; ` +
    `${bytesPerAgent.toFixed(1)} bytes/agent; ${model.agents} agents, setup ${setupMs.toFixed(0)} ms, ` +
    `after ${model.time} steps ${s.finalActive} active, ${s.finalJailed} jailed${verdict}`
  );
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

const job = (workerData as { case?: EpsteinCase } | null)?.case;
if (parentPort !== null && job !== undefined) parentPort.postMessage(runCase(job));
