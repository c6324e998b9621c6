import { describe, expect, it } from 'vitest';
import { smallModel, smallWorld } from './helpers';
import { scripted, type Scripted } from './scripted';
import { CH_NGO, CH_TOWN, CIT_DETAINED, TEAM_MEDIATION, TEAM_NONE, TEAM_PATROLS, TEAM_WORTHIES, TEAMS } from '../../../sim/governance/codes';
import { gridOf } from '../../../sim/governance/hierarchy';
import { participationStep, recountMembers, updateNgoSlots } from '../../../sim/governance/participation';
import { highReviewers, reviewableCitizens } from '../../../sim/governance/population';
import type { World } from '../../../sim/governance/world';

/** 60 residents: 2 villages of 3 grids of 10 (grid g is residents 10g..10g+9), one town. */
const TINY = { residents: 60, villagesPerTown: 2, gridsPerVillage: 3 };

const ONLY_MEDIATION = { mediation: true, worthies: false, patrols: false, correction: false, counselling: false };

/** A tiny town with no members, everyone at threshold 1 (never joins) and legitimacy 1. */
function town(over: { ngo?: Record<string, unknown>; participation?: Record<string, number> } = {}): World {
  const w = smallWorld({
    population: TINY,
    ngo: { support: 1, teams: ONLY_MEDIATION, ...over.ngo },
    participation: { initialShare: 0, reviewDays: 2, legitimacyWeight: 0, leaveRate: 0.1, ...over.participation },
  });
  const c = w.citizens;
  c.volunteer.fill(TEAM_NONE);
  c.threshold.fill(255);
  c.legitimacy.fill(1);
  c.state.fill(0);
  w.legitimacyShift = 0;
  recountMembers(w);
  // One review list over everyone (cut 1), as the scripted streams below plan their skips over it;
  // the grid-gated list of high thresholds has its own tests.
  oneList(w);
  return w;
}

/** Review everyone from w.reviewers (as with highCut 1): no grid-gated high-threshold list. */
function oneList(w: World): void {
  w.highCut = 1;
  w.highReviewers = new Int32Array(0);
  w.highStart = new Int32Array(w.hierarchy.grids + 1);
  w.gridHighMembers.fill(0);
}

/** The uniform that makes the review rate 1/2's geometric skip exactly k reviewers. */
const skip = (k: number) => 1 - 0.75 * 0.5 ** k;

/**
 * A 'participation' stream that reviews exactly the citizens of `plan` (in increasing order), each
 * making its own draws, then no one else (a last draw of 1 skips past the end). The skips run over
 * the reviewers list, not the citizen index: the list is rebuilt from the test's set-up as world
 * creation builds it (reviewableCitizens: a threshold below 255, or a member), and each planned
 * citizen must be on it; the skip to it counts the positions between.
 */
function reviews(w: World, plan: Array<[number, number[]]>): Scripted {
  oneList(w);
  w.reviewers = reviewableCitizens(w.citizens);
  const list = Array.from(w.reviewers);
  const draws: number[] = [];
  let next = 0;
  for (const [i, own] of plan) {
    const k = list.indexOf(i);
    if (k < 0) throw new Error(`citizen ${i} is not a reviewer`);
    draws.push(skip(k - next), ...own);
    next = k + 1;
  }
  draws.push(1);
  return scripted(draws);
}

