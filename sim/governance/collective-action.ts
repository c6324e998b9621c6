/**
 * Collective action (schedule step 7): Epstein's (2002) rule, through sim/core/activation (the one
 * implementation shared with sim/epstein), with each citizen's own legitimacy and accumulated grievance:
 *
 *   G = grievance(H_i, L_i) + grievanceWeight x g_i        (H(1 - L) plus unresolved disputes)
 *   P = arrestProbability(C_v, actives_v, k, ratioRule)    (A = 1 + actives in the citizen's village)
 *   active  iff  isActive(G, R_i, P, T)
 *
 * C_v, the enforcement presence in village v, is the visible officers posted there with their auxiliaries
 * (officersPer1000 x residents / 1000 x presencePerOfficer) plus patrolDeterrence per NGO patrol member.
 * Village active counts are yesterday's (synchronous update), so the order of candidates does not matter.
 *
 * Candidate set: only citizens with G > T can ever activate (P >= 0), so they are kept in lists, one
 * per village. A citizen enters when an encounter lowers L_i or a grievance raises g_i (touchCandidate
 * and G = totalGrievance are in citizen.ts) or on release, and leaves when G falls to T or below
 * (checked when evaluated) or while detained. A drift of the global factors (economy, the scheduled
 * legitimacy shift) that can raise G rescans the whole population once it passes RESCAN_EPS; one that
 * can only lower G refreshes the candidates' bounds once it passes REFRESH_EPS (outsiders stay below T).
 * Within the set, a quiet candidate that nothing has touched since its last evaluation is skipped while
 * its village's P is at least its critical (G - T) / R (its G can only have decayed, so the rule's
 * answer is still "quiet"); and in a village that had no active yesterday and whose P is at least the
 * largest critical P of its quiet candidates (the most willing one's: P must deter it too), only the
 * candidates touched since their last evaluation are evaluated (each village keeps a list of them). So
 * the daily cost follows what happened, not the size of the candidate set (a tenth of a society at
 * legitimacy 0.8). Every FULL_CHECK_DAYS days the candidates with an accumulated grievance (the one part
 * of G that decays) are evaluated in full, which drops those that have decayed to T.
 *
 * Where P is 0 (more actives than presence: the floor rule's floor(C/A) = 0) the rule is G > T. An
 * active whose H(1 - L) alone clears T at the worst drift before the next refresh is FIRM: it joins its
 * village's firm block (the front of its list), counted each day without being visited while P stays 0
 * for actives; one kept above T by a decaying grievance is SURE up to its last sure day. A touch cannot
 * undo either (G only rose); a rise in legitimacy re-checks a FIRM bound (citizen.ts sureFloor) and drops
 * a SURE one; detention, a refresh whose drift breaks the bound, or a P above 0 take members out of the
 * block. In a risen village nine in ten candidates are in the block, so a riot costs what changes in it.
 *
 * Officers detain: each village's officers detain up to arrestsPerOfficerDay each per day: each active
 * is detained with probability min(1, officers x arrestsPerOfficerDay / actives), independently, the
 * detainees found by geometric skips over the day's actives (firm block first, then the others in list
 * order), so a riot draws one number per detention, not one per active. Detention lasts detentionDays
 * days and is a coercive encounter (detention.ts). A mass incident is a contiguous run of days in which a town's
 * actives exceed massIncidentSize, lulls shorter than episodeGapDays included (so one incident flickering around the
 * threshold counts once): its start, peak and length (first to last day above) are recorded; it counts as
 * caused by an approved project when on its first day at least half of the town's actives were burdened
 * by an open project dispute (the trigger: once under way, an episode draws in other candidates too).
 */
import { arrestProbability, grievance, isActive, ratioCode } from '../core/activation';
import type { Counters, World } from './world';
import { CIT_ACTIVE, CIT_DETAINED, CIT_DISPUTE, CIT_QUIET } from './codes';
import { CANDIDATE_CLEAN, CANDIDATE_DIRTY, CANDIDATE_FIRM, CANDIDATE_STALE, CANDIDATE_SURE, firmHolds, hardshipOf, leaveFirm, legitimacyOf, REFRESH_EPS, SURE_MARGIN, sureFloor, totalGrievance } from './citizen';
import { log } from '../core/dmath';
import { detain } from './detention';
import { gridOf } from './hierarchy';

