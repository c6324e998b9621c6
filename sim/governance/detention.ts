/**
 * Detention (MODEL.md section 8: a term, a release and a cost): a detained citizen is held for
 * enforcement.detentionDays days, out of collective action, participation and routine contact, and
 * released by a calendar event (K_RELEASE, drained by handling.ts). Each detention is a coercive
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
 */
import type { World } from './world';
import { CIT_DETAINED, CIT_DISPUTE, CIT_QUIET, eventCode, K_RELEASE, TEAM_CORRECTION, TEAMS } from './codes';
import { addGrievance, grievanceOf, touchCandidate } from './citizen';
import { gridOf } from './hierarchy';
import { encounter } from './legitimacy';

export function detain(w: World, i: number): void {
  const c = w.citizens;
  if (c.state[i] === CIT_DETAINED) return;
  const e = w.params.enforcement;
  c.state[i] = CIT_DETAINED;
  const term = Math.max(1, e.detentionDays);
  c.detainedUntil[i] = Math.min(65535, Math.max(0, w.day + term));
  w.cal.schedule(w.day + term, eventCode(K_RELEASE, 0), i);
  if (c.detentions[i] > 0) w.today.redetentions++;
  if (c.detentions[i] < 255) c.detentions[i]++;
  w.totals.detainedNow++;
  countDetained(w, i, 1);
  w.today.detained++;
  encounter(w, i, w.params.ruleOfLaw.baselineFairness * (1 - e.coercion));
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
