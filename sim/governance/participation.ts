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
 * Each citizen who could ever change reviews on average every reviewDays days; the day's reviewers are
 * found by geometric skips ('participation' stream), first over world.reviewers (members at the start
 * and thresholds up to world.highCut), then over each grid's world.highReviewers in the grids whose
 * share could reach highCut or that have such members: a review elsewhere could change nothing, so
 * cost follows reviews that can matter, not residents x days. A joiner picks one of the team types the
 * scenario provides, at random.
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
/** Above 1 by far more than the few ulps by which support x (1 - lw + lw x L) can exceed support. */
const QUIET_MARGIN = 1 + 1e-9;
/** Above QUIET_MARGIN by far more than the rounding of thresholds against highCut (world.ts). */
const HOT_MARGIN = 1 + 1e-6;

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
  w.reviewerCodesOf = null;
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

/** Reviewer codes: the threshold (0-255) in the low byte, and this bit for a member. */
const CODE_THRESHOLD = 0xff;
const CODE_MEMBER = 0x100;

/**
 * The codes of w.reviewers (parallel to it), rebuilt from the citizen columns when the list is not the
 * one they were made for (a new list, a recount of members or a restore: recountMembers forgets them).
 */
export function reviewerCodes(w: World): Uint16Array {
  if (w.reviewerCodesOf !== w.reviewers) {
    const c = w.citizens;
    const list = w.reviewers;
    const codes = new Uint16Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      codes[k] = c.threshold[i] | (c.volunteer[i] !== TEAM_NONE ? CODE_MEMBER : 0);
    }
    w.reviewerCodes = codes;
    w.reviewerCodesOf = list;
  }
  return w.reviewerCodes;
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
    const u = s.next;
    // Geometric skips inlined (Stream.geometricSkip, with log(1 - rate) computed once).
    const lnq = log(1 - rate);
    const gridStart = h.gridStart;
    const state = c.state;
    const volunteer = c.volunteer;
    const threshold = c.threshold;
    const legitimacy = c.legitimacy;
    const gridVolunteers = w.gridVolunteers;
    const shift = w.legitimacyShift;
    const canJoin = support > 0 && teams.length > 0;
    const leaveRate = p.leaveRate;
    const gridVillage = h.gridVillage;
    const villageDetained = w.villageDetained;
    /**
     * Review citizen i of grid g, a member or not, whose threshold (0-255) is `thr`: +1 if it joins, -1
     * if it leaves, 0 if nothing changes. (Its team is read only when it leaves.)
     */
    const review = (i: number, g: number, member: boolean, thr: number): number => {
      const share = gridVolunteers[g] / (gridStart[g + 1] - gridStart[g]);
      // A non-member whose threshold is above what even full legitimacy would let the grid's share
      // reach (scale <= support, as lw and L are in [0, 1]; the margin allows for rounding in scale)
      // cannot join, and its review draws nothing: its other columns are not read (at province scale
      // each read is a cache miss; so is the state, read only where someone in the village is detained).
      if (!member && thr / 255 > share * support * QUIET_MARGIN) return 0;
      if (villageDetained[gridVillage[g]] > 0 && state[i] === DETAINED) return 0;
      let l = legitimacy[i] + shift;
      l = l < 0 ? 0 : l > 1 ? 1 : l;
      const scale = support * (1 - lw + lw * l);
      const theta = thr / 255;
      // Instigators (threshold 0) need no one else, but still only join as far as the policy lets them.
      const joins = canJoin && (theta > 0 ? share * scale >= theta : u() < scale);
      if (!member) {
        if (!joins) return 0;
        const nt = teams[s.int(teams.length)];
        volunteer[i] = nt;
        changeMember(w, g, nt, 1);
        return 1;
      }
      if (joins && u() >= leaveRate) return 0;
      const team = volunteer[i];
      volunteer[i] = TEAM_NONE;
      changeMember(w, g, team, -1);
      return -1;
    };
    // Everyone who could change in any grid (members at the start, thresholds up to highCut), in
    // index order, so the grid pointer only walks forward.
    // Their codes (threshold, and whether a member) make the test that ends most reviews without
    // reading the citizen's columns: at province scale each of those reads is a cache miss.
    const reviewers = w.reviewers;
    const codes = reviewerCodes(w);
    const n = reviewers.length;
    const quiet = support * QUIET_MARGIN * 255;
    let g = 0;
    let k = Math.floor(log(1 - u()) / lnq);
    while (k < n) {
      const i = reviewers[k];
      while (gridStart[g + 1] <= i) g++;
      const code = codes[k];
      // review()'s first test, on the codes: a member, or a non-member whose threshold the grid's share
      // could reach. (Where rounding makes the two tests disagree, the threshold is so close to the
      // most the share can reach that review() would not let it join either, and draws nothing.)
      if (code >= CODE_MEMBER || code <= (gridVolunteers[g] / (gridStart[g + 1] - gridStart[g])) * quiet) {
        const r = review(i, g, code >= CODE_MEMBER, code & CODE_THRESHOLD);
        if (r !== 0) codes[k] = r > 0 ? code | CODE_MEMBER : code & CODE_THRESHOLD;
      }
      k += 1 + Math.floor(log(1 - u()) / lnq);
    }
    // The others (non-members at the start, thresholds above highCut) only where the share could reach
    // highCut or one of them is a member: elsewhere each of their reviews would change nothing, so
    // skipping those grids gives the same process (every citizen reviewed at rate 1/reviewDays).
    const high = w.highReviewers;
    const highStart = w.highStart;
    const highMembers = w.gridHighMembers;
    const gate = w.highCut / (support * HOT_MARGIN);
    for (let gg = 0; gg < h.grids; gg++) {
      const end = highStart[gg + 1];
      if (end === highStart[gg]) continue;
      if (highMembers[gg] === 0 && gridVolunteers[gg] / (gridStart[gg + 1] - gridStart[gg]) < gate) continue;
      let kk = highStart[gg] + Math.floor(log(1 - u()) / lnq);
      while (kk < end) {
        const i = high[kk];
        highMembers[gg] += review(i, gg, volunteer[i] !== TEAM_NONE, threshold[i]);
        kk += 1 + Math.floor(log(1 - u()) / lnq);
      }
    }
  }
  updateNgoSlots(w);
  const hours = w.totals.volunteers * w.params.ngo.hoursPerMemberDay;
  w.totals.volunteerHours += hours;
}