const RESCAN_EPS = 0.005;
// Local copies of the citizen states and candidate flags: imported constants are live bindings, slow
// in hot loops.
const QUIET = CIT_QUIET;
const DISPUTE = CIT_DISPUTE;
const ACTIVE = CIT_ACTIVE;
const DETAINED = CIT_DETAINED;
const CLEAN = CANDIDATE_CLEAN;
const DIRTY = CANDIDATE_DIRTY;
const STALE = CANDIDATE_STALE;
const SURE = CANDIDATE_SURE;
const FIRM = CANDIDATE_FIRM;
const FULL_CHECK_DAYS = 30;
// The firm block's largest size: places are kept in a Uint16 column (citizens' firmSlot).
const MAX_FIRM = 65535;

/** Rebuild the candidate set by one pass over all citizens (at start and after large global shifts). */
export function rescanCandidates(w: World): void {
  const c = w.citizens;
  const T = w.params.collectiveAction.threshold;
  const h = w.hierarchy;
  let count = 0;
  for (let v = 0; v < h.villages; v++) {
    const list: number[] = [];
    const crit: number[] = [];
    for (let i = h.villageStart[v]; i < h.villageStart[v + 1]; i++) {
      if (c.candidate[i] || totalGrievance(w, i) > T) {
        // Candidates stay in the set (actives among them); the daily pass re-checks them.
        c.candidate[i] = DIRTY;
        list.push(i);
        crit.push(0);
      }
    }
    w.candidatesByVillage[v] = list;
    w.critByVillage[v] = crit;
    w.dirtyByVillage[v] = [];
    // Every candidate is DIRTY now: the village's next pass must be a full one.
    w.villageMaxCrit[v] = Infinity;
    count += list.length;
  }
  w.candidateCount = count;
  w.sureFlags = false;
  w.firmCount.fill(0);
  w.totals.scanHardship = w.hardshipFactor;
  w.totals.scanShift = w.legitimacyShift;
}

/**
 * After a drift that can only lower G (by more than REFRESH_EPS): the drift is measured from here, and
 * the bounds that assumed less of it are checked again. A FIRM member whose H(1 - L) no longer clears T
 * at the new worst drift leaves its block (CLEAN: evaluated at the next pass); a SURE one becomes CLEAN
 * (its last sure day assumed the old drift). Outsiders are not visited: their G, at or below T before, is
 * lower still; nor are quiet candidates, whose critical P can only have fallen (the skip stays safe).
 */
export function refreshCandidates(w: World): void {
  w.totals.scanHardship = w.hardshipFactor;
  w.totals.scanShift = w.legitimacyShift;
  if (!w.sureFlags) return;
  const candidate = w.citizens.candidate;
  for (let v = 0; v < w.hierarchy.villages; v++) {
    const list = w.candidatesByVillage[v];
    // From the block's end: leaveFirm swaps a leaver with the block's last member, already checked.
    for (let q = w.firmCount[v] - 1; q >= 0; q--) {
      const i = list[q];
      if (!firmHolds(w, i)) leaveFirm(w, i, CLEAN);
    }
    for (let q = w.firmCount[v]; q < list.length; q++) if (candidate[list[q]] === SURE) candidate[list[q]] = CLEAN;
  }
}

/**
 * The last day on which citizen i's G is surely above T, unless something touches it before: its
 * legitimacy falls or its accumulated grievance rises (it is then DIRTY), its legitimacy rises or its
 * grievance is relieved (legitimacy.ts and citizen.ts demote SURE to CLEAN), or a rescan. The bound is
 * sureFloor's H(1 - L) plus the accumulated grievance as it decays (grievances.decayPerYear), so a
 * citizen kept above T by an old grievance is sure for as many days as the decay leaves it there.
 * -Infinity when it is not sure even today; Infinity when H(1 - L) alone keeps it above T.
 */
