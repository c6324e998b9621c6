/**
 * "Let the people decide" (the seed's "letting the people decide whether it is peaceful"; MODEL.md
 * section 8): the monthly survey is part of how officials are evaluated. With accountability on, after
 * each survey attention moves toward the villages whose respondents were least satisfied: a share
 * `discretionaryShare` of the grid and village mediators' hours and of the grid workers' household
 * visits is redistributed over villages in proportion to
 *
 *   weight_v = max(0, 1 + strength x (d_v - d) / d)      d_v: dissatisfied share of v's respondents,
 *                                                        d: of all respondents (floored at 0.01)
 *
 * so attention_v = (1 - share) + share x weight_v / mean(weight) (mean 1 over residents: no staff is
 * added, only moved). A village with no respondent this time keeps its last score. Survey samples are
 * small per village (a 1,000-person survey gives ~35 respondents in each of 28 villages), so the policy
 * also chases sampling noise, as a real evaluation by survey would.
 */
import type { World } from './world';
import type { GovernanceParams } from './params';
import { assignOfficialSlots } from './resolvers';

export function accountabilityStep(w: World): void {
  if (!accountabilityActs(w.params)) return;
  const r = scoreVillages(w);
  // Stryker disable next-line ConditionalExpression: only an optimisation: with no respondents d is NaN, every weight 0 and attention stays 1
  if (r.asked === 0) return;
  const d = dissatisfiedShare(r.asked, r.unhappy);
  applyAttention(w, d, weighVillages(w, d) / w.hierarchy.residents);
}

/** Whether accountability moves anything (on, with a share of staff to move). */
export function accountabilityActs(p: GovernanceParams): boolean {
  const a = p.accountability;
  return a.enabled && a.discretionaryShare > 0;
}

/** Each asked village's dissatisfied share in this survey (kept until it is asked again); all respondents. */
export function scoreVillages(w: World): { asked: number; unhappy: number } {
  const asked = w.villageAsked;
  const unhappy = w.villageUnhappy;
  const score = w.villageDissatisfaction;
  let totalAsked = 0;
  let totalUnhappy = 0;
  for (let v = 0; v < w.hierarchy.villages; v++) {
    totalAsked += asked[v];
    totalUnhappy += unhappy[v];
    if (asked[v] > 0) score[v] = unhappy[v] / asked[v];
  }
  return { asked: totalAsked, unhappy: totalUnhappy };
}

/** d: the dissatisfied share of all respondents, floored at 0.01. */
export function dissatisfiedShare(asked: number, unhappy: number): number {
  return Math.max(0.01, unhappy / asked);
}

function weightOf(w: World, v: number, d: number): number {
  const x = 1 + (w.params.accountability.strength * (w.villageDissatisfaction[v] - d)) / d;
  // Stryker disable next-line EqualityOperator: at x = 0 both give 0
  return x > 0 ? x : 0;
}

/** Sum over villages of weight_v x residents_v (its mean over residents normalises attention). */
export function weighVillages(w: World, d: number): number {
  const h = w.hierarchy;
  let weighted = 0;
  for (let v = 0; v < h.villages; v++) weighted += weightOf(w, v, d) * (h.villageStart[v + 1] - h.villageStart[v]);
  return weighted;
}

/** Attention of each village from its weight and the mean weight over residents; staff follows it. */
export function applyAttention(w: World, d: number, mean: number): void {
  const h = w.hierarchy;
  const share = w.params.accountability.discretionaryShare;
  let before = 0;
  for (let v = 0; v < h.villages; v++) {
    w.attention[v] = 1 - share + (mean > 0 ? (share * weightOf(w, v, d)) / mean : share);
    w.attentionBefore[v] = before;
    before += w.attention[v] * (h.villageStart[v + 1] - h.villageStart[v]);
  }
  w.attentionBefore[h.villages] = before;
  assignOfficialSlots(w);
}
