/**
 * The governance model's whole state in one place: static structure (hierarchy), citizen columns,
 * the case table, resolvers, the event calendar, per-unit counts, counters and the random streams.
 * Submodels are plain functions over a World, called in the daily order of model.ts.
 *
 * Everything mutable is either a typed array, a column store, the calendar, the streams or a plain
 * object of numbers, so snapshot/restore is a structured clone (model.ts).
 */
import { EventCalendar } from '../core/calendar';
import { RandomStreams, type Stream } from '../core/random';
import { type CaseStore, type LogStore, createCaseStore, createLogStore } from './case-table';
import { CHANNELS, PATH_FIRSTS, PATH_OUTCOMES, TEAMS } from './codes';
import { buildHierarchy, type Hierarchy } from './hierarchy';
import type { GovernanceParams } from './params';
import { allocateCitizens, type Citizens, initCitizens, splitReviewers } from './population';
import { buildResolvers, type Resolvers } from './resolver-table';
import { createReleaseQueue, type ReleaseQueue } from './release-queue';

/**
 * One stream per process (common random numbers across policies): a policy that switches a process
 * off stops drawing from that stream and never shifts another process's draws.
 */
export const STREAM_NAMES = [
  'population',
  'economy',
  'grievances',
  'safety',
  'projects',
  'risk-assessment',
  'first-contact',
  'channel-choice',
  'service',
  'patience',
  'mediation-outcome',
  'court',
  'petitions',
  'legitimacy',
  'activation',
  'detention',
  'participation',
  'survey',
  'contacts',
] as const;

export interface Streams {
  population: Stream;
  economy: Stream;
  grievances: Stream;
  safety: Stream;
  projects: Stream;
  riskAssessment: Stream;
  firstContact: Stream;
  choice: Stream;
  service: Stream;
  patience: Stream;
  outcome: Stream;
  court: Stream;
  petitions: Stream;
  legitimacy: Stream;
  activation: Stream;
  detention: Stream;
  participation: Stream;
  survey: Stream;
  contacts: Stream;
}

export function bindStreams(rng: RandomStreams): Streams {
  return {
    population: rng.stream('population'),
    economy: rng.stream('economy'),
    grievances: rng.stream('grievances'),
    safety: rng.stream('safety'),
    projects: rng.stream('projects'),
    riskAssessment: rng.stream('risk-assessment'),
    firstContact: rng.stream('first-contact'),
    choice: rng.stream('channel-choice'),
    service: rng.stream('service'),
    patience: rng.stream('patience'),
    outcome: rng.stream('mediation-outcome'),
    court: rng.stream('court'),
    petitions: rng.stream('petitions'),
    legitimacy: rng.stream('legitimacy'),
    activation: rng.stream('activation'),
    detention: rng.stream('detention'),
    participation: rng.stream('participation'),
    survey: rng.stream('survey'),
    contacts: rng.stream('contacts'),
  };
}

/**
 * Counts of the current day (reset each morning), read by metrics.ts for the series row. The steps count
 * an event here only; addDayToTotals adds the day into the run's totals once, at the end of the day.
 */
export interface Daily {
  grievances: number;
  claims: number;
  disputesOpened: number;
  resolved: number;
  resolvedByLevel: number[];
  resolvedByChannel: number[];
  abandoned: number;
  petitionsFirst: number;
  petitionsRepeat: number;
  petitionsOverLevel: number;
  petitionsOnline: number;
  detained: number;
  /** Detentions of citizens detained before in this run. */
  redetentions: number;
  crimes: number;
  accidents: number;
  fraud: number;
  officialPersonDays: number;
  salariedPersonDays: number;
  detentionPersonDays: number;
  proposals: number;
  proposalsRejectedOrDelayed: number;
}

