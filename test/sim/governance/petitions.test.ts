import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { scripted } from './scripted';
import {
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_POLICE,
  CH_TOWN,
  CH_VILLAGE,
  CHANNELS,
  CIT_ACTIVE,
  CIT_DETAINED,
  CIT_DISPUTE,
  CIT_PETITIONING,
  CIT_QUIET,
  EV_REFERRED,
  FLAG_ONLINE,
  FLAG_OVER_LEVEL,
  FLAG_PETITIONED,
  FLAG_PROJECT,
  LEVEL_COUNTY,
  LEVEL_TOWN,
  ST_DELAYED,
  ST_FREE,
  TYPE_ADMINISTRATIVE,
  TYPE_LAND,
  TYPE_NEIGHBOUR,
} from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import { enterPetition, onlineShare, petitionEnd, solvingChannel } from '../../../sim/governance/petitions';
import { grievanceOf } from '../../../sim/governance/citizen';
import { encounterDelta } from '../../../sim/governance/legitimacy';
import { fairnessOf } from '../../../sim/governance/resolvers';
import { gridOf } from '../../../sim/governance/hierarchy';
import { handlingStep } from '../../../sim/governance/handling';
import type { GovernanceParams } from '../../../sim/governance/params';

type PetitionOver = Partial<GovernanceParams['petitions']>;

