/**
 * Collective action (schedule step 7): Epstein's (2002) rule, through sim/core/activation (the one
 * implementation shared with sim/epstein), with each citizen's own legitimacy and accumulated grievance:
 *
 *   G = grievance(H_i, L_i) + grievanceWeight x g_i        (H(1 - L) plus unresolved disputes)
 *   P = arrestProbability(C_v, actives_v, k, ratioRule)    (A = 1 + actives in the citizen's village)
 *   active  iff  isActive(G, R_i, P, T)
 *
 * C_v, the enforcement presence in village v, is the visible officers posted there with their auxiliaries
 * (officersPer1000 x residents / 1000 x presencePerOfficer) plus patrolDeterrence per NGO patrol or correction member.
 * Village active counts are yesterday's (synchronous update), so the order of candidates does not matter.
 *
 * Candidate set: only citizens with G > T can ever activate (P >= 0), so they are kept in a list. A
 * citizen enters when an encounter lowers L_i or a grievance raises g_i (touchCandidate and G =
 * totalGrievance are in citizen.ts), and leaves when G falls to T or below (checked at full
 * evaluations). Global changes (economy drift, the scheduled legitimacy shift) trigger a full rescan
 * only when they moved by more than RESCAN_EPS. Within the set, a
 * quiet candidate that nothing has touched since its last evaluation is skipped while its village's P is
 * at least its critical (G - T) / R (its G can only have decayed, so the rule's answer is still "quiet");
 * every FULL_CHECK_DAYS days all are evaluated in full.
 *
 * Officers detain: each village's officers detain up to arrestsPerOfficerDay each per day, chosen at
 * random among the village's actives; detention lasts 1..detentionDays days (a calendar release) and is
 * a coercive encounter (detention.ts). A mass incident is a contiguous run of days in which a town's
 * actives exceed massIncidentSize, lulls shorter than episodeGapDays included (so one incident flickering around the
 * threshold counts once): its start, peak and length (first to last day above) are recorded; it counts as caused by an approved project
 * when at its peak at least half of the town's actives were burdened by an open project dispute.
 */
import { arrestProbability, isActive, ratioCode } from '../core/activation';
import type { World } from './world';
import { CIT_ACTIVE, CIT_DETAINED, CIT_DISPUTE, CIT_QUIET } from './codes';
import { CANDIDATE_CLEAN, CANDIDATE_DIRTY, totalGrievance } from './citizen';
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
const FULL_CHECK_DAYS = 30;