export function zeroDaily(): Daily {
  return {
    grievances: 0,
    claims: 0,
    disputesOpened: 0,
    resolved: 0,
    resolvedByLevel: [0, 0, 0, 0],
    resolvedByChannel: new Array(CHANNELS).fill(0),
    abandoned: 0,
    petitionsFirst: 0,
    petitionsRepeat: 0,
    petitionsOverLevel: 0,
    petitionsOnline: 0,
    detained: 0,
    redetentions: 0,
    crimes: 0,
    accidents: 0,
    fraud: 0,
    officialPersonDays: 0,
    salariedPersonDays: 0,
    detentionPersonDays: 0,
    proposals: 0,
    proposalsRejectedOrDelayed: 0,
  };
}

/**
 * Run totals and running scalars. A total with a daily twin in Daily (grievances, claims, disputes
 * opened, resolved, abandoned, petitions by kind, detentions, crimes, accidents, fraud, official
 * person-days, proposals) is up to date only between days (addDayToTotals); the others are counted
 * where they happen.
 */
export interface Counters {
  nextCaseId: number;
  openCases: number;
  queued: number;
  grievances: number;
  claims: number;
  disputesOpened: number;
  disputesResolved: number;
  resolvedByLevel: number[];
  resolvedByChannel: number[];
  /** Closed cases by first channel (PATH_FIRSTS rows) and outcome (PATH_OUTCOMES columns), row-major. */
  pathCounts: number[];
  served: number[];
  succeeded: number[];
  abandoned: number;
  casesClosed: number;
  costResolved: number;
  officialPersonDays: number;
  /** Of officialPersonDays: paid hours of dispute-handling staff, busy or idle (staffing.ts). */
  salariedPersonDays: number;
  /** Of officialPersonDays: detainee-days times detentionCostPerDay. */
  detentionPersonDays: number;
  /** Per channel: busy slot-days and staffed slot-days (utilisation), waits started and their days. */
  busySlotDays: number[];
  slotDays: number[];
  waitsStarted: number[];
  waitDays: number[];
  /** Per channel: waiting cases whose citizen's patience ran out there (escalations). */
  escalated: number[];
  volunteerHours: number;
  courtFilings: number;
  petitions: number;
  petitionsFirst: number;
  petitionsRepeat: number;
  petitionsOverLevel: number;
  petitionsOnline: number;
  petitionCasesClosed: number;
  petitionCasesSolved: number;
  reachedPetitionOrCounty: number;
  villageTaken: number;
  villageSucceeded: number;
  detentions: number;
  redetentions: number;
  massIncidents: number;
  incidentsFromApprovedProjects: number;
  outbursts: number;
  peakActives: number;
  actives: number;
  detainedNow: number;
  crimes: number;
  accidents: number;
  fraud: number;
  proposals: number;
  proposalsAssessed: number;
  proposalsApproved: number;
  proposalsRejectedOrDelayed: number;
  projectsApproved: number;
  /** Sum of stored legitimacy over citizens (kept at every update). */
  sumLegitimacy: number;
  /** Sum of accumulated grievance over citizens, decayed daily like each citizen's lazily. */
  sumGrievance: number;
  latentGrievanceDaySum: number;
  volunteers: number;
  satisfaction: number;
  /** Sum of every survey's satisfaction (for the run's mean). */
  satisfactionSum: number;
  /**
   * Survey respondents by their last encounter with an authority in the past year (none, fair, unfair):
   * count and summed legitimacy, for the asymmetry measured as Skogan (2006) measured it.
   */
  contactNone: number;
  contactNoneL: number;
  contactGood: number;
  contactGoodL: number;
  contactBad: number;
  contactBadL: number;
  awareness: number;
  participationRate: number;
  surveys: number;
  /** Global economy factors at the last collective-action rescan or refresh (the drift is measured from them). */
  scanHardship: number;
  scanShift: number;
  areaEpisode: number;
}

