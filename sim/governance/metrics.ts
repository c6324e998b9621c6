/**
 * Observation: the daily series (one row per day, columns below) and the run summary.
 *
 * Series columns (counts are of that day unless "open"/"now"/"mean" says otherwise):
 *   day, grievances, claims, disputesOpened, disputesOpen (open cases at day's end), queued (waiting in
 *   a queue), resolved, resolvedGrid, resolvedVillage, resolvedTown, resolvedCounty, resolvedNegotiated,
 *   resolvedNgo, resolvedCourt, resolvedPetition, abandoned, petitionsFirst, petitionsRepeat,
 *   petitionsOverLevel, petitionsOnline, actives (now), detained (now), newDetentions,
 *   massIncidentsActive (towns in an episode now), crimes, accidents, fraud, meanLegitimacy (now),
 *   volunteers (members now), officialPersonDays, volunteerHours, satisfaction (last survey, NaN before
 *   the first), awareness, participationRate, proposals, proposalsRejectedOrDelayed, latentGrievance
 *   (mean accumulated grievance per citizen), candidates (collective-action candidate set size).
 */
import { MetricsRecorder } from '../core/metrics';
import type { Summary } from '../core/model';
import type { Counters, Daily, World } from './world';
import { CH_COURT, CH_GRID, CH_NEGOTIATE, CH_NGO, CH_PET_COUNTY, CH_PET_TOWN, CH_TOWN, CH_VILLAGE, CHANNEL_NAMES, CHANNELS, OUTCOME_NAMES, PATH_FIRST_NAMES, PATH_FIRSTS, PATH_OUTCOMES } from './codes';
import { meanLegitimacyOf } from './citizen';
import type { GovernanceParams } from './params';
import { openEpisodes } from './collective-action';

export const SERIES = [
  'day',
  'grievances',
  'claims',
  'disputesOpened',
  'disputesOpen',
  'queued',
  'resolved',
  'resolvedGrid',
  'resolvedVillage',
  'resolvedTown',
  'resolvedCounty',
  'resolvedNegotiated',
  'resolvedNgo',
  'resolvedCourt',
  'resolvedPetition',
  'abandoned',
  'petitionsFirst',
  'petitionsRepeat',
  'petitionsOverLevel',
  'petitionsOnline',
  'actives',
  'detained',
  'newDetentions',
  'massIncidentsActive',
  'crimes',
  'accidents',
  'fraud',
  'meanLegitimacy',
  'volunteers',
  'officialPersonDays',
  'volunteerHours',
  'satisfaction',
  'awareness',
  'participationRate',
  'proposals',
  'proposalsRejectedOrDelayed',
  'latentGrievance',
  'candidates',
] as const;

export function createRecorder(): MetricsRecorder {
  return new MetricsRecorder(SERIES);
}


/**
 * What a day's series row reads: a world's (observeDay), or a province's summed over its counties
 * (province.ts), so both rows are made by the same code.
 */
export interface ObservedDay {
  params: GovernanceParams;
  day: number;
  residents: number;
  legitimacyShift: number;
  today: Daily;
  totals: Counters;
  /** Towns in a mass-incident episode now. */
  inEpisode: number;
  candidates: number;
}

/** Towns of world w in a mass-incident episode now. */
export function townsInEpisode(w: World): number {
  let n = 0;
  // Stryker disable next-line EqualityOperator: one town past the end reads undefined, never >= 0
  for (let t = 0; t < w.hierarchy.towns; t++) if (w.townEpisodeStart[t] >= 0) n++;
  return n;
}

export function observeDay(w: World): ObservedDay {
  return {
    params: w.params,
    day: w.day,
    residents: w.hierarchy.residents,
    legitimacyShift: w.legitimacyShift,
    today: w.today,
    totals: w.totals,
    inEpisode: townsInEpisode(w),
    candidates: w.candidateCount,
  };
}

export function recordDay(w: World, m: MetricsRecorder): void {
  recordRow(observeDay(w), m);
}

/** The day's series row (and the running sum of latent grievance the summary's mean is made of). */
export function recordRow(o: ObservedDay, m: MetricsRecorder): void {
  const d = o.today;
  const n = o.totals;
  const latent = n.sumGrievance / o.residents;
  n.latentGrievanceDaySum += latent;
  m.record([
    o.day,
    d.grievances,
    d.claims,
    d.disputesOpened,
    n.openCases,
    n.queued,
    d.resolved,
    d.resolvedByLevel[0],
    d.resolvedByLevel[1],
    d.resolvedByLevel[2],
    d.resolvedByLevel[3],
    d.resolvedByChannel[CH_NEGOTIATE],
    d.resolvedByChannel[CH_NGO],
    d.resolvedByChannel[CH_COURT],
    d.resolvedByChannel[CH_PET_TOWN] + d.resolvedByChannel[CH_PET_COUNTY],
    d.abandoned,
    d.petitionsFirst,
    d.petitionsRepeat,
    d.petitionsOverLevel,
    d.petitionsOnline,
    n.actives,
    n.detainedNow,
    d.detained,
    o.inEpisode,
    d.crimes,
    d.accidents,
    d.fraud,
    meanLegitimacyOf(n.sumLegitimacy, o.residents, o.legitimacyShift),
    n.volunteers,
    d.officialPersonDays,
    n.volunteers * o.params.ngo.hoursPerMemberDay,
    n.satisfaction,
    n.awareness,
    n.participationRate,
    d.proposals,
    d.proposalsRejectedOrDelayed,
    latent,
    o.candidates,
  ]);
}

