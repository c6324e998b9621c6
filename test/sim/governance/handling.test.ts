import { describe, expect, it } from 'vitest';
import { quietWorld, scripted, smallWorld, staff } from './helpers';
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
  CIT_DETAINED,
  EV_ABANDONED,
  EV_ADJUDICATED,
  EV_ESCALATED,
  EV_MEDIATED,
  EV_OPENED,
  EV_PETITIONED,
  EV_REFERRED,
  EV_RESOLVED,
  eventCode,
  FIRST_NONE,
  FLAG_OVER_LEVEL,
  K_FIRST_CONTACT,
  K_PATIENCE,
  K_PROJECT,
  K_REPEAT,
  K_SERVICE_END,
  LEVEL_GRID,
  LEVEL_VILLAGE,
  ST_DELAYED,
  ST_FREE,
  ST_PENDING,
  ST_SERVING,
  ST_WAITING,
  TEAM_WORTHIES,
  TEAMS,
  TYPE_ADMINISTRATIVE,
  TYPE_ENVIRONMENT,
  TYPE_LAND,
  TYPE_NEIGHBOUR,
} from '../../../sim/governance/codes';
import { closeCase, openCase } from '../../../sim/governance/cases';
import { choose, fail, handlingStep, nextLevelChannel, referUp } from '../../../sim/governance/handling';
import { FIT, sendTo } from '../../../sim/governance/routing';
import { openDispute } from '../../../sim/governance/intake';
import { enterPetition } from '../../../sim/governance/petitions';
import { encounterDelta } from '../../../sim/governance/legitimacy';
import { detain } from '../../../sim/governance/detention';
import { serviceDays } from '../../../sim/governance/resolvers';
import type { World } from '../../../sim/governance/world';

