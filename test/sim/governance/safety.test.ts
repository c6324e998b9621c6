import { describe, expect, it } from 'vitest';
import { smallModel, smallWorld } from './helpers';
import { scripted } from './scripted';
import { safetyStep } from '../../../sim/governance/safety';
import { encounterDelta } from '../../../sim/governance/legitimacy';
import { fairnessOf } from '../../../sim/governance/resolvers';
import { CH_POLICE } from '../../../sim/governance/codes';
import type { World } from '../../../sim/governance/world';

describe('public safety', () => {
  it('more police and the smart platform mean fewer crimes (same seed)', () => {
    const base = { population: { residents: 20000 }, safety: { crimesPer10kYear: 500 }, collectiveAction: { threshold: 1 } };
    const few = smallModel({ ...base, enforcement: { officersPer1000: 0.2 }, smartPlatform: { enabled: false } });
    const many = smallModel({ ...base, enforcement: { officersPer1000: 4 }, smartPlatform: { enabled: true, rampDays: 0 } });
    few.step(365);
    many.step(365);
    expect(many.w.totals.crimes).toBeLessThan(few.w.totals.crimes * 0.5);
    expect(few.w.totals.fraud).toBeGreaterThan(0);
    expect(few.w.totals.accidents).toBeGreaterThan(0);
  });

  it('counts crimes by year', () => {
    const m = smallModel({ safety: { crimesPer10kYear: 500 } });
    m.step(400);
    const byYear = m.summary().crimesByYear as number[];
    expect(byYear.length).toBe(2);
    expect(byYear[0] + byYear[1]).toBe(m.w.totals.crimes);
  });
});

/** 60 residents in 2 towns (0-29, 30-59) of 2 villages each; base rates 0.03 crimes and 0.003 accidents a day per town. */
function towns(safety: Record<string, number> = {}): World {
  const w = smallWorld({
    population: { residents: 60, townsPerCounty: 2, villagesPerTown: 2, gridsPerVillage: 3 },
    safety: { crimesPer10kYear: 3650, accidentsPer10kYear: 365, fraudShare: 0.2, policeEffect: 0.5, cooperationWeight: 0.5, patrolEffect: 0.01, trendPerYear: 0.1, ...safety },
    smartPlatform: { crimeReduction: 0.2, fraudReduction: 0.4 },
    legitimacy: { spreadProbability: 0, learningRate: 0.1, asymmetry: 2, outcomeWeight: 0.5 },
    ruleOfLaw: { baselineFairness: 0.8 },
    enforcement: { coercion: 0.25 },
  });
  w.citizens.legitimacy.fill(0.75);
  w.totals.sumLegitimacy = 0.75 * 60;
  w.legitimacyShift = 0;
  w.officersPer1000 = 2;
  w.platform = 0.5;
  w.villagePatrol.set([2, 1, 0, 0]);
  w.day = 365;
  w.crimesByYear.length = 0;
  w.crimesSinceSurvey = 0;
  return w;
}

const E = Math.exp(-1);

describe('public safety: rates', () => {
  it('crimes, fraud and accidents per town follow the rule: police x cooperation, patrols, platform and trend', () => {
    const w = towns();
    const s = scripted([], [0, 0, 0, 0, 0, 0]);
    w.streams.safety = s;
    safetyStep(w);
    // Police exp(-0.5 x 2 x 1) (mean legitimacy 0.75: full cooperation); town 0's 3 patrollers per 30
    // residents exp(-0.01 x 100); platform 0.5 x 0.2 off crimes, 0.5 x 0.4 off fraud, half of 0.1 off accidents; trend 1.1.
    const crimes0 = 0.03 * 0.8 * E * E * 0.9 * 1.1;
    const crimes1 = 0.03 * 0.8 * E * 0.9 * 1.1;
    const fraud = 0.03 * 0.2 * 0.8 * 1.1;
    const acc = 0.003 * 0.95 * 1.1;
    expect(s.lambdas).toEqual([crimes0, fraud, acc, crimes1, fraud, acc].map((x) => expect.closeTo(x, 12)));
  });

  it('cooperation with the police follows mean legitimacy: 1 - cw + cw x mean L / 0.75', () => {
    const w = towns({ patrolEffect: 0 });
    w.totals.sumLegitimacy = 0.375 * 60; // cooperation 0.75
    w.platform = 0;
    w.day = 0;
    const s = scripted([], [0, 0, 0, 0, 0, 0]);
    w.streams.safety = s;
    safetyStep(w);
    expect(s.lambdas[0]).toBeCloseTo(0.03 * 0.8 * Math.exp(-0.75), 12);
  });

  it('each crime and each fraud has a random victim in the town, who meets the police after a bad outcome', () => {
    const w = towns();
    // Town 0: 1 crime and 1 fraud (victims 5 and 6); town 1: 1 crime (victim 30 + 20)
    w.streams.safety = scripted([5.5 / 30, 6.5 / 30, 20.5 / 30], [1, 1, 4, 1, 0, 0]);
    safetyStep(w);
    const c = w.citizens;
    const f = fairnessOf(w.params, CH_POLICE) * 0.5;
    expect(f).toBeCloseTo(0.3, 12);
    const moved: number[] = [];
    for (let i = 0; i < 60; i++) if (c.legitimacy[i] !== 0.75) moved.push(i);
    expect(moved).toEqual([5, 6, 50]);
    for (const i of moved) {
      expect(c.legitimacy[i]).toBeCloseTo(0.75 + encounterDelta(0.75, f, 0.1, 2), 6);
      expect(c.victimDay[i]).toBe(366);
    }
    expect(c.victimDay[7]).toBe(0);
    expect(w.today.crimes).toBe(3);
    expect(w.today.fraud).toBe(1);
    expect(w.today.accidents).toBe(4);
    expect(w.crimesByYear).toEqual([0, 3]);
    expect(w.crimesSinceSurvey).toBe(3);
  });

  it('the victimisation day is capped at 65535', () => {
    const w = towns();
    w.day = 70000;
    w.streams.safety = scripted([0.1], [1, 0, 0, 0, 0, 0]);
    safetyStep(w);
    expect(w.citizens.victimDay[3]).toBe(65535);
  });
});
