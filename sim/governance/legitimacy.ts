/**
 * Legitimacy (schedule step 6, applied at the moment of each encounter): an encounter with an authority
 * moves the citizen's perceived legitimacy L_i toward the encounter's procedural fairness f (Tyler 1990:
 * legitimacy follows procedural justice). Bad encounters (f < L_i) move it `asymmetry` times faster than
 * good ones (Skogan 2006: a bad contact weighs 4 to 14 times a good one):
 *
 *   dL = rate * (f - L)                 if f >= L
 *   dL = min(1, rate * asymmetry) * (f - L)   if f <  L
 *
 * With probability spreadProbability the experience is told to `neighbours` random residents of the same
 * grid, who take spreadWeight of the same change (weak spread). The citizen's last encounter (its day,
 * and whether it was unfair: fairness below 0.5) is kept for the survey,
 * which groups respondents by it as Skogan (2006) did (survey.ts). Only citizens with an encounter are
 * touched: there is no daily pass over all citizens. The scheduled legitimacy shift (a global offset
 * from economy.ts) is added where L is read (legitimacyOf, citizen.ts).
 */
import type { World } from './world';
import type { Stream } from '../core/random';
import { CIT_DETAINED } from './codes';
import { gridOf } from './hierarchy';
import { CANDIDATE_CLEAN, CANDIDATE_SURE, firmHolds, leaveFirm, legitimacyOf, touchCandidate } from './citizen';

/** An encounter of procedural fairness below this is one the citizen found unfair (for the survey). */
const UNFAIR = 0.5;

/** The change one encounter of fairness f makes for a citizen whose legitimacy is l. */
export function encounterDelta(l: number, f: number, rate: number, asymmetry: number): number {
  // Stryker disable next-line EqualityOperator: at f = l both branches give 0
  if (f >= l) return rate * (f - l);
  const r = rate * asymmetry;
  // Stryker disable next-line EqualityOperator: at r = 1 both give 1
  return (r > 1 ? 1 : r) * (f - l);
}

function shiftLegitimacy(w: World, i: number, delta: number): void {
  const c = w.citizens;
  const before = c.legitimacy[i];
  let after = before + delta;
  // Stryker disable next-line EqualityOperator: clamping 0 to 0 changes nothing
  if (after < 0) after = 0;
  // Stryker disable next-line EqualityOperator: clamping 1 to 1 changes nothing
  if (after > 1) after = 1;
  c.legitimacy[i] = after;
  w.totals.sumLegitimacy += c.legitimacy[i] - before;
  // Stryker disable next-line EqualityOperator: with delta 0 nothing changed; touching only re-evaluates a citizen whose G did not move
  if (delta < 0) touchCandidate(w, i);
  // Its G fell: the bound that let collective action skip its evaluation may no longer hold. A FIRM
  // active's is checked again (H(1 - L) at the worst drift, no exponential); a SURE one's is dropped.
  else if (w.sureFlags && c.candidate[i] >= CANDIDATE_SURE) {
    if (c.candidate[i] === CANDIDATE_SURE) c.candidate[i] = CANDIDATE_CLEAN;
    else if (!firmHolds(w, i)) leaveFirm(w, i, CANDIDATE_CLEAN);
  }
}

/** Citizen i meets an authority whose procedural fairness in this encounter is f. */
export function encounter(w: World, i: number, f: number): void {
  const p = w.params.legitimacy;
  const l = legitimacyOf(w, i);
  const delta = encounterDelta(l, f, p.learningRate, p.asymmetry);
  const c = w.citizens;
  c.contactDay[i] = contactDayOf(w);
  c.contactBad[i] = f < UNFAIR ? 1 : 0;
  shiftLegitimacy(w, i, delta);
  if (spreads(w)) spread(w, i, delta);
}

/** The day stored as a citizen's last encounter (day 0's and the burn-in's as 1, so 0 means none). */
function contactDayOf(w: World): number {
  return w.day < 0 ? 0 : Math.min(65535, w.day + 1);
}

function spreads(w: World): boolean {
  const p = w.params.legitimacy;
  return p.spreadProbability > 0 && p.neighbours > 0 && p.spreadWeight > 0;
}

/** With probability spreadProbability, `neighbours` random residents of i's grid take spreadWeight of delta. */
function spread(w: World, i: number, delta: number): void {
  const p = w.params.legitimacy;
  const s = w.streams.legitimacy;
  if (s.next() < p.spreadProbability) {
    const g = gridOf(w.hierarchy, i);
    const a = w.hierarchy.gridStart[g];
    const size = w.hierarchy.gridStart[g + 1] - a;
    for (let k = 0; k < p.neighbours; k++) {
      const j = a + s.int(size);
      if (j !== i) shiftLegitimacy(w, j, delta * p.spreadWeight);
    }
  }
}

