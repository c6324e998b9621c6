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
import { assignOfficialSlots } from './resolvers';

export function accountabilityStep(w: World): void {
  const a = w.params.accountability;
  if (!a.enabled || a.discretionaryShare <= 0) return;
  const h = w.hierarchy;
  const asked = w.villageAsked;
  const unhappy = w.villageUnhappy;
  const score = w.villageDissatisfaction;
  let totalAsked = 0;
  let totalUnhappy = 0;
  for (let v = 0; v < h.villages; v++) {
    totalAsked += asked[v];
    totalUnhappy += unhappy[v];
    if (asked[v] > 0) score[v] = unhappy[v] / asked[v];
  }
  // Stryker disable next-line ConditionalExpression: only an optimisation: with no respondents d is NaN, every weight 0 and attention stays 1
  if (totalAsked === 0) return;
  const d = Math.max(0.01, totalUnhappy / totalAsked);
  const weight = new Float64Array(h.villages);
  let weighted = 0;
  for (let v = 0; v < h.villages; v++) {
    const x = 1 + (a.strength * (score[v] - d)) / d;
    // Stryker disable next-line EqualityOperator: at x = 0 both give 0
    weight[v] = x > 0 ? x : 0;
    weighted += weight[v] * (h.villageStart[v + 1] - h.villageStart[v]);
  }
  const mean = weighted / h.residents;
  const share = a.discretionaryShare;
  let before = 0;
  for (let v = 0; v < h.villages; v++) {
    w.attention[v] = 1 - share + (mean > 0 ? (share * weight[v]) / mean : share);
    w.attentionBefore[v] = before;
    before += w.attention[v] * (h.villageStart[v + 1] - h.villageStart[v]);
  }
  w.attentionBefore[h.villages] = before;
  assignOfficialSlots(w);
}
