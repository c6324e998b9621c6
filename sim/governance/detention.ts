/**
 * Detention (MODEL.md section 8: a term, a release and a cost): a detained citizen is held for
 * enforcement.detentionDays days, out of collective action, participation and routine contact, and
 * released on its last day by handling.ts (releaseDue, before the day's case events). Each detention is a coercive
 * encounter (the rule of law's fairness lowered by coercion); every day held costs
 * detentionCostPerDay official person-days (counted each day in staffing.ts from the number held).
 *
 * What a released citizen does next follows from their state, not from a reset: legitimacy was lowered
 * by the coercive encounter, accumulated grievance is what it was (less community correction's relief
 * where correction volunteers serve the village: ngo.correctionRelief), and risk aversion has risen by
 * collectiveAction.detentionDeterrence of its gap to 1 (specific deterrence), so a chronic activist is
 * not detained and released day after day unless their grievance still outweighs the raised risk.
 * The citizens' `detentions` column counts each citizen's detentions (capped at 255) for the
 * redetention share in the summary.
 *
 * Releases are kept in a queue in release-day order, not in the event calendar: the term is the same for
 * every detainee, so the next release is always the earliest, and a riot's hundred thousand detentions
 * cost a push and a pop each instead of two heap operations among every pending case event. A release
 * earlier than the queue's last (the term shortened mid-run) goes to the calendar instead.
 */
import type { World } from './world';
import { pushRelease } from './release-queue';
import { CIT_DETAINED, CIT_DISPUTE, CIT_QUIET, eventCode, K_RELEASE, TEAM_CORRECTION, TEAMS } from './codes';
import { addGrievance, CANDIDATE_CLEAN, CANDIDATE_FIRM, grievanceOf, leaveFirm, touchCandidate } from './citizen';
import { gridOf } from './hierarchy';
import { encounter } from './legitimacy';

export function detain(w: World, i: number): void {
  const c = w.citizens;
  if (c.state[i] === CIT_DETAINED) return;
  const e = w.params.enforcement;
  c.state[i] = CIT_DETAINED;
  // A firm active no longer is one (collective action's firm block holds actives only).
  if (c.candidate[i] === CANDIDATE_FIRM) leaveFirm(w, i, CANDIDATE_CLEAN);
  const term = Math.max(1, e.detentionDays);
  scheduleRelease(w, w.day + term, i);
  if (c.detentions[i] > 0) w.today.redetentions++;
  if (c.detentions[i] < 255) c.detentions[i]++;
  w.totals.detainedNow++;
  countDetained(w, i, 1);
  w.today.detained++;
  encounter(w, i, w.params.ruleOfLaw.baselineFairness * (1 - e.coercion));
}

function scheduleRelease(w: World, day: number, i: number): void {
  // Out of order (the term shortened mid-run): the calendar keeps it.
  if (!pushRelease(w.releases, day, i)) w.cal.schedule(day, eventCode(K_RELEASE, 0), i);
}

/** Release everyone whose term ends today or before (the queue's front). */
export function releaseDue(w: World): void {
  const q = w.releases;
  while (q.head < q.tail && q.day[q.head] <= w.day) release(w, q.who[q.head++]);
}

function countDetained(w: World, i: number, delta: number): void {
  const v = w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
  w.villageDetained[v] += delta;
  w.townDetained[w.hierarchy.villageTown[v]] += delta;
}

export function release(w: World, i: number): void {
  const c = w.citizens;
  if (c.state[i] !== CIT_DETAINED) return;
  c.state[i] = c.openCases[i] > 0 ? CIT_DISPUTE : CIT_QUIET;
  w.totals.detainedNow--;
  countDetained(w, i, -1);
  const r = c.riskAversion[i];
  c.riskAversion[i] = Math.min(255, Math.round(r + w.params.collectiveAction.detentionDeterrence * (255 - r)));
  const v = w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
  const relief = w.params.ngo.correctionRelief;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: relief 0 adds -0 (only re-dates the lazily decayed grievance)
  if (relief > 0 && w.villageMembers[v * TEAMS + TEAM_CORRECTION] > 0) addGrievance(w, i, -relief * grievanceOf(w, i));
  touchCandidate(w, i);
}
