/**
 * Petitions, letters and visits (schedule step 5, realised as the service end of the town and county
 * petition offices during step 4's calendar drain). Three regimes (MODEL.md section 3.5):
 *
 *  suppression      the petitioner is intercepted: a coercive encounter, detention with probability
 *                   suppressionDetention, the case closed unresolved and the grievance made worse
 *                   (severity x suppressionWeight). Interception costs interceptionDays of official time.
 *  stability-first  the petition is received and returned: solved with probability solveStabilityFirst
 *                   (one survey: 0.2%); otherwise the petitioner comes back after repeatDelayDays with
 *                   probability repeatProbability, going over level (town -> county) with probability
 *                   overLevelProbability, or gives up. Keeping petitioners away costs interceptionDays.
 *  reformed         reasonable appeals (reasonableShare) go to the channel that can solve them (the
 *                   best-fitting of village mediation, town administrative mediation and the court),
 *                   illegal acts (illegalShare) to the police, petitioners in hardship above
 *                   assistanceHardship are assisted (solved), and unreasonable appeals are explained
 *                   (accepted with probability explanationAccepted, else a repeat with probability
 *                   repeatProbability x explainedRepeatFactor, else given up).
 *
 * With reformAtDay >= 0 the reformed regime replaces the configured one from that day (the reform as an
 * event, for the year-on-year fall of pattern 8).
 *
 * A share of petitions is filed online (onlineShare, growing by onlineGrowthPerYear): online petitions
 * take onlineServiceFactor of the handling time. Counts: first (the case's first petition), repeat (every later one),
 * over-level (a visit to the county office that skips or follows the town office), online.
 */
import type { World } from './world';
import {
  CH_COURT,
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_POLICE,
  CH_TOWN,
  CH_VILLAGE,
  CIT_DISPUTE,
  CIT_PETITIONING,
  CIT_QUIET,
  EV_PETITIONED,
  EV_REFERRED,
  eventCode,
  FLAG_ONLINE,
  FLAG_OVER_LEVEL,
  FLAG_PETITIONED,
  K_REPEAT,
  ST_DELAYED,
} from './codes';
import { closeCase, logEvent, markFirst, markPath } from './cases';
import { addGrievance, hardshipOf } from './citizen';
import { gridOf } from './hierarchy';
import { enqueue, fairnessOf, instanceFor, releaseSlot } from './resolvers';
import { encounterCase, FIT, learn, sendTo } from './routing';
import { detain } from './detention';

/** Online share of petitions today. */
export function onlineShare(w: World): number {
  const p = w.params.petitions;
  const s = p.onlineShare + p.onlineGrowthPerYear * (w.day / 365);
  return s < 0 ? 0 : s > 1 ? 1 : s;
}

/** The case's citizen files a petition at the town office, or the county office when `county`. */
export function enterPetition(w: World, row: number, county: boolean): void {
  const k = w.cases.cols;
  const n = w.totals;
  const d = w.today;
  const first = k.petitions[row] === 0;
  if (k.petitions[row] < 255) k.petitions[row]++;
  n.petitions++;
  const year = Math.floor(w.day / 365);
  while (w.petitionsByYear.length <= year) w.petitionsByYear.push(0);
  w.petitionsByYear[year]++;
  if (first) d.petitionsFirst++;
  else d.petitionsRepeat++;
  const online = w.streams.petitions.next() < onlineShare(w);
  if (online) {
    k.flags[row] |= FLAG_ONLINE;
    d.petitionsOnline++;
  } else k.flags[row] &= ~FLAG_ONLINE;
  if (county) {
    k.flags[row] |= FLAG_OVER_LEVEL;
    d.petitionsOverLevel++;
  }
  markPath(w, row, FLAG_PETITIONED);
  const i = k.citizen[row];
  if (k.size[row] === 1 && (w.citizens.state[i] === CIT_QUIET || w.citizens.state[i] === CIT_DISPUTE)) w.citizens.state[i] = CIT_PETITIONING;
  const kind = county ? CH_PET_COUNTY : CH_PET_TOWN;
  k.channel[row] = kind;
  markFirst(w, row, kind);
  logEvent(w, row, EV_PETITIONED);
  const g = gridOf(w.hierarchy, i);
  const inst = instanceFor(w, kind, g);
  if (w.resolvers.slots[inst] <= 0) {
    closeCase(w, row, false);
    return;
  }
  enqueue(w, row, inst);
}