function lastSureDay(w: World, i: number, G: number, T: number): number {
  const gap = T + SURE_MARGIN - sureFloor(w, i);
  if (gap < 0) return Infinity;
  // The weighted accumulated grievance: G less H(1 - L) today (its rounding is far below SURE_MARGIN).
  const kept = G - grievance(hardshipOf(w, i), legitimacyOf(w, i));
  if (kept <= gap) return -Infinity;
  const rate = w.params.grievances.decayPerYear / 365;
  if (rate <= 0) return Infinity;
  // kept x exp(-rate x d) > gap for d < ln(kept / gap) / rate; one day less absorbs the rounding of
  // exp and log (a day's decay is a relative margin of 1 - exp(-rate), far above an ulp).
  return w.day + Math.floor(log(kept / gap) / rate) - 1;
}

/**
 * Pass 1 for village v: decide each candidate's activity against the village's arrest probabilities
 * (pq for a quiet citizen, pa for an active one), appending the actives outside the firm block to
 * w.activeBuffer from m on; returns the buffer's new length. The firm block (the front of the list,
 * w.firmCount[v] long; members that left it have already swapped out, citizen.ts leaveFirm) stays active
 * without being visited while pa is 0; where pa is no longer 0 it is dissolved, its members evaluated.
 */
function decideVillage(w: World, v: number, pq: number, pa: number, full: boolean, T: number, m: number): number {
  const c = w.citizens;
  const state = c.state;
  const candidate = c.candidate;
  const risk = c.riskAversion;
  const stored = c.grievance;
  const maxCrit = w.villageMaxCrit;
  const act = w.activeBuffer;
  const prevVillage = w.villageActives;
  const day = w.day;
  const list = w.candidatesByVillage[v];
  const touched = w.dirtyByVillage[v];
  if (list.length === 0) return m;
  const listCrit = w.critByVillage[v];
  let firm = w.firmCount[v];
  if (firm > 0 && pa !== 0) {
    // P is no longer 0 for an active: every member is evaluated again, as part of the list's main part.
    for (let q = 0; q < firm; q++) {
      candidate[list[q]] = CLEAN;
      listCrit[q] = Infinity;
    }
    firm = 0;
  }
  // No active yesterday and P keeps even the most willing quiet candidate quiet (P at least the
  // largest critical P): only the candidates touched since (grievance up, legitimacy down, released,
  // new) can change, so only they are evaluated. A higher critical P among them raises the village's
  // bound; the village's own list is brought up to date at its next full evaluation (they stay marked
  // STALE until then). (The firm block is empty here: its members were active yesterday.)
  if (!full && firm === 0 && prevVillage[v] === 0 && pq >= maxCrit[v]) {
    for (let q = 0; q < touched.length; q++) {
      const i = touched[q];
      candidate[i] = STALE;
      const st = state[i];
      if (st === DETAINED) continue;
      const G = totalGrievance(w, i);
      if (G <= T) continue; // left in the list; dropped at the village's next full evaluation
      const R = risk[i] / 255;
      if (isActive(G, R, pq, T)) {
        state[i] = ACTIVE;
        act[m++] = i;
      } else {
        const crit = R > 0 ? (G - T) / R : Infinity;
        if (crit > maxCrit[v]) maxCrit[v] = crit;
      }
    }
    touched.length = 0;
    w.firmCount[v] = 0;
    return m;
  }
  let most = 0;
  let j = firm;
  while (j < list.length) {
    const i = list[j];
    const st = state[i];
    if (st === DETAINED) {
      // Out of the set while held (its release touches it back in if its G is still above T,
      // detention.ts); the candidate taking its place is examined next.
      dropAt(w, list, listCrit, j);
      continue;
    }
    const flag = candidate[i];
    // Where P is 0 the rule is G > T, which a SURE candidate's bound answers up to its last sure day
    // (kept in listCrit).
    if (flag === SURE && (st === ACTIVE ? pa : pq) === 0 && day <= listCrit[j]) {
      state[i] = ACTIVE;
      act[m++] = i;
      j++;
      continue;
    }
    // A quiet, untouched candidate stays quiet while P is at least its critical value (G - T) / R
    // from its last evaluation: its G can only have decayed since, so the rule would say "not active".
    // (A SURE candidate is active or detained, never quiet, and its listCrit is a day, not a P.)
    // On full-check days only a candidate with an accumulated grievance is evaluated (it may have decayed
    // to T); without one, G moves only with a touch or the drift, which rescans and refreshes handle.
    if ((!full || stored[i] === 0) && st !== ACTIVE && flag === CLEAN && pq >= listCrit[j]) {
      if (listCrit[j] > most) most = listCrit[j];
      j++;
      continue;
    }
    const crit = evaluate(w, i, st === ACTIVE ? pa : pq, T, pa === 0 && firm < MAX_FIRM);
    if (crit < 0) {
      // G has fallen to T or below: out of the set (the candidate taking its place is examined next).
      dropAt(w, list, listCrit, j);
      continue;
    }
    if (candidate[i] === FIRM) {
      // Into the block: it swaps places with the main part's first candidate (already decided today).
      const moved = list[firm];
      list[j] = moved;
      listCrit[j] = listCrit[firm];
      list[firm] = i;
      c.firmSlot[i] = firm;
      firm++;
    } else if (state[i] === ACTIVE) act[m++] = i;
    else if (crit > most) most = crit;
    if (candidate[i] !== FIRM) listCrit[j] = crit;
    j++;
  }
  touched.length = 0;
  maxCrit[v] = most;
  w.firmCount[v] = firm;
  return m;
}

