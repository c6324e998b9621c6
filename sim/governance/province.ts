/**
 * A province: several counties, each a world of its own (counties.ts), run day by day in step and
 * observed as one. Its counties share what a province shares and nothing else:
 *
 *   - the economy and the scheduled levers (the same functions of the day in every county);
 *   - the survey: sampleSize respondents drawn uniformly over all residents from the province's own
 *     'survey' stream, the crime term from the province's crimes in the interval, the results those
 *     of all respondents;
 *   - accountability: d (the dissatisfied share of all respondents) and the mean weight over all
 *     residents; each county's staff then follows attention within the county (staff is a county's
 *     budget: apportionment and pooling of unstaffed units stop at its border, as courts and county
 *     petition offices serve their county);
 *   - observation: counts and sums over counties, the area's actives (peak, area-wide outbursts).
 *
 * Every county draws from streams scoped to it (RandomStreams' scope), and every reduction runs in
 * county order, so the bytes are the same whichever thread each county runs in (ShardHosting: the
 * counties are split in contiguous groups, the first group in this thread). A one-county scenario is a
 * GovernanceModel (model.ts): the same day, without the province's exchanges.
 */
import type { EventTable, Model, ModelSnapshot, Summary } from '../core/model';
import type { GovernanceFrame } from './frame';
import { mergeFrames } from './province-frame';
import type { MetricsRecorder } from '../core/metrics';
import { RandomStreams } from '../core/random';
import { localGroup, shardRanges, type ShardGroup, type ShardHosting, type ShardInit } from '../core/shards';
import { logTable, LOG_SPEC, type LogColumns } from './case-table';
import { accountabilityActs, dissatisfiedShare } from './accountability';
import { countAreaOutburst } from './collective-action';
import { concatArrays } from '../core/columns';
import { countyOf, countyStart, createCountyHandler, provinceCaseId, type CountyCommand, type CountyDay, type CountyDays, type CountyLog, type CountyOutcome, type CountySurvey } from './counties';
import { scheduled } from './economy';
import { createRecorder, recordRow, summariseRun } from './metrics';
import type { GovernanceParams } from './params';
import { recordSurvey, surveyCrimeRate, surveyDue } from './survey';
import { addDayToTotals, type Counters, type Daily, zeroCounters } from './world';

/** Totals the province keeps itself (area-wide, or the province's survey): never summed over counties. */
const PROVINCE_KEYS = [
  'peakActives',
  'outbursts',
  'areaEpisode',
  'satisfaction',
  'awareness',
  'participationRate',
  'satisfactionSum',
  'surveys',
  'latentGrievanceDaySum',
  'scanHardship',
  'scanShift',
] as const;

/** Sum records of numbers and arrays of numbers key by key, in list order (the county order). */
function sumRecords<T extends object>(list: readonly T[]): T {
  const out: Record<string, number | number[]> = {};
  for (const [k, v] of Object.entries(list[0])) out[k] = Array.isArray(v) ? v.slice() : v;
  for (let c = 1; c < list.length; c++) {
    for (const [k, v] of Object.entries(list[c])) {
      if (Array.isArray(v)) {
        const a = out[k] as number[];
        for (let j = 0; j < v.length; j++) a[j] += v[j];
      } else (out[k] as number) += v as number;
    }
  }
  return out as T;
}

/** Element-wise sum of lists of per-year counts (of different lengths). */
function sumYears(lists: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const l of lists) for (let y = 0; y < l.length; y++) out[y] = (out[y] ?? 0) + l[y];
  return out;
}

interface ProvinceState {
  day: number;
  kept: Counters;
  totals: Counters;
  metrics: ReturnType<MetricsRecorder['snapshot']>;
  rng: ReturnType<RandomStreams['snapshot']>;
}

export class ProvinceModel implements Model {
  readonly modelName = 'governance';
  private readonly counties: number;
  private readonly residents: number;
  private readonly ranges: Array<[number, number]>;
  private readonly groups: ShardGroup[];
  private readonly metrics = createRecorder();
  private readonly rng: RandomStreams;
  private day = 0;
  /** The province's own totals (PROVINCE_KEYS), carried from day to day. */
  private kept = zeroCounters();
  /** The totals at the end of the last day: the counties' summed, the province's own. */
  private totals: Counters;