export interface World {
  params: GovernanceParams;
  hierarchy: Hierarchy;
  citizens: Citizens;
  rng: RandomStreams;
  streams: Streams;
  cases: CaseStore;
  log: LogStore | null;
  cal: EventCalendar;
  /** Pending releases from detention, in release-day order (detention.ts). */
  releases: ReleaseQueue;
  resolvers: Resolvers;
  day: number;
  /** The day's counts (Daily), added to `totals` at the end of the day. */
  today: Daily;
  totals: Counters;
  freeRows: number[];
  /**
   * Participation reviews (participation.ts): `reviewers` are reviewed every day, members at the start
   * and citizens whose threshold is at most `highCut`, in index order; `highReviewers` (non-members at
   * the start with a threshold above highCut and below 1, grid g's at highStart[g] ..
   * highStart[g + 1] - 1) only in grids whose share could reach highCut or that have such members
   * (`gridHighMembers`). Reviews elsewhere could change nothing.
   */
  reviewers: Int32Array;
  /** Each reviewer's threshold and membership (participation.ts reviewerCodes), for the list reviewerCodesOf. */
  reviewerCodes: Uint16Array;
  reviewerCodesOf: Int32Array | null;
  highCut: number;
  highReviewers: Int32Array;
  highStart: Int32Array;
  gridHighMembers: Int32Array;
  /**
   * Collective-action candidate set (citizens whose grievance can exceed T), one list per village in
   * insertion order, and (parallel) each candidate's critical arrest probability (G - T) / R at its
   * last evaluation.
   */
  candidatesByVillage: number[][];
  critByVillage: number[][];
  /** Candidates in all villages. */
  candidateCount: number;
  /** Some candidate may carry the SURE flag (set by collective action, cleared by a rescan): while false, legitimacy gains skip the flag check. */
  sureFlags: boolean;
  /** Collective action's scratch list of the day's actives (collective-action.ts), grown as the candidate set grows; not state. */
  activeBuffer: Int32Array;
  /**
   * Collective action's firm block per village: candidatesByVillage[v][0 .. firmCount[v] - 1] are FIRM
   * actives (citizens' firmSlot column holds each one's place in it).
   */
  firmCount: Int32Array;
  /** Candidates of each village added or touched since they were last evaluated (collective-action.ts). */
  dirtyByVillage: number[][];
  /**
   * Largest critical P of the village's quiet candidates since its last full evaluation (0: none;
   * Infinity: a full evaluation is due).
   */
  villageMaxCrit: Float64Array;
  /** Histogram of days from opening to resolution (last bin: that many or more). */
  resolveDays: Int32Array;
  gridVolunteers: Int32Array;
  gridOpen: Int32Array;
  villageActives: Int32Array;
  villagePatrol: Int32Array;
  /** Residents detained now, per village and per town (detention.ts; routine contacts skip the check where none are). */
  villageDetained: Int32Array;
  townDetained: Int32Array;
  /** NGO members per village and team type: villageMembers[v * TEAMS + TEAM_*]. */
  villageMembers: Int32Array;
  /**
   * Accountability (accountability.ts): attention of each village (1 = its share by residents), its
   * last dissatisfied share in the survey, and this survey's respondents and dissatisfied respondents.
   */
  attention: Float64Array;
  /** Residents before each village weighted by attention (villages + 1 entries; staffing by attention). */
  attentionBefore: Float64Array;
  villageDissatisfaction: Float64Array;
  villageAsked: Int32Array;
  villageUnhappy: Int32Array;
  /**
   * Experience of each grid with each channel (grids x CHANNELS, row-major): a moving average of
   * outcomes there (1 success, 0 failure), starting at 0.5; neighbours' experience weighs in choice.
   */
  experience: Float32Array;
  townActives: Int32Array;
  townMediators: Int32Array;
  /** Mass-incident episode per town: start day or -1, peak, whether project-driven. */
  townEpisodeStart: Int32Array;
  townEpisodePeak: Int32Array;
  townEpisodeProject: Uint8Array;
  townLastIncident: Int32Array;
  /** Projects: true risk, affected size, village, status; indexed by project id. */
  projects: { risk: number[]; size: number[]; village: number[] };
  incidentSizes: number[];
  incidentStarts: number[];
  incidentLengths: number[];
  petitionsByYear: number[];
  crimesByYear: number[];
  /** Economy and schedules of today (economy.ts). */
  hardshipFactor: number;
  rateFactor: number;
  legitimacyShift: number;
  officersPer1000: number;
  platform: number;
  /** Crimes in the last survey interval (for the survey's crime term). */
  crimesSinceSurvey: number;
}

