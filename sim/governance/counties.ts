/**
 * The counties of a province that one thread holds (province.ts): each county is a world of its own
 * (GovernanceModel with one county's residents and streams scoped to it), and this handler runs the
 * province's commands over them in county order. It is the same code in the province's thread and in a
 * worker thread (src/worker/shard-threads.ts), so a county's numbers do not depend on where it runs.
 */
import type { ModelSnapshot } from '../core/model';
import type { TypedArray } from '../core/columns';
import type { ShardHandler, ShardInit } from '../core/shards';
import { typedArrayBytes } from '../core/memory';
import { GovernanceModel } from './model';
import type { GovernanceParams } from './params';
import { accountStaff } from './resolvers';
import { accountabilityActs, applyAttention, scoreVillages, weighVillages } from './accountability';
import { askRespondents, type SurveyTally } from './survey';
import { openEpisodes } from './collective-action';
import { townsInEpisode } from './metrics';
import type { Counters, Daily } from './world';
import { splitPart, splitStart } from './hierarchy';

/**
 * First resident of county c: the province's even split over grids (hierarchy.ts) at county boundaries
 * is the even split over counties.
 */
export function countyStart(p: GovernanceParams, c: number): number {
  return splitStart(c, p.population.residents, p.population.counties);
}

/** County of resident i of the province. */
export function countyOf(p: GovernanceParams, i: number): number {
  return splitPart(i, p.population.residents, p.population.counties);
}

/** A case's id across the province: its county's id made unique (case log and frame). */
export function provinceCaseId(id: number, counties: number, c: number): number {
  return id * counties + c;
}

/** The params of county c: the province's, with one county's residents. */
export function countyParams(p: GovernanceParams, c: number): GovernanceParams {
  return { ...p, population: { ...p.population, residents: countyStart(p, c + 1) - countyStart(p, c), counties: 1 } };
}

/** County c's stream scope. */
export function countyScope(c: number): string {
  return `county-${c}`;
}

export type CountyCommand =
  /**
   * `n` days without a survey (steps 1-8, staff accounting, the day report, the day's end), then, with
   * `morning`, steps 1-8 of the survey day that follows: each county runs them all before the next
   * county starts (CountyDays), as nothing crosses a county's border between surveys.
   */
  | { op: 'days'; n: number; morning: boolean }
  /** The survey: each county's respondents (its own indices, in the province's draw order). */
  | { op: 'survey'; respondents: Int32Array[]; crimeRate: number }
  | { op: 'weigh'; d: number }
  | { op: 'attend'; d: number; mean: number }
  /** The rest of a survey day: staff accounting, the day report, the day's end. */
  | { op: 'evening' }
  /** Each county's totals as they stand (the province's before its first day). */
  | { op: 'totals' }
  | { op: 'outcome' }
  | { op: 'caseLog' }
  | { op: 'frame' }
  | { op: 'snapshot' }
  | { op: 'restore'; states: ModelSnapshot[] }
  | { op: 'bytes' };

/** A county's day, for the province's series row and totals (before the day's counts join its totals). */
export interface CountyDay {
  today: Daily;
  totals: Counters;
  inEpisode: number;
  candidates: number;
}

/** A county's run of days between surveys: its day reports, and its crimes since the last survey if a survey day's morning followed. */
export interface CountyDays {
  days: CountyDay[];
  crimes: number;
}

export interface CountySurvey {
  tally: SurveyTally;
  /** Respondents and dissatisfied ones over the county's villages (accountability). */
  asked: number;
  unhappy: number;
}

/** What the province's summary needs of a county at the end. */
export interface CountyOutcome {
  resolveDays: Int32Array;
  incidentSizes: number[];
  incidentStarts: number[];
  incidentLengths: number[];
  open: { sizes: number[]; project: number };
  petitionsByYear: number[];
  crimesByYear: number[];
}

/** A county's case-event log: its columns' live rows. */
export interface CountyLog {
  rows: number;
  cols: Record<string, TypedArray>;
}

/** A copy of the totals (numbers and arrays of numbers) that later days do not change. */
function copyCounters(n: Counters): Counters {
  const out = { ...n };
  const o = out as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(n)) if (Array.isArray(v)) o[k] = v.slice();
  return out;
}

export function createCountyHandler(init: ShardInit): ShardHandler & { models: GovernanceModel[] } {
  const p = init.params as GovernanceParams;
  const models: GovernanceModel[] = [];
  for (let c = init.from; c < init.to; c++) models.push(new GovernanceModel(countyParams(p, c), init.seed, countyScope(c)));
  const evening = (m: GovernanceModel): CountyDay => {
    const w = m.w;
    accountStaff(w);
    const r: CountyDay = { today: w.today, totals: copyCounters(w.totals), inEpisode: townsInEpisode(w), candidates: w.candidateCount };
    m.endDay();
    return r;
  };
  return {
    // Its counties, in view for memory walkers (tests, benchmarks).
    models,
    handle(command: unknown): unknown {
      const cmd = command as CountyCommand;
      switch (cmd.op) {
        case 'days':
          // County by county, each through all its days: its columns stay in the caches from one day to
          // the next (a day of every county in turn found them cold: the province's year on two threads
          // took 27.6 s that way, 21-22 s this way).
          return models.map((m): CountyDays => {
            const days: CountyDay[] = [];
            for (let d = 0; d < cmd.n; d++) {
              m.beforeSurvey();
              days.push(evening(m));
            }
            if (cmd.morning) m.beforeSurvey();
            return { days, crimes: m.w.crimesSinceSurvey };
          });
        case 'survey':
          return models.map((m, k): CountySurvey => {
            const w = m.w;
            w.crimesSinceSurvey = 0;
            const list = cmd.respondents[k];
            let q = 0;
            const tally = askRespondents(w, list.length, () => list[q++], cmd.crimeRate);
            const score = accountabilityActs(w.params) ? scoreVillages(w) : { asked: 0, unhappy: 0 };
            return { tally, asked: score.asked, unhappy: score.unhappy };
          });
        case 'weigh':
          return models.map((m) => weighVillages(m.w, cmd.d));
        case 'attend':
          for (const m of models) applyAttention(m.w, cmd.d, cmd.mean);
          return null;
        case 'evening':
          return models.map(evening);
        case 'totals':
          return models.map((m) => copyCounters(m.w.totals));
        case 'outcome':
          return models.map(
            ({ w }): CountyOutcome => ({
              resolveDays: w.resolveDays,
              incidentSizes: w.incidentSizes,
              incidentStarts: w.incidentStarts,
              incidentLengths: w.incidentLengths,
              open: openEpisodes(w),
              petitionsByYear: w.petitionsByYear,
              crimesByYear: w.crimesByYear,
            }),
          );
        case 'caseLog':
          return models.map(({ w }): CountyLog => {
            const log = w.log;
            if (!log) return { rows: 0, cols: {} };
            const cols: Record<string, TypedArray> = {};
            for (const [k, v] of Object.entries(log.cols)) cols[k] = v.slice(0, log.length);
            return { rows: log.length, cols };
          });
        case 'frame':
          return models.map((m) => m.frame());
        case 'snapshot':
          return models.map((m) => m.snapshot());
        case 'restore':
          for (let k = 0; k < models.length; k++) models[k].restore(cmd.states[k]);
          return null;
        case 'bytes':
          return models.map((m) => typedArrayBytes(m));
        default:
          throw new Error(`unknown county command ${JSON.stringify((cmd as { op: unknown }).op)}`);
      }
    },
  };
}