function caseAtGrid(referral: boolean) {
  const w = smallWorld({ grandMediation: { referral }, output: { caseLog: true } });
  const row = openCase(w, 10, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
  sendTo(w, row, CH_GRID);
  return { w, row };
}

/** Events of case `row` in the log. */
function events(w: World, row: number): number[] {
  const id = w.cases.cols.id[row];
  const log = w.log!;
  const out: number[] = [];
  for (let r = 0; r < log.length; r++) if (log.cols.caseId[r] === id) out.push(log.cols.event[r]);
  return out;
}

const CIT = 10; // grid 0, village 0, town 0, county 0
const NO_GROWTH = { professionalisation: { skillGrowthPerYear: 0 }, smartPlatform: { gridDiscovery: 0 } };

/** A world with every channel staffed with one slot and citizen CIT at legitimacy 0.5. */
function staffed(over: Parameters<typeof quietWorld>[0] = {}): World {
  const w = quietWorld({ ...NO_GROWTH, ...over });
  for (let kind = 1; kind < CHANNELS; kind++) staff(w, kind, 1);
  w.totals.sumLegitimacy += 0.5 - w.citizens.legitimacy[CIT];
  w.citizens.legitimacy[CIT] = 0.5;
  return w;
}

/** Send a fresh case to `kind`, move to its service end and drain the day with outcome draw u. */
function serviceEnd(w: World, kind: number, u: number, type = TYPE_NEIGHBOUR, sev = 0.5, citizen = CIT): number {
  const row = openCase(w, citizen, 1, type, 0, sev, 0);
  sendTo(w, row, kind);
  expect(w.cases.cols.status[row]).toBe(ST_SERVING);
  w.day = w.cases.cols.due[row];
  w.streams.outcome = scripted([u]);
  handlingStep(w);
  return row;
}

describe('handling: referral under grand mediation', () => {
  it('grand mediation refers a failed case up exactly one level, keeping its id and history', () => {
    const { w, row } = caseAtGrid(true);
    const k = w.cases.cols;
    const id = k.id[row];
    expect(k.level[row]).toBe(LEVEL_GRID);
    fail(w, row);
    expect(k.id[row]).toBe(id);
    expect(k.channel[row]).toBe(CH_VILLAGE);
    expect(k.level[row]).toBe(LEVEL_VILLAGE);
    expect(events(w, row)).toEqual([EV_OPENED, EV_REFERRED]);
  });

  it('without grand mediation a failed case is not referred: the citizen chooses again', () => {
    const { w, row } = caseAtGrid(false);
    fail(w, row);
    expect(events(w, row)).not.toContain(EV_REFERRED);
    expect(w.cases.cols.attempts[row]).toBe(1);
  });

  it('the ladder: grid -> village -> town -> court; NGO -> village -> town; police -> court; town petition -> county', () => {
    const w = staffed();
    const up = (kind: number) => nextLevelChannel(w, kind, 0);
    expect([CH_NEGOTIATE, CH_GRID, CH_NGO, CH_VILLAGE, CH_TOWN, CH_POLICE, CH_COURT, CH_PET_TOWN, CH_PET_COUNTY].map(up)).toEqual([
      CH_VILLAGE, CH_VILLAGE, CH_VILLAGE, CH_TOWN, CH_COURT, CH_COURT, -1, CH_PET_COUNTY, -1,
    ]);
    // An unstaffed level is skipped: without a village committee, grid goes to the NGO, the NGO to town.
    staff(w, CH_VILLAGE, 0);
    expect([up(CH_GRID), up(CH_NEGOTIATE), up(CH_NGO)]).toEqual([CH_NGO, CH_NGO, CH_TOWN]);
    staff(w, CH_NGO, 0);
    expect(up(CH_GRID)).toBe(CH_TOWN);
    staff(w, CH_TOWN, 0);
    expect([up(CH_GRID), up(CH_VILLAGE), up(CH_NGO)]).toEqual([CH_COURT, CH_COURT, CH_COURT]);
    staff(w, CH_COURT, 0);
    staff(w, CH_PET_COUNTY, 0);
    expect([up(CH_GRID), up(CH_POLICE), up(CH_TOWN), up(CH_PET_TOWN)]).toEqual([-1, -1, -1, -1]);
  });

  it('grand mediation refers a failed NGO case to the village committee before the town', () => {
    const w = staffed();
    const row = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    sendTo(w, row, CH_NGO);
    fail(w, row);
    expect(w.cases.cols.channel[row]).toBe(CH_VILLAGE);
    expect(w.cases.cols.attempts[row]).toBe(1);
  });

  it('at the top of the ladder the case closes unresolved; a town petition goes to the county office', () => {
    const w = staffed();
    const top = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    sendTo(w, top, CH_COURT);
    referUp(w, top);
    expect(w.cases.cols.status[top]).toBe(ST_FREE);
    expect(events(w, top)).toEqual([EV_OPENED, EV_ABANDONED]);
    const pet = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    enterPetition(w, pet, false);
    referUp(w, pet);
    const k = w.cases.cols;
    expect(k.channel[pet]).toBe(CH_PET_COUNTY);
    expect(k.flags[pet] & FLAG_OVER_LEVEL).toBe(FLAG_OVER_LEVEL);
    expect(k.petitions[pet]).toBe(2);
    expect(events(w, pet)).toEqual([EV_OPENED, EV_PETITIONED, EV_REFERRED, EV_PETITIONED]);
  });

  it('stops referring after maxAttempts + 4 referrals', () => {
    const w = staffed();
    const max = w.params.handling.maxAttempts;
    const last = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    sendTo(w, last, CH_GRID);
    w.cases.cols.attempts[last] = max + 3;
    referUp(w, last);
    expect(w.cases.cols.channel[last]).toBe(CH_VILLAGE);
    const over = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    sendTo(w, over, CH_GRID);
    w.cases.cols.attempts[over] = max + 4;
    referUp(w, over);
    expect(w.cases.cols.status[over]).toBe(ST_FREE);
    expect(w.today.abandoned).toBe(1);
  });
});

describe('handling: negotiation and retries', () => {
  const only = { negotiate: 1, grid: 0, village: 0, ngo: 0, town: 0, police: 0, court: 0, petition: 0, giveUp: 1 };

  it('negotiation succeeds with probability negotiateSuccess x fit x (1 - severityPenalty x severity)', () => {
    const s = 0.3 * FIT[TYPE_LAND][CH_NEGOTIATE] * (1 - 0.03 * 0.5);
    const at = (u: number) => {
      const w = staffed({ handling: { choice: only } });
      const row = openCase(w, CIT, 1, TYPE_LAND, 0, 0.5, 0);
      w.streams.choice = scripted([0, 0.9999]); // negotiate; then (after a failure) give up
      w.streams.outcome = scripted([u]);
      choose(w, row, -1, false);
      return { w, row };
    };
    const ok = at(s - 1e-9);
    expect(ok.w.totals.succeeded[CH_NEGOTIATE]).toBe(1);
    expect(ok.w.today.resolved).toBe(1);
    expect(ok.w.today.resolvedByLevel[0]).toBe(1);
    expect(ok.w.experience[CH_NEGOTIATE]).toBeCloseTo(0.5 + 0.05 * 0.5, 6);
    const no = at(s + 1e-9);
    expect(no.w.totals.succeeded[CH_NEGOTIATE]).toBe(0);
    expect(no.w.cases.cols.attempts[no.row]).toBe(1);
    expect(no.w.today.abandoned).toBe(1); // the re-choice (negotiation excluded) gave up
    expect(no.w.experience[CH_NEGOTIATE]).toBeCloseTo(0.5 - 0.05 * 0.5, 6);
  });

  it('the experience weighed is that of the claimant’s own grid', () => {
    // Citizen 300 (grid 1), ties 1, R 1: negotiation 1.5 x E against giving up 2.
    const at = (e: number) => {
      const w = staffed({ handling: { choice: only } });
      w.citizens.ties[300] = 255;
      w.citizens.riskAversion[300] = 255;
      w.experience[1 * CHANNELS + CH_NEGOTIATE] = e;
      const row = openCase(w, 300, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
      w.streams.choice = scripted([0.5, 0.9999]);
      w.streams.outcome = scripted([0]);
      choose(w, row, -1, false);
      return w.cases.cols.first[row];
    };
    expect(at(1)).toBe(CH_NEGOTIATE); // 2.25 / 4.25 > 0.5
    expect(at(0)).toBe(FIRST_NONE); // 0.75 / 2.75 < 0.5: gave up
  });

  it('a citizen gives up after maxAttempts failed channels', () => {
    for (const [before, closes] of [[2, false], [3, true]] as const) {
      const village = { negotiate: 0, grid: 0, village: 1, ngo: 0, town: 0, police: 0, court: 0, petition: 0, giveUp: 0 };
      const w = staffed({ grandMediation: { referral: false }, handling: { maxAttempts: 4, choice: village } });
      const row = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
      sendTo(w, row, CH_TOWN);
      w.cases.cols.attempts[row] = before;
      const s = scripted([0.0001]);
      w.streams.choice = s;
      fail(w, row);
      expect(w.cases.cols.attempts[row]).toBe(before + 1);
      expect(s.drawn).toBe(closes ? 0 : 1);
      expect(w.cases.cols.status[row] === ST_FREE).toBe(closes);
      if (!closes) expect(w.cases.cols.channel[row]).toBe(CH_VILLAGE);
      expect([w.today.abandoned, w.today.resolved]).toEqual([closes ? 1 : 0, 0]);
    }
  });
});

describe('handling: service ends', () => {
  it('mediation succeeds with probability skill x fit x (1 - penalty x severity) x acceptance, and moves L', () => {
    // Grid on a land dispute: skill 0.9, fit 0.6, severity 0.5, L 0.5: acceptance 1 - 0.1 x 0.5.
    const s = 0.9 * 0.6 * (1 - 0.03 * 0.5) * (1 - 0.1 * 0.5);
    const p = staffed().params;
    const ok = staffed();
    const row = serviceEnd(ok, CH_GRID, s - 1e-7, TYPE_LAND);
    expect(ok.cases.cols.status[row]).toBe(ST_FREE);
    expect(ok.totals.succeeded[CH_GRID]).toBe(1);
    expect(ok.today.resolved).toBe(1);
    expect(ok.resolvers.busy[ok.resolvers.base[CH_GRID]]).toBe(0);
    expect(events(ok, row)).toEqual([EV_OPENED, EV_MEDIATED, EV_RESOLVED]);
    expect(ok.experience[CH_GRID]).toBeCloseTo(0.525, 6);
    const fair = p.mediation.grid.fairness;
    expect(ok.citizens.legitimacy[CIT]).toBeCloseTo(0.5 + encounterDelta(0.5, fair, 0.1, 6), 6);

    const no = staffed();
    const r2 = serviceEnd(no, CH_GRID, s + 1e-7, TYPE_LAND);
    expect(no.cases.cols.channel[r2]).toBe(CH_VILLAGE); // failed: referred up
    expect(no.cases.cols.inst[r2]).toBe(no.resolvers.base[CH_VILLAGE]);
    expect(no.totals.succeeded[CH_GRID]).toBe(0);
    expect(no.experience[CH_GRID]).toBeCloseTo(0.475, 6);
    expect(no.citizens.legitimacy[CIT]).toBeCloseTo(0.5 + encounterDelta(0.5, fair * 0.5, 0.1, 6), 6);
  });

  it('village worthies raise village mediation success toward 1 (worthyEffect per worthy per 1,000 residents)', () => {
    const base = 0.99 * 1 * (1 - 0.03 * 0.5) * (1 - 0.1 * 0.5);
    // 3 worthies in a village of 1,250: 2.4 per 1,000, 0.05 each: 12 % of the rest.
    const s = base + (1 - base) * 0.12;
    const at = (u: number, effect = 0.05) => {
      const w = staffed({ ngo: { worthyEffect: effect } });
      w.villageMembers[0 * TEAMS + TEAM_WORTHIES] = 3;
      const row = serviceEnd(w, CH_VILLAGE, u);
      return w.totals.succeeded[CH_VILLAGE] === 1 ? (w.totals.villageSucceeded === 1 ? 'ok' : 'uncounted') : w.cases.cols.channel[row];
    };
    expect(at(s - 1e-7)).toBe('ok');
    expect(at(s + 1e-7)).toBe(CH_TOWN);
    // At most every disagreement is removed: success certain, never more.
    expect(at(0.9999999, 1)).toBe('ok');
    const none = at(base + 1e-7, 0);
    expect(none).toBe(CH_TOWN);
  });

  it('worthies count per 1,000 residents of the claimant’s own village', () => {
    // Village 1 (citizens 1,250..2,499): 5 worthies, 4 per 1,000, 0.05 each: 20 % of the rest.
    const at = (u: number) => {
      const w = staffed();
      const citizen = 1300;
      w.totals.sumLegitimacy += 0.5 - w.citizens.legitimacy[citizen];
      w.citizens.legitimacy[citizen] = 0.5;
      w.villageMembers[1 * TEAMS + TEAM_WORTHIES] = 5;
      serviceEnd(w, CH_VILLAGE, u, TYPE_NEIGHBOUR, 0.5, citizen);
      return w.totals.succeeded[CH_VILLAGE];
    };
    const base = 0.99 * (1 - 0.03 * 0.5) * (1 - 0.1 * 0.5);
    const s = base + (1 - base) * 0.2;
    expect(at(s - 1e-7)).toBe(1);
    expect(at(s + 1e-7)).toBe(0);
  });

  it('NGO mediation is no encounter with the state: legitimacy does not move', () => {
    const w = staffed();
    serviceEnd(w, CH_NGO, 0);
    expect(w.totals.succeeded[CH_NGO]).toBe(1);
    expect(w.totals.villageSucceeded).toBe(0);
    expect(w.citizens.legitimacy[CIT]).toBe(0.5);
  });

  it('the court mediates first under priority to mediation, else adjudicates at once', () => {
    const s = 0.6 * FIT[TYPE_LAND][CH_COURT] * (1 - 0.03 * 0.25) * (1 - 0.1 * 0.5);
    const at = (u: number, priority = true) => {
      const w = staffed({ court: { priorityToMediation: priority } });
      const row = openCase(w, CIT, 1, TYPE_LAND, 0, 0.25, 0);
      sendTo(w, row, CH_COURT);
      w.day = w.cases.cols.due[row];
      const court = scripted([u]);
      w.streams.court = court;
      w.streams.service = scripted([0.9]);
      handlingStep(w);
      return { w, row, court };
    };
    const ok = at(s - 1e-7);
    expect(ok.w.cases.cols.status[ok.row]).toBe(ST_FREE);
    expect(ok.w.totals.succeeded[CH_COURT]).toBe(1);
    expect(events(ok.w, ok.row)).toEqual([EV_OPENED, EV_MEDIATED, EV_RESOLVED]);
    expect(ok.w.resolvers.busy[ok.w.resolvers.base[CH_COURT]]).toBe(0);
    expect(ok.w.citizens.legitimacy[CIT]).toBeCloseTo(0.5 + encounterDelta(0.5, 0.8, 0.1, 6), 6);
    expect(ok.w.experience[CH_COURT]).toBeCloseTo(0.525, 6);
    for (const adj of [at(s + 1e-7), at(0, false)]) {
      const k = adj.w.cases.cols;
      const cost = k.cost[adj.row];
      expect(k.status[adj.row]).toBe(ST_SERVING); // keeps its slot
      expect(k.phase[adj.row]).toBe(1);
      // Adjudication: 30 hours at the court's pace (45 days per 12 hours, stretched as its whole slots
      // are) x (0.5 + 0.25): 84.375 days x stretch on average.
      const mean = 84.375 * adj.w.resolvers.stretch[CH_COURT];
      expect(k.due[adj.row]).toBe(adj.w.day + 1 + Math.floor(-Math.log(1 - 0.9) * (mean - 0.5)));
      expect(cost).toBeCloseTo((12 * 0.75) / 8 + (30 * 0.75) / 8, 5);
    }
    expect(at(0, false).court.drawn).toBe(0);
    expect(at(s + 1e-7).w.experience[CH_COURT]).toBeCloseTo(0.475, 6);
  });

  it('an adjudicated citizen is satisfied with probability courtSkill; one not satisfied may petition', () => {
    const judged = (draws: number[], priority = false) => {
      const w = staffed({ court: { priorityToMediation: priority } });
      const row = openCase(w, CIT, 1, TYPE_LAND, 0, 0.5, 0);
      sendTo(w, row, CH_COURT);
      w.day = w.cases.cols.due[row];
      w.streams.court = scripted([0.9999]); // (under priority: mediation fails)
      handlingStep(w); // to adjudication
      w.day = w.cases.cols.due[row];
      w.streams.court = scripted(draws);
      handlingStep(w);
      return { w, row };
    };
    const sat = judged([0.7 - 1e-9]);
    expect(sat.w.cases.cols.status[sat.row]).toBe(ST_FREE);
    expect(sat.w.totals.succeeded[CH_COURT]).toBe(1);
    expect(events(sat.w, sat.row)).toEqual([EV_OPENED, EV_ADJUDICATED, EV_RESOLVED]);
    expect(sat.w.resolvers.busy[sat.w.resolvers.base[CH_COURT]]).toBe(0);
    expect(sat.w.citizens.legitimacy[CIT]).toBeCloseTo(0.5 + encounterDelta(0.5, 0.8, 0.1, 6), 6);
    expect(sat.w.experience[CH_COURT]).toBeCloseTo(0.525, 6);
    const petitions = judged([0.7, 0.1 - 1e-9]);
    expect(petitions.w.cases.cols.channel[petitions.row]).toBe(CH_PET_COUNTY);
    expect(petitions.w.totals.succeeded[CH_COURT]).toBe(0);
    expect(petitions.w.experience[CH_COURT]).toBeCloseTo(0.475, 6);
    expect(petitions.w.citizens.legitimacy[CIT]).toBeCloseTo(0.5 + encounterDelta(0.5, 0.4, 0.1, 6), 6);
    // Under priority to mediation the court mediates once, before adjudicating, never after.
    const afterMediation = judged([0.7 - 1e-9], true);
    expect(events(afterMediation.w, afterMediation.row)).toEqual([EV_OPENED, EV_ADJUDICATED, EV_RESOLVED]);
    // The grid learned twice: the failed mediation, then the satisfying judgement.
    expect(afterMediation.w.experience[CH_COURT]).toBeCloseTo(0.475 + 0.05 * 0.525, 6);
    const accepts = judged([0.7, 0.1]);
    expect(accepts.w.cases.cols.status[accepts.row]).toBe(ST_FREE);
    expect(accepts.w.today.resolved).toBe(1);
  });
});

describe('handling: waiting and patience', () => {
  /** A case waiting behind a busy slot at `kind`, its patience run out today. */
  function impatient(kind: number, over: Parameters<typeof quietWorld>[0], draws: number[]) {
    const w = staffed(over);
    w.streams.service = scripted([0.99]); // the case ahead is served for a long time
    w.streams.patience = scripted([0]); // the waiting citizen's patience: one day
    const ahead = openCase(w, 20, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    const row = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    if (kind === CH_PET_TOWN || kind === CH_PET_COUNTY) {
      enterPetition(w, ahead, kind === CH_PET_COUNTY);
      enterPetition(w, row, kind === CH_PET_COUNTY);
    } else {
      sendTo(w, ahead, kind);
      sendTo(w, row, kind);
    }
    const k = w.cases.cols;
    expect(k.status[row]).toBe(ST_WAITING);
    expect(k.due[row]).toBeLessThan(k.due[ahead]); // patience runs out before the first case is served
    w.day = k.due[row];
    const choice = scripted(draws);
    w.streams.choice = choice;
    handlingStep(w);
    return { w, row, choice };
  }
  const withPatience = (referral: boolean) => ({ grandMediation: { referral } });

  it('a waiting case escalates when its citizen’s patience runs out: up one level under grand mediation', () => {
    const { w, row } = impatient(CH_GRID, withPatience(true), []);
    const k = w.cases.cols;
    expect(k.channel[row]).toBe(CH_VILLAGE);
    expect(w.resolvers.len[w.resolvers.base[CH_GRID]]).toBe(0);
    expect(w.totals.queued).toBe(0);
    expect(events(w, row)).toEqual([EV_OPENED, EV_ESCALATED, EV_REFERRED]);
  });

  it('without grand mediation an impatient citizen petitions with probability escalateToPetition, else chooses again', () => {
    const pet = impatient(CH_GRID, withPatience(false), [0.5 - 1e-9, 0.9]);
    expect(pet.w.cases.cols.channel[pet.row]).toBe(CH_PET_TOWN);
    expect(pet.w.cases.cols.attempts[pet.row]).toBe(1);
    const over = impatient(CH_GRID, withPatience(false), [0.1, 0.1]);
    expect(over.w.cases.cols.channel[over.row]).toBe(CH_PET_COUNTY);
    const again = impatient(CH_GRID, withPatience(false), [0.5, 0]);
    expect(again.w.cases.cols.attempts[again.row]).toBe(1);
    expect(again.w.cases.cols.channel[again.row]).toBe(CH_NEGOTIATE); // re-chose (u = 0: the first option)
  });

  it('an impatient town petitioner goes to the county office without a draw; a county one chooses again', () => {
    const town = impatient(CH_PET_TOWN, withPatience(false), [0.9]);
    expect(town.w.cases.cols.channel[town.row]).toBe(CH_PET_COUNTY);
    expect(town.w.cases.cols.attempts[town.row]).toBe(1);
    expect(town.choice.drawn).toBe(0);
    const county = impatient(CH_PET_COUNTY, withPatience(false), [0]);
    expect(county.choice.drawn).toBe(1); // the re-choice's draw only
    expect(county.w.cases.cols.attempts[county.row]).toBe(1);
    expect(county.w.cases.cols.channel[county.row]).toBe(CH_NEGOTIATE);
  });
});

describe('handling: first contact and the calendar', () => {
  function firstContact(over: Parameters<typeof quietWorld>[0], platform: number, u: number, type = TYPE_NEIGHBOUR, own = 0.9999) {
    const w = staffed({ smartPlatform: { gridDiscovery: 0.8 }, ...over });
    w.platform = platform;
    const fc = scripted([0, u]); // no delay; then the discovery draw
    w.streams.firstContact = fc;
    const choice = scripted([own]); // a citizen's own choice (0.9999: give up)
    w.streams.choice = choice;
    const row = openDispute(w, CIT, 1, type, 0, 0.3, 0);
    handlingStep(w);
    return { w, row, fc, choice };
  }

  it('with the smart platform a grid worker reaches the dispute first with probability gridDiscovery x roll-out', () => {
    const hit = firstContact({}, 0.5, 0.4 - 1e-9);
    expect(hit.w.cases.cols.first[hit.row]).toBe(CH_GRID);
    expect(hit.choice.drawn).toBe(0);
    const land = firstContact({}, 1, 0, TYPE_LAND); // grid fit 0.6 = takeFit: taken
    expect(land.w.cases.cols.first[land.row]).toBe(CH_GRID);
    // A citizen's first choice excludes no channel: u = 0 takes the first channel offered.
    const gridOnly = { negotiate: 0, grid: 1, village: 0, ngo: 0, town: 0, police: 0, court: 0, petition: 1, giveUp: 1 };
    const own = firstContact({ handling: { choice: gridOnly } }, 0, 0, TYPE_NEIGHBOUR, 0);
    expect(own.w.cases.cols.first[own.row]).toBe(CH_GRID);
    const miss = firstContact({}, 0.5, 0.4);
    expect(miss.choice.drawn).toBe(1);
    expect(miss.w.today.abandoned).toBe(1);
  });

  it('no discovery draw without the platform, for a case grid mediation does not take, or with no grid worker', () => {
    expect(firstContact({}, 0, 0).fc.drawn).toBe(1);
    expect(firstContact({ smartPlatform: { gridDiscovery: 0 } }, 1, 0).fc.drawn).toBe(1);
    const admin = firstContact({}, 1, 0, TYPE_ADMINISTRATIVE);
    expect(admin.fc.drawn).toBe(1);
    expect(admin.choice.drawn).toBe(1);
    const w = staffed({ smartPlatform: { gridDiscovery: 0.8 } });
    staff(w, CH_GRID, 0);
    w.platform = 1;
    const fc = scripted([0, 0]);
    w.streams.firstContact = fc;
    w.streams.choice = scripted([0.9999]);
    openDispute(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    handlingStep(w);
    expect(fc.drawn).toBe(1);
  });

  it('a first contact is handled even when its day has passed; other events only on their due day', () => {
    const w = staffed();
    w.streams.firstContact = scripted([0]);
    w.streams.choice = scripted([0.9999]);
    const row = openDispute(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    w.day = 3;
    handlingStep(w);
    expect(w.cases.cols.status[row]).toBe(ST_FREE);
    const served = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    sendTo(w, served, CH_VILLAGE);
    w.day = w.cases.cols.due[served] + 1;
    handlingStep(w);
    expect(w.cases.cols.status[served]).toBe(ST_SERVING);
  });

  it('ignores an event whose case row was closed and reused by another case', () => {
    const w = staffed();
    w.streams.firstContact = scripted([0]);
    const a = openDispute(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    closeCase(w, a, false);
    const b = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    expect(b).toBe(a);
    handlingStep(w);
    expect(w.cases.cols.status[b]).toBe(ST_PENDING);
  });

  it('a petition office’s service end is the petition regime’s (petitions.ts)', () => {
    for (const county of [false, true]) {
      const w = staffed({ petitions: { regime: 'stability-first', solveStabilityFirst: 1 } });
      const row = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
      enterPetition(w, row, county);
      expect(w.cases.cols.status[row]).toBe(ST_SERVING);
      w.day = w.cases.cols.due[row];
      w.streams.outcome = scripted([0.5]); // a mediation end (skill 0 at a petition office) would fail
      handlingStep(w);
      expect(w.cases.cols.status[row]).toBe(ST_FREE);
      expect(w.today.resolved).toBe(1); // the office solved it (solve probability 1)
    }
  });

  it('acts on an event only in the status it was meant for', () => {
    const w = staffed();
    const k = w.cases.cols;
    const row = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
    const choice = scripted([0.9999]);
    w.streams.choice = choice;
    // A pending case: service end, patience and repeat events are stale.
    for (const kind of [K_SERVICE_END, K_PATIENCE, K_REPEAT]) w.cal.schedule(0, eventCode(kind, k.id[row]), row);
    handlingStep(w);
    expect(k.status[row]).toBe(ST_PENDING);
    expect(choice.drawn).toBe(0);
    // A serving case: first contact is stale.
    sendTo(w, row, CH_VILLAGE);
    k.due[row] = 0;
    w.cal.schedule(0, eventCode(K_FIRST_CONTACT, k.id[row]), row);
    w.cal.schedule(0, eventCode(K_PATIENCE, k.id[row]), row);
    handlingStep(w);
    expect(k.status[row]).toBe(ST_SERVING);
    expect(choice.drawn).toBe(0);
  });

  it('a returned petitioner comes back to the office of its level; releases and project approvals are run', () => {
    const w = staffed();
    const k = w.cases.cols;
    for (const [level, office] of [[3, CH_PET_COUNTY], [2, CH_PET_TOWN]]) {
      const row = openCase(w, CIT, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
      k.status[row] = ST_DELAYED;
      k.level[row] = level;
      w.cal.schedule(0, eventCode(K_REPEAT, k.id[row]), row);
      handlingStep(w);
      expect(k.channel[row]).toBe(office);
    }
    detain(w, 30);
    w.day = w.params.enforcement.detentionDays;
    handlingStep(w);
    expect(w.citizens.state[30]).not.toBe(CIT_DETAINED);
    w.projects.risk.push(0.2);
    w.projects.size.push(10);
    w.projects.village.push(1);
    w.cal.schedule(w.day, eventCode(K_PROJECT, 0), 0);
    handlingStep(w);
    expect(w.totals.projectsApproved).toBe(1);
  });
});

/*
 * The citizen's choice of channel (handling.ts `choose`): each option's weight is the product of the
 * header's factors, so a draw u picks option o exactly when u x total falls in o's stretch of the
 * cumulative weights. The tests compute the weights from the documented formula and probe both ends of
 * every stretch.
 */
const PETITION = 9;
const GIVE_UP = 10;

interface Scene {
  type: number;
  sev: number;
  over?: Parameters<typeof quietWorld>[0];
  unstaffed?: number[];
  /** Slots, busy and queue length of the instance of a channel serving grid 0. */
  queue?: Record<number, [number, number, number]>;
  experience?: Record<number, number>;
}

/** A world with citizen CIT's traits set and every channel staffed (the scene's queues applied). */
function build(s: Scene): { w: World; row: number } {
  const w = quietWorld({ smartPlatform: { gridDiscovery: 0 }, ...s.over });
  for (let kind = 1; kind < CHANNELS; kind++) staff(w, kind, 1);
  for (const kind of s.unstaffed ?? []) staff(w, kind, 0);
  const r = w.resolvers;
  for (const [kind, [slots, busy, len]] of Object.entries(s.queue ?? {})) {
    const inst = r.base[Number(kind)];
    r.slots[inst] = slots;
    r.busy[inst] = busy;
    r.len[inst] = len;
  }
  for (const [kind, e] of Object.entries(s.experience ?? {})) w.experience[Number(kind)] = e;
  const c = w.citizens;
  c.ties[CIT] = 153; // 0.6
  c.riskAversion[CIT] = 51; // 0.2
  c.awareness[CIT] = 204; // 0.8
  w.totals.sumLegitimacy += 0.5 - c.legitimacy[CIT];
  c.legitimacy[CIT] = 0.5;
  const row = openCase(w, CIT, 1, s.type, 0, s.sev, 0);
  return { w, row };
}

/** The weights of the header's formula, computed independently of handling.ts. */
function expectedWeights(w: World, s: Scene, rechoice: boolean, exclude: number): number[] {
  const p = w.params;
  const h = p.handling;
  const ch = h.choice;
  const fit = FIT[s.type];
  const ties = 0.6;
  const R = 0.2;
  const aware = 0.8;
  const L = 0.5;
  const trust = 1 - h.trustWeight + h.trustWeight * L;
  const E = (kind: number) => 1 - h.experienceWeight + 2 * h.experienceWeight * (s.experience?.[kind] ?? 0.5);
  const Q = (kind: number) => {
    const [slots, busy, len] = s.queue?.[kind] ?? [1, 0, 0];
    const ahead = len + 1 - (slots - busy);
    // Service days stretched as the channel's whole slots are (resolvers.ts slotsPerResident).
    return ahead <= 0 ? 1 : 1 / (1 + (h.waitWeight * (ahead / slots) * serviceDays(p, kind) * w.resolvers.stretch[kind]) / h.patienceDays);
  };
  const offered = (kind: number) => !(s.unstaffed ?? []).includes(kind);
  const mediates = (kind: number) => offered(kind) && fit[kind] >= h.takeFit;
  const wt = new Array(11).fill(0);
  wt[CH_NEGOTIATE] = ch.negotiate * (0.5 + ties) * fit[CH_NEGOTIATE] * E(CH_NEGOTIATE);
  if (mediates(CH_GRID)) wt[CH_GRID] = ch.grid * (0.5 + ties) * trust * fit[CH_GRID] * E(CH_GRID) * Q(CH_GRID);
  if (mediates(CH_VILLAGE)) wt[CH_VILLAGE] = ch.village * trust * fit[CH_VILLAGE] * E(CH_VILLAGE) * Q(CH_VILLAGE);
  if (mediates(CH_NGO)) wt[CH_NGO] = ch.ngo * (0.5 + ties) * fit[CH_NGO] * E(CH_NGO) * Q(CH_NGO);
  if (offered(CH_TOWN)) wt[CH_TOWN] = ch.town * trust * fit[CH_TOWN] * (0.5 + s.sev) * E(CH_TOWN) * Q(CH_TOWN);
  if (offered(CH_POLICE)) wt[CH_POLICE] = ch.police * trust * fit[CH_POLICE] * E(CH_POLICE) * Q(CH_POLICE);
  if (offered(CH_COURT)) wt[CH_COURT] = ch.court * 2 * aware * trust * fit[CH_COURT] * (0.5 + s.sev) * E(CH_COURT) * Q(CH_COURT);
  if (offered(CH_PET_TOWN)) {
    let wp = ch.petition * 2 * (1 - L) * fit[CH_PET_TOWN] * (0.5 + s.sev) * E(CH_PET_TOWN) * Q(CH_PET_TOWN);
    if (rechoice) wp *= h.rechoosePetitionBoost;
    if (p.petitions.regime === 'suppression') wp *= 1 - p.enforcement.coercion;
    wt[PETITION] = wp;
  }
  wt[GIVE_UP] = ch.giveUp * 2 * R;
  if (exclude >= 0 && exclude < CHANNELS) wt[exclude] = 0;
  if (exclude === CH_PET_TOWN || exclude === CH_PET_COUNTY) wt[PETITION] = 0;
  return wt;
}

/** The option a choice with draw u makes (negotiation succeeds; a petition goes to the town office). */
function chosen(s: Scene, u: number, rechoice: boolean, exclude: number): number {
  const { w, row } = build(s);
  w.streams.choice = scripted([u, 0.999]);
  w.streams.outcome = scripted([0]);
  choose(w, row, exclude, rechoice);
  const first = w.cases.cols.first[row];
  if (first === FIRST_NONE) {
    expect(w.today.abandoned).toBe(1);
    return GIVE_UP;
  }
  return first === CH_PET_TOWN ? PETITION : first;
}

/** Probe both ends of every option's stretch of the cumulative weights. */
function probe(s: Scene, rechoice = false, exclude = -1): number[] {
  const wt = expectedWeights(build(s).w, s, rechoice, exclude);
  const total = wt.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (let o = 0; o < 11; o++) {
    if (wt[o] > 0) {
      const lo = cum / total;
      const hi = (cum + wt[o]) / total;
      const eps = (hi - lo) * 1e-6;
      expect([o, chosen(s, lo + eps, rechoice, exclude)]).toEqual([o, o]);
      expect([o, chosen(s, hi - eps, rechoice, exclude)]).toEqual([o, o]);
    }
    cum += wt[o];
  }
  return wt;
}

describe('channel choice (weights of the documented formula)', () => {
  it('weighs every channel by preference, ties, trust, fit, severity, awareness, experience and expected wait', () => {
    const wt = probe({
      type: TYPE_LAND, // grid fit 0.6 = takeFit: still taken
      sev: 0.4,
      queue: { [CH_VILLAGE]: [2, 2, 3], [CH_COURT]: [3, 1, 4], [CH_PET_TOWN]: [2, 2, 0], [CH_NGO]: [1, 0, 1], [CH_POLICE]: [1, 1, 0], [CH_TOWN]: [3, 0, 0] },
      experience: { [CH_NEGOTIATE]: 0.7, [CH_GRID]: 0.9, [CH_VILLAGE]: 0.3, [CH_TOWN]: 0.6 },
    });
    for (let o = 0; o < 11; o++) if (o !== CH_PET_COUNTY && o !== CH_PET_TOWN) expect([o, wt[o] > 0]).toEqual([o, true]);
  });

  it('the expected wait and the grid’s experience lower a channel’s choice weight', () => {
    // Village: 2 slots busy, 3 waiting: 4 cases ahead over 2 slots x 7 days = 14 days, Q = 1 / (1 + 14/60);
    // experience 0.3: E = 1 - 0.5 + 2 x 0.5 x 0.3 = 0.8.
    const s: Scene = { type: TYPE_LAND, sev: 0.4, queue: { [CH_VILLAGE]: [2, 2, 3] }, experience: { [CH_VILLAGE]: 0.3 } };
    const plain: Scene = { type: TYPE_LAND, sev: 0.4 };
    const a = expectedWeights(build(s).w, s, false, -1);
    const b = expectedWeights(build(plain).w, plain, false, -1);
    const stretch = build(s).w.resolvers.stretch[CH_VILLAGE];
    expect(a[CH_VILLAGE] / b[CH_VILLAGE]).toBeCloseTo(0.8 / (1 + (14 * stretch) / 60), 12);
    probe(s);
  });

  it('weighs by the fit of the dispute type (environment: NGO fit 0.6 = takeFit, village 0.9, town 0.8)', () => {
    const wt = probe({ type: TYPE_ENVIRONMENT, sev: 0.2 });
    expect(wt[CH_NGO]).toBeGreaterThan(0);
  });

  it('does not offer an unstaffed town office, court or petition office', () => {
    const wt = probe({ type: TYPE_NEIGHBOUR, sev: 0.2, unstaffed: [CH_TOWN, CH_COURT, CH_PET_TOWN] });
    expect([wt[CH_TOWN], wt[CH_COURT], wt[PETITION]]).toEqual([0, 0, 0]);
  });

  it('mediation levels do not take a case whose fit is below takeFit; unstaffed channels are not offered', () => {
    const wt = probe({ type: TYPE_ADMINISTRATIVE, sev: 0.2, unstaffed: [CH_POLICE] });
    expect([wt[CH_GRID], wt[CH_VILLAGE], wt[CH_NGO], wt[CH_POLICE]]).toEqual([0, 0, 0, 0]);
    expect(wt[CH_TOWN]).toBeGreaterThan(0);
  });

  it('a re-choice excludes the failed channel and weighs petitions up; suppression weighs them down', () => {
    probe({ type: TYPE_LAND, sev: 0.7 }, true, CH_VILLAGE);
    probe({ type: TYPE_LAND, sev: 0.7, over: { petitions: { regime: 'suppression' }, enforcement: { coercion: 0.4 } } }, true, CH_GRID);
    const wt = probe({ type: TYPE_LAND, sev: 0.7 }, true, CH_PET_TOWN);
    expect(wt[PETITION]).toBe(0);
    expect(probe({ type: TYPE_LAND, sev: 0.7 }, true, CH_PET_COUNTY)[PETITION]).toBe(0);
  });

  it('a draw of 0 takes the first option of positive weight, never an excluded one', () => {
    const s: Scene = { type: TYPE_LAND, sev: 0.3 };
    expect(chosen(s, 0, true, CH_NEGOTIATE)).toBe(CH_GRID);
    expect(chosen({ ...s, unstaffed: [CH_GRID] }, 0, true, CH_NEGOTIATE)).toBe(CH_VILLAGE);
  });

  it('with every weight zero the case is given up without a draw', () => {
    const none = { negotiate: 0, grid: 0, village: 0, ngo: 0, town: 0, police: 0, court: 0, petition: 0, giveUp: 0 };
    const { w, row } = build({ type: TYPE_LAND, sev: 0.3, over: { handling: { choice: none } } });
    const s = scripted([0.5]);
    w.streams.choice = s;
    choose(w, row, -1, false);
    expect(s.drawn).toBe(0);
    expect(w.today.abandoned).toBe(1);
    expect(w.cases.cols.first[row]).toBe(FIRST_NONE);
  });

  it('petitioning picks the county office with probability overLevelProbability', () => {
    const s: Scene = { type: TYPE_LAND, sev: 0.3, over: { handling: { choice: { negotiate: 0, grid: 0, village: 0, ngo: 0, town: 0, police: 0, court: 0, petition: 1, giveUp: 0 } } } };
    const at = (u: number) => {
      const { w, row } = build(s);
      w.streams.choice = scripted([0.5, u]);
      choose(w, row, -1, false);
      return w.cases.cols.first[row];
    };
    expect(at(0.2 - 1e-9)).toBe(CH_PET_COUNTY);
    expect(at(0.2)).toBe(CH_PET_TOWN);
  });
});