/** Take list[j] out of the candidate set (flag 0): the list's last candidate takes its place. */
function dropAt(w: World, list: number[], listCrit: number[], j: number): void {
  w.citizens.candidate[list[j]] = 0;
  const last = list.length - 1;
  list[j] = list[last];
  listCrit[j] = listCrit[last];
  list.pop();
  listCrit.pop();
  w.candidateCount--;
}

/**
 * Evaluate candidate i in full against arrest probability P (`firm`: its village's P for an active is 0):
 * set its state and flag, and return what its village's crit list keeps: its critical P, (G - T) / R, or
 * for a SURE (or FIRM) candidate its last sure day;
 * or -1 when its G has fallen to T or below (it is then no candidate: flag 0, and an active goes back
 * to quiet or dispute), for the caller to drop it from its village's list.
 */
function evaluate(w: World, i: number, P: number, T: number, firm: boolean): number {
  const c = w.citizens;
  const st = c.state[i];
  const G = totalGrievance(w, i);
  if (G <= T) {
    if (st === ACTIVE) c.state[i] = c.openCases[i] > 0 ? DISPUTE : QUIET;
    c.candidate[i] = 0;
    return -1;
  }
  const R = c.riskAversion[i] / 255;
  c.candidate[i] = CLEAN;
  if (isActive(G, R, P, T)) {
    c.state[i] = ACTIVE;
    if (P === 0) {
      const last = lastSureDay(w, i, G, T);
      if (last >= w.day) {
        // Sure until the next rescan where P is 0 for actives too (firm is pa === 0): FIRM, for the block.
        c.candidate[i] = firm && last === Infinity ? FIRM : SURE;
        w.sureFlags = true;
        return last;
      }
    }
  } else if (st === ACTIVE) c.state[i] = c.openCases[i] > 0 ? DISPUTE : QUIET;
  return R > 0 ? (G - T) / R : Infinity;
}

/**
 * Detain each of village v's actives with probability capacity, independently: its firm block (list[0 ..
 * firm - 1]) and then act[from] .. act[to - 1], found by geometric skips ('detention' stream); returns
 * how many were detained.
 */
