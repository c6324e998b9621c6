/**
 * Dispute handling (schedule step 4): the day's calendar is drained in time order (ties in scheduling
 * order): first contacts of new disputes, service ends at every resolver (mediation, police, court,
 * petition offices: petitions.ts), patience deadlines of waiting cases, repeat visits of returned
 * petitioners, releases from detention and delayed project approvals.
 *
 * First choice. With the smart platform, a grid worker reaches the dispute first with probability
 * gridDiscovery x roll-out and takes it into grid mediation. Otherwise the citizen chooses among the
 * channels the policy provides, with weights
 *
 *   negotiate   choice.negotiate x (0.5 + ties) x fit x E
 *   grid        choice.grid      x (0.5 + ties) x trust x fit x E x Q
 *   village     choice.village   x trust x fit x E x Q
 *   ngo         choice.ngo       x (0.5 + ties) x fit x E x Q
 *   town        choice.town      x trust x fit x (0.5 + severity) x E x Q
 *   police      choice.police    x trust x fit x E x Q
 *   court       choice.court     x 2 awareness x trust x fit x (0.5 + severity) x E x Q
 *   petition    choice.petition  x 2 (1 - L) x fit x (0.5 + severity) x E x Q
 *                                [x rechoosePetitionBoost on a re-choice] [x (1 - coercion) under suppression]
 *   give up     choice.giveUp    x 2 R
 *
 * The choice.* weights are the society's cultural preferences (the same under every regime, MODEL.md
 * section 7); what differs between regimes is what the policy offers and how it has treated people:
 *   trust = 1 - trustWeight + trustWeight x L      (legitimacy: the state's channels are trusted or not)
 *   E     = 1 - experienceWeight + 2 experienceWeight x e_g,c   (e: the grid's experience with the
 *           channel, a moving average of its neighbours' outcomes there, 0.5 at the start)
 *   Q     = 1 / (1 + waitWeight x expected wait / patienceDays)   (expected wait: the cases ahead in
 *           the queue over the slots, times the service days)
 * and fit the type-channel fit of routing.ts. A channel with no staffed slot is not offered. Mediation
 * levels (grid, village, NGO) do not take a case whose fit is below handling.takeFit (people's mediation
 * takes civil disputes, not administrative ones).
 *
 * Outcome at the end of service: success with probability skill x fit x (1 - severityPenalty x
 * severity) x acceptance, acceptance = 1 - acceptanceWeight x (1 - L) (a citizen who distrusts the
 * state rejects more agreements); village worthies raise village mediation's success toward 1
 * (ngo.worthyEffect per worthy per 1,000 residents of the village). On failure, under grand mediation
 * the case is referred one level up with its history (grid -> village -> town -> county court; NGO ->
 * village committee -> town; police -> court); without it the
 * citizen chooses again (the failed channel excluded, petitions weighted up), up to maxAttempts.
 * Waiting past a citizen's patience escalates: up one level under grand mediation, else to a petition
 * (escalateToPetition) or a new choice. The court mediates before adjudicating under priority to
 * mediation; an adjudicated citizen not satisfied may petition (petitionAfterJudgement).
 *
 * The type-channel fit, staffing checks and sending a case to a channel are routing.ts's (shared with
 * petitions.ts); opening a dispute and scheduling its first contact is intake.ts's.
 */
import type { World } from './world';
import {
  CH_COURT,
  CH_GRID,
  CH_NEGOTIATE,
  CH_NGO,
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_POLICE,
  CH_TOWN,
  CH_VILLAGE,
  CHANNELS,
  EV_ADJUDICATED,
  EV_ESCALATED,
  EV_MEDIATED,
  EV_REFERRED,
  eventCode,
  K_FIRST_CONTACT,
  K_PATIENCE,
  K_PROJECT,
  K_RELEASE,
  K_REPEAT,
  K_SERVICE_END,
  ST_DELAYED,
  ST_PENDING,
  ST_SERVING,
  ST_WAITING,
  TEAM_WORTHIES,
  TEAMS,
} from './codes';
import { closeCase, logEvent, markFirst } from './cases';
import { awarenessOf, legitimacyOf } from './citizen';
import { gridOf } from './hierarchy';
import { caseHours, fairnessOf, instanceFor, releaseSlot, serviceDays, skillOf, unqueue } from './resolvers';
import { available, encounterCase, FIT, learn, sendTo } from './routing';
import { enterPetition, petitionEnd } from './petitions';
import { release, releaseDue } from './detention';
import { approveProject } from './projects';