describe('participation (Granovetter thresholds)', () => {
  it('without NGO support nobody joins and members leave', () => {
    const m = smallModel({ ngo: { support: 0 }, participation: { initialShare: 0.1, reviewDays: 10 } });
    expect(m.w.totals.volunteers).toBe(0); // no team types exist without support
    m.step(60);
    expect(m.w.totals.volunteers).toBe(0);
    expect(m.w.resolvers.slots[m.w.resolvers.base[CH_NGO]]).toBe(0);
  });

  it('with support, membership grows from instigators and supplies NGO capacity', () => {
    // A generous case-hours share, so that a small town's mediation team has whole slots.
    const m = smallModel({ participation: { initialShare: 0, reviewDays: 10 }, ngo: { caseHoursShare: 0.5 } });
    expect(m.w.totals.volunteers).toBe(0);
    m.step(120);
    expect(m.w.totals.volunteers).toBeGreaterThan(50);
    expect(m.w.resolvers.slots[m.w.resolvers.base[CH_NGO]]).toBeGreaterThan(0);
    expect(m.series().column('volunteerHours')[119]).toBeCloseTo(m.w.totals.volunteers * m.w.params.ngo.hoursPerMemberDay, 6);
  });

  it('more policy support gives more members (thresholds scaled by support)', () => {
    const lo = smallModel({ ngo: { support: 0.3 }, participation: { reviewDays: 10 } });
    const hi = smallModel({ ngo: { support: 1 }, participation: { reviewDays: 10 } });
    lo.step(200);
    hi.step(200);
    expect(hi.w.totals.volunteers).toBeGreaterThan(lo.w.totals.volunteers);
  });

  it("a non-member joins when the grid's share reaches its threshold, not below", () => {
    const w = town();
    const c = w.citizens;
    c.volunteer[0] = TEAM_MEDIATION;
    c.volunteer[1] = TEAM_MEDIATION;
    recountMembers(w); // grid 0: share 0.2
    c.threshold[5] = 51; // exactly 0.2: joins
    c.threshold[6] = 77; // 0.302: 5's joining made the share 0.3, just below: stays out (and draws nothing)
    w.streams.participation = reviews(w, [
      [5, [0.3]], // the team type draw
      [6, []],
    ]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect(c.volunteer[5]).toBe(TEAM_MEDIATION);
    expect(c.volunteer[6]).toBe(TEAM_NONE);
    expect(w.gridVolunteers[0]).toBe(3);
    expect(w.totals.volunteers).toBe(3);
  });

  it("members leave when the grid's share falls below their threshold", () => {
    const w = town();
    const c = w.citizens;
    for (const i of [10, 11, 12]) c.volunteer[i] = TEAM_MEDIATION;
    recountMembers(w); // grid 1: share 0.3
    c.threshold[10] = 77; // 0.302 > 0.3: leaves, without a burn-out draw; share now 0.2
    c.threshold[11] = 52; // 0.204 > 0.2: leaves too (the cascade runs backwards)
    c.threshold[12] = 25; // 0.098 <= 0.1: stays, and draws for burn-out (0.5: no)
    w.streams.participation = reviews(w, [
      [10, []],
      [11, []],
      [12, [0.5]],
    ]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect([c.volunteer[10], c.volunteer[11], c.volunteer[12]]).toEqual([TEAM_NONE, TEAM_NONE, TEAM_MEDIATION]);
    expect(w.gridVolunteers[1]).toBe(1);
    expect(w.totals.volunteers).toBe(1);
  });

  it('burn-out: a member who would stay leaves when the draw is below leaveRate', () => {
    const w = town({ participation: { leaveRate: 0.1 } });
    const c = w.citizens;
    c.volunteer[20] = TEAM_MEDIATION;
    c.volunteer[21] = TEAM_MEDIATION;
    c.threshold[20] = 0;
    c.threshold[21] = 0;
    recountMembers(w);
    // Instigators: the join draw (below scale 1), then the burn-out draw.
    w.streams.participation = reviews(w, [
      [20, [0.5, 0.09]],
      [21, [0.5, 0.1]],
    ]);
    participationStep(w);
    expect(c.volunteer[20]).toBe(TEAM_NONE);
    expect(c.volunteer[21]).toBe(TEAM_MEDIATION);
  });

  it("the Granovetter cascade: one instigator's joining tips neighbours with low thresholds", () => {
    const w = town();
    const c = w.citizens;
    c.threshold[30] = 0; // instigator
    c.threshold[31] = 26; // 0.102: one of ten (0.1) is not enough
    c.threshold[32] = 25; // 0.098: one of ten is enough
    c.threshold[33] = 51; // 0.2: needs two: tipped by 32
    c.threshold[34] = 76; // 0.298: three (30, 32, 33) are enough
    c.threshold[35] = 103; // 0.404: four (with 34) are not enough
    w.streams.participation = reviews(w, [
      [30, [0.99, 0.1]], // joins with probability scale 1 (0.99 < 1), then its team draw
      [31, []],
      [32, [0.1]],
      [33, [0.1]],
      [34, [0.1]],
      [35, []],
    ]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect(Array.from(c.volunteer.subarray(30, 36))).toEqual([1, 0, 1, 1, 1, 0]);
    expect(w.gridVolunteers[3]).toBe(4);
  });

  it('an instigator joins with probability support x (1 - lw + lw x L)', () => {
    // support 0.5, lw 0.5, L = 0.4 + shift 0.2 = 0.6: 0.5 x (0.5 + 0.3) = 0.4
    const w = town({ ngo: { support: 0.5 }, participation: { legitimacyWeight: 0.5 } });
    const c = w.citizens;
    w.legitimacyShift = 0.2;
    c.legitimacy.fill(0.4);
    c.threshold[40] = 0;
    c.threshold[41] = 0;
    w.streams.participation = reviews(w, [
      [40, [0.39, 0.5]],
      [41, [0.41]],
    ]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect(c.volunteer[40]).toBe(TEAM_MEDIATION);
    expect(c.volunteer[41]).toBe(TEAM_NONE);
  });

  it('legitimacy (with its shift, clamped to [0, 1]) scales the effective threshold', () => {
    // theta / (support x (1 - lw + lw x L)): share 0.2, lw 1, L = 0.5: needs theta <= 0.1
    const w = town({ participation: { legitimacyWeight: 1 } });
    const c = w.citizens;
    c.volunteer[0] = TEAM_MEDIATION;
    c.volunteer[1] = TEAM_MEDIATION;
    c.volunteer[10] = TEAM_MEDIATION;
    c.volunteer[11] = TEAM_MEDIATION;
    c.volunteer[20] = TEAM_MEDIATION;
    c.volunteer[21] = TEAM_MEDIATION;
    recountMembers(w);
    c.legitimacy.fill(0.5);
    c.threshold[5] = 25; // 0.098: joins
    c.threshold[26] = 27; // 0.106 (grid 2, also at share 0.2): stays out
    // Stored 0.9 + shift 0.3 reads as 1 (not 1.2): needs theta <= 0.2
    c.legitimacy[12] = 0.9;
    c.threshold[12] = 52; // 0.204: stays out
    c.legitimacy[13] = 0.9;
    c.threshold[13] = 51; // 0.2: joins
    // Stored 0.1 - 0.3 reads as 0: never joins, even at a tiny threshold
    c.threshold[25] = 1;
    w.streams.participation = reviews(w, [
      [5, [0.1]],
      [26, []],
    ]);
    participationStep(w);
    expect([c.volunteer[5], c.volunteer[26]]).toEqual([TEAM_MEDIATION, TEAM_NONE]);
    w.legitimacyShift = 0.3;
    w.streams.participation = reviews(w, [
      [12, []],
      [13, [0.1]],
    ]);
    participationStep(w);
    expect([c.volunteer[12], c.volunteer[13]]).toEqual([TEAM_NONE, TEAM_MEDIATION]);
    w.legitimacyShift = -0.3;
    c.legitimacy[25] = 0.1;
    w.streams.participation = reviews(w, [[25, []]]);
    participationStep(w);
    expect(c.volunteer[25]).toBe(TEAM_NONE);
  });

  it('a joiner picks one of the enabled team types at random, and patrols and mediators are counted apart', () => {
    const w = town({ ngo: { teams: { mediation: true, worthies: true, patrols: true, correction: false, counselling: false } } });
    const c = w.citizens;
    for (const i of [0, 10, 35]) c.threshold[i] = 0;
    // Teams [mediation, worthies, patrols]: draws 0.1, 0.5, 0.9 pick each in turn.
    w.streams.participation = reviews(w, [
      [0, [0.5, 0.1]],
      [10, [0.5, 0.5]],
      [35, [0.5, 0.9]],
    ]);
    participationStep(w);
    expect([c.volunteer[0], c.volunteer[10], c.volunteer[35]]).toEqual([TEAM_MEDIATION, TEAM_WORTHIES, TEAM_PATROLS]);
    expect(Array.from(w.gridVolunteers)).toEqual([1, 1, 0, 1, 0, 0]);
    expect(Array.from(w.villagePatrol)).toEqual([0, 1]);
    expect(Array.from(w.townMediators)).toEqual([1]);
    expect(w.villageMembers[0 * TEAMS + TEAM_MEDIATION]).toBe(1);
    expect(w.villageMembers[0 * TEAMS + TEAM_WORTHIES]).toBe(1);
    expect(w.villageMembers[1 * TEAMS + TEAM_PATROLS]).toBe(1);
    // Leaving undoes every count.
    c.threshold.fill(255);
    w.streams.participation = reviews(w, [
      [0, []],
      [10, []],
      [35, []],
    ]);
    participationStep(w);
    expect(w.totals.volunteers).toBe(0);
    expect(Array.from(w.gridVolunteers)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(w.villagePatrol)).toEqual([0, 0]);
    expect(Array.from(w.townMediators)).toEqual([0]);
    expect(w.villageMembers.every((x) => x === 0)).toBe(true);
  });

  it('recountMembers rebuilds every count from the citizen columns', () => {
    const w = town();
    const c = w.citizens;
    c.volunteer[3] = TEAM_MEDIATION;
    c.volunteer[4] = TEAM_PATROLS;
    c.volunteer[45] = TEAM_PATROLS;
    c.volunteer[59] = TEAM_WORTHIES;
    c.volunteer[5] = TEAM_WORTHIES;
    c.volunteer[6] = TEAM_WORTHIES;
    w.gridVolunteers.fill(7);
    w.villagePatrol.fill(7);
    w.villageMembers.fill(7);
    w.townMediators.fill(7);
    recountMembers(w);
    expect(w.totals.volunteers).toBe(6);
    expect(Array.from(w.gridVolunteers)).toEqual([4, 0, 0, 0, 1, 1]);
    expect(Array.from(w.villagePatrol)).toEqual([1, 1]);
    expect(Array.from(w.townMediators)).toEqual([1]);
    const vm = Array.from(w.villageMembers);
    expect(vm).toEqual([0, 1, 2, 1, 0, 0, 0, 0, 1, 1, 0, 0]);
  });

  it('a detained citizen is not reviewed', () => {
    const w = town();
    const c = w.citizens;
    c.threshold[7] = 0;
    c.state[7] = CIT_DETAINED;
    c.volunteer[8] = TEAM_MEDIATION;
    c.state[8] = CIT_DETAINED;
    // As detention.ts keeps it: the village's count of detained residents (reviews read the state only where it is above 0).
    for (const i of [7, 8]) w.villageDetained[w.hierarchy.gridVillage[gridOf(w.hierarchy, i)]]++;
    recountMembers(w);
    w.streams.participation = reviews(w, [
      [7, []],
      [8, []],
    ]);
    participationStep(w);
    expect(c.volunteer[7]).toBe(TEAM_NONE);
    expect(c.volunteer[8]).toBe(TEAM_MEDIATION);
  });

  it('no team types (no support): instigators draw nothing and members leave', () => {
    const w = town({ ngo: { teams: { mediation: false, worthies: false, patrols: false, correction: false, counselling: false } } });
    const c = w.citizens;
    c.threshold[1] = 0;
    c.volunteer[2] = TEAM_MEDIATION;
    c.threshold[2] = 0;
    recountMembers(w);
    w.streams.participation = reviews(w, [
      [1, []],
      [2, []],
    ]);
    participationStep(w);
    expect(c.volunteer[1]).toBe(TEAM_NONE);
    expect(c.volunteer[2]).toBe(TEAM_NONE);
  });

  it('reviews each citizen on average every reviewDays days (geometric skips at rate 1/reviewDays)', () => {
    // reviewDays 4: rate 0.25, ln(0.75) per skip. A draw of 1 - 0.75^3 skips 3 citizens (floor, with rounding).
    const w = town({ participation: { reviewDays: 4 } });
    const c = w.citizens;
    c.threshold.fill(0);
    // The skips count positions in the reviewers list, not citizen indices.
    w.reviewers = Int32Array.from([2, 5, 11, 17, 23, 30, 41, 44, 52, 58]);
    const u = 1 - 0.75 ** 3.5;
    // position 3 (citizen 17), then 3 + 1 + 3 = 7 (citizen 44), then the end
    w.streams.participation = scripted([u, 0.5, 0.1, u, 0.5, 0.1, 1]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    const joined = [];
    for (let i = 0; i < 60; i++) if (c.volunteer[i] !== TEAM_NONE) joined.push(i);
    expect(joined).toEqual([17, 44]);
  });

  it('reviews nobody with reviewDays 0, and nearly everybody with reviewDays 1', () => {
    const w = town({ participation: { reviewDays: 0 } });
    w.streams.participation = scripted([]);
    participationStep(w);
    const w1 = town({ participation: { reviewDays: 1 } });
    w1.citizens.threshold.fill(0);
    w1.reviewers = reviewableCitizens(w1.citizens); // everyone (as if drawn so at the start)
    // rate 0.999999: a draw of 0.5 skips nobody; 1 ends the day
    w1.streams.participation = scripted([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1]);
    participationStep(w1);
    expect(Array.from(w1.citizens.volunteer.subarray(0, 3))).toEqual([1, 1, 0]);
  });

  it('reviewers: citizens with a joining threshold below 255 or a member, in index order, built at world creation', () => {
    const w = town();
    const c = w.citizens;
    c.threshold[4] = 254; // could join some day
    c.volunteer[9] = TEAM_MEDIATION; // a member at threshold 255: could leave
    c.threshold[30] = 0;
    expect(Array.from(reviewableCitizens(c))).toEqual([4, 9, 30]);
    // Split at a cut: members and thresholds up to it every day, the rest gated by grid.
    c.threshold[12] = 100; // above 0.3 x 255 = 76.5, grid 1
    c.threshold[45] = 77; // just above, grid 4
    c.threshold[46] = 76; // just below: stays in the daily list
    c.volunteer[47] = TEAM_MEDIATION;
    c.threshold[47] = 200; // a member at the start stays in the daily list whatever its threshold
    expect(Array.from(reviewableCitizens(c, 0.3))).toEqual([9, 30, 46, 47]);
    const high = highReviewers(c, w.hierarchy.gridStart, 0.3);
    expect(Array.from(high.list)).toEqual([4, 12, 45]);
    expect(Array.from(high.start)).toEqual([0, 1, 2, 2, 2, 3, 3]);
    // At creation the two lists are split at three times the starting share and together hold
    // exactly the citizens who could ever change.
    const m = smallWorld({ participation: { initialShare: 0.05 } });
    expect(m.highCut).toBeCloseTo(0.15, 12);
    const expected: number[] = [];
    for (let i = 0; i < m.citizens.n; i++) if (m.citizens.threshold[i] < 255 || m.citizens.volunteer[i] !== TEAM_NONE) expected.push(i);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(m.citizens.n); // some are never reviewed
    expect(m.highReviewers.length).toBeGreaterThan(0);
    expect(m.reviewers.length).toBeGreaterThan(0);
    expect([...m.reviewers, ...m.highReviewers].sort((a, b) => a - b)).toEqual(expected);
    for (const i of m.highReviewers) expect(m.citizens.threshold[i]).toBeGreaterThan(0.15 * 255);
  });

  it('high thresholds are reviewed only in grids whose share could reach the cut, or with such a member', () => {
    const w = town({ participation: { reviewDays: 2, legitimacyWeight: 0, leaveRate: 0 } });
    const c = w.citizens;
    // Grid 0 (residents 0-9): citizen 5 at threshold 0.4. Cut 0.3; grid 0's share starts at 0.
    c.threshold[5] = 102;
    w.highCut = 0.3;
    w.reviewers = reviewableCitizens(c, 0.3);
    const high = highReviewers(c, w.hierarchy.gridStart, 0.3);
    w.highReviewers = high.list;
    w.highStart = high.start;
    expect(Array.from(w.reviewers)).toEqual([]);
    expect(Array.from(w.highReviewers)).toEqual([5]);
    // Share 0: grid 0 is not hot; the daily list is empty (one skip draw past its end), no other draw.
    w.streams.participation = scripted([1]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    // Four members in grid 0 (share 0.4 >= 0.3): hot. Its one high reviewer is reached by skip 0,
    // joins (0.4 x 1 >= 0.4; team draw 0.1), and the next skip passes the end.
    for (const i of [0, 1, 2, 3]) c.volunteer[i] = TEAM_MEDIATION;
    recountMembers(w);
    w.streams.participation = scripted([1, skip(0), 0.1, 1]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect(c.volunteer[5]).toBe(TEAM_MEDIATION);
    expect(w.gridHighMembers[0]).toBe(1);
    // The share falls below the cut (two leave outside the model's review), but grid 0 keeps its high
    // member under review: it no longer meets its threshold and leaves, and the grid cools.
    c.volunteer[0] = TEAM_NONE;
    c.volunteer[1] = TEAM_NONE;
    recountMembers(w);
    w.streams.participation = scripted([1, skip(0), 1]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect(c.volunteer[5]).toBe(TEAM_NONE);
    expect(w.gridHighMembers[0]).toBe(0);
    w.streams.participation = scripted([1]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
  });

  it('a non-member at threshold 255 is never reviewed: the skips pass over it and it draws nothing', () => {
    const w = town(); // everyone a non-member at threshold 255
    const c = w.citizens;
    c.threshold[3] = 0;
    c.threshold[7] = 0;
    w.reviewers = reviewableCitizens(c);
    expect(Array.from(w.reviewers)).toEqual([3, 7]);
    // Skip 0 reaches 3 (join draw, team draw), the next skip 0 reaches 7, not 4, then the end.
    w.streams.participation = scripted([skip(0), 0.5, 0.1, skip(0), 0.5, 0.1, 1]);
    participationStep(w);
    expect((w.streams.participation as Scripted).left()).toBe(0);
    expect([c.volunteer[3], c.volunteer[4], c.volunteer[7]]).toEqual([TEAM_MEDIATION, TEAM_NONE, TEAM_MEDIATION]);
    expect(w.totals.volunteers).toBe(2);
  });

  it('NGO slots per town are mediation members x hours a day x case share x service days / hours per case, floored', () => {
    // Two towns (residents 0-29 and 30-59): 3 mediators in the first, 1 in the second.
    const w = smallWorld({
      population: { residents: 60, townsPerCounty: 2, villagesPerTown: 1, gridsPerVillage: 3 },
      ngo: { support: 1, teams: ONLY_MEDIATION, hoursPerMemberDay: 2, caseHoursShare: 0.5, serviceDays: 10, hoursPerCase: 4 },
      participation: { initialShare: 0 },
      mediation: { town: { staffPer1000: 100 } }, // staffed town offices: instances next to the NGO's must keep their slots
    });
    const c = w.citizens;
    c.volunteer.fill(TEAM_NONE);
    c.volunteer[1] = TEAM_MEDIATION;
    c.volunteer[2] = TEAM_MEDIATION;
    c.volunteer[3] = TEAM_MEDIATION;
    c.volunteer[4] = TEAM_PATROLS;
    c.volunteer[40] = TEAM_MEDIATION;
    recountMembers(w);
    const r = w.resolvers;
    const others = Array.from(r.slots).filter((_, inst) => r.kind[inst] !== CH_NGO);
    const byChannel = Array.from(r.slotsByChannel).filter((_, ch) => ch !== CH_NGO);
    expect(r.slots[r.base[CH_TOWN]]).toBeGreaterThan(0);
    updateNgoSlots(w);
    expect(r.slots[r.base[CH_NGO]]).toBe(7); // 3 x 2.5 = 7.5
    expect(r.slots[r.base[CH_NGO] + 1]).toBe(2); // 1 x 2.5
    expect(r.slotsByChannel[CH_NGO]).toBe(9);
    expect(Array.from(r.slots).filter((_, inst) => r.kind[inst] !== CH_NGO)).toEqual(others);
    expect(Array.from(r.slotsByChannel).filter((_, ch) => ch !== CH_NGO)).toEqual(byChannel);
  });

  it('every member gives hoursPerMemberDay volunteer hours a day', () => {
    const w = town({ ngo: { hoursPerMemberDay: 0.5 } });
    w.citizens.volunteer[1] = TEAM_MEDIATION;
    w.citizens.volunteer[2] = TEAM_PATROLS;
    recountMembers(w);
    const before = w.totals.volunteerHours;
    w.streams.participation = scripted([1]);
    participationStep(w);
    expect(w.totals.volunteerHours - before).toBe(1);
  });
});
