/**
 * What a governance run needs, before any of it is allocated (sim/core/estimate.ts): bytes counted
 * from the allocations of world.ts and the files it builds, work in resident-days.
 *
 * Bytes:
 *   per resident  28 of citizen columns (population.ts), 6 of the participation reviewers and their
 *                 codes (participation.ts; at most every citizen), open cases (case-table.ts, 55 bytes a row) and calendar events
 *                 (24 bytes) budgeted at 1% and 2% of residents (measured: under 0.1% and 0.2%), and
 *                 the collective-action candidate lists, JavaScript arrays of 8-byte numbers (a
 *                 candidate id and its critical P), budgeted at half the residents (measured: 10% at
 *                 legitimacy 0.8, 26% under the control regime) with room to grow
 *   per grid      93 in the hierarchy (start, village, x, y), the world's grid counts, the experience
 *                 table (CHANNELS floats) and the grid resolvers (resolver-table.ts, 29 bytes an
 *                 instance); 24 more while a frame copies the grid arrays
 *   per village   about 145 in typed arrays (hierarchy, counts, attention, members per team, the
 *                 village resolvers, collective action's per-day arrays) and about 300 of JavaScript
 *                 heap (three arrays per village: candidates, their critical P, those touched)
 *   per town      about 150 (counts, episodes, four kinds of town resolvers)
 *   per step      the series, SERIES.length Float64 columns (metrics.ts; see seriesBytes)
 *   case log      (output.caseLog) 18 bytes an event row, in a table that doubles; events budgeted at
 *                 8 per grievance (measured: about 2 a grievance, and multipliers raise the rate)
 *
 * Work: resident-days, residents x steps (the README's benchmark: about 250 million a second on one
 * core, town to province); setting up a province of 65 million takes about 10 s more, and many
 * villages or grids add time of their own (see `seconds` below). A province's counties spread over
 * threads (province.ts) divide the time by up to the number of cores; the estimate stays one core's.
 */
import { digits, type Driver, type Estimate, type EstimatePart, finish, MAX_TYPED_LENGTH, seriesBytes } from '../core/estimate';
import { CHANNELS, TEAMS } from './codes';
import { SERIES } from './metrics';
import type { GovernanceParams } from './params';

/** Resident-days a second on one core (README, Performance: town 270M, county 290M, province 250M). */
export const GOVERNANCE_RESIDENT_DAYS_PER_SECOND = 2.5e8;
/** Largest signed 32-bit index: grids, villages and resolver instances are numbered in Int32Arrays. */
const MAX_INDEX = 2147483647;
/** 2^53: gridOf (hierarchy.ts) computes (i + 1) x grids exactly only below it. */
const EXACT = 9007199254740992;