const OPT_PETITION = 9;
const OPT_GIVE_UP = 10;
/** E of the choice rule: the grid's experience with channel `kind`. */
function experienceFactor(w: World, g: number, kind: number): number {
  const ew = w.params.handling.experienceWeight;
  return 1 - ew + 2 * ew * w.experience[g * CHANNELS + kind];
}

/** Q of the choice rule: how much the expected wait at the instance serving grid g deters. */
function waitFactor(w: World, g: number, kind: number): number {
  const r = w.resolvers;
  const inst = instanceFor(w, kind, g);
  const slots = r.slots[inst];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: unreachable, choose() asks only for a staffed channel (guards the division)
  if (slots <= 0) return 0;
  const ahead = r.len[inst] + 1 - (slots - r.busy[inst]);
  // Stryker disable next-line EqualityOperator: at ahead = 0 the wait is 0 and Q is 1 either way
  if (ahead <= 0) return 1;
  const wait = (ahead / slots) * serviceDays(w.params, kind) * r.stretch[kind];
  return 1 / (1 + (w.params.handling.waitWeight * wait) / w.params.handling.patienceDays);
}

/** Acceptance of an outcome by a citizen of legitimacy L. */
function acceptance(w: World, L: number): number {
  return 1 - w.params.handling.acceptanceWeight * (1 - L);
}

/** The citizen (re)chooses a channel for case `row`; `exclude` is the channel that just failed. */
export function choose(w: World, row: number, exclude: number, rechoice: boolean): void {
  const k = w.cases.cols;
  const p = w.params;
  const ch = p.handling.choice;
  const i = k.citizen[row];
  const type = k.type[row];
  const sev = k.severity[row];
  const fit = FIT[type];
  const g = gridOf(w.hierarchy, i);
  const L = legitimacyOf(w, i);
  const ties = w.citizens.ties[i] / 255;
  const R = w.citizens.riskAversion[i] / 255;
  const aware = awarenessOf(w, i);
  const trust = 1 - p.handling.trustWeight + p.handling.trustWeight * L;
  const take = p.handling.takeFit;
  const wt = new Float64Array(11);
  const eq = (kind: number) => experienceFactor(w, g, kind) * waitFactor(w, g, kind);
  wt[CH_NEGOTIATE] = ch.negotiate * (0.5 + ties) * fit[CH_NEGOTIATE] * experienceFactor(w, g, CH_NEGOTIATE);
  if (available(w, CH_GRID, g) && fit[CH_GRID] >= take) wt[CH_GRID] = ch.grid * (0.5 + ties) * trust * fit[CH_GRID] * eq(CH_GRID);
  if (available(w, CH_VILLAGE, g) && fit[CH_VILLAGE] >= take) wt[CH_VILLAGE] = ch.village * trust * fit[CH_VILLAGE] * eq(CH_VILLAGE);
  if (available(w, CH_NGO, g) && fit[CH_NGO] >= take) wt[CH_NGO] = ch.ngo * (0.5 + ties) * fit[CH_NGO] * eq(CH_NGO);
  if (available(w, CH_TOWN, g)) wt[CH_TOWN] = ch.town * trust * fit[CH_TOWN] * (0.5 + sev) * eq(CH_TOWN);
  if (available(w, CH_POLICE, g)) wt[CH_POLICE] = ch.police * trust * fit[CH_POLICE] * eq(CH_POLICE);
  if (available(w, CH_COURT, g)) wt[CH_COURT] = ch.court * 2 * aware * trust * fit[CH_COURT] * (0.5 + sev) * eq(CH_COURT);
  if (available(w, CH_PET_TOWN, g)) {
    let wp = ch.petition * 2 * (1 - L) * fit[CH_PET_TOWN] * (0.5 + sev) * eq(CH_PET_TOWN);
    if (rechoice) wp *= p.handling.rechoosePetitionBoost;
    if (p.petitions.regime === 'suppression') wp *= 1 - p.enforcement.coercion;
    wt[OPT_PETITION] = wp;
  }
  wt[OPT_GIVE_UP] = ch.giveUp * 2 * R;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: exclude is -1 or a channel 0..8, and wt[-1] = 0 on a typed array does nothing
  if (exclude >= 0 && exclude < 9) wt[exclude] = 0;
  if (exclude === CH_PET_TOWN || exclude === CH_PET_COUNTY) wt[OPT_PETITION] = 0;
  let total = 0;
  for (let o = 0; o < 11; o++) total += wt[o];
  if (total <= 0) {
    closeCase(w, row, false);
    return;
  }
  let x = w.streams.choice.next() * total;
  let opt = 0;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: x < total, so the walk stops at give-up (option 10) anyway
  while (opt < 10 && x >= wt[opt]) {
    x -= wt[opt];
    opt++;
  }
  if (opt === OPT_GIVE_UP) {
    closeCase(w, row, false);
  } else if (opt === OPT_PETITION) {
    // Stryker disable next-line EqualityOperator: a continuous draw equals the probability with probability 0
    enterPetition(w, row, w.streams.choice.next() < p.petitions.overLevelProbability);
  } else if (opt === CH_NEGOTIATE) {
    k.channel[row] = CH_NEGOTIATE;
    markFirst(w, row, CH_NEGOTIATE);
    k.level[row] = 0;
    const s = p.handling.negotiateSuccess * fit[CH_NEGOTIATE] * (1 - p.handling.severityPenalty * sev);
    // Stryker disable next-line EqualityOperator: a continuous draw equals s with probability 0
    const ok = w.streams.outcome.next() < s;
    learn(w, row, CH_NEGOTIATE, ok);
    if (ok) {
      w.totals.succeeded[CH_NEGOTIATE]++;
      closeCase(w, row, true);
    } else retry(w, row, CH_NEGOTIATE);
  } else {
    sendTo(w, row, opt);
  }
}

