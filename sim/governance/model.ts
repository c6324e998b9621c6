/**
 * The governance model (design/MODEL.md sections 2-5): citizens, NGOs, mediators and government
 * resolving disputes under the control, management and governance regimes.
 *
 * Daily schedule (one step = one day), in this order:
 *   1. economy            economy.ts         hardship drift, conflict-rate multiplier, scheduled levers
 *   2. grievances/safety  grievances.ts      injurious events -> claims -> disputes (event-driven)
 *                         safety.ts          crimes, telecom fraud, accidents per town
 *   3. major decisions    projects.ts        proposals, risk assessment, collective disputes
 *   4. handling           handling.ts        calendar drain: first contacts, service ends, referrals,
 *                                            patience escalations, repeat petitions, releases
 *   5. petitions          petitions.ts       (service end of petition offices inside step 4)
 *   6. legitimacy         legitimacy.ts      (updated at each encounter during steps 2-7)
 *   7. collective action  collective-action.ts  Epstein's rule over the candidate set, detention,
 *                                            mass-incident episodes
 *   8. participation      participation.ts   Granovetter joining/leaving of NGO teams, NGO capacity
 *   9. observation        survey.ts, metrics.ts  monthly survey; one series row
 *
 * Counting: the steps count an event once, in the day's counts (w.today, zeroed each morning); after
 * the day's series row, addDayToTotals (world.ts) adds them to the run's totals (w.totals). Totals
 * with no daily twin (court filings, services, ...) are counted where they happen.
 *
 * Module layers: each file imports only from layers below it (test/sim/governance/imports.test.ts
 * fails on any cycle):
 *   1. codes.ts (every shared code and its labels), frame.ts (the typed frame for views), params.ts,
 *      hierarchy.ts: import nothing of here
 *   2. population.ts (citizen columns), case-table.ts (case table, event log), resolver-table.ts
 *   3. world.ts            the whole state, streams, the day's counts and the run's totals
 *   4. citizen.ts          a citizen's state today: L, accumulated grievance, hardship, awareness, G,
 *                          entry to the collective-action candidate set
 *   5. legitimacy.ts       encounters move L
 *   6. cases.ts            open, log and close a case
 *      resolvers.ts        staffing, service times, skill, fairness, queues
 *      detention.ts        detain and release
 *   7. intake.ts           open a dispute, schedule its first contact (cases)
 *      routing.ts          type-channel fit, availability, send to a channel (cases, resolvers)
 *   8. step files: economy.ts, grievances.ts, safety.ts, projects.ts, petitions.ts,
 *      collective-action.ts, participation.ts, survey.ts
 *   9. handling.ts         the calendar drain (petitions, projects, detention, routing)
 *  10. metrics.ts          series and summary (collective-action's open episodes)
 *  11. model.ts            the daily schedule, frames, snapshots
 *  12. counties.ts         a thread's counties of a province (county worlds) and their commands
 *  13. province-frame.ts   a province's frame from its counties'
 *  14. province.ts         a province of county worlds: the survey, accountability and observation
 *                          across counties, counties spread over threads (sim/core/shards.ts)
 *  15. index.ts            the public entry: model, factory, GovernanceFrame, codes and labels
 *
 * frame() returns a GovernanceFrame: its meta and arrays are laid out in frame.ts.
 */
import type { EventTable, Model, ModelSnapshot, Summary } from '../core/model';
import type { GovernanceFrame } from './frame';
import type { MetricsRecorder } from '../core/metrics';
import type { GovernanceParams } from './params';
import { addDayToTotals, bindStreams, createWorld, zeroDaily, type World } from './world';
import { economyStep } from './economy';
import { grievanceStep } from './grievances';
import { safetyStep } from './safety';
import { projectsStep } from './projects';
import { handlingStep } from './handling';
import { collectiveActionStep, gridActives, rescanCandidates } from './collective-action';
import { participationStep, recountMembers, updateNgoSlots } from './participation';
import { surveyStep } from './survey';
import { contactsStep } from './contacts';
import { accountabilityStep } from './accountability';
import { createRecorder, recordDay, summarise } from './metrics';
import { accountStaff, assignOfficialSlots, officialSlots, poolUnstaffed, setSlots } from './resolvers';
import { CH_POLICE, ST_FREE } from './codes';
import { logTable } from './case-table';
import { gridOf } from './hierarchy';
import { dailyDecay } from './citizen';

