/**
 * Grievances (schedule step 2): injurious events reach citizens at a low daily rate; some are voiced
 * as claims, rejected claims become disputes (Felstiner, Abel & Sarat 1980-81: naming, blaming,
 * claiming; Miller & Sarat 1980-81: per 1,000 grievances about 700 claims and 450 disputes).
 *
 * Event-driven: instead of a coin flip per citizen per day, the day's events are found by geometric
 * skips over the citizen index with the maximum per-citizen probability, and each hit is thinned by the
 * citizen's own hardship weight (1 + hardshipWeight * H_i) / (1 + hardshipWeight). Draws from the
 * 'grievances' stream therefore scale with the number of events, not with residents x days.
 *
 * A lumped grievance adds to the citizen's accumulated grievance (citizen.ts, decaying lazily); a
 * dispute is opened by intake.ts.
 */
import type { World } from './world';
import { PARTIES_CITIZEN, PARTIES_FIRM, PARTIES_GOVERNMENT, TYPE_ADMINISTRATIVE, TYPE_ENVIRONMENT, TYPE_LABOUR } from './codes';
import { addGrievance, awarenessOf, keptGrievance, legitimacyOf } from './citizen';
import { openDispute } from './intake';

/** Parties of a dispute by type: labour and environment against firms, administrative against government. */
function partiesFor(type: number): number {
  if (type === TYPE_ADMINISTRATIVE) return PARTIES_GOVERNMENT;
  if (type === TYPE_LABOUR || type === TYPE_ENVIRONMENT) return PARTIES_FIRM;
  return PARTIES_CITIZEN;
}

export function grievanceStep(w: World): void {
  const p = w.params.grievances;
  const s = w.streams.grievances;
  const u = s.next;
  const hw = p.hardshipWeight;
  // A citizen's daily probability is rate/365 x rateFactor x (1 + hw H_i) / (1 + hw hardshipMean), so the
  // population mean is the configured rate; pMax is that of a citizen of maximal hardship.
  const pMax = Math.min(
    0.5,
    ((p.ratePerResidentYear / 365) * w.rateFactor * (1 + hw)) / (1 + hw * w.params.population.hardshipMean),
  );
  if (pMax <= 0) return;
  const mix = p.typeMix;
  const weights = [mix.neighbourFamily, mix.landHousing, mix.labourWages, mix.contractsConsumers, mix.environment, mix.administrative];
  let total = 0;
  for (const x of weights) total += x;
  if (total <= 0) return;
  const n = w.citizens.n;
  let i = s.geometricSkip(pMax);
  const hf = w.hardshipFactor;
  // Stryker disable next-line EqualityOperator: at i = n the citizen does not exist and no event follows (only a draw is spent)
  while (i < n) {
    let h = (w.citizens.hardship[i] / 255) * hf;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: above 1 the thinning keeps every hit anyway (u < 1)
    if (h > 1) h = 1;
    // Stryker disable next-line EqualityOperator: a continuous draw hits the boundary with probability 0
    if (u() * (1 + hw) < 1 + hw * h) grievanceEvent(w, i, weights, total);
    i += 1 + s.geometricSkip(pMax);
  }
}

function grievanceEvent(w: World, i: number, weights: number[], total: number): void {
  const p = w.params.grievances;
  const s = w.streams.grievances;
  const u = s.next;
  w.today.grievances++;
  let x = u() * total;
  let type = 0;
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: x < total, so the walk stops within the types anyway (a guard against rounding)
  while (type < weights.length - 1 && x >= weights[type]) {
    x -= weights[type];
    type++;
  }
  let severity = s.exponential(1 / p.severityMean);
  // Stryker disable next-line EqualityOperator: at exactly 1 both give 1
  if (severity > 1) severity = 1;
  // Stryker disable next-line EqualityOperator: at exactly 0.01 both give 0.01
  if (severity < 0.01) severity = 0.01;
  // Claiming: legal awareness raises it; coercion of the control regime suppresses it.
  const aware = awarenessOf(w, i);
  // Legitimacy: people who expect a fair hearing from the state take more grievances to it.
  const L = legitimacyOf(w, i);
  let pClaim = p.claimProbability * (1 - p.claimAwarenessWeight + 2 * p.claimAwarenessWeight * aware);
  pClaim *= 1 - p.claimLegitimacyWeight + 2 * p.claimLegitimacyWeight * L;
  pClaim *= 1 - w.params.enforcement.claimSuppression;
  // Both decisions are drawn up front so that a regime that suppresses claims uses the same numbers
  // for every later grievance as one that does not (common random numbers across policies).
  const uClaim = u();
  const uReject = u();
  if (uClaim >= pClaim) {
    // Lumped: the grievance stays latent.
    addGrievance(w, i, keptGrievance(w, i, severity * p.lumpedWeight));
    return;
  }
  w.today.claims++;
  if (uReject >= p.rejectionProbability) return; // claim granted by the other side: no dispute
  openDispute(w, i, 1, type, partiesFor(type), severity, 0);
}
