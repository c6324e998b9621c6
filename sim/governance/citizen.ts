/**
 * A citizen's state today, read and written the same way by every step: legitimacy (with the scheduled
 * global shift), accumulated grievance (decaying lazily), hardship (with the economy's drift), legal
 * awareness (with rule-of-law growth), Epstein's total grievance G, and entry to the collective-action
 * candidate set. Beneath every step file: it imports only the world (and the core rule for G).
 *
 * Accumulated grievance (the part of Epstein's G that unresolved disputes add) is stored per citizen
 * with the day it was written and decays lazily: g(t) = g(t0) exp(-decay (t - t0)).
 *
 * Candidate set (collective-action.ts): only citizens with G > T can ever activate, so they are kept in
 * a list. A citizen enters when an encounter lowers L_i or a grievance raises g_i (touchCandidate).
 */
import { grievance } from '../core/activation';
import { exp } from '../core/dmath';
import { CIT_ACTIVE, TEAM_COUNSELLING, TEAMS } from './codes';
import { gridOf } from './hierarchy';
import type { World } from './world';

// Candidate flags (citizens' `candidate` column): 0 not a candidate, CLEAN evaluated and untouched
// since, DIRTY touched (in its village's dirty list) and to evaluate, STALE evaluated alone as touched
// but its village's list not updated yet (collective-action.ts evaluates it in full with the village),
// SURE evaluated and untouched since, with G above T whatever the global drift until the next rescan
// and up to its last sure day (collective-action.ts: where P is 0 it stays active without being
// evaluated; a rise in its legitimacy or a relief of its grievance makes it CLEAN again), FIRM active and
// in its village's firm block (the front of its candidate list), with H(1 - L) alone above T whatever
// the drift until the next rescan: where P is 0 the block is counted without visiting its members. A
// FIRM citizen whose legitimacy rises or who is touched or detained leaves the block (leaveFirm).
export const CANDIDATE_CLEAN = 1;
export const CANDIDATE_DIRTY = 2;
export const CANDIDATE_STALE = 3;
export const CANDIDATE_SURE = 4;
export const CANDIDATE_FIRM = 5;

/**
 * Collective action's bounds (collective-action.ts): a drift that can only lower G (hardship factor down,
 * legitimacy shift up) refreshes them once it passes REFRESH_EPS, so they allow for that much of it; a
 * bound must clear T by SURE_MARGIN, which absorbs the rounding of its products (values near 0.1, ulps
 * near 1e-17), so a skipped evaluation would have said G > T.
 */
export const REFRESH_EPS = 0.0025;
export const SURE_MARGIN = 1e-9;

/**
 * A lower bound on citizen i's H(1 - L) until the next refresh or rescan of collective action's
 * candidates (while its own legitimacy does not rise): hardship's factor at its lowest and the legitimacy
 * shift at its highest that the drift may reach before then.
 */
export function sureFloor(w: World, i: number): number {
  const c = w.citizens;
  const f = w.totals.scanHardship - REFRESH_EPS;
  const h = (c.hardship[i] / 255) * (f > 0 ? f : 0);
  const l = c.legitimacy[i] + w.totals.scanShift + REFRESH_EPS;
  return (h > 1 ? 1 : h) * (1 - (l < 0 ? 0 : l > 1 ? 1 : l));
}

/** Whether citizen i's H(1 - L) alone keeps G above T whatever the drift before the next refresh (FIRM's bound). */
export function firmHolds(w: World, i: number): boolean {
  return sureFloor(w, i) > w.params.collectiveAction.threshold + SURE_MARGIN;
}

/** Citizen i's legitimacy today: stored L_i plus the scheduled global shift, clamped to [0, 1]. */
export function legitimacyOf(w: World, i: number): number {
  const l = w.citizens.legitimacy[i] + w.legitimacyShift;
  // Stryker disable next-line EqualityOperator: at exactly 0 or 1 the clamp returns the same value
  return l < 0 ? 0 : l > 1 ? 1 : l;
}

/** Daily decay factor of accumulated grievance. */
export function dailyDecay(w: World): number {
  return exp(-w.params.grievances.decayPerYear / 365);
}

/** Citizen i's accumulated grievance today. */
export function grievanceOf(w: World, i: number): number {
  const c = w.citizens;
  const g = c.grievance[i];
  // Stryker disable next-line ConditionalExpression: a shortcut; 0 decays to 0
  if (g === 0) return 0;
  const dt = w.day - c.grievanceDay[i];
  // Stryker disable next-line ConditionalExpression: a shortcut; exp(0) is 1
  return dt === 0 ? g : g * exp((-w.params.grievances.decayPerYear / 365) * dt);
}