/** A case failed in channel `failed` without grand mediation: choose again, or give up after maxAttempts. */
function retry(w: World, row: number, failed: number): void {
  const k = w.cases.cols;
  k.attempts[row]++;
  if (k.attempts[row] >= w.params.handling.maxAttempts) closeCase(w, row, false);
  else choose(w, row, failed, true);
}

/** The channel one level above `kind` under grand mediation, or -1 at the top. */
export function nextLevelChannel(w: World, kind: number, g: number): number {
  const up: number[] =
    kind === CH_GRID || kind === CH_NEGOTIATE
      ? [CH_VILLAGE, CH_NGO, CH_TOWN, CH_COURT]
      : kind === CH_NGO
        ? [CH_VILLAGE, CH_TOWN, CH_COURT]
        : kind === CH_VILLAGE
        ? [CH_TOWN, CH_COURT]
        : kind === CH_TOWN || kind === CH_POLICE
          ? [CH_COURT]
          : kind === CH_PET_TOWN
            ? [CH_PET_COUNTY]
            // Stryker disable next-line ArrayDeclaration: any non-channel entry is unstaffed, so the ladder ends the same
            : [];
  for (const c of up) if (available(w, c, g)) return c;
  return -1;
}

/** Refer a failed or escalated case up one level with its history (grand mediation). */
export function referUp(w: World, row: number): void {
  const k = w.cases.cols;
  const g = gridOf(w.hierarchy, k.citizen[row]);
  const from = k.channel[row];
  k.attempts[row]++;
  const to = nextLevelChannel(w, from, g);
  // Stryker disable next-line EqualityOperator: `to` is never 0 (negotiation is no rung of the ladder)
  if (to < 0 || k.attempts[row] > w.params.handling.maxAttempts + 4) {
    // Top of the ladder: the court has adjudicated or the petition office has answered.
    closeCase(w, row, false);
    return;
  }
  logEvent(w, row, EV_REFERRED);
  if (to === CH_PET_COUNTY) enterPetition(w, row, true);
  else sendTo(w, row, to);
}

