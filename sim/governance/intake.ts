/**
 * Intake of a new dispute: a fresh case (cases.ts), the claimant's grievance raised by openWeight, and
 * its first contact with a channel scheduled on the calendar after firstContactDelay days (short with
 * the smart platform). What happens at first contact is handling.ts's; intake does not need it, so
 * grievances and projects open disputes without depending on the handling step.
 */
import type { World } from './world';
import { eventCode, K_FIRST_CONTACT } from './codes';
import { openCase } from './cases';
import { addGrievance } from './citizen';

/** Days from a dispute to its first contact with a channel: short with the smart platform. */
export function firstContactDelay(w: World): number {
  const sp = w.params.smartPlatform;
  const mean = sp.daysToFirstContact * w.platform + sp.daysWithout * (1 - w.platform);
  if (mean <= 0) return 0;
  return Math.floor(w.streams.firstContact.exponential(1 / mean));
}

/** Open a dispute and schedule its first contact with a channel. */
export function openDispute(w: World, citizen: number, size: number, type: number, parties: number, severity: number, flags: number): number {
  const row = openCase(w, citizen, size, type, parties, severity, flags);
  if (size === 1) addGrievance(w, citizen, severity * w.params.grievances.openWeight);
  const k = w.cases.cols;
  const delay = firstContactDelay(w);
  k.due[row] = w.day + delay;
  w.cal.schedule(k.due[row], eventCode(K_FIRST_CONTACT, k.id[row]), row);
  return row;
}
