/**
 * Routine contacts (schedule step 6, beside dispute handling): most encounters with authorities are not
 * about a dispute of one's own. Police-public contact surveys report that roughly one adult in five has
 * a contact with the police in a year (MODEL.md section 8); grid workers visit households. Each contact
 * is an encounter (legitimacy.ts) at that authority's procedural fairness, so these are what move mean
 * legitimacy over a few years: three years of fair contacts raise it, of coercive ones lower it.
 *
 *   police contacts a day in town t   = officers of t x enforcement.contactsPerOfficerDay
 *   grid visits a day in village v    = grid workers of v x mediation.grid.visitsPerDay x attention_v
 *
 * (attention_v is 1 unless accountability moves grid workers toward the villages that score worst in
 * the survey: accountability.ts). Event-driven: each unit's count is a Poisson draw from the 'contacts'
 * stream and each contact picks a random resident, so the cost follows contacts, not residents x days.
 * A detained resident has no routine contact.
 */
import type { World } from './world';
import { CH_GRID, CH_POLICE } from './codes';
import { routineEncounters } from './legitimacy';
import { fairnessOf } from './resolvers';

export function contactsStep(w: World): void {
  const p = w.params;
  const h = w.hierarchy;
  const s = w.streams.contacts;
  const perResident = (p.enforcement.contactsPerOfficerDay * w.officersPer1000) / 1000;
  if (perResident > 0) {
    const f = fairnessOf(p, CH_POLICE);
    for (let t = 0; t < h.towns; t++) {
      const a = h.townStart[t];
      const res = h.townStart[t + 1] - a;
      routineEncounters(w, a, res, s.poisson(perResident * res), f, s, w.townDetained[t] > 0);
    }
  }
  const g = p.mediation.grid;
  const visits = g.staffed ? (g.staffPer1000 / 1000) * g.visitsPerDay : 0;
  if (visits > 0) {
    const f = fairnessOf(p, CH_GRID);
    const attention = w.attention;
    for (let v = 0; v < h.villages; v++) {
      const a = h.villageStart[v];
      const res = h.villageStart[v + 1] - a;
      routineEncounters(w, a, res, s.poisson(visits * res * attention[v]), f, s, w.villageDetained[v] > 0);
    }
  }
}
