import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { CH_PET_COUNTY, CH_POLICE, CH_TOWN, EV_REFERRED, LEVEL_COUNTY, ST_DELAYED, ST_FREE, TYPE_ADMINISTRATIVE } from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import { enterPetition, petitionEnd } from '../../../sim/governance/petitions';
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