/** Rebuild the candidate set by one pass over all citizens (at start and after large global shifts). */
export function rescanCandidates(w: World): void {
  const c = w.citizens;
  const T = w.params.collectiveAction.threshold;
  const list: number[] = [];
  const villages: number[] = [];
  const crit: number[] = [];
  const h = w.hierarchy;
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing
  for (let g = 0; g < h.grids; g++) {
    const v = h.gridVillage[g];
    for (let i = h.gridStart[g]; i < h.gridStart[g + 1]; i++) {
      if (c.candidate[i] || totalGrievance(w, i) > T) {
        // Actives and detainees stay in the set; they are re-checked by the daily pass.
        c.candidate[i] = DIRTY;
        list.push(i);
        villages.push(v);
        crit.push(0);
      }
    }
  }
  w.candidates = list;
  w.candidateVillage = villages;
  w.candidateCrit = crit;
  w.totals.scanHardship = w.hardshipFactor;
  w.totals.scanShift = w.legitimacyShift;
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
    // Stryker disable next-line EqualityOperator: a drift of exactly RESCAN_EPS has probability 0
    Math.abs(w.hardshipFactor - w.totals.scanHardship) > RESCAN_EPS ||
    // Stryker disable next-line EqualityOperator: a shift of exactly RESCAN_EPS has probability 0
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
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing
  for (let v = 0; v < V; v++) {
    const c0 = presence(w, v);
    const a = prevVillage[v];
    pQuiet[v] = arrestProbability(c0, a, k, rule);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: pActive is read only for an active citizen, who was counted in its village yesterday (a >= 1)
    pActive[v] = a > 0 ? arrestProbability(c0, a - 1, k, rule) : pQuiet[v];
  }
  const nextVillage = new Int32Array(V);
  const list = w.candidates;
  const listVillage = w.candidateVillage;
  const listCrit = w.candidateCrit;
  // Every FULL_CHECK_DAYS days every candidate is evaluated in full, which also drops those whose
  // grievance has decayed to T or below.
  const full = w.day % FULL_CHECK_DAYS === 0;
  const state = c.state;
  const openCases = c.openCases;
  const candidate = c.candidate;
  const risk = c.riskAversion;
  // Pass 1: decide activity from yesterday's village counts.
  let j = 0;
  while (j < list.length) {
    const i = list[j];
    const st = state[i];
    if (st === DETAINED) {
      j++;
      continue;
    }
    const v = listVillage[j];
    // A quiet, untouched candidate stays quiet while P is at least its critical value (G - T) / R from
    // its last evaluation: its G can only have decayed since, so the rule would say "not active".
    if (!full && st !== ACTIVE && candidate[i] === CLEAN && pQuiet[v] >= listCrit[j]) {
      j++;
      continue;
    }
    const G = totalGrievance(w, i);
    if (G <= T) {
      if (st === ACTIVE) state[i] = openCases[i] > 0 ? DISPUTE : QUIET;
      candidate[i] = 0;
      const last = list.length - 1;
      list[j] = list[last];
      listVillage[j] = listVillage[last];
      listCrit[j] = listCrit[last];
      list.pop();
      listVillage.pop();
      listCrit.pop();
      continue;
    }
    const R = risk[i] / 255;
    const P = st === ACTIVE ? pActive[v] : pQuiet[v];
    if (isActive(G, R, P, T)) {
      // Stryker disable next-line ConditionalExpression: setting ACTIVE on an active citizen changes nothing
      if (st !== ACTIVE) state[i] = ACTIVE;
      nextVillage[v]++;
    } else if (st === ACTIVE) state[i] = openCases[i] > 0 ? DISPUTE : QUIET;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: G > T here, so (G - T) / 0 is Infinity too
    listCrit[j] = R > 0 ? (G - T) / R : Infinity;
    candidate[i] = CLEAN;
    j++;
  }
  // Pass 2: officers detain, at random among each village's actives.
  const arrestsPerOfficer = w.params.enforcement.arrestsPerOfficerDay;
  const capacity = new Float64Array(V);
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing
  for (let v = 0; v < V; v++) {
    // Stryker disable next-line ConditionalExpression: a shortcut; a village without actives has nobody to detain
    if (nextVillage[v] === 0) continue;
    const res = h.villageStart[v + 1] - h.villageStart[v];
    const officers = (w.officersPer1000 * res) / 1000;
    capacity[v] = Math.min(1, (officers * arrestsPerOfficer) / nextVillage[v]);
  }
  const gridAct = w.gridActives;
  gridAct.fill(0);
  const townAct = w.townActives;
  townAct.fill(0);
  const townProj = w.townProjectActives;
  townProj.fill(0);
  const finalVillage = new Int32Array(V);
  const ds = w.streams.detention;
  let actives = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing
  for (let q = 0; q < list.length; q++) {
    const i = list[q];
    if (state[i] !== ACTIVE) continue;
    const g = gridOf(h, i);
    const v = listVillage[q];
    if (capacity[v] > 0 && ds.next() < capacity[v]) {
      detain(w, i);
      continue;
    }
    actives++;
    finalVillage[v]++;
    gridAct[g]++;
    const t = h.villageTown[v];
    townAct[t]++;
    if (c.project[i]) townProj[t]++;
  }
  w.villageActives = finalVillage;
  w.totals.actives = actives;
  // Stryker disable next-line EqualityOperator: an equal peak leaves the peak unchanged
  if (actives > w.totals.peakActives) w.totals.peakActives = actives;
  // Mass incidents per town; area-wide outbursts.
  const size = ca.massIncidentSize;
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing
  for (let t = 0; t < h.towns; t++) {
    const a = townAct[t];
    if (a > size) {
      if (w.townEpisodeStart[t] < 0) {
        w.townEpisodeStart[t] = w.day;
        w.townEpisodePeak[t] = 0;
        w.townEpisodeProject[t] = 0;
        w.totals.massIncidents++;
      }
      if (a > w.townEpisodePeak[t]) {
        w.townEpisodePeak[t] = a;
        w.townEpisodeProject[t] = townProj[t] * 2 >= a ? 1 : 0;
      }
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
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing
  for (let t = 0; t < w.hierarchy.towns; t++) {
    if (w.townEpisodeStart[t] >= 0) {
      sizes.push(w.townEpisodePeak[t]);
      if (w.townEpisodeProject[t]) project++;
    }
  }
  return { sizes, project };
}