function petition(over: PetitionOver) {
  // A staffed town office (the small town's default share of one would round to none).
  const w = smallWorld({ petitions: { staffPer100k: 1000, ...over }, mediation: { town: { staffPer1000: 2 } }, output: { caseLog: true } });
  const row = openCase(w, 7, 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
  enterPetition(w, row, false);
  petitionEnd(w, row);
  return { w, row, k: w.cases.cols };
}

// These tests drive one petition within a day: its counts are the day's (w.today), not yet in the totals.
describe('petition regimes', () => {
  it('suppression: intercepted, never solved, grievance worse', () => {
    const { w, k, row } = petition({ regime: 'suppression', suppressionDetention: 1 });
    expect(k.status[row]).toBe(ST_FREE);
    expect(w.today.resolved).toBe(0);
    expect(w.today.abandoned).toBe(1);
    expect(w.today.detained).toBe(1);
  });

  it('stability-first: returned, comes back over level as a repeat petition', () => {
    const { w, k, row } = petition({ regime: 'stability-first', solveStabilityFirst: 0, repeatProbability: 1, overLevelProbability: 1, repeatDelayDays: 3 });
    expect(k.status[row]).toBe(ST_DELAYED);
    expect(k.level[row]).toBe(LEVEL_COUNTY);
    w.day += 3;
    handlingStep(w);
    expect(k.channel[row]).toBe(CH_PET_COUNTY);
    expect(w.today.petitionsFirst).toBe(1);
    expect(w.today.petitionsRepeat).toBe(1);
    expect(w.today.petitionsOverLevel).toBe(1);
  });

  it('stability-first with solve probability 1 solves; with 0 and no repeats gives up', () => {
    expect(petition({ regime: 'stability-first', solveStabilityFirst: 1 }).w.today.resolved).toBe(1);
    const none = petition({ regime: 'stability-first', solveStabilityFirst: 0, repeatProbability: 0 });
    expect(none.w.today.resolved).toBe(0);
    expect(none.w.today.abandoned).toBe(1);
  });

  it('reformed: a reasonable appeal goes to the channel that can solve it, with a referral event', () => {
    const { w, k, row } = petition({ regime: 'reformed', reasonableShare: 1, illegalShare: 0 });
    expect(k.channel[row]).toBe(CH_TOWN); // administrative disputes fit the town's administrative mediation best
    const log = w.log!;
    expect(log.cols.event[log.length - 1]).toBe(EV_REFERRED);
  });

  it('reformed: illegal acts go to the police; unreasonable appeals are explained', () => {
    expect(petition({ regime: 'reformed', illegalShare: 1 }).k.channel[0]).toBe(CH_POLICE);
    const explained = petition({ regime: 'reformed', reasonableShare: 0, illegalShare: 0, explanationAccepted: 1 });
    expect(explained.w.today.resolved).toBe(1);
  });
});

describe('petition reform as an event', () => {
  it('switches a stability-first office to the reformed regime from reformAtDay', () => {
    const w = smallWorld({
      petitions: { regime: 'stability-first', reformAtDay: 10, staffPer100k: 1000, reasonableShare: 1, illegalShare: 0, solveStabilityFirst: 0, repeatProbability: 0 },
      mediation: { town: { staffPer1000: 2 } },
    });
    const before = openCase(w, 7, 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
    enterPetition(w, before, false);
    petitionEnd(w, before);
    expect(w.today.abandoned).toBe(1); // day 0: returned, gives up
    w.day = 10;
    const after = openCase(w, 8, 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
    enterPetition(w, after, false);
    petitionEnd(w, after);
    expect(w.cases.cols.channel[after]).toBe(CH_TOWN); // routed to the channel that can solve it
  });
});

/**
 * A staffed town office with one petition entered by citizen 7 (or a group of `size` from 7) and its
 * 'petitions' draws scripted: first the online draw of entry, then the regime's draws at the end.
 */
function office(over: PetitionOver, draws: number[], opts: { size?: number; county?: boolean; end?: boolean; service?: number } = {}) {
  const w = smallWorld({
    petitions: { staffPer100k: 1000, onlineShare: 0.2, onlineGrowthPerYear: 0, ...over },
    mediation: { town: { staffPer1000: 2 } },
    legitimacy: { spreadProbability: 0 },
  });
  const row = openCase(w, 7, opts.size ?? 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
  const s = scripted(draws);
  w.streams.petitions = s;
  if (opts.service !== undefined) w.streams.service = scripted([opts.service]);
  enterPetition(w, row, opts.county ?? false);
  if (opts.end !== false) petitionEnd(w, row);
  return { w, row, k: w.cases.cols, s };
}

describe('petition offices', () => {
  it('the online share grows by onlineGrowthPerYear and stays in [0, 1]', () => {
    const w = smallWorld({ petitions: { onlineShare: 0.2, onlineGrowthPerYear: 0.1 } });
    w.day = 730;
    expect(onlineShare(w)).toBeCloseTo(0.4, 12);
    w.params.petitions.onlineGrowthPerYear = 0.5;
    expect(onlineShare(w)).toBe(1);
    w.params.petitions.onlineGrowthPerYear = -0.5;
    expect(onlineShare(w)).toBe(0);
  });

  it('a petition is filed online when its draw is below the online share, and counted', () => {
    const on = office({}, [0.19], { end: false });
    expect(on.k.flags[on.row] & FLAG_ONLINE).toBe(FLAG_ONLINE);
    expect(on.w.today.petitionsOnline).toBe(1);
    const off = office({}, [0.2], { end: false });
    expect(off.k.flags[off.row] & FLAG_ONLINE).toBe(0);
    expect(off.w.today.petitionsOnline).toBe(0);
  });

  it('online petitions take onlineServiceFactor of the time (and of the staff hours)', () => {
    // The same service draw for both; only the online flag (draw 0.1 or 0.9 against share 0.2) differs.
    const take = (u: number) => {
      const { w, k, row } = office({ onlineServiceFactor: 0.25, serviceDays: 40 }, [u], { end: false, service: 0.5 });
      return { days: k.due[row] - w.day, cost: k.cost[row] };
    };
    const online = take(0.1);
    const visit = take(0.9);
    expect(online.cost).toBeCloseTo(visit.cost * 0.25, 10);
    // 1 + floor(-ln(0.5) x (mean - 0.5)), mean = 40 x (0.5 + 0.4) = 36 at the office, 9 online
    expect(visit.days).toBe(1 + Math.floor(Math.log(2) * 35.5));
    expect(online.days).toBe(1 + Math.floor(Math.log(2) * 8.5));
  });

  it('counts the first and each repeat petition, per year, and marks the citizen as petitioning', () => {
    const { w, k, row } = office({}, [0.5], { end: false });
    expect(w.today.petitionsFirst).toBe(1);
    expect(w.today.petitionsRepeat).toBe(0);
    expect(w.totals.petitions).toBe(1);
    expect(k.petitions[row]).toBe(1);
    expect(k.channel[row]).toBe(CH_PET_TOWN);
    expect(k.flags[row] & FLAG_PETITIONED).toBe(FLAG_PETITIONED);
    expect(k.flags[row] & FLAG_OVER_LEVEL).toBe(0);
    expect(w.citizens.state[7]).toBe(CIT_PETITIONING);
    w.day = 400;
    w.streams.petitions = scripted([0.5]);
    petitionEnd(w, row);
    w.streams.petitions = scripted([0.5]);
    k.petitions[row] = 255;
    enterPetition(w, row, true);
    expect(k.petitions[row]).toBe(255); // capped
    expect(w.today.petitionsRepeat).toBe(1);
    expect(w.today.petitionsOverLevel).toBe(1);
    expect(k.flags[row] & FLAG_OVER_LEVEL).toBe(FLAG_OVER_LEVEL);
    expect(k.channel[row]).toBe(CH_PET_COUNTY);
    expect(w.petitionsByYear).toEqual([1, 1]);
  });

  it('a group petition leaves its members’ states alone', () => {
    const { w } = office({}, [0.5], { size: 3, end: false });
    expect(w.citizens.state[7]).not.toBe(CIT_PETITIONING);
  });

  it('an office with no staff closes the petition unresolved', () => {
    const w = smallWorld({ petitions: { staffPer100k: 0 }, mediation: { town: { staffPer1000: 2 } } });
    const row = openCase(w, 7, 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
    enterPetition(w, row, false);
    expect(w.today.abandoned).toBe(1);
    expect(w.cases.cols.status[row]).toBe(ST_FREE);
  });

  it('interception costs official person-days (suppression and stability-first), reform does not', () => {
    const sup = office({ regime: 'suppression', interceptionDays: 3, suppressionDetention: 0 }, [0.5, 0.5]);
    expect(sup.w.today.officialPersonDays).toBe(3);
    const sf = office({ regime: 'stability-first', interceptionDays: 2, solveStabilityFirst: 0, repeatProbability: 0 }, [0.5, 0.5, 0.5]);
    expect(sf.w.today.officialPersonDays).toBe(2);
    const ref = office({ regime: 'reformed', interceptionDays: 2, illegalShare: 1 }, [0.5, 0.5]);
    expect(ref.w.today.officialPersonDays).toBe(0);
  });

  it('suppression: a coercive encounter, detention below suppressionDetention, grievance + severity x weight for every member', () => {
    const { w, s } = office({ regime: 'suppression', suppressionDetention: 0.3, suppressionWeight: 2 }, [0.5, 0.29], { size: 3 });
    expect(s.left()).toBe(0);
    expect(w.today.detained).toBe(1);
    // Against the same petition with suppressionWeight 0 (closing it unresolved adds the same in both):
    const plain = office({ regime: 'suppression', suppressionDetention: 0.3, suppressionWeight: 0 }, [0.5, 0.29], { size: 3 });
    for (const i of [7, 8, 9]) expect(grievanceOf(w, i) - grievanceOf(plain.w, i)).toBeCloseTo(0.4 * 2, 6);
    expect(grievanceOf(w, 10)).toBe(grievanceOf(plain.w, 10));
    const none = office({ regime: 'suppression', suppressionDetention: 0.3 }, [0.5, 0.3]);
    expect(none.w.today.detained).toBe(0);
  });

  it('suppression and stability-first move legitimacy toward the coerced fairness (an unsolved return also by outcomeWeight)', () => {
    const fair = (w: ReturnType<typeof smallWorld>) => fairnessOf(w.params, CH_PET_TOWN);
    const sup = office({ regime: 'suppression', suppressionDetention: 0 }, [0.5, 0.5]);
    const p = sup.w.params.legitimacy;
    const l0 = smallWorld().citizens.legitimacy[7];
    expect(sup.w.citizens.legitimacy[7]).toBeCloseTo(l0 + encounterDelta(l0, fair(sup.w), p.learningRate, p.asymmetry), 6);
    const ret = office({ regime: 'stability-first', solveStabilityFirst: 0, repeatProbability: 0 }, [0.5, 0.5, 0.5]);
    const f = fair(ret.w) * (1 - p.outcomeWeight);
    expect(ret.w.citizens.legitimacy[7]).toBeCloseTo(l0 + encounterDelta(l0, f, p.learningRate, p.asymmetry), 6);
    const solved = office({ regime: 'stability-first', solveStabilityFirst: 0.5 }, [0.5, 0.49]);
    expect(solved.w.citizens.legitimacy[7]).toBeCloseTo(l0 + encounterDelta(l0, fair(solved.w), p.learningRate, p.asymmetry), 6);
    expect(solved.w.totals.succeeded[CH_PET_TOWN]).toBe(1);
    expect(solved.w.today.resolved).toBe(1);
  });

  it('stability-first: solved with probability solveStabilityFirst', () => {
    expect(office({ regime: 'stability-first', solveStabilityFirst: 0.5 }, [0.5, 0.49]).w.today.resolved).toBe(1);
    const no = office({ regime: 'stability-first', solveStabilityFirst: 0.5, repeatProbability: 0 }, [0.5, 0.5, 0.5]);
    expect(no.w.today.resolved).toBe(0);
    expect(no.w.totals.succeeded[CH_PET_TOWN]).toBe(0);
  });

  it('stability-first: comes back after repeatDelayDays (at least 1) with repeatProbability, over level with overLevelProbability', () => {
    const over = { regime: 'stability-first' as const, solveStabilityFirst: 0, repeatProbability: 0.5, overLevelProbability: 0.3, repeatDelayDays: 1 };
    const town = office(over, [0.5, 0.9, 0.49, 0.3]);
    expect(town.s.left()).toBe(0);
    expect(town.k.status[town.row]).toBe(ST_DELAYED);
    expect(town.k.level[town.row]).toBe(LEVEL_TOWN);
    expect(town.k.due[town.row]).toBe(1);
    const county = office(over, [0.5, 0.9, 0.49, 0.29]);
    expect(county.k.level[county.row]).toBe(LEVEL_COUNTY);
    const gone = office(over, [0.5, 0.9, 0.5]);
    expect(gone.k.status[gone.row]).toBe(ST_FREE);
    expect(gone.w.today.abandoned).toBe(1);
    // At the county office there is no level above: no over-level draw.
    const atCounty = office(over, [0.5, 0.9, 0.1], { county: true });
    expect(atCounty.s.left()).toBe(0);
    expect(atCounty.k.level[atCounty.row]).toBe(LEVEL_COUNTY);
    const later = office({ ...over, repeatDelayDays: 5 }, [0.5, 0.9, 0.1, 0.9]);
    expect(later.k.due[later.row]).toBe(5);
  });

  it('reformed: illegal acts (x < illegalShare) to the police, reasonable appeals (up to illegal + reasonable) to a solving channel', () => {
    const shares = { regime: 'reformed' as const, illegalShare: 0.1, reasonableShare: 0.3 };
    expect(office(shares, [0.5, 0.09]).k.channel[0]).toBe(CH_POLICE);
    expect(office(shares, [0.5, 0.1]).k.channel[0]).toBe(CH_TOWN);
    expect(office(shares, [0.5, 0.39]).k.channel[0]).toBe(CH_TOWN);
    // 0.4: neither; explained (accepted: 0.1 < explanationAccepted)
    const explained = office({ ...shares, explanationAccepted: 0.5, assistanceHardship: 1 }, [0.5, 0.4, 0.1]);
    expect(explained.w.today.resolved).toBe(1);
    expect(explained.w.totals.succeeded[CH_PET_TOWN]).toBe(1);
  });

  it('reformed: a petitioner in hardship at or above assistanceHardship is assisted (solved, no draw)', () => {
    const w0 = smallWorld();
    const h = w0.citizens.hardship[7] / 255;
    const assisted = office({ regime: 'reformed', illegalShare: 0, reasonableShare: 0, assistanceHardship: h }, [0.5, 0.5]);
    expect(assisted.s.left()).toBe(0);
    expect(assisted.w.today.resolved).toBe(1);
    const not = office({ regime: 'reformed', illegalShare: 0, reasonableShare: 0, assistanceHardship: h + 0.01, explanationAccepted: 0, repeatProbability: 0 }, [0.5, 0.5, 0.5, 0.5]);
    expect(not.w.today.resolved).toBe(0);
  });

  it('reformed: an explanation not accepted comes back with repeatProbability x explainedRepeatFactor, at the same level', () => {
    const over = { regime: 'reformed' as const, illegalShare: 0, reasonableShare: 0, assistanceHardship: 1, explanationAccepted: 0.2, repeatProbability: 0.5, explainedRepeatFactor: 0.4 };
    const back = office(over, [0.5, 0.5, 0.2, 0.19]);
    expect(back.s.left()).toBe(0);
    expect(back.k.status[back.row]).toBe(ST_DELAYED);
    expect(back.k.level[back.row]).toBe(LEVEL_TOWN);
    const gone = office(over, [0.5, 0.5, 0.2, 0.2]);
    expect(gone.k.status[gone.row]).toBe(ST_FREE);
    expect(gone.w.today.abandoned).toBe(1);
    const county = office(over, [0.5, 0.5, 0.2, 0.1], { county: true });
    expect(county.k.level[county.row]).toBe(LEVEL_COUNTY);
  });

  it('reformed: a reasonable appeal with no staffed solving channel is explained instead', () => {
    const w = smallWorld({ mediation: { village: { staffed: false }, town: { staffed: false } }, court: { judgesPer100k: 0 } });
    expect(solvingChannel(w, TYPE_ADMINISTRATIVE, 0)).toBe(-1);
    const w2 = smallWorld({ mediation: { town: { staffPer1000: 2 } } });
    expect(solvingChannel(w2, TYPE_ADMINISTRATIVE, 0)).toBe(CH_TOWN);
    expect(solvingChannel(w2, TYPE_NEIGHBOUR, 0)).toBe(CH_VILLAGE);
  });

  it('the office learns: referral and assistance count as success for the grid, interception and explanation as failure', () => {
    const at = (w: ReturnType<typeof smallWorld>) => w.experience[gridOf(w.hierarchy, 7) * CHANNELS + CH_PET_TOWN];
    const base = at(smallWorld());
    expect(at(office({ regime: 'reformed', illegalShare: 1 }, [0.5, 0.5]).w)).toBeGreaterThan(base);
    expect(at(office({ regime: 'suppression', suppressionDetention: 0 }, [0.5, 0.5]).w)).toBeLessThan(base);
    const explained = office({ regime: 'reformed', illegalShare: 0, reasonableShare: 0, assistanceHardship: 1, explanationAccepted: 1 }, [0.5, 0.5, 0.5]);
    expect(at(explained.w)).toBeLessThan(base);
    expect(at(office({ regime: 'stability-first', solveStabilityFirst: 1 }, [0.5, 0.5]).w)).toBeGreaterThan(base);
  });
});

describe('petition offices: details', () => {
  it('a petition filed in person clears an earlier online flag and keeps the others', () => {
    const w = smallWorld({ petitions: { staffPer100k: 1000, onlineShare: 0.2 }, mediation: { town: { staffPer1000: 2 } } });
    const row = openCase(w, 7, 1, TYPE_ADMINISTRATIVE, 2, 0.4, FLAG_ONLINE | FLAG_PROJECT);
    w.streams.petitions = scripted([0.9]);
    enterPetition(w, row, false);
    expect(w.cases.cols.flags[row] & FLAG_ONLINE).toBe(0);
    expect(w.cases.cols.flags[row] & FLAG_PROJECT).toBe(FLAG_PROJECT);
  });

  it('only a quiet or disputing individual petitioner becomes petitioning (not an active or detained one)', () => {
    for (const [before, after] of [
      [CIT_QUIET, CIT_PETITIONING],
      [CIT_DISPUTE, CIT_PETITIONING],
      [CIT_ACTIVE, CIT_ACTIVE],
      [CIT_DETAINED, CIT_DETAINED],
    ]) {
      const w = smallWorld({ petitions: { staffPer100k: 1000, onlineShare: 0 }, mediation: { town: { staffPer1000: 2 } } });
      const row = openCase(w, 7, 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
      w.citizens.state[7] = before;
      enterPetition(w, row, false);
      expect(w.citizens.state[7]).toBe(after);
    }
  });

  it('on a tie in fit, the lower level solves the appeal (village before town)', () => {
    const w = smallWorld({ mediation: { town: { staffPer1000: 2 }, village: { staffed: true } } });
    expect(solvingChannel(w, TYPE_LAND, 0)).toBe(CH_VILLAGE); // land: village and town both fit 1.0
  });

  it('interception is charged to the case as well as to the day', () => {
    const cost = (interceptionDays: number) => {
      const o = office({ regime: 'stability-first', interceptionDays, solveStabilityFirst: 0, repeatProbability: 1, overLevelProbability: 0 }, [0.5, 0.5, 0.5, 0.5]);
      return o.k.cost[o.row];
    };
    expect(cost(3) - cost(0)).toBeCloseTo(3, 5); // a Float32 column
  });

  it('the petition leaves the office: its slot is released and the case holds none while it waits to come back', () => {
    const { w, k, row } = office({ regime: 'stability-first', solveStabilityFirst: 0, repeatProbability: 1, overLevelProbability: 0 }, [0.5, 0.5, 0.5, 0.5]);
    expect(k.inst[row]).toBe(-1);
    expect(w.resolvers.busyByChannel[CH_PET_TOWN]).toBe(0);
  });

  it('reformAtDay 0 reforms from the first day', () => {
    const { k, row } = office({ regime: 'stability-first', reformAtDay: 0, illegalShare: 1 }, [0.5, 0.5]);
    expect(k.channel[row]).toBe(CH_POLICE);
  });

  it('reformed: a reasonable appeal with no staffed solving channel is explained', () => {
    const w = smallWorld({
      petitions: { staffPer100k: 1000, onlineShare: 0, regime: 'reformed', illegalShare: 0, reasonableShare: 1, assistanceHardship: 1, explanationAccepted: 1 },
      mediation: { village: { staffed: false }, town: { staffed: false } },
      court: { judgesPer100k: 0 },
    });
    const row = openCase(w, 7, 1, TYPE_ADMINISTRATIVE, 2, 0.4, 0);
    w.streams.petitions = scripted([0.5, 0.5, 0.5]);
    enterPetition(w, row, false);
    petitionEnd(w, row);
    expect(w.today.resolved).toBe(1);
    expect(w.totals.succeeded[CH_PET_TOWN]).toBe(1);
  });

  it('reformed: referring a reasonable appeal counts as success in the grid’s experience', () => {
    const at = (w: ReturnType<typeof smallWorld>) => w.experience[gridOf(w.hierarchy, 7) * CHANNELS + CH_PET_TOWN];
    const base = at(smallWorld());
    const { w, k, row } = office({ regime: 'reformed', illegalShare: 0, reasonableShare: 1 }, [0.5, 0.5]);
    expect(k.channel[row]).toBe(CH_TOWN);
    expect(at(w)).toBeGreaterThan(base);
  });
});