function median(hist: Int32Array): number {
  let total = 0;
  for (let i = 0; i < hist.length; i++) total += hist[i];
  // Stryker disable next-line ConditionalExpression: without it the median is 0, which r4 reports like NaN (as 0)
  if (total === 0) return NaN;
  const half = total / 2;
  let acc = 0;
  // Stryker disable next-line EqualityOperator: one step past the end adds undefined after the median is found
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i];
    if (acc >= half) return i;
  }
  // Stryker disable next-line ArithmeticOperator: unreachable, the loop reaches half of the total
  return hist.length - 1;
}

const r4 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

/**
 * What the summary reads: a world's (observeRun), or a province's gathered from its counties
 * (province.ts).
 */
export interface ObservedRun {
  days: number;
  residents: number;
  legitimacyShift: number;
  totals: Counters;
  resolveDays: Int32Array;
  /** Peaks of the ended mass-incident episodes, in the order they ended. */
  incidentSizes: readonly number[];
  /** Episodes still open: their peaks so far (by town) and how many a project set off. */
  open: { sizes: number[]; project: number };
  petitionsByYear: readonly number[];
  crimesByYear: readonly number[];
}

export function observeRun(w: World): ObservedRun {
  return {
    days: w.day,
    residents: w.hierarchy.residents,
    legitimacyShift: w.legitimacyShift,
    totals: w.totals,
    resolveDays: w.resolveDays,
    incidentSizes: w.incidentSizes,
    open: openEpisodes(w),
    petitionsByYear: w.petitionsByYear,
    crimesByYear: w.crimesByYear,
  };
}

export function summarise(w: World): Summary {
  return summariseRun(observeRun(w));
}