export function estimateGovernance(p: GovernanceParams, steps: number): Estimate {
  const pop = p.population;
  const residents = pop.residents;
  const towns = pop.counties * pop.townsPerCounty;
  const villages = towns * pop.villagesPerTown;
  const grids = villages * pop.gridsPerVillage;
  const resolverCount = grids + villages + 4 * towns + 2 * pop.counties;

  const res: Driver = { path: 'params.population.residents', value: residents };
  const tree: Driver[] = [
    { path: 'params.population.counties', value: pop.counties },
    { path: 'params.population.townsPerCounty', value: pop.townsPerCounty },
    { path: 'params.population.villagesPerTown', value: pop.villagesPerTown },
    { path: 'params.population.gridsPerVillage', value: pop.gridsPerVillage },
  ];
  const treeText = `params.population.counties x townsPerCounty x villagesPerTown`;
  const villageHow = `${treeText} = ${fmt(pop.counties)} x ${fmt(pop.townsPerCounty)} x ${fmt(pop.villagesPerTown)} = ${fmt(villages)} villages`;
  const gridHow = `${treeText} x gridsPerVillage = ${fmt(pop.counties)} x ${fmt(pop.townsPerCounty)} x ${fmt(pop.villagesPerTown)} x ${fmt(pop.gridsPerVillage)} = ${fmt(grids)} grids`;
  const candidates = 0.5 * residents;
  const years = steps / 365;
  const logRows = p.output.caseLog ? residents * years * p.grievances.ratePerResidentYear * 8 : 0;
  const parts: EstimatePart[] = [
    {
      what: 'citizens',
      bytes: 34 * residents + 2 * Math.max(1024, 0.01 * residents) * 55 + 2 * Math.max(1024, 0.02 * residents) * 24,
      how: `params.population.residents = ${fmt(residents)}`,
      drivers: [res],
    },
    {
      what: 'collective-action candidates',
      bytes: 1.5 * 2 * 8 * candidates,
      heap: 1.5 * 2 * 8 * candidates,
      how: `up to half of params.population.residents = ${fmt(residents)}`,
      drivers: [res],
    },
    { what: 'grids', bytes: (93 + 24) * grids, how: gridHow, drivers: tree },
    { what: 'villages', bytes: (145 + 300) * villages + 150 * towns, heap: 300 * villages, how: villageHow, drivers: tree.slice(0, 3) },
    {
      what: 'time series',
      bytes: seriesBytes(SERIES.length, steps),
      how: `steps = ${fmt(steps)} rows of ${SERIES.length} numbers`,
      drivers: [{ path: 'steps', value: steps }],
    },
    {
      what: 'case-event log',
      bytes: logRows > 0 ? 1.5 * Math.max(4096, 2 * logRows) * 18 : 0,
      how: `params.output.caseLog on: params.population.residents x steps x params.grievances.ratePerResidentYear = ${fmt(residents)} x ${fmt(steps)} days x ${p.grievances.ratePerResidentYear} a year`,
      drivers: [
        { path: 'params.output.caseLog', value: true },
        res,
        { path: 'steps', value: steps },
        { path: 'params.grievances.ratePerResidentYear', value: p.grievances.ratePerResidentYear },
      ],
    },
    // Calendar, case table and log at their initial sizes, the resolve-days histogram, small tables.
    { what: 'fixed tables', bytes: 256 * 1024, how: 'fixed', drivers: [] },
  ];

  const hard: string[] = [];
  if (grids * CHANNELS > MAX_TYPED_LENGTH || resolverCount > MAX_INDEX || villages * TEAMS > MAX_TYPED_LENGTH) {
    hard.push(`${gridHow}; the model numbers grids and resolvers in 32-bit arrays: at most ${fmt(Math.floor(MAX_TYPED_LENGTH / CHANNELS))} grids`);
  } else if ((residents + 1) * grids >= EXACT) {
    hard.push(`${gridHow} with params.population.residents = ${fmt(residents)}; finding a citizen's grid is exact only while residents x grids < 2^53`);
  }

  // timeseries.csv: about 150 bytes a row at a town (measured 140-152), longer numbers in larger areas;
  // cases.csv: about 67 bytes an event, about 2 events a grievance.
  const rowBytes = 160 + 20 * Math.max(0, digits(residents) - 5);
  const expectedEvents = p.output.caseLog ? residents * years * p.grievances.ratePerResidentYear * 2.5 : 0;
  return finish(parts, {
    work: residents * steps,
    workUnit: 'resident-days',
    // Set-up: 65 million residents take ~20 s; villages and grids cost on their own (measured at
    // 74,000 residents: ~25 us a village and ~1 us a grid to build, ~0.3 us a village and ~0.05 us a
    // grid each day).
    seconds:
      residents / 3.25e6 +
      villages * 25e-6 +
      grids * 1e-6 +
      (residents * steps) / GOVERNANCE_RESIDENT_DAYS_PER_SECOND +
      steps * (villages * 0.3e-6 + grids * 0.05e-6),
    outputBytes: 2048 + rowBytes * steps + 70 * expectedEvents,
    hard,
  });
}

function fmt(n: number): string {
  return n.toLocaleString('en');
}