/** The channel that can solve a reasonable appeal: the best fit among village, town and court. */
export function solvingChannel(w: World, type: number, g: number): number {
  let best = -1;
  let bestFit = -1;
  for (const ch of [CH_VILLAGE, CH_TOWN, CH_COURT]) {
    if (w.resolvers.slots[instanceFor(w, ch, g)] <= 0) continue;
    const f = FIT[type][ch];
    if (f > bestFit) {
      bestFit = f;
      best = ch;
    }
  }
  return best;
}

function comeBack(w: World, row: number, county: boolean): void {
  const k = w.cases.cols;
  k.status[row] = ST_DELAYED;
  k.level[row] = county ? 3 : 2;
  k.due[row] = w.day + Math.max(1, w.params.petitions.repeatDelayDays);
  w.cal.schedule(k.due[row], eventCode(K_REPEAT, k.id[row]), row);
}

function chargeInterception(w: World, row: number): void {
  const e = w.params.petitions.interceptionDays;
  w.cases.cols.cost[row] += e;
  w.today.officialPersonDays += e;
}

/** End of handling at a petition office, by regime. */
export function petitionEnd(w: World, row: number): void {
  const k = w.cases.cols;
  const p = w.params;
  const pp = p.petitions;
  const s = w.streams.petitions;
  const kind = k.channel[row];
  releaseSlot(w, k.inst[row]);
  k.inst[row] = -1;
  const i = k.citizen[row];
  const atCounty = kind === CH_PET_COUNTY;
  const regime = pp.reformAtDay >= 0 && w.day >= pp.reformAtDay ? 'reformed' : pp.regime;
  switch (regime) {
    case 'suppression': {
      chargeInterception(w, row);
      encounterCase(w, row, fairnessOf(p, kind));
      learn(w, row, kind, false);
      if (s.next() < pp.suppressionDetention) detain(w, i);
      const sev = k.severity[row];
      for (let j = i; j < i + k.size[row]; j++) addGrievance(w, j, sev * pp.suppressionWeight);
      closeCase(w, row, false);
      return;
    }
    case 'stability-first': {
      chargeInterception(w, row);
      const solved = s.next() < pp.solveStabilityFirst;
      encounterCase(w, row, fairnessOf(p, kind) * (solved ? 1 : 1 - p.legitimacy.outcomeWeight));
      learn(w, row, kind, solved);
      if (solved) {
        w.totals.succeeded[kind]++;
        closeCase(w, row, true);
        return;
      }
      if (s.next() < pp.repeatProbability) {
        const over = !atCounty && s.next() < pp.overLevelProbability;
        comeBack(w, row, atCounty || over);
      } else closeCase(w, row, false);
      return;
    }
    case 'reformed': {
      encounterCase(w, row, fairnessOf(p, kind));
      const x = s.next();
      const g = gridOf(w.hierarchy, i);
      // An appeal taken up (referred to a channel that can act, or assisted) counts as the office
      // working for the grid's experience; an explanation alone does not.
      if (x < pp.illegalShare) {
        learn(w, row, kind, true);
        logEvent(w, row, EV_REFERRED);
        sendTo(w, row, CH_POLICE);
        return;
      }
      if (x < pp.illegalShare + pp.reasonableShare) {
        const ch = solvingChannel(w, k.type[row], g);
        if (ch >= 0) {
          learn(w, row, kind, true);
          logEvent(w, row, EV_REFERRED);
          sendTo(w, row, ch);
          return;
        }
      }
      const assisted = hardshipOf(w, i) >= pp.assistanceHardship;
      learn(w, row, kind, assisted);
      if (assisted || s.next() < pp.explanationAccepted) {
        w.totals.succeeded[kind]++;
        closeCase(w, row, true);
        return;
      }
      if (s.next() < pp.repeatProbability * pp.explainedRepeatFactor) comeBack(w, row, atCounty);
      else closeCase(w, row, false);
      return;
    }
  }
}