  constructor(
    readonly params: GovernanceParams,
    readonly seed: number,
    hosting?: ShardHosting,
  ) {
    this.counties = params.population.counties;
    this.residents = params.population.residents;
    this.rng = new RandomStreams(seed, 'province');
    const threads = hosting ? hosting.threads : 1;
    this.ranges = shardRanges(this.counties, threads);
    const init = (k: number): ShardInit => ({ model: 'governance', params, seed, from: this.ranges[k][0], to: this.ranges[k][1] });
    // The other threads build their counties while this one builds the first group's.
    const remote = this.ranges.slice(1).map((_, k) => hosting!.spawn(init(k + 1)));
    this.groups = [localGroup(createCountyHandler(init(0))), ...remote];
    for (const g of remote) g.take();
    this.totals = this.provinceTotals(this.all({ op: 'totals' }) as Counters[]);
  }

  get time(): number {
    return this.day;
  }

  /** Send each group its command (remote groups first, so they work while this thread does); replies in county order. */
  private all(command: CountyCommand | ((k: number) => CountyCommand)): unknown[] {
    const cmd = (k: number) => (typeof command === 'function' ? command(k) : command);
    for (let k = this.groups.length - 1; k >= 0; k--) this.groups[k].post(cmd(k));
    // Every reply is taken, even after an error, so that no group is left a reply behind.
    const out: unknown[] = [];
    let error: unknown = null;
    for (const g of this.groups) {
      try {
        const r = g.take();
        if (Array.isArray(r)) out.push(...r);
      } catch (e) {
        error ??= e;
      }
    }
    if (error) throw error;
    return out;
  }

  /**
   * n days: the days up to the next survey run in one command (each county through all of them in
   * turn, counties.ts), a survey day in the exchanges its survey and accountability need; the day
   * reports are observed in day order, so the bytes do not depend on how the days were grouped.
   */
  step(n = 1): void {
    const p = this.params;
    let left = n;
    while (left > 0) {
      // Days before the next survey day (all of them if there is none within reach).
      let plain = 0;
      while (plain < left && !surveyDue(p, this.day + plain)) plain++;
      const morning = plain < left;
      const runs = this.all({ op: 'days', n: plain, morning }) as CountyDays[];
      for (let d = 0; d < plain; d++) this.observeDay(runs.map((r) => r.days[d]));
      left -= plain;
      if (!morning) break;
      this.surveyDay(runs.reduce((a, r) => a + r.crimes, 0));
      left--;
    }
  }

  /** The rest of a survey day, its steps 1-8 done with `crimes` in the interval: survey, accountability, the day's end. */
  private surveyDay(crimes: number): void {
    const p = this.params;
    const crimeRate = surveyCrimeRate(p, crimes, this.residents);
    const respondents = this.drawRespondents(Math.min(p.survey.sampleSize, this.residents));
    const surveys = this.all((k) => ({ op: 'survey', respondents: respondents.slice(...this.ranges[k]), crimeRate })) as CountySurvey[];
    recordSurvey(this.kept, sumRecords(surveys.map((s) => s.tally)));
    const asked = surveys.reduce((a, s) => a + s.asked, 0);
    const unhappy = surveys.reduce((a, s) => a + s.unhappy, 0);
    if (accountabilityActs(p) && asked > 0) {
      const d = dissatisfiedShare(asked, unhappy);
      const weighted = (this.all({ op: 'weigh', d }) as number[]).reduce((a, b) => a + b, 0);
      this.all({ op: 'attend', d, mean: weighted / this.residents });
    }
    this.observeDay(this.all({ op: 'evening' }) as CountyDay[]);
  }

  /**
   * The survey's respondents: n citizens drawn uniformly over the province (the 'survey' stream of the
   * province), each given to its county by its index there, in the order drawn.
   */
  private drawRespondents(n: number): Int32Array[] {
    const s = this.rng.stream('survey');
    const C = this.counties;
    const N = this.residents;
    const drawn = new Int32Array(n);
    const count = new Int32Array(C);
    for (let q = 0; q < n; q++) {
      drawn[q] = s.int(N);
      count[countyOf(this.params, drawn[q])]++;
    }
    const lists = Array.from(count, (m) => new Int32Array(m));
    count.fill(0);
    for (let q = 0; q < n; q++) {
      const c = countyOf(this.params, drawn[q]);
      lists[c][count[c]++] = drawn[q] - countyStart(this.params, c);
    }
    return lists;
  }

  /** Totals of the province from its counties' (in county order) and its own. */
  private provinceTotals(list: readonly Counters[]): Counters {
    const totals = sumRecords(list);
    for (const k of PROVINCE_KEYS) totals[k] = this.kept[k];
    return totals;
  }

