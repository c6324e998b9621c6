/**
 * The monthly survey (schedule step 9; the seed's "letting the people decide whether it is peaceful"):
 * every intervalDays days, sampleSize citizens drawn at random ('survey' stream) are asked whether they
 * are satisfied with safety, whether they know of the peace-building work, and whether they take part.
 * A respondent is satisfied with probability
 *
 *   base + legitimacyWeight x (L_i - 0.5) - victimWeight x [victim of a crime in the last 365 days]
 *        - grievanceWeight x g_i - incidentWeight x [mass incident in the town in the last interval]
 *        - crimeWeight x (crimes per 1,000 residents per year over the last interval)
 *
 * clamped to [0, 1]. Aware: legal awareness of at least 0.5, or a member of a team. Participating: a
 * member of a team. The results hold until the next survey (series column `satisfaction`); the run's
 * mean over all surveys is kept too. Each survey also records, per village, how many were asked and
 * how many were not satisfied (for accountability.ts), and groups respondents by their last encounter
 * with an authority in the past year (none, fair, unfair to them) with their legitimacy: Skogan's
 * (2006) measure of the asymmetry, from simulated encounters (validation pattern 9).
 */
import type { Counters, World } from './world';
import type { GovernanceParams } from './params';
import { awarenessOf, grievanceOf, legitimacyOf } from './citizen';
import { gridOf } from './hierarchy';

/** Whether a survey is made at the end of today. */
export function surveyDue(p: GovernanceParams, day: number): boolean {
  const interval = p.survey.intervalDays;
  return interval > 0 && (day + 1) % interval === 0;
}

/** The survey's crime term: `crimes` in the last interval per 1,000 of `residents`, a year. */
export function surveyCrimeRate(p: GovernanceParams, crimes: number, residents: number): number {
  return (crimes / residents) * 1000 * (365 / p.survey.intervalDays);
}

/** A survey's counts of respondents: asked, satisfied, aware, taking part. */
export interface SurveyTally {
  asked: number;
  satisfied: number;
  aware: number;
  part: number;
}

/** Run the survey if one is due today; true when it ran (accountability then acts on its results). */
export function surveyStep(w: World): boolean {
  if (!surveyDue(w.params, w.day)) return false;
  const s = w.streams.survey;
  const c = w.citizens;
  const crimeRate = surveyCrimeRate(w.params, w.crimesSinceSurvey, w.hierarchy.residents);
  w.crimesSinceSurvey = 0;
  recordSurvey(w.totals, askRespondents(w, Math.min(w.params.survey.sampleSize, c.n), () => s.int(c.n), crimeRate));
  return true;
}

/**
 * Ask `n` respondents, the next one being citizen `next()` each time (drawn at random by the caller),
 * with the survey's crime term `crimeRate`; each one's answer is a draw from the 'survey' stream. Counts
 * the village's respondents and dissatisfied ones (for accountability) and the contact groups (totals).
 */
export function askRespondents(w: World, n: number, next: () => number, crimeRate: number): SurveyTally {
  const p = w.params.survey;
  const s = w.streams.survey;
  const c = w.citizens;
  const h = w.hierarchy;
  let satisfied = 0;
  let aware = 0;
  let part = 0;
  const tot = w.totals;
  w.villageAsked.fill(0);
  w.villageUnhappy.fill(0);
  for (let q = 0; q < n; q++) {
    const i = next();
    const v = h.gridVillage[gridOf(h, i)];
    const t = h.villageTown[v];
    const L = legitimacyOf(w, i);
    // Skogan's grouping: the respondent's last encounter with an authority in the past year.
    if (c.contactDay[i] > 0 && w.day + 1 - c.contactDay[i] < 365) {
      if (c.contactBad[i]) {
        tot.contactBad++;
        tot.contactBadL += L;
      } else {
        tot.contactGood++;
        tot.contactGoodL += L;
      }
    } else {
      tot.contactNone++;
      tot.contactNoneL += L;
    }
    const victim = c.victimDay[i] > 0 && w.day + 1 - c.victimDay[i] < 365 ? 1 : 0;
    const incident = w.day - w.townLastIncident[t] < p.intervalDays ? 1 : 0;
    let prob =
      p.base +
      p.legitimacyWeight * (L - 0.5) -
      p.victimWeight * victim -
      p.grievanceWeight * grievanceOf(w, i) -
      p.incidentWeight * incident -
      p.crimeWeight * crimeRate;
    // Stryker disable next-line EqualityOperator,ConditionalExpression: a draw in [0, 1) is below neither 0 nor a negative prob
    if (prob < 0) prob = 0;
    w.villageAsked[v]++;
    if (s.next() < prob) satisfied++;
    else w.villageUnhappy[v]++;
    if (c.volunteer[i] !== 0) part++;
    if (c.volunteer[i] !== 0 || awarenessOf(w, i) >= 0.5) aware++;
  }
  return { asked: n, satisfied, aware, part };
}

/** A survey's results, kept until the next one, and its satisfaction in the run's mean. */
export function recordSurvey(n: Counters, t: SurveyTally): void {
  // asked >= 1 (sampleSize >= 1, residents >= 10), and with none asked the ratios would be 0 / 0 = NaN anyway:
  // Stryker disable next-line EqualityOperator,ConditionalExpression: see above
  n.satisfaction = t.asked > 0 ? t.satisfied / t.asked : NaN;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: see above
  n.awareness = t.asked > 0 ? t.aware / t.asked : NaN;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: see above
  n.participationRate = t.asked > 0 ? t.part / t.asked : NaN;
  n.surveys++;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: asked >= 1 (sampleSize >= 1)
  if (t.asked > 0) n.satisfactionSum += t.satisfied / t.asked;
}
