/**
 * What an Epstein run needs, before any of it is allocated (sim/core/estimate.ts): bytes counted from
 * the allocations of model.ts and the files it uses, work in agent-steps.
 *
 * Bytes, per agent (roster.ts, jail.ts, population.ts):
 *   roster     26 bytes an entry (3 words, the shuffle's second buffer, a 16-bit label), counted at 1.5x
 *              its initial capacity: releases can add entries before the next shuffle drops the
 *              arrested, and the roster grows by half when full
 *   jail       28 bytes a citizen (hardship, risk aversion, release time, cell), sized for every citizen
 *   set-up     16 bytes a citizen of traits and 4 an agent of placed cells, alive while the model is built
 * per cell (lattice.ts, cop-grid.ts, active-blocks.ts, arrests.ts, population.ts):
 *   bit sets   occupied, actives and arrest marks (a bit each), the cop grid (a bit, one spare word a row)
 *   counts     actives in vision: 1 byte (vision shapes of at most 255 cells) or 2, a second array when
 *              cops see another shape than citizens
 *   blocks     a 32-bit count per 8 x 8 block
 *   set-up     the placement's list of cells: 4 bytes a cell (fixed) or 8 (per-cell, two lists)
 *   frame      the codes of a frame or snapshot, 1 byte a cell
 * per step: the series, 7 Float64 columns (metrics.ts; see seriesBytes).
 *
 * Work: agent-steps, steps x (citizens + cops), every agent counted, jailed or not, as the README's
 * benchmark and Mesa's reference figure count them (~10 million a second on one core at 200 x 200 and
 * at 1000 x 1000).
 */
import { digits, type Driver, type Estimate, type EstimatePart, finish, seriesBytes } from '../core/estimate';
import { EPSTEIN_SERIES } from './model';
import { visionShape } from './neighbourhood';
import type { EpsteinParams } from './params';

/** Agent-steps a second on one core (README, Performance). */
export const EPSTEIN_AGENT_STEPS_PER_SECOND = 1e7;
/** Cells the roster can address: an entry packs cell << 3 into a signed 32-bit word. */
export const EPSTEIN_MAX_CELLS = 268435456;

export function estimateEpstein(p: EpsteinParams, steps: number): Estimate {
  const cells = p.width * p.height;
  const words = Math.ceil(cells / 32);
  const { cops, citizens } = agentCounts(p, cells);
  const agents = cops + citizens;

  const citizenShape = visionShape(p.neighbourhood, p.citizenVision, p.width, p.height);
  const copShape = visionShape(p.neighbourhood, p.copVision, p.width, p.height);
  const countBytes = (size: number) => (size <= 255 ? 1 : 2);
  const sameShape = p.copVision === p.citizenVision;

  const lattice: Driver[] = [
    { path: 'params.width', value: p.width },
    { path: 'params.height', value: p.height },
  ];
  const density: Driver[] = [
    { path: 'params.citizenDensity', value: p.citizenDensity },
    { path: 'params.copDensity', value: p.copDensity },
  ];
  const size = `params.width x params.height = ${fmt(p.width)} x ${fmt(p.height)} = ${fmt(cells)} cells`;
  const parts: EstimatePart[] = [
    {
      what: 'agents',
      bytes: 1.5 * 26 * agents + 28 * citizens + 16 * citizens + 4 * agents,
      how: `${fmt(citizens)} citizens and ${fmt(cops)} cops (${size} at densities ${p.citizenDensity} and ${p.copDensity}${p.copSchedule.length ? ', copSchedule at its highest' : ''})`,
      drivers: [...lattice, ...density],
    },
    {
      what: 'lattice',
      bytes:
        3 * 4 * words +
        4 * (Math.ceil(p.width / 32) + 1) * p.height +
        countBytes(citizenShape.size) * cells +
        (sameShape ? 0 : countBytes(copShape.size) * cells) +
        4 * Math.ceil(p.width / 8) * Math.ceil(p.height / 8) +
        (p.population === 'per-cell' ? 8 : 4) * cells +
        cells,
      how: size,
      drivers: countBytes(citizenShape.size) > 1 ? [...lattice, { path: 'params.citizenVision', value: p.citizenVision }] : lattice,
    },
    {
      what: 'time series',
      bytes: seriesBytes(EPSTEIN_SERIES.length, steps),
      how: `steps = ${fmt(steps)} rows of ${EPSTEIN_SERIES.length} numbers`,
      drivers: [{ path: 'steps', value: steps }],
    },
    // The popcount table, vision shapes, moving-stamp tables and arrest-probability table.
    { what: 'fixed tables', bytes: 256 * 1024, how: 'fixed', drivers: [] },
  ];

  const hard: string[] = [];
  if (cells > EPSTEIN_MAX_CELLS) {
    hard.push(`${size}; the model addresses at most ${fmt(EPSTEIN_MAX_CELLS)} cells`);
  }

  // Bytes a row of timeseries.csv: step, five counts, legitimacy (a short decimal, or up to 18
  // characters while a schedule moves it), six commas and a newline.
  const legitimacyChars = p.legitimacySchedule.length ? 18 : String(p.legitimacy).length;
  const row = digits(steps) + 5 * digits(cells) + legitimacyChars + 7;
  return finish(parts, {
    work: agents * steps,
    workUnit: 'agent-steps',
    seconds: cells / 2e7 + (agents * steps) / EPSTEIN_AGENT_STEPS_PER_SECOND,
    outputBytes: 64 + row * steps,
    hard,
  });
}

/**
 * Citizens and cops the run can hold: as placePopulation counts them (fixed), or the expected count
 * plus four standard deviations (per-cell draws); cops at the highest density their schedule reaches.
 */
function agentCounts(p: EpsteinParams, cells: number): { cops: number; citizens: number } {
  const upper = (d: number) =>
    p.population === 'per-cell' ? Math.min(cells, Math.ceil(d * cells + 4 * Math.sqrt(cells * d * (1 - d)))) : Math.min(cells, Math.round(d * cells));
  const cops = upper(p.copDensity);
  const citizens = Math.min(p.population === 'per-cell' ? cells : cells - cops, upper(p.citizenDensity));
  const scheduled = Math.max(0, ...p.copSchedule.map((c) => c.to));
  const extraCops = Math.max(0, Math.min(cells - citizens, Math.round(scheduled * cells)) - cops);
  return { cops: cops + extraCops, citizens };
}

function fmt(n: number): string {
  return n.toLocaleString('en');
}