/** Add the day's counts into the run's totals (once, at the end of the day: model.ts). */
export function addDayToTotals(n: Counters, d: Daily): void {
  n.grievances += d.grievances;
  n.claims += d.claims;
  n.disputesOpened += d.disputesOpened;
  n.disputesResolved += d.resolved;
  for (let l = 0; l < d.resolvedByLevel.length; l++) n.resolvedByLevel[l] += d.resolvedByLevel[l];
  for (let ch = 0; ch < d.resolvedByChannel.length; ch++) n.resolvedByChannel[ch] += d.resolvedByChannel[ch];
  n.abandoned += d.abandoned;
  n.petitionsFirst += d.petitionsFirst;
  n.petitionsRepeat += d.petitionsRepeat;
  n.petitionsOverLevel += d.petitionsOverLevel;
  n.petitionsOnline += d.petitionsOnline;
  n.detentions += d.detained;
  n.redetentions += d.redetentions;
  n.crimes += d.crimes;
  n.accidents += d.accidents;
  n.fraud += d.fraud;
  n.officialPersonDays += d.officialPersonDays;
  n.salariedPersonDays += d.salariedPersonDays;
  n.detentionPersonDays += d.detentionPersonDays;
  n.proposals += d.proposals;
  n.proposalsRejectedOrDelayed += d.proposalsRejectedOrDelayed;
}

/** Run totals before anything has happened (the sum of legitimacy is the caller's). */
export function zeroCounters(): Counters {
  return {
    nextCaseId: 0,
    openCases: 0,
    queued: 0,
    grievances: 0,
    claims: 0,
    disputesOpened: 0,
    disputesResolved: 0,
    resolvedByLevel: [0, 0, 0, 0],
    resolvedByChannel: new Array(CHANNELS).fill(0),
    pathCounts: new Array(PATH_FIRSTS * PATH_OUTCOMES).fill(0),
    served: new Array(CHANNELS).fill(0),
    succeeded: new Array(CHANNELS).fill(0),
    abandoned: 0,
    casesClosed: 0,
    costResolved: 0,
    officialPersonDays: 0,
    salariedPersonDays: 0,
    detentionPersonDays: 0,
    busySlotDays: new Array(CHANNELS).fill(0),
    slotDays: new Array(CHANNELS).fill(0),
    waitsStarted: new Array(CHANNELS).fill(0),
    waitDays: new Array(CHANNELS).fill(0),
    escalated: new Array(CHANNELS).fill(0),
    volunteerHours: 0,
    courtFilings: 0,
    petitions: 0,
    petitionsFirst: 0,
    petitionsRepeat: 0,
    petitionsOverLevel: 0,
    petitionsOnline: 0,
    petitionCasesClosed: 0,
    petitionCasesSolved: 0,
    reachedPetitionOrCounty: 0,
    villageTaken: 0,
    villageSucceeded: 0,
    detentions: 0,
    redetentions: 0,
    massIncidents: 0,
    incidentsFromApprovedProjects: 0,
    outbursts: 0,
    peakActives: 0,
    actives: 0,
    detainedNow: 0,
    crimes: 0,
    accidents: 0,
    fraud: 0,
    proposals: 0,
    proposalsAssessed: 0,
    proposalsApproved: 0,
    proposalsRejectedOrDelayed: 0,
    projectsApproved: 0,
    sumLegitimacy: 0,
    sumGrievance: 0,
    latentGrievanceDaySum: 0,
    volunteers: 0,
    satisfaction: NaN,
    satisfactionSum: 0,
    contactNone: 0,
    contactNoneL: 0,
    contactGood: 0,
    contactGoodL: 0,
    contactBad: 0,
    contactBadL: 0,
    awareness: NaN,
    participationRate: NaN,
    surveys: 0,
    scanHardship: NaN,
    scanShift: NaN,
    areaEpisode: 0,
  };
}

