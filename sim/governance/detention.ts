/**
 * Detention: a detained citizen is out of collective action and of participation for 1..detentionDays
 * days (drawn from the 'detention' stream), released by a calendar event (K_RELEASE, drained by
 * handling.ts). Each detention costs one official person-day and is a coercive encounter (fairness of
 * the rule of law lowered by coercion). Used by collective action (officers detain actives) and by
 * petitions under suppression; beneath both.
 */
import type { World } from './world';
import { CIT_DETAINED, CIT_DISPUTE, CIT_QUIET, eventCode, K_RELEASE } from './codes';
import { touchCandidate } from './citizen';
import { encounter } from './legitimacy';

export function detain(w: World, i: number): void {
  const c = w.citizens;
  if (c.state[i] === CIT_DETAINED) return;
  const e = w.params.enforcement;
  c.state[i] = CIT_DETAINED;
  const term = 1 + Math.floor(w.streams.detention.next() * Math.max(1, e.detentionDays));
  c.detainedUntil[i] = Math.max(0, Math.min(65535, w.day + term));
  w.cal.schedule(w.day + term, eventCode(K_RELEASE, 0), i);
  w.totals.detainedNow++;
  w.today.detained++;
  w.today.officialPersonDays += 1;
  encounter(w, i, w.params.ruleOfLaw.baselineFairness * (1 - e.coercion));
}

export function release(w: World, i: number): void {
  const c = w.citizens;
  if (c.state[i] !== CIT_DETAINED) return;
  c.state[i] = c.openCases[i] > 0 ? CIT_DISPUTE : CIT_QUIET;
  w.totals.detainedNow--;
  touchCandidate(w, i);
}