/** Contacts drawn ahead and then met, a batch at a time (routineEncounters). */
const BATCH = 32;
const batchPicks = new Int32Array(BATCH);
let batchHeard = new Int32Array(0);
/** Where the loads of the gather pass go: a store the compiler cannot drop, so it keeps the loads. */
const gathered = new Float64Array(1);

/**
 * n routine encounters of fairness f, each with a resident drawn from a .. a + res - 1 by `pick` (a
 * detained one has none; `anyDetained` false says that nobody there is): the same draws and changes as
 * calling encounter for each in turn, with the parameters read once. Routine contacts are most of the
 * model's encounters (contacts.ts); this loop over calls to encounter measured about 1.3 times slower
 * (contacts of a county year, 556-590 against 400-500 ms CPU), so it stays specialised.
 *
 * At province scale nearly every contact's citizen is a cache miss (a few contacts a day among a
 * village's thousands of residents), and one contact at a time leaves the processor waiting on one miss
 * after another. So a batch of contacts is drawn first (who is met, and whether and to whom it is told:
 * the 'contacts' and 'legitimacy' streams give the same numbers in the same order as drawing them one
 * contact at a time, as nothing else draws from them here), their legitimacy and candidate flags are
 * read in one pass whose misses overlap, and then the contacts are met in order as before.
 */
export function routineEncounters(w: World, a: number, res: number, n: number, f: number, pick: Stream, anyDetained: boolean): void {
  const p = w.params.legitimacy;
  const c = w.citizens;
  const state = c.state;
  const stored = c.legitimacy;
  const candidate = c.candidate;
  const contactDay = c.contactDay;
  const contactBad = c.contactBad;
  const shift = w.legitimacyShift;
  const rate = p.learningRate;
  const asymmetry = p.asymmetry;
  const day = contactDayOf(w);
  const bad = f < UNFAIR ? 1 : 0;
  const spreading = spreads(w);
  const told = spreading ? p.neighbours : 0;
  const spreadProbability = p.spreadProbability;
  const weight = p.spreadWeight;
  const u = pick.next;
  const ls = w.streams.legitimacy;
  const h = w.hierarchy;
  if (batchHeard.length < BATCH * told) batchHeard = new Int32Array(BATCH * told);
  const picks = batchPicks;
  const heard = batchHeard;
  for (let q0 = 0; q0 < n; q0 += BATCH) {
    const m = n - q0 < BATCH ? n - q0 : BATCH;
    // Draw: picks[r] is the citizen met (-1: detained, no contact); heard[r * told + k] the k-th
    // neighbour told (-1: not told, or the citizen itself).
    for (let r = 0; r < m; r++) {
      const i = a + Math.floor(u() * res);
      // Where nobody is detained the state is not read: at province scale each read is a cache miss.
      if (anyDetained && state[i] === CIT_DETAINED) {
        picks[r] = -1;
        continue;
      }
      picks[r] = i;
      if (!spreading) continue;
      if (ls.next() < spreadProbability) {
        const g = gridOf(h, i);
        const start = h.gridStart[g];
        const size = h.gridStart[g + 1] - start;
        for (let k = 0; k < told; k++) {
          const j = start + ls.int(size);
          heard[r * told + k] = j !== i ? j : -1;
        }
      } else for (let k = 0; k < told; k++) heard[r * told + k] = -1;
    }
    // Gather: the loads of the batch at once (their misses overlap).
    let sum = 0;
    for (let r = 0; r < m; r++) {
      const i = picks[r];
      if (i < 0) continue;
      sum += stored[i] + candidate[i];
      for (let k = 0; k < told; k++) {
        const j = heard[r * told + k];
        if (j >= 0) sum += stored[j] + candidate[j];
      }
    }
    gathered[0] = sum;
    // Meet, in order.
    for (let r = 0; r < m; r++) {
      const i = picks[r];
      if (i < 0) continue;
      let l = stored[i] + shift;
      // Stryker disable next-line EqualityOperator: at exactly 0 or 1 the clamp returns the same value
      l = l < 0 ? 0 : l > 1 ? 1 : l;
      const delta = encounterDelta(l, f, rate, asymmetry);
      contactDay[i] = day;
      contactBad[i] = bad;
      shiftLegitimacy(w, i, delta);
      for (let k = 0; k < told; k++) {
        const j = heard[r * told + k];
        if (j >= 0) shiftLegitimacy(w, j, delta * weight);
      }
    }
  }
}