/** What a failed case does next. */
export function fail(w: World, row: number): void {
  if (w.params.grandMediation.referral) referUp(w, row);
  else retry(w, row, w.cases.cols.channel[row]);
}

/** First contact of a new dispute with a channel. */
function firstContact(w: World, row: number): void {
  const k = w.cases.cols;
  const p = w.params;
  if (w.platform > 0 && p.smartPlatform.gridDiscovery > 0) {
    const g = gridOf(w.hierarchy, k.citizen[row]);
    if (
      available(w, CH_GRID, g) &&
      FIT[k.type[row]][CH_GRID] >= p.handling.takeFit &&
      w.streams.firstContact.next() < p.smartPlatform.gridDiscovery * w.platform
    ) {
      sendTo(w, row, CH_GRID);
      return;
    }
  }
  choose(w, row, -1, false);
}

/** End of service at a mediation level, the NGO teams or the police. */
function mediationEnd(w: World, row: number): void {
  const k = w.cases.cols;
  const p = w.params;
  const kind = k.channel[row];
  const i = k.citizen[row];
  releaseSlot(w, k.inst[row]);
  // Stryker disable next-line UnaryOperator: the row gets a new instance (sendTo, enterPetition) or is closed before inst is read again
  k.inst[row] = -1;
  const L = legitimacyOf(w, i);
  let s = skillOf(w, kind) * FIT[k.type[row]][kind] * (1 - p.handling.severityPenalty * k.severity[row]) * acceptance(w, L);
  if (kind === CH_VILLAGE && p.ngo.worthyEffect > 0) {
    // Village worthies persuade: each per 1,000 residents of the village removes worthyEffect of the rest.
    const h = w.hierarchy;
    const v = h.gridVillage[gridOf(h, i)];
    const perThousand = (1000 * w.villageMembers[v * TEAMS + TEAM_WORTHIES]) / (h.villageStart[v + 1] - h.villageStart[v]);
    s += (1 - s) * Math.min(1, p.ngo.worthyEffect * perThousand);
  }
  // Stryker disable next-line EqualityOperator: a continuous draw equals s with probability 0
  const ok = w.streams.outcome.next() < s;
  learn(w, row, kind, ok);
  if (kind !== CH_NGO) encounterCase(w, row, fairnessOf(p, kind) * (ok ? 1 : 1 - p.legitimacy.outcomeWeight));
  if (ok) {
    w.totals.succeeded[kind]++;
    if (kind === CH_VILLAGE) w.totals.villageSucceeded++;
    logEvent(w, row, EV_MEDIATED);
    closeCase(w, row, true);
  } else fail(w, row);
}

