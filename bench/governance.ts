/**
 * Benchmark of the governance model on one core: one simulated year (365 days) of
 *   - the default town (social-governance, about 74,000 residents),
 *   - a 1-million-resident county (the same levers; 14 towns of 20 villages of 9 grids),
 *   - the province (zhejiang-province, about 65 million residents; skipped with --quick),
 * printing citizen-days per second, events per second and bytes per citizen.
 *
 * Events are the rare occurrences the model draws one by one (grievances, crimes, accidents, project
 * proposals, detentions) plus the case events they set off (openings and closings), so events/s is the
 * cost per thing that happens; citizen-days/s shows that the cost does not follow residents x days.
 * Bytes per citizen count every typed array the model holds (citizen columns, hierarchy, cases, queues,
 * calendar), divided by residents. Targets (issue 3): town year < 1 s; province year < 120 s within 48
 * bytes per citizen. Timings are medians over repetitions: the machines are shared and noisy.
 */
import { readScenarioRaw } from '../src/scenario/files';
import { applyOverrides } from '../src/scenario/overrides';
import { parseScenario } from '../src/scenario/parse';
import { createModel } from '../sim/registry';
import type { Model } from '../sim/core/model';

interface Case {
  label: string;
  preset: string;
  sets: string[];
  repetitions: number;
}

const DAYS = 365;

const CASES: Case[] = [
  { label: 'town (74k)', preset: 'social-governance', sets: [], repetitions: 5 },
  {
    label: 'county (1M)',
    preset: 'social-governance',
    sets: ['params.population.residents=1000000', 'params.population.townsPerCounty=14', 'params.population.villagesPerTown=20', 'params.population.gridsPerVillage=9'],
    repetitions: 3,
  },
  { label: 'province (65M)', preset: 'zhejiang-province', sets: [], repetitions: 1 },
];

export async function benchGovernance(opts: { quick?: boolean } = {}): Promise<void> {
  console.log(`governance: one simulated year (${DAYS} days) on one core; median of repetitions (min..max)`);
  for (const c of CASES) {
    if (opts.quick && c.label.startsWith('province')) {
      console.log(`  ${c.label}: skipped (--quick)`);
      continue;
    }
    const scenario = parseScenario(applyOverrides(readScenarioRaw(c.preset).raw, c.sets), c.preset);
    const times: number[] = [];
    let setup = 0;
    let events = 0;
    let residents = 0;
    let bytes = 0;
    for (let r = 0; r < c.repetitions; r++) {
      const t0 = performance.now();
      const model = createModel(scenario.model, scenario.params, r + 1);
      const t1 = performance.now();
      model.step(DAYS);
      const t2 = performance.now();
      times.push((t2 - t1) / 1000);
      setup = Math.max(setup, (t1 - t0) / 1000);
      const s = model.summary() as Record<string, number>;
      residents = s.residents;
      events = s.grievances + s.crimes + s.accidents + s.proposals + s.detentions + s.disputesOpened + s.disputesResolved;
      bytes = typedArrayBytes(model);
      await new Promise((resolve) => setImmediate(resolve));
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `  ${c.label}: ${median.toFixed(2)} s/year (${times[0].toFixed(2)}..${times[times.length - 1].toFixed(2)}), ` +
        `${fmt((residents * DAYS) / median)} citizen-days/s, ${fmt(events / median)} events/s (${fmt(events)} events), ` +
        `${(bytes / residents).toFixed(1)} bytes/citizen, setup ${setup.toFixed(2)} s`,
    );
  }
}

/** Bytes of every typed array reachable from the model (each buffer counted once). */
function typedArrayBytes(model: Model): number {
  const seen = new Set<unknown>();
  const buffers = new Set<ArrayBufferLike>();
  const walk = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || seen.has(v) || depth > 6) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      buffers.add(v.buffer);
      return;
    }
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
  };
  walk(model, 0);
  let total = 0;
  for (const b of buffers) total += b.byteLength;
  return total;
}

function fmt(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)}G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
}