function detainAmong(w: World, list: number[], firm: number, act: Int32Array, from: number, to: number, capacity: number): number {
  const stream = w.streams.detention;
  const n = firm + to - from;
  // All are chosen before anyone is detained: a detention reorders the firm block (leaveFirm).
  picked.length = 0;
  // geometricSkip is Infinity where officers can detain nobody.
  for (let q = stream.geometricSkip(capacity); q < n; q += 1 + stream.geometricSkip(capacity)) picked.push(q < firm ? list[q] : act[from + q - firm]);
  for (let k = 0; k < picked.length; k++) detain(w, picked[k]);
  return picked.length;
}

/** detainAmong's scratch list of the day's detainees in one village (not state). */
const picked: number[] = [];

/** Enforcement presence C of village v. */
export function presence(w: World, v: number): number {
  const h = w.hierarchy;
  const res = h.villageStart[v + 1] - h.villageStart[v];
  return (w.officersPer1000 * res * w.params.collectiveAction.presencePerOfficer) / 1000 + w.params.collectiveAction.patrolDeterrence * w.villagePatrol[v];
}

export function collectiveActionStep(w: World): void {
  const ca = w.params.collectiveAction;
  const h = w.hierarchy;
  // A drift that can raise G (hardship up, legitimacy down) may lift citizens outside the set above T:
  // the whole population is scanned. One that can only lower G leaves every outsider below T, so only
  // the candidates' bounds are refreshed.
  if (Number.isNaN(w.totals.scanHardship) || w.hardshipFactor - w.totals.scanHardship > RESCAN_EPS || w.totals.scanShift - w.legitimacyShift > RESCAN_EPS) {
    rescanCandidates(w);
  } else if (w.totals.scanHardship - w.hardshipFactor > REFRESH_EPS || w.legitimacyShift - w.totals.scanShift > REFRESH_EPS) {
    refreshCandidates(w);
  }
  const rule = ratioCode(ca.ratioRule);
  const T = ca.threshold;
  const k = ca.arrestConstant;
  const prevVillage = w.villageActives;
  const V = h.villages;
  // Arrest probability per village, for a quiet citizen (others = yesterday's actives) and for an active
  // one (others = yesterday's actives less itself): two calls of the shared rule per village, not one
  // per candidate.
  const pQuiet = new Float64Array(V);
  const pActive = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const c0 = presence(w, v);
    const a = prevVillage[v];
    pQuiet[v] = arrestProbability(c0, a, k, rule);
    pActive[v] = a > 0 ? arrestProbability(c0, a - 1, k, rule) : pQuiet[v];
  }
  // Every FULL_CHECK_DAYS days the candidates with an accumulated grievance are evaluated in full, which
  // drops those whose grievance has decayed to T or below.
  const full = w.day % FULL_CHECK_DAYS === 0;
  // Today's actives outside the firm blocks, village after village: village v's are act[first[v]] ..
  // act[first[v + 1] - 1]. A candidate is appended at most once a day, so room for every candidate is
  // enough.
  if (w.activeBuffer.length < w.candidateCount) w.activeBuffer = new Int32Array(Math.ceil(w.candidateCount * 1.5));
  const act = w.activeBuffer;
  const first = new Int32Array(V + 1);
  // Pass 1: decide activity from yesterday's village counts, village by village.
  for (let v = 0; v < V; v++) first[v + 1] = decideVillage(w, v, pQuiet[v], pActive[v], full, T, first[v]);
  // Pass 2: officers detain, each active of village v with probability capacity_v, independently. The
  // detained are found by geometric skips over the village's actives ('detention' stream: one draw per
  // detention and one per village with actives, not one per active: in a riot every candidate is active).
  const arrestsPerOfficer = w.params.enforcement.arrestsPerOfficerDay;
  const townAct = w.townActives;
  townAct.fill(0);
  const finalVillage = new Int32Array(V);
  let actives = 0;
  for (let v = 0; v < V; v++) {
    const from = first[v];
    const to = first[v + 1];
    const firm = w.firmCount[v];
    const n = firm + to - from;
    if (n === 0) continue;
    const res = h.villageStart[v + 1] - h.villageStart[v];
    const officers = (w.officersPer1000 * res) / 1000;
    const capacity = Math.min(1, (officers * arrestsPerOfficer) / n);
    const free = n - detainAmong(w, w.candidatesByVillage[v], firm, act, from, to, capacity);
    actives += free;
    finalVillage[v] = free;
    townAct[h.villageTown[v]] += free;
  }
  w.villageActives = finalVillage;
  w.totals.actives = actives;
  if (actives > w.totals.peakActives) w.totals.peakActives = actives;
  // Mass incidents per town; area-wide outbursts. Not in the burn-in (days below 0), whose episodes the
  // model forgets (model.ts burnIn); there a start day below 0 would read as "no episode" every day.
  if (w.day < 0) return;
  const size = ca.massIncidentSize;
  for (let t = 0; t < h.towns; t++) {
    const a = townAct[t];
    if (a > size) {
      if (w.townEpisodeStart[t] < 0) {
        w.townEpisodeStart[t] = w.day;
        w.townEpisodePeak[t] = 0;
        // What set it off: a project group made up at least half of the actives on its first day (the
        // episode may then draw in many others, as the floor rule lets a whole village's candidates go).
        w.townEpisodeProject[t] = projectActives(w, t) * 2 >= a ? 1 : 0;
        w.totals.massIncidents++;
      }
      if (a > w.townEpisodePeak[t]) w.townEpisodePeak[t] = a;
      w.townLastIncident[t] = w.day;
    } else if (w.townEpisodeStart[t] >= 0 && w.day - w.townLastIncident[t] >= ca.episodeGapDays) endEpisode(w, t);
  }
  countAreaOutburst(w.totals, actives, size);
}