export function summariseRun(o: ObservedRun): Summary {
  const n = o.totals;
  const days = o.days;
  const years = days / 365;
  const open = o.open;
  const sizes = [...o.incidentSizes, ...open.sizes];
  const resolved = n.disputesResolved;
  const opened = n.disputesOpened;
  const perChannel = (f: (k: number) => number) => {
    const out: Record<string, number> = {};
    for (let k = 1; k < CHANNELS; k++) out[CHANNEL_NAMES[k]] = r4(f(k));
    return out;
  };
  const perThousand = (x: number) => (n.grievances > 0 ? (1000 * x) / n.grievances : 0);
  return {
    residents: o.residents,
    days,
    disputesOpened: n.disputesOpened,
    disputesResolved: resolved,
    // Every share of disputes has every opened dispute in its denominator (resolved, given up and still
    // open), so no share improves by dropping cases (MODEL.md section 8).
    // Stryker disable ConditionalExpression,EqualityOperator: the `x > 0 ? a / x : 0 (or NaN)` guards below only avoid 0/0 and a/0, which r4 reports as 0 as well
    resolutionRate: r4(opened > 0 ? resolved / opened : 0),
    resolvedAtVillageOrBelowShare: r4(opened > 0 ? (n.resolvedByLevel[0] + n.resolvedByLevel[1]) / opened : 0),
    abandonedShare: r4(opened > 0 ? n.abandoned / opened : 0),
    openAtEndShare: r4(opened > 0 ? n.openCases / opened : 0),
    medianDaysToResolve: r4(median(o.resolveDays)),
    petitionsPer10k: r4(years > 0 ? (n.petitions / o.residents) * 1e4 / years : 0),
    // Disputes settled by mediation (grid, village committee, NGO teams, town office) per 1,000
    // residents a year: China 2017, 8.74 million people's mediations, 6.5-11 per 1,000 (MODEL.md 8).
    mediatedPer1000Year: r4(
      years > 0 ? ((n.resolvedByChannel[CH_GRID] + n.resolvedByChannel[CH_VILLAGE] + n.resolvedByChannel[CH_NGO] + n.resolvedByChannel[CH_TOWN]) / o.residents) * 1000 / years : 0,
    ),
    massIncidents: n.massIncidents,
    massIncidentsPerMillionYear: r4(years > 0 ? (n.massIncidents / o.residents) * 1e6 / years : 0),
    satisfaction: r4(n.satisfaction),
    meanSatisfaction: r4(n.surveys > 0 ? n.satisfactionSum / n.surveys : NaN),
    awareness: r4(n.awareness),
    participationRate: r4(n.participationRate),
    meanLegitimacy: r4(meanLegitimacyOf(n.sumLegitimacy, o.residents, o.legitimacyShift)),
    // Cost counts salaried dispute staff busy or idle, detainee-days, interceptions and assessments.
    costPerResolvedDispute: r4(resolved > 0 ? n.officialPersonDays / resolved : 0),
    officialPersonDays: r4(n.officialPersonDays),
    salariedPersonDays: r4(n.salariedPersonDays),
    detentionPersonDays: r4(n.detentionPersonDays),
    utilisation: perChannel((k) => (n.slotDays[k] > 0 ? n.busySlotDays[k] / n.slotDays[k] : 0)),
    meanWaitDays: perChannel((k) => (n.waitsStarted[k] > 0 ? n.waitDays[k] / n.waitsStarted[k] : 0)),
    escalations: perChannel((k) => n.escalated[k]),
    volunteerHours: r4(n.volunteerHours),
    volunteers: n.volunteers,
    proposals: n.proposals,
    proposalsAssessed: n.proposalsAssessed,
    proposalsApproved: n.projectsApproved,
    proposalsRejectedOrDelayed: n.proposalsRejectedOrDelayed,
    incidentsFromApprovedProjects: n.incidentsFromApprovedProjects + open.project,
    resolvedByLevel: {
      grid: n.resolvedByLevel[0],
      village: n.resolvedByLevel[1],
      town: n.resolvedByLevel[2],
      county: n.resolvedByLevel[3],
    },
    resolvedByChannel: {
      negotiate: n.resolvedByChannel[0],
      grid: n.resolvedByChannel[1],
      village: n.resolvedByChannel[2],
      ngo: n.resolvedByChannel[3],
      town: n.resolvedByChannel[4],
      police: n.resolvedByChannel[5],
      court: n.resolvedByChannel[6],
      petitionTown: n.resolvedByChannel[7],
      petitionCounty: n.resolvedByChannel[8],
    },
    firstChannelPaths: firstChannelPaths(n.pathCounts),
    grievances: n.grievances,
    claims: perThousand(n.claims),
    disputes: perThousand(n.disputesOpened),
    courtFilings: perThousand(n.courtFilings),
    mediationSuccessRate: r4(n.served[CH_VILLAGE] > 0 ? n.villageSucceeded / n.served[CH_VILLAGE] : 0),
    reachedPetitionOrCountyShare: r4(opened > 0 ? n.reachedPetitionOrCounty / opened : 0),
    petitionSolvedShare: r4(n.petitionCasesClosed > 0 ? n.petitionCasesSolved / n.petitionCasesClosed : 0),
    repeatPetitionShare: r4(n.petitions > 0 ? n.petitionsRepeat / n.petitions : 0),
    overLevelPetitionShare: r4(n.petitions > 0 ? n.petitionsOverLevel / n.petitions : 0),
    onlinePetitionShare: r4(n.petitions > 0 ? n.petitionsOnline / n.petitions : 0),
    petitionsByYear: fullYears(o.petitionsByYear, days),
    massIncidentSizes: sizes,
    peakActives: n.peakActives,
    outbursts: n.outbursts,
    detentions: n.detentions,
    redetentionShare: r4(n.detentions > 0 ? n.redetentions / n.detentions : 0),
    legitimacyNoContact: r4(n.contactNone > 0 ? n.contactNoneL / n.contactNone : NaN),
    legitimacyGoodContact: r4(n.contactGood > 0 ? n.contactGoodL / n.contactGood : NaN),
    legitimacyBadContact: r4(n.contactBad > 0 ? n.contactBadL / n.contactBad : NaN),
    contactShare: r4(n.contactNone + n.contactGood + n.contactBad > 0 ? (n.contactGood + n.contactBad) / (n.contactNone + n.contactGood + n.contactBad) : 0),
    meanLatentGrievance: r4(days > 0 ? n.latentGrievanceDaySum / days : 0),
    // Stryker restore ConditionalExpression,EqualityOperator
    crimes: n.crimes,
    accidents: n.accidents,
    fraud: n.fraud,
    crimesByYear: fullYears(o.crimesByYear, days),
  };
}

/** Per-year counts padded to the number of (started) simulated years. */
function fullYears(a: readonly number[], days: number): number[] {
  const years = Math.ceil(days / 365);
  const out: number[] = [];
  for (let y = 0; y < years; y++) out.push(a[y] ?? 0);
  return out;
}

/**
 * Closed cases by first channel and outcome, as `first>outcome` keys (e.g. `grid>village`: went to a
 * grid worker first, resolved at village level), the non-zero ones in a fixed order: the dispute-path
 * (Sankey) diagram's data.
 */
function firstChannelPaths(counts: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  // Stryker disable next-line EqualityOperator: one row past the end reads undefined counts, never > 0
  for (let f = 0; f < PATH_FIRSTS; f++) {
    for (let o = 0; o < PATH_OUTCOMES; o++) {
      const c = counts[f * PATH_OUTCOMES + o];
      if (c > 0) out[`${PATH_FIRST_NAMES[f]}>${OUTCOME_NAMES[o]}`] = c;
    }
  }
  return out;
}