/** Add `amount` (may be negative) to citizen i's accumulated grievance, floored at 0. */
export function addGrievance(w: World, i: number, amount: number): void {
  const c = w.citizens;
  const before = grievanceOf(w, i);
  let after = before + amount;
  // Stryker disable next-line EqualityOperator: at exactly 0 both give 0
  if (after < 0) after = 0;
  c.grievance[i] = after;
  c.grievanceDay[i] = w.day;
  w.totals.sumGrievance += after - before;
  if (amount > 0) touchCandidate(w, i);
  // Relieved: the decaying grievance that a SURE flag counted on is less (FIRM counts on none).
  else if (amount < 0 && w.sureFlags && c.candidate[i] === CANDIDATE_SURE) c.candidate[i] = CANDIDATE_CLEAN;
}

/** Effective hardship today: the stored H_i scaled by the economy's drift. */
export function hardshipOf(w: World, i: number): number {
  const h = (w.citizens.hardship[i] / 255) * w.hardshipFactor;
  // Stryker disable next-line EqualityOperator: at exactly 1 the clamp returns the same value
  return h > 1 ? 1 : h;
}

/** Effective legal awareness today: stored value plus rule-of-law growth. */
export function awarenessOf(w: World, i: number): number {
  const a = w.citizens.awareness[i] / 255 + w.params.ruleOfLaw.legalAwarenessGrowthPerYear * (w.day / 365);
  // Stryker disable next-line EqualityOperator: at exactly 1 the clamp returns the same value
  return a > 1 ? 1 : a;
}

/** G of citizen i today (without risk): Epstein's H(1 - L) plus weighted accumulated grievance. */
export function totalGrievance(w: World, i: number): number {
  return grievance(hardshipOf(w, i), legitimacyOf(w, i)) + w.params.collectiveAction.grievanceWeight * grievanceOf(w, i);
}

/** The village citizen i lives in. */
export function villageOf(w: World, i: number): number {
  return w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
}

/**
 * Citizen i leaves collective action's firm block (touched, its legitimacy rose, or detained): its flag
 * becomes `flag`, and it swaps places with the block's last member, so the block shrinks by one and it
 * is the first of the list's main part (its critical P unknown: Infinity, which the quiet test never
 * lets pass unevaluated).
 */
export function leaveFirm(w: World, i: number, flag: number): void {
  const c = w.citizens;
  c.candidate[i] = flag;
  const v = villageOf(w, i);
  const list = w.candidatesByVillage[v];
  const last = --w.firmCount[v];
  const at = c.firmSlot[i];
  const moved = list[last];
  list[at] = moved;
  c.firmSlot[moved] = at;
  list[last] = i;
  w.critByVillage[v][last] = Infinity;
}

/** Add citizen i to the candidate set if its grievance can exceed the threshold. */
export function touchCandidate(w: World, i: number): void {
  const c = w.citizens;
  const flag = c.candidate[i];
  if (flag) {
    // A SURE or FIRM active stays one: its G has only risen, and where P is 0 the rule is G > T.
    if (flag >= CANDIDATE_SURE && c.state[i] === CIT_ACTIVE) return;
    // Its grievance may have risen: evaluate it again (once in the dirty list until then).
    if (flag !== CANDIDATE_DIRTY) {
      if (flag === CANDIDATE_FIRM) leaveFirm(w, i, CANDIDATE_DIRTY);
      else c.candidate[i] = CANDIDATE_DIRTY;
      w.dirtyByVillage[villageOf(w, i)].push(i);
    }
    return;
  }
  if (totalGrievance(w, i) > w.params.collectiveAction.threshold) {
    c.candidate[i] = CANDIDATE_DIRTY;
    const v = w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
    w.candidatesByVillage[v].push(i);
    w.critByVillage[v].push(0);
    w.candidateCount++;
    w.dirtyByVillage[v].push(i);
  }
}

/** Mean legitimacy today (stored values plus the global shift; the shift's clamp is ignored here). */
export function meanLegitimacy(w: World): number {
  return meanLegitimacyOf(w.totals.sumLegitimacy, w.hierarchy.residents, w.legitimacyShift);
}

/** Mean legitimacy from the sum of stored values over `residents` and the global shift. */
export function meanLegitimacyOf(sumLegitimacy: number, residents: number, shift: number): number {
  const m = sumLegitimacy / residents + shift;
  // Stryker disable next-line EqualityOperator: at exactly 0 or 1 the clamp returns the same value
  return m < 0 ? 0 : m > 1 ? 1 : m;
}

/**
 * Grievance a citizen keeps from a grievance not voiced or a dispute given up: `amount`, less the
 * share ngo.counsellingRelief where counselling volunteers serve the citizen's village (psychological
 * intervention, the seed's third strategy).
 */
export function keptGrievance(w: World, i: number, amount: number): number {
  const relief = w.params.ngo.counsellingRelief;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; a relief of 0 keeps the whole amount anyway
  if (relief <= 0) return amount;
  const v = w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
  return w.villageMembers[v * TEAMS + TEAM_COUNSELLING] > 0 ? amount * (1 - relief) : amount;
}