/** World fields that are plain data (typed arrays, numbers, arrays, records), cloned by snapshots. */
const DATA_KEYS = [
  'citizens',
  'resolvers',
  'day',
  'today',
  'totals',
  'freeRows',
  'candidatesByVillage',
  'critByVillage',
  'candidateCount',
  'releases',
  'firmCount',
  'dirtyByVillage',
  'villageMaxCrit',
  'resolveDays',
  'gridVolunteers',
  'gridHighMembers',
  'gridOpen',
  'villageActives',
  'villagePatrol',
  'villageDetained',
  'townDetained',
  'villageMembers',
  'attention',
  'attentionBefore',
  'villageDissatisfaction',
  'villageAsked',
  'villageUnhappy',
  'experience',
  'townActives',
  'townMediators',
  'townEpisodeStart',
  'townEpisodePeak',
  'townEpisodeProject',
  'townLastIncident',
  'projects',
  'incidentSizes',
  'incidentStarts',
  'incidentLengths',
  'petitionsByYear',
  'crimesByYear',
  'hardshipFactor',
  'rateFactor',
  'legitimacyShift',
  'officersPer1000',
  'platform',
  'crimesSinceSurvey',
] as const;

export class GovernanceModel implements Model {
  readonly modelName = 'governance';
  readonly w: World;
  private metrics: MetricsRecorder;
  private appliedOfficers: number;

  /** `scope` names a county of a province run (province.ts), which draws from streams of its own. */
  constructor(
    readonly params: GovernanceParams,
    readonly seed: number,
    scope = '',
  ) {
    this.w = createWorld(params, seed, scope);
    this.metrics = createRecorder();
    const w = this.w;
    economyStep(w);
    assignOfficialSlots(w);
    this.appliedOfficers = w.officersPer1000;
    recountMembers(w);
    updateNgoSlots(w);
    rescanCandidates(w);
    this.burnIn(params.collectiveAction.burnInDays);
  }