function courtEnd(w: World, row: number): void {
  const k = w.cases.cols;
  const p = w.params;
  const rl = p.ruleOfLaw;
  if (k.phase[row] === 0 && p.court.priorityToMediation) {
    const L = legitimacyOf(w, k.citizen[row]);
    const s = p.court.mediationSkill * FIT[k.type[row]][CH_COURT] * (1 - p.handling.severityPenalty * k.severity[row]) * acceptance(w, L);
    // Stryker disable next-line EqualityOperator: a continuous draw equals s with probability 0
    const ok = w.streams.court.next() < s;
    learn(w, row, CH_COURT, ok);
    if (ok) {
      releaseSlot(w, k.inst[row]);
      // Stryker disable next-line UnaryOperator: the row gets a new instance (sendTo, enterPetition) or is closed before inst is read again
      k.inst[row] = -1;
      w.totals.succeeded[CH_COURT]++;
      encounterCase(w, row, rl.courtFairness);
      logEvent(w, row, EV_MEDIATED);
      closeCase(w, row, true);
      return;
    }
  }
  if (k.phase[row] === 0) {
    // Adjudication: the case keeps its slot while the judges spend adjudicationHours more on it, at
    // the court's pace (serviceDays per mediationHours of work).
    k.phase[row] = 1;
    const scale = 0.5 + k.severity[row];
    const days = ((p.court.adjudicationHours * p.court.serviceDays) / caseHours(p, CH_COURT)) * w.resolvers.stretch[CH_COURT] * scale;
    const dur = 1 + Math.floor(w.streams.service.exponential(1 / Math.max(0.01, days - 0.5)));
    k.due[row] = w.day + dur;
    k.cost[row] += (p.court.adjudicationHours * scale) / 8;
    w.cal.schedule(k.due[row], eventCode(K_SERVICE_END, k.id[row]), row);
    return;
  }
  releaseSlot(w, k.inst[row]);
  // Stryker disable next-line UnaryOperator: the row gets a new instance (sendTo, enterPetition) or is closed before inst is read again
  k.inst[row] = -1;
  logEvent(w, row, EV_ADJUDICATED);
  const satisfied = w.streams.court.next() < rl.courtSkill;
  learn(w, row, CH_COURT, satisfied);
  encounterCase(w, row, rl.courtFairness * (satisfied ? 1 : 1 - p.legitimacy.outcomeWeight));
  if (!satisfied && w.streams.court.next() < p.court.petitionAfterJudgement) {
    enterPetition(w, row, true);
    return;
  }
  w.totals.succeeded[CH_COURT]++;
  closeCase(w, row, true);
}

/** A waiting case whose citizen's patience ran out. */
function patienceEnd(w: World, row: number): void {
  const k = w.cases.cols;
  const p = w.params;
  // Leave the queue (unqueue marks the case DELAYED while it is rerouted).
  unqueue(w, row);
  logEvent(w, row, EV_ESCALATED);
  const kind = k.channel[row];
  // Stryker disable next-line UnaryOperator: the row gets a new instance (sendTo, enterPetition) or is closed before inst is read again
  k.inst[row] = -1;
  w.totals.escalated[kind]++;
  if (p.grandMediation.referral) {
    referUp(w, row);
  } else if (kind !== CH_PET_TOWN && kind !== CH_PET_COUNTY && w.streams.choice.next() < p.handling.escalateToPetition) {
    k.attempts[row]++;
    // Stryker disable next-line EqualityOperator: a continuous draw equals the probability with probability 0
    enterPetition(w, row, w.streams.choice.next() < p.petitions.overLevelProbability);
  } else if (kind === CH_PET_TOWN) {
    k.attempts[row]++;
    enterPetition(w, row, true);
  } else retry(w, row, kind);
}

/** Drain today's calendar (step 4; also runs the service ends of petitions, step 5). */
export function handlingStep(w: World): void {
  releaseDue(w);
  const cal = w.cal;
  while (cal.popDue(w.day)) {
    const code = cal.lastKind;
    const kind = code & 15;
    const subject = cal.lastSubject;
    const id = code >>> 4;
    if (kind === K_RELEASE) {
      release(w, subject);
      continue;
    }
    if (kind === K_PROJECT) {
      approveProject(w, subject);
      continue;
    }
    const cols = w.cases.cols;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds guard only; the id check skips such an event too
    if (subject >= w.cases.length || (cols.id[subject] & 0x7ffffff) !== id) continue;
    const row = subject;
    const status = cols.status[row];
    if (cols.due[row] !== w.day && !(kind === K_FIRST_CONTACT && cols.due[row] <= w.day)) continue;
    switch (kind) {
      case K_FIRST_CONTACT:
        if (status === ST_PENDING) firstContact(w, row);
        break;
      case K_SERVICE_END:
        if (status === ST_SERVING) {
          const ch = cols.channel[row];
          if (ch === CH_COURT) courtEnd(w, row);
          else if (ch === CH_PET_TOWN || ch === CH_PET_COUNTY) petitionEnd(w, row);
          else mediationEnd(w, row);
        }
        break;
      case K_PATIENCE:
        if (status === ST_WAITING) patienceEnd(w, row);
        break;
      case K_REPEAT:
        if (status === ST_DELAYED) enterPetition(w, row, cols.level[row] === 3);
        break;
    }
  }
}