/** The least threshold split off for grid-gated reviews (participation.ts). */
const HIGH_CUT_MIN = 0.05;

/** `scope` names a county of a province run (province.ts): its streams are its own (RandomStreams). */
export function createWorld(p: GovernanceParams, seed: number, scope = ''): World {
  const pop = p.population;
  const h = buildHierarchy(pop.residents, pop.counties, pop.townsPerCounty, pop.villagesPerTown, pop.gridsPerVillage);
  const rng = new RandomStreams(seed, scope);
  const st = bindStreams(rng);
  const c = allocateCitizens(h.residents);
  initCitizens(c, p, st.population);
  let sumL = 0;
  for (let i = 0; i < c.n; i++) sumL += c.legitimacy[i];
  // Reviews of non-members above this threshold are made only in grids whose share could reach it
  // (participation.ts). Any cut gives the same process; three times the starting share keeps nearly
  // every grid below it, so those reviews (most of them: thresholds run to 1) are skipped.
  const cut = Math.min(1, Math.max(HIGH_CUT_MIN, 3 * p.participation.initialShare));
  const split = splitReviewers(c, h.gridStart, cut);
  const high = split.high;
  const n = zeroCounters();
  n.sumLegitimacy = sumL;
  const w: World = {
    params: p,
    hierarchy: h,
    citizens: c,
    rng,
    streams: st,
    cases: createCaseStore(),
    log: p.output.caseLog ? createLogStore() : null,
    cal: new EventCalendar(1024),
    releases: createReleaseQueue(),
    resolvers: buildResolvers(h),
    day: 0,
    today: zeroDaily(),
    totals: n,
    freeRows: [],
    reviewers: split.reviewers,
    reviewerCodes: new Uint16Array(0),
    reviewerCodesOf: null,
    highCut: cut,
    highReviewers: high.list,
    highStart: high.start,
    gridHighMembers: new Int32Array(h.grids),
    candidatesByVillage: Array.from({ length: h.villages }, () => []),
    critByVillage: Array.from({ length: h.villages }, () => []),
    candidateCount: 0,
    sureFlags: false,
    activeBuffer: new Int32Array(0),
    firmCount: new Int32Array(h.villages),
    dirtyByVillage: Array.from({ length: h.villages }, () => []),
    villageMaxCrit: new Float64Array(h.villages).fill(Infinity),
    resolveDays: new Int32Array(4096),
    gridVolunteers: new Int32Array(h.grids),
    gridOpen: new Int32Array(h.grids),
    villageActives: new Int32Array(h.villages),
    villagePatrol: new Int32Array(h.villages),
    villageDetained: new Int32Array(h.villages),
    townDetained: new Int32Array(h.towns),
    villageMembers: new Int32Array(h.villages * TEAMS),
    attention: new Float64Array(h.villages).fill(1),
    attentionBefore: Float64Array.from(h.villageStart),
    villageDissatisfaction: new Float64Array(h.villages),
    villageAsked: new Int32Array(h.villages),
    villageUnhappy: new Int32Array(h.villages),
    experience: new Float32Array(h.grids * CHANNELS).fill(0.5),
    townActives: new Int32Array(h.towns),
    townMediators: new Int32Array(h.towns),
    townEpisodeStart: new Int32Array(h.towns).fill(-1),
    townEpisodePeak: new Int32Array(h.towns),
    townEpisodeProject: new Uint8Array(h.towns),
    townLastIncident: new Int32Array(h.towns).fill(-100000),
    projects: { risk: [], size: [], village: [] },
    incidentSizes: [],
    incidentStarts: [],
    incidentLengths: [],
    petitionsByYear: [],
    crimesByYear: [],
    hardshipFactor: 1,
    rateFactor: 1,
    legitimacyShift: 0,
    officersPer1000: p.enforcement.officersPer1000,
    platform: 0,
    crimesSinceSurvey: 0,
  };
  return w;
}