/** An area-wide outburst starts the first day the area's actives exceed `size` (again only after a day at or below it). */
export function countAreaOutburst(n: Counters, actives: number, size: number): void {
  if (actives > size) {
    if (!n.areaEpisode) {
      n.areaEpisode = 1;
      n.outbursts++;
    }
  } else n.areaEpisode = 0;
}

/** Actives of town t (not detained) burdened by an open project dispute: counted only when an episode starts. */
export function projectActives(w: World, t: number): number {
  const h = w.hierarchy;
  const state = w.citizens.state;
  const project = w.citizens.project;
  const per = h.villages / h.towns;
  let n = 0;
  for (let v = t * per; v < (t + 1) * per; v++) {
    const list = w.candidatesByVillage[v];
    for (let q = 0; q < list.length; q++) if (state[list[q]] === ACTIVE) n += project[list[q]];
  }
  return n;
}

/**
 * Actives (not detained) per grid, for the view's frame: counted from the candidate lists when a frame is
 * asked for, not daily (only collective action and detention change who is active).
 */
export function gridActives(w: World): Int32Array {
  const h = w.hierarchy;
  const state = w.citizens.state;
  const out = new Int32Array(h.grids);
  for (const list of w.candidatesByVillage) for (const i of list) if (state[i] === ACTIVE) out[gridOf(h, i)]++;
  return out;
}

function endEpisode(w: World, t: number): void {
  w.incidentStarts.push(w.townEpisodeStart[t]);
  w.incidentSizes.push(w.townEpisodePeak[t]);
  // Length: from the first to the last day above the threshold.
  w.incidentLengths.push(w.townLastIncident[t] - w.townEpisodeStart[t] + 1);
  if (w.townEpisodeProject[t]) w.totals.incidentsFromApprovedProjects++;
  w.townEpisodeStart[t] = -1;
}

/** Close open episodes (for the summary): peaks and lengths so far. */
export function openEpisodes(w: World): { sizes: number[]; project: number } {
  const sizes: number[] = [];
  let project = 0;
  for (let t = 0; t < w.hierarchy.towns; t++) {
    if (w.townEpisodeStart[t] >= 0) {
      sizes.push(w.townEpisodePeak[t]);
      if (w.townEpisodeProject[t]) project++;
    }
  }
  return { sizes, project };
}