  /**
   * Run only collective action and detention (with releases) on days -n .. -1, then forget what was
   * counted: a population that starts all quiet otherwise shows an initial burst on day 0 in which
   * everyone above the threshold activates at once (as in Epstein's runs from a quiet start). The
   * states reached (actives, detainees and their legitimacy) carry over to day 0. The burn-in's day
   * counts (detentions, their person-days) are dropped, never added to the totals; the totals its steps
   * count directly are reset.
   */
  private burnIn(n: number): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; with n = 0 the loop runs no day and the resets find nothing to reset
    if (n <= 0) return;
    const w = this.w;
    for (w.day = -n; w.day < 0; w.day++) {
      handlingStep(w); // only releases from detention are due before day 0
      collectiveActionStep(w);
    }
    w.day = 0;
    const totals = w.totals;
    totals.massIncidents = 0;
    totals.incidentsFromApprovedProjects = 0;
    totals.outbursts = 0;
    totals.peakActives = 0;
    totals.areaEpisode = 0;
    w.incidentSizes.length = 0;
    w.incidentStarts.length = 0;
    w.incidentLengths.length = 0;
    w.townEpisodeStart.fill(-1);
    w.townLastIncident.fill(-100000);
    w.citizens.detentions.fill(0); // redetentions count from day 0
    w.today = zeroDaily();
  }

  get time(): number {
    return this.w.day;
  }

  step(n = 1): void {
    for (let s = 0; s < n; s++) this.day();
  }

  /** One day, in the documented order. */
  private day(): void {
    const w = this.w;
    this.beforeSurvey();
    if (surveyStep(w)) accountabilityStep(w); // 9 (and the survey's feedback into staffing)
    accountStaff(w); // cost of salaried staff busy or idle, detainees held; utilisation
    recordDay(w, this.metrics);
    this.endDay();
  }

  /**
   * Steps 1-8 of the day (the header's schedule). A county of a province (province.ts) runs its days in
   * these parts, the province's survey and accountability in between.
   */
  beforeSurvey(): void {
    const w = this.w;
    w.today = zeroDaily();
    economyStep(w); // 1
    // Stryker disable next-line ConditionalExpression: a shortcut; applying the same officer level again changes no slot
    if (w.officersPer1000 !== this.appliedOfficers) this.applyOfficers();
    grievanceStep(w); // 2
    safetyStep(w); // 2 (public safety beside disputes)
    projectsStep(w); // 3
    handlingStep(w); // 4-5 (6 at each encounter)
    contactsStep(w); // 6 (routine contacts with police and grid workers)
    collectiveActionStep(w); // 7
    participationStep(w); // 8
  }

  /** The day's end, after its series row: accumulated grievance decays, the day's counts join the totals. */
  endDay(): void {
    const w = this.w;
    // Accumulated grievance decays for everyone alike (each citizen's lazily); keep the sum in step.
    w.totals.sumGrievance *= dailyDecay(w);
    addDayToTotals(w.totals, w.today); // each event is counted once, in the day's counts
    w.day++;
  }

  private applyOfficers(): void {
    const w = this.w;
    const b = w.resolvers.base[CH_POLICE];
    // Stryker disable next-line EqualityOperator: one past the police offices is the first court, given its own official slots again (no change)
    for (let t = 0; t < w.hierarchy.towns; t++) setSlots(w, b + t, officialSlots(w, b + t));
    poolUnstaffed(w, CH_POLICE);
    this.appliedOfficers = w.officersPer1000;
  }

  series(): MetricsRecorder {
    return this.metrics;
  }

  summary(): Summary {
    return summarise(this.w);
  }

  frame(): GovernanceFrame {
    const w = this.w;
    const h = w.hierarchy;
    const k = w.cases.cols;
    const gridOpen = new Int32Array(h.grids);
    const cap = w.params.output.frameCaseCap;
    const rows: number[] = [];
    for (let row = 0; row < w.cases.length; row++) {
      if (k.status[row] === ST_FREE) continue;
      if (k.size[row] === 1) gridOpen[gridOf(h, k.citizen[row])]++;
      if (rows.length < cap) rows.push(row);
    }
    const m = rows.length;
    const caseLevel = new Uint8Array(m);
    const caseChannel = new Uint8Array(m);
    const caseStatus = new Uint8Array(m);
    const caseResolver = new Int32Array(m);
    const caseGrid = new Int32Array(m);
    const caseSize = new Int32Array(m);
    // The case's history so far, in brief: what an inspector needs without the full event log.
    const caseId = new Int32Array(m);
    const caseType = new Uint8Array(m);
    const caseOpened = new Int32Array(m);
    const caseFirst = new Uint8Array(m);
    const caseAttempts = new Uint8Array(m);
    const casePetitions = new Uint8Array(m);
    const caseFlags = new Uint16Array(m);
    const caseCost = new Float32Array(m);
    // Stryker disable next-line EqualityOperator: one step past the end writes nothing (typed arrays drop out-of-range writes)
    for (let q = 0; q < m; q++) {
      const row = rows[q];
      caseLevel[q] = k.level[row];
      caseChannel[q] = k.channel[row];
      caseStatus[q] = k.status[row];
      caseResolver[q] = k.inst[row];
      caseGrid[q] = gridOf(h, k.citizen[row]);
      caseSize[q] = k.size[row];
      caseId[q] = k.id[row];
      caseType[q] = k.type[row];
      caseOpened[q] = k.opened[row];
      caseFirst[q] = k.first[row];
      caseAttempts[q] = k.attempts[row];
      casePetitions[q] = k.petitions[row];
      caseFlags[q] = k.flags[row];
      caseCost[q] = k.cost[row];
    }
    const gridResidents = new Int32Array(h.grids);
    // Stryker disable next-line EqualityOperator: one step past the end writes nothing (typed arrays drop out-of-range writes)
    for (let g = 0; g < h.grids; g++) gridResidents[g] = h.gridStart[g + 1] - h.gridStart[g];
    return {
      model: this.modelName,
      step: w.day,
      meta: {
        residents: h.residents,
        counties: h.counties,
        towns: h.towns,
        villages: h.villages,
        grids: h.grids,
        resolvers: w.resolvers.count,
        day: w.day,
        openCases: w.totals.openCases,
        actives: w.totals.actives,
        framedCases: m,
      },
      arrays: {
        gridX: h.gridX.slice(),
        gridY: h.gridY.slice(),
        gridResidents,
        gridOpen,
        gridActives: gridActives(w),
        gridVolunteers: w.gridVolunteers.slice(),
        villageActives: w.villageActives.slice(),
        villagePatrol: w.villagePatrol.slice(),
        townActives: w.townActives.slice(),
        townMediators: w.townMediators.slice(),
        resolverKind: w.resolvers.kind.slice(),
        resolverUnit: w.resolvers.unit.slice(),
        resolverSlots: w.resolvers.slots.slice(),
        resolverBusy: w.resolvers.busy.slice(),
        resolverQueue: w.resolvers.len.slice(),
        caseLevel,
        caseChannel,
        caseStatus,
        caseResolver,
        caseGrid,
        caseSize,
        caseId,
        caseType,
        caseOpened,
        caseFirst,
        caseAttempts,
        casePetitions,
        caseFlags,
        caseCost,
      },
    };
  }

  snapshot(): ModelSnapshot {
    const w = this.w;
    const data: Record<string, unknown> = {};
    for (const key of DATA_KEYS) data[key] = w[key];
    return {
      model: this.modelName,
      time: w.day,
      state: structuredClone({
        data,
        cases: w.cases.snapshot(),
        log: w.log ? w.log.snapshot() : null,
        cal: w.cal.snapshot(),
        rng: w.rng.snapshot(),
        metrics: this.metrics.snapshot(),
        appliedOfficers: this.appliedOfficers,
      }),
    };
  }

  restore(s: ModelSnapshot): void {
    if (s.model !== this.modelName) throw new Error(`snapshot is of model ${s.model}, not ${this.modelName}`);
    const w = this.w;
    const st = structuredClone(s.state) as {
      data: Record<string, unknown>;
      cases: ReturnType<World['cases']['snapshot']>;
      log: ReturnType<World['cases']['snapshot']> | null;
      cal: ReturnType<World['cal']['snapshot']>;
      rng: ReturnType<World['rng']['snapshot']>;
      metrics: ReturnType<MetricsRecorder['snapshot']>;
      appliedOfficers: number;
    };
    const target = w as unknown as Record<string, unknown>;
    for (const key of DATA_KEYS) target[key] = st.data[key];
    w.cases.restore(st.cases);
    if (w.log && st.log) w.log.restore(st.log);
    w.cal.restore(st.cal);
    w.rng.restore(st.rng);
    w.streams = bindStreams(w.rng);
    w.reviewerCodesOf = null; // the citizens' columns are the snapshot's: participation's codes are made again
    this.metrics.restore(st.metrics);
    this.appliedOfficers = st.appliedOfficers;
  }

  /** The case-event log (empty unless params.output.caseLog): one row per case event. */
  caseLog(): EventTable {
    const log = this.w.log;
    return logTable(log ? log.cols : null, log ? log.length : 0);
  }
}
