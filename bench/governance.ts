/**
 * Benchmark of the governance model: one simulated year (365 days) of
 *   - the default town (social-governance, about 74,000 residents), on one core,
 *   - a 1-million-resident county (the same levers; 14 towns of 20 villages of 9 grids), on one core,
 *   - the province (zhejiang-province, about 65 million residents in 90 counties; skipped with --quick)
 *     on a thread per core (its counties spread over them: sim/governance/province.ts), set-up
 *     included in its total,
 * printing citizen-days per second, events per second and bytes per citizen.
 *
 * Events are the rare occurrences the model draws one by one (grievances, crimes, accidents, project
 * proposals, detentions) plus the case events they set off (openings and closings), so events/s is the
 * cost per thing that happens; citizen-days/s shows that the cost does not follow residents x days.
 * Bytes per citizen count every typed array the model holds (citizen columns, hierarchy, cases, queues,
 * calendar), divided by residents; for the province, of every county in whichever thread. Targets:
 * town year < 1 s (issue 3); province year, set-up included, < 30 s on the 2-core machine using both
 * cores within 32 bytes per citizen (issue 13). Timings are medians over repetitions: the machines are
 * shared and noisy.
 */
import { readScenarioRaw } from '../src/scenario/files';
import { applyOverrides } from '../src/scenario/overrides';
import { parseScenario } from '../src/scenario/parse';
import { createModel } from '../sim/registry';
import { typedArrayBytes } from '../sim/core/memory';
import { ProvinceModel } from '../sim/governance/index';
import { threadHosting } from '../src/worker/shard-threads';
import { availableParallelism } from 'node:os';

interface Case {
  label: string;
  preset: string;
  sets: string[];
  repetitions: number;
  /** Threads for the counties of a multi-county scenario (0: one per core). */
  threads?: number;
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
  { label: 'province (65M)', preset: 'zhejiang-province', sets: [], repetitions: 3, threads: 0 },
];

export async function benchGovernance(opts: { quick?: boolean } = {}): Promise<void> {
  console.log(`governance: one simulated year (${DAYS} days); median of repetitions (min..max)`);
  for (const c of CASES) {
    if (opts.quick && c.label.startsWith('province')) {
      console.log(`  ${c.label}: skipped (--quick)`);
      continue;
    }
    const scenario = parseScenario(applyOverrides(readScenarioRaw(c.preset).raw, c.sets), c.preset);
    const times: number[] = [];
    const setups: number[] = [];
    const totals: number[] = [];
    let events = 0;
    let residents = 0;
    let bytes = 0;
    let label = c.label;
    for (let r = 0; r < c.repetitions; r++) {
      const t0 = performance.now();
      const threads = c.threads === undefined ? 1 : c.threads || availableParallelism();
      const model = createModel(scenario.model, scenario.params, r + 1, threads > 1 ? threadHosting(threads) : undefined);
      label = threads > 1 ? `${c.label} on ${threads} threads` : `${c.label} on one core`;
      const t1 = performance.now();
      model.step(DAYS);
      const t2 = performance.now();
      times.push((t2 - t1) / 1000);
      setups.push((t1 - t0) / 1000);
      totals.push((t2 - t0) / 1000);
      const s = model.summary() as Record<string, number>;
      residents = s.residents;
      events = s.grievances + s.crimes + s.accidents + s.proposals + s.detentions + s.disputesOpened + s.disputesResolved;
      bytes = model instanceof ProvinceModel ? model.typedArrayBytes() : typedArrayBytes(model);
      model.dispose?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const mid = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    times.sort((a, b) => a - b);
    const median = mid(times);
    const total = [...totals].sort((x, y) => x - y);
    console.log(
      `  ${label}: ${median.toFixed(2)} s/year (${times[0].toFixed(2)}..${times[times.length - 1].toFixed(2)}), ` +
        `${fmt((residents * DAYS) / median)} citizen-days/s, ${fmt(events / median)} events/s (${fmt(events)} events), ` +
        `${(bytes / residents).toFixed(1)} bytes/citizen, setup ${mid(setups).toFixed(2)} s, set-up and year ${mid(totals).toFixed(2)} s (${total[0].toFixed(2)}..${total[total.length - 1].toFixed(2)})`,
    );
  }
}

function fmt(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)}G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
}
