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
 * and G = totalGrievance are in citizen.ts), and leaves when G falls to T or below (checked at full
 * evaluations). Global changes (economy drift, the scheduled legitimacy shift) trigger a full rescan
 * only when they moved by more than RESCAN_EPS. Within the set, a quiet candidate that nothing has
 * touched since its last evaluation is skipped while its village's P is at least its critical
 * (G - T) / R (its G can only have decayed, so the rule's answer is still "quiet"); and in a village
 * that had no active yesterday and whose P is at least the largest critical P of its quiet candidates
 * (the most willing one's: P must deter it too),
 * only the candidates touched since their last evaluation are evaluated (each village keeps a list of
 * them). So the daily cost follows what happened, not the size of the candidate set (a tenth of a
 * society at legitimacy 0.8). Every FULL_CHECK_DAYS days all are evaluated in full.
 *
 * Officers detain: each village's officers detain up to arrestsPerOfficerDay each per day, chosen at
 * random among the village's actives; detention lasts detentionDays days (a calendar release) and is
 * a coercive encounter (detention.ts). A mass incident is a contiguous run of days in which a town's
 * actives exceed massIncidentSize, lulls shorter than episodeGapDays included (so one incident flickering around the
 * threshold counts once): its start, peak and length (first to last day above) are recorded; it counts as
 * caused by an approved project when on its first day at least half of the town's actives were burdened
 * by an open project dispute (the trigger: once under way, an episode draws in other candidates too).
 */
import { arrestProbability, isActive, ratioCode } from '../core/activation';
import type { World } from './world';
import { CIT_ACTIVE, CIT_DETAINED, CIT_DISPUTE, CIT_QUIET } from './codes';
import { CANDIDATE_CLEAN, CANDIDATE_DIRTY, CANDIDATE_STALE, CANDIDATE_SURE, totalGrievance } from './citizen';
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
// A SURE candidate's lower bound on G must clear T by this much: it absorbs the rounding of the bound's
// products (values near 0.1, ulps near 1e-17), so the skipped evaluation would have said G > T.
const SURE_MARGIN = 1e-9;
const FULL_CHECK_DAYS = 30;

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
        // Actives and detainees stay in the set; they are re-checked by the daily pass.
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
  w.totals.scanHardship = w.hardshipFactor;
  w.totals.scanShift = w.legitimacyShift;
}

/**
 * A lower bound on citizen i's G until the next rescan and until its legitimacy rises: Epstein's H(1 - L)
 * with hardship's factor at its lowest and the legitimacy shift at its highest before a rescan
 * (accumulated grievance, never negative, is left out).
 */
function sureBound(w: World, i: number, factor: number, shift: number): number {
  const c = w.citizens;
  const h = (c.hardship[i] / 255) * factor;
  const l = c.legitimacy[i] + shift;
  return (h > 1 ? 1 : h) * (1 - (l < 0 ? 0 : l > 1 ? 1 : l));
}

/** Enforcement presence C of village v. */
export function presence(w: World, v: number): number {
  const h = w.hierarchy;
  const res = h.villageStart[v + 1] - h.villageStart[v];
  return (w.officersPer1000 * res * w.params.collectiveAction.presencePerOfficer) / 1000 + w.params.collectiveAction.patrolDeterrence * w.villagePatrol[v];
}

export function collectiveActionStep(w: World): void {
  const ca = w.params.collectiveAction;
  const c = w.citizens;
  const h = w.hierarchy;
  if (
    Number.isNaN(w.totals.scanHardship) ||
    Math.abs(w.hardshipFactor - w.totals.scanHardship) > RESCAN_EPS ||
    Math.abs(w.legitimacyShift - w.totals.scanShift) > RESCAN_EPS
  ) {
    rescanCandidates(w);
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
  const nextVillage = new Int32Array(V);
  // Every FULL_CHECK_DAYS days every candidate is evaluated in full, which also drops those whose
  // grievance has decayed to T or below.
  const full = w.day % FULL_CHECK_DAYS === 0;
  const state = c.state;
  const openCases = c.openCases;
  const candidate = c.candidate;
  const risk = c.riskAversion;
  const maxCrit = w.villageMaxCrit;
  // The global drift allowed before the next rescan, at its worst for G (collective action's SURE flag).
  const sureFactor = Math.max(0, w.totals.scanHardship - RESCAN_EPS);
  const sureShift = w.totals.scanShift + RESCAN_EPS;
  const sureT = T + SURE_MARGIN;
  // Pass 1: decide activity from yesterday's village counts, village by village.
  for (let v = 0; v < V; v++) {
    const list = w.candidatesByVillage[v];
    const touched = w.dirtyByVillage[v];
    if (list.length === 0) continue;
    // No active yesterday and P keeps even the most willing quiet candidate quiet (P at least the
    // largest critical P): only the candidates touched since (grievance up, legitimacy down, released,
    // new) can change, so only they are evaluated. A higher critical P among them raises the village's
    // bound; the village's own list is brought up to date at its next full evaluation (they stay marked
    // STALE until then).
    if (!full && prevVillage[v] === 0 && pQuiet[v] >= maxCrit[v]) {
      for (let q = 0; q < touched.length; q++) {
        const i = touched[q];
        candidate[i] = STALE;
        const st = state[i];
        if (st === DETAINED) continue;
        const G = totalGrievance(w, i);
        if (G <= T) continue; // left in the list; dropped at the village's next full evaluation
        const R = risk[i] / 255;
        if (isActive(G, R, pQuiet[v], T)) {
          state[i] = ACTIVE;
          nextVillage[v]++;
        } else {
          const crit = R > 0 ? (G - T) / R : Infinity;
          if (crit > maxCrit[v]) maxCrit[v] = crit;
        }
      }
      touched.length = 0;
      continue;
    }
    const listCrit = w.critByVillage[v];
    let most = 0;
    let j = 0;
    while (j < list.length) {
      const i = list[j];
      const st = state[i];
      if (st === DETAINED) {
        j++;
        continue;
      }
      // A quiet, untouched candidate stays quiet while P is at least its critical value (G - T) / R
      // from its last evaluation: its G can only have decayed since, so the rule would say "not active".
      const flag = candidate[i];
      const P = st === ACTIVE ? pActive[v] : pQuiet[v];
      // Where P is 0 the rule is G > T, which a SURE candidate's bound already answers.
      if (P === 0 && flag === SURE) {
        if (st !== ACTIVE) state[i] = ACTIVE;
        nextVillage[v]++;
        j++;
        continue;
      }
      if (!full && st !== ACTIVE && (flag === CLEAN || flag === SURE) && pQuiet[v] >= listCrit[j]) {
        if (listCrit[j] > most) most = listCrit[j];
        j++;
        continue;
      }
      const G = totalGrievance(w, i);
      if (G <= T) {
        if (st === ACTIVE) state[i] = openCases[i] > 0 ? DISPUTE : QUIET;
        candidate[i] = 0;
        const last = list.length - 1;
        list[j] = list[last];
        listCrit[j] = listCrit[last];
        list.pop();
        listCrit.pop();
        w.candidateCount--;
        continue;
      }
      const R = risk[i] / 255;
      const crit = R > 0 ? (G - T) / R : Infinity;
      candidate[i] = CLEAN;
      if (isActive(G, R, P, T)) {
        if (st !== ACTIVE) state[i] = ACTIVE;
        nextVillage[v]++;
        if (P === 0 && sureBound(w, i, sureFactor, sureShift) > sureT) {
          candidate[i] = SURE;
          w.sureFlags = true;
        }
      } else {
        if (st === ACTIVE) state[i] = openCases[i] > 0 ? DISPUTE : QUIET;
        if (crit > most) most = crit;
      }
      listCrit[j] = crit;
      j++;
    }
    touched.length = 0;
    maxCrit[v] = most;
  }
  // Pass 2: officers detain, at random among each village's actives.
  const arrestsPerOfficer = w.params.enforcement.arrestsPerOfficerDay;
  const gridAct = w.gridActives;
  gridAct.fill(0);
  const townAct = w.townActives;
  townAct.fill(0);
  const townProj = w.townProjectActives;
  townProj.fill(0);
  const finalVillage = new Int32Array(V);
  const draw = w.streams.detention.next;
  const project = c.project;
  let actives = 0;
  for (let v = 0; v < V; v++) {
    if (nextVillage[v] === 0) continue;
    const res = h.villageStart[v + 1] - h.villageStart[v];
    const officers = (w.officersPer1000 * res) / 1000;
    const capacity = Math.min(1, (officers * arrestsPerOfficer) / nextVillage[v]);
    const list = w.candidatesByVillage[v];
    // Counted in locals and stored once: in a riot every candidate of the village passes here daily.
    let free = 0;
    let onProject = 0;
    for (let q = 0; q < list.length; q++) {
      const i = list[q];
      if (state[i] !== ACTIVE) continue;
      if (capacity > 0 && draw() < capacity) {
        detain(w, i);
        continue;
      }
      free++;
      gridAct[gridOf(h, i)]++;
      onProject += project[i];
    }
    const t = h.villageTown[v];
    actives += free;
    finalVillage[v] = free;
    townAct[t] += free;
    townProj[t] += onProject;
  }
  w.villageActives = finalVillage;
  w.totals.actives = actives;
  if (actives > w.totals.peakActives) w.totals.peakActives = actives;
  // Mass incidents per town; area-wide outbursts.
  const size = ca.massIncidentSize;
  for (let t = 0; t < h.towns; t++) {
    const a = townAct[t];
    if (a > size) {
      if (w.townEpisodeStart[t] < 0) {
        w.townEpisodeStart[t] = w.day;
        w.townEpisodePeak[t] = 0;
        // What set it off: a project group made up at least half of the actives on its first day (the
        // episode may then draw in many others, as the floor rule lets a whole village's candidates go).
        w.townEpisodeProject[t] = townProj[t] * 2 >= a ? 1 : 0;
        w.totals.massIncidents++;
      }
      if (a > w.townEpisodePeak[t]) w.townEpisodePeak[t] = a;
      w.townLastIncident[t] = w.day;
    } else if (w.townEpisodeStart[t] >= 0 && w.day - w.townLastIncident[t] >= ca.episodeGapDays) endEpisode(w, t);
  }
  if (actives > size) {
    if (!w.totals.areaEpisode) {
      w.totals.areaEpisode = 1;
      w.totals.outbursts++;
    }
  } else w.totals.areaEpisode = 0;
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
