/**
 * Participation (schedule step 8): citizens join or leave NGO teams and patrols by Granovetter's (1978)
 * threshold rule on the share of their grid already taking part. A citizen's threshold theta_i (drawn
 * at start) is scaled by the policy's support and the citizen's legitimacy:
 *
 *   effective threshold = theta_i / (ngo.support x (1 - lw + lw x L_i))
 *
 * (ngo.support is the one policy lever for NGOs and public participation: recruitment, hearings,
 * funding.) A non-member joins when the grid's participation share is at least the effective
 * threshold; an instigator (theta = 0) joins with probability support x (1 - lw + lw x L_i) at each
 * review; a member leaves when it no longer is, or with probability leaveRate at a review (burn-out).
 * Each citizen who could ever change (world.reviewers) reviews on average every reviewDays days; the
 * day's reviewers are found by geometric skips over that list ('participation' stream), so cost
 * follows reviews, not residents x days. A joiner picks one of the team types the scenario provides, at random.
 *
 * What members of each team type do is listed in population.ts (enabledTeams); the counts kept here
 * are per grid (all members), per village and team type, per village for patrols and per town for
 * mediation teams. Every member gives hoursPerMemberDay volunteer hours a day (counted apart from
 * official time).
 */
import type { World } from './world';
import { log } from '../core/dmath';
import { CH_NGO, CIT_DETAINED, TEAM_MEDIATION, TEAM_NONE, TEAM_PATROLS, TEAMS } from './codes';
import { enabledTeams } from './population';
import { setSlots } from './resolvers';

const DETAINED = CIT_DETAINED;

/** Recount members per grid, village and town from the citizen columns (at start and after restore). */
export function recountMembers(w: World): void {
  const h = w.hierarchy;
  const c = w.citizens;
  w.gridVolunteers.fill(0);
  w.villagePatrol.fill(0);
  w.villageMembers.fill(0);
  w.townMediators.fill(0);
  let total = 0;
  for (let g = 0; g < h.grids; g++) {
    const v = h.gridVillage[g];
    const t = h.villageTown[v];
    for (let i = h.gridStart[g]; i < h.gridStart[g + 1]; i++) {
      const team = c.volunteer[i];
      if (team === TEAM_NONE) continue;
      total++;
      w.gridVolunteers[g]++;
      w.villageMembers[v * TEAMS + team]++;
      if (team === TEAM_PATROLS) w.villagePatrol[v]++;
      if (team === TEAM_MEDIATION) w.townMediators[t]++;
    }
  }
  w.totals.volunteers = total;
}

function changeMember(w: World, g: number, team: number, delta: number): void {
  const v = w.hierarchy.gridVillage[g];
  const t = w.hierarchy.villageTown[v];
  w.gridVolunteers[g] += delta;
  w.villageMembers[v * TEAMS + team] += delta;
  if (team === TEAM_PATROLS) w.villagePatrol[v] += delta;
  if (team === TEAM_MEDIATION) w.townMediators[t] += delta;
  w.totals.volunteers += delta;
}

/**
 * NGO resolver slots of every town from its mediation-team members' hours (MODEL.md section 8: NGO
 * capacity is its members' volunteered hours): members x hoursPerMemberDay x caseHoursShare hours a day
 * for cases, each case taking hoursPerCase over serviceDays, so slots = hours a day x serviceDays /
 * hoursPerCase. When cases outgrow it, the NGO queue grows and citizens wait or turn elsewhere.
 */
export function updateNgoSlots(w: World): void {
  const n = w.params.ngo;
  const per = (n.hoursPerMemberDay * n.caseHoursShare * n.serviceDays) / n.hoursPerCase;
  const b = w.resolvers.base[CH_NGO];
  for (let t = 0; t < w.hierarchy.towns; t++) {
    const s = Math.floor(w.townMediators[t] * per);
    if (s !== w.resolvers.slots[b + t]) setSlots(w, b + t, s);
  }
}

export function participationStep(w: World): void {
  const p = w.params.participation;
  const c = w.citizens;
  const h = w.hierarchy;
  const s = w.streams.participation;
  const teams = enabledTeams(w.params);
  const support = w.params.ngo.support;
  const lw = p.legitimacyWeight;
  const rate = p.reviewDays > 0 ? Math.min(0.999999, 1 / p.reviewDays) : 0;
  if (rate > 0 && rate < 1) {
    // Only citizens who could ever change are reviewed (world.reviewers: a threshold below 1, or a
    // member at the start): a non-member at threshold 1 would need the whole grid taking part, which
    // cannot happen while they are out, so their reviews would change nothing and draw nothing.
    const reviewers = w.reviewers;
    const n = reviewers.length;
    const u = s.next;
    // Geometric skips over the reviewers inlined (Stream.geometricSkip, with log(1 - rate) computed once).
    const lnq = log(1 - rate);
    let k = Math.floor(log(1 - u()) / lnq);
    // Reviewers come in increasing index order, so the grid pointer only walks forward.
    let g = 0;
    const gridStart = h.gridStart;
    const state = c.state;
    const volunteer = c.volunteer;
    const threshold = c.threshold;
    const legitimacy = c.legitimacy;
    const gridVolunteers = w.gridVolunteers;
    const shift = w.legitimacyShift;
    const canJoin = support > 0 && teams.length > 0;
    while (k < n) {
      const i = reviewers[k];
      while (gridStart[g + 1] <= i) g++;
      if (state[i] !== DETAINED) {
        const share = gridVolunteers[g] / (gridStart[g + 1] - gridStart[g]);
        let l = legitimacy[i] + shift;
        l = l < 0 ? 0 : l > 1 ? 1 : l;
        const scale = support * (1 - lw + lw * l);
        const theta = threshold[i] / 255;
        const team = volunteer[i];
        // Instigators (threshold 0) need no one else, but still only join as far as the policy lets them.
        const joins = canJoin && (theta > 0 ? share * scale >= theta : u() < scale);
        if (team === TEAM_NONE) {
          if (joins) {
            const nt = teams[s.int(teams.length)];
            volunteer[i] = nt;
            changeMember(w, g, nt, 1);
          }
        } else if (!joins || u() < p.leaveRate) {
          volunteer[i] = TEAM_NONE;
          changeMember(w, g, team, -1);
        }
      }
      k += 1 + Math.floor(log(1 - u()) / lnq);
    }
  }
  updateNgoSlots(w);
  const hours = w.totals.volunteers * w.params.ngo.hoursPerMemberDay;
  w.totals.volunteerHours += hours;
}