  private observeDay(days: CountyDay[]): void {
    const p = this.params;
    const today: Daily = sumRecords(days.map((d) => d.today));
    const kept = this.kept;
    let actives = 0;
    for (const d of days) actives += d.totals.actives;
    // The area's peak and outbursts are the province's actives', as collective-action.ts counts one world's.
    if (actives > kept.peakActives) kept.peakActives = actives;
    countAreaOutburst(kept, actives, p.collectiveAction.massIncidentSize);
    const totals = this.provinceTotals(days.map((d) => d.totals));
    recordRow(
      {
        params: p,
        day: this.day,
        residents: this.residents,
        legitimacyShift: scheduled(0, p.legitimacy.shiftSchedule, this.day),
        today,
        totals,
        inEpisode: days.reduce((a, d) => a + d.inEpisode, 0),
        candidates: days.reduce((a, d) => a + d.candidates, 0),
      },
      this.metrics,
    );
    kept.latentGrievanceDaySum = totals.latentGrievanceDaySum;
    addDayToTotals(totals, today);
    this.totals = totals;
    this.day++;
  }

  series(): MetricsRecorder {
    return this.metrics;
  }

  summary(): Summary {
    const outcomes = this.all({ op: 'outcome' }) as CountyOutcome[];
    const resolveDays = new Int32Array(outcomes[0].resolveDays.length);
    for (const o of outcomes) for (let j = 0; j < resolveDays.length; j++) resolveDays[j] += o.resolveDays[j];
    // Ended episodes in the order one world would have ended them: by last day above the threshold
    // (each ends episodeGapDays after it), then by town, which is county order and within a county its
    // own order (a stable sort).
    const ended: Array<{ last: number; size: number }> = [];
    for (const o of outcomes) for (let e = 0; e < o.incidentSizes.length; e++) ended.push({ last: o.incidentStarts[e] + o.incidentLengths[e] - 1, size: o.incidentSizes[e] });
    ended.sort((a, b) => a.last - b.last);
    return summariseRun({
      days: this.day,
      residents: this.residents,
      // As a world's: the shift of the last day run (day 0's before any).
      legitimacyShift: scheduled(0, this.params.legitimacy.shiftSchedule, Math.max(0, this.day - 1)),
      totals: this.totals,
      resolveDays,
      incidentSizes: ended.map((e) => e.size),
      open: { sizes: outcomes.flatMap((o) => o.open.sizes), project: outcomes.reduce((a, o) => a + o.open.project, 0) },
      petitionsByYear: sumYears(outcomes.map((o) => o.petitionsByYear)),
      crimesByYear: sumYears(outcomes.map((o) => o.crimesByYear)),
    });
  }

  /** The frame one world of the whole province would draw (province-frame.ts). */
  frame(): GovernanceFrame {
    return mergeFrames(this.all({ op: 'frame' }) as GovernanceFrame[], this.params, this.params.output.frameCaseCap);
  }

  /** The case-event log: every county's in turn, case ids unique across the province (provinceCaseId). */
  caseLog(): EventTable {
    if (!this.params.output.caseLog) return logTable(null, 0);
    const parts = this.all({ op: 'caseLog' }) as CountyLog[];
    const cols = {} as LogColumns;
    for (const key of Object.keys(LOG_SPEC) as Array<keyof LogColumns>) {
      cols[key] = concatArrays(parts.map((l, c) => (key === 'caseId' ? l.cols.caseId.map((id) => provinceCaseId(id, this.counties, c)) : l.cols[key])));
    }
    return logTable(cols, parts.reduce((a, l) => a + l.rows, 0));
  }

  snapshot(): ModelSnapshot {
    const province: ProvinceState = {
      day: this.day,
      kept: structuredClone(this.kept),
      totals: structuredClone(this.totals),
      metrics: this.metrics.snapshot(),
      rng: this.rng.snapshot(),
    };
    return { model: this.modelName, time: this.day, state: { province, counties: this.all({ op: 'snapshot' }) } };
  }

  restore(s: ModelSnapshot): void {
    if (s.model !== this.modelName) throw new Error(`snapshot is of model ${s.model}, not ${this.modelName}`);
    const st = s.state as { province?: ProvinceState; counties?: ModelSnapshot[] };
    if (!st.province || !st.counties || st.counties.length !== this.counties) {
      throw new Error(`snapshot is not of a province of ${this.counties} counties`);
    }
    const counties = st.counties;
    this.all((k) => ({ op: 'restore', states: counties.slice(...this.ranges[k]) }));
    const p = structuredClone(st.province);
    this.day = p.day;
    this.kept = p.kept;
    this.totals = p.totals;
    this.metrics.restore(p.metrics);
    this.rng.restore(p.rng);
  }

  /** Bytes of the typed arrays of every county (in whichever thread it runs). */
  typedArrayBytes(): number {
    return (this.all({ op: 'bytes' }) as number[]).reduce((a, b) => a + b, 0);
  }

  /** Stop the other threads (the province cannot step after this). */
  dispose(): void {
    for (const g of this.groups) g.close();
  }
}
