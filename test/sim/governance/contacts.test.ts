import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { scripted } from './scripted';
import { contactsStep } from '../../../sim/governance/contacts';
import { encounterDelta } from '../../../sim/governance/legitimacy';
import { fairnessOf } from '../../../sim/governance/resolvers';
import { CH_GRID, CH_POLICE, CIT_DETAINED } from '../../../sim/governance/codes';
import type { World } from '../../../sim/governance/world';

/** 60 residents in 2 towns (0-29, 30-59) of 2 villages of 15 each. */
const TINY = { residents: 60, townsPerCounty: 2, villagesPerTown: 2, gridsPerVillage: 3 };

function town(over: { enforcement?: Record<string, number>; grid?: Record<string, unknown> } = {}): World {
  const w = smallWorld({
    population: TINY,
    enforcement: { contactsPerOfficerDay: 0.5, ...over.enforcement },
    mediation: { grid: { staffed: true, staffPer1000: 100, visitsPerDay: 0.2, fairness: 0.9, ...over.grid } },
    ruleOfLaw: { baselineFairness: 0.6 },
    legitimacy: { spreadProbability: 0, learningRate: 0.1, asymmetry: 2 },
  });
  w.citizens.legitimacy.fill(0.5);
  w.citizens.state.fill(0);
  w.villageDetained.fill(0);
  w.townDetained.fill(0);
  w.legitimacyShift = 0;
  w.officersPer1000 = 2;
  w.attention.fill(1);
  return w;
}

/** Citizens whose legitimacy moved, with the change. */
function moved(w: World): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < w.citizens.n; i++) if (w.citizens.legitimacy[i] !== 0.5) out.push([i, w.citizens.legitimacy[i] - 0.5]);
  return out;
}

describe('routine contacts', () => {
  it('routine police contacts scale with officers x contactsPerOfficerDay (per resident of each town)', () => {
    const w = town({ grid: { staffed: false } });
    const s = scripted([], [0, 0]);
    w.streams.contacts = s;
    contactsStep(w);
    // 2 officers per 1,000 x 0.5 contacts a day x 30 residents
    expect(s.lambdas).toEqual([0.03, 0.03].map((x) => expect.closeTo(x, 12)));
  });

  it('each police contact is an encounter of a random resident of the town at the police’s fairness', () => {
    const w = town({ grid: { staffed: false } });
    // Town 0: 2 contacts (residents 3 and 29); town 1: 1 contact (resident 30 + 12)
    w.streams.contacts = scripted([3.5 / 30, 29.5 / 30, 12.5 / 30], [2, 1]);
    contactsStep(w);
    const d = encounterDelta(0.5, fairnessOf(w.params, CH_POLICE), 0.1, 2);
    expect(d).not.toBe(0);
    expect(moved(w).map(([i]) => i)).toEqual([3, 29, 42]);
    for (const [, x] of moved(w)) expect(x).toBeCloseTo(d, 6);
  });

  it('no officers or no contacts per officer: no police contact and no draw', () => {
    const a = town({ grid: { staffed: false } });
    a.officersPer1000 = 0;
    a.streams.contacts = scripted([]);
    contactsStep(a);
    const b = town({ enforcement: { contactsPerOfficerDay: 0 }, grid: { staffed: false } });
    b.streams.contacts = scripted([]);
    contactsStep(b);
  });

  it('a detained resident has no routine contact (the draw is still made)', () => {
    const w = town({ grid: { staffed: false } });
    w.citizens.state[3] = CIT_DETAINED;
    w.townDetained[0] = 1; // as detain() counts it
    const s = scripted([3.5 / 30, 4.5 / 30], [2, 0]);
    w.streams.contacts = s;
    contactsStep(w);
    expect(moved(w).map(([i]) => i)).toEqual([4]);
    const g = town({ enforcement: { contactsPerOfficerDay: 0 } });
    g.citizens.state[3] = CIT_DETAINED;
    g.villageDetained[0] = 1;
    g.streams.contacts = scripted([3.5 / 15, 4.5 / 15], [2, 0, 0, 0]);
    contactsStep(g);
    expect(moved(g).map(([i]) => i)).toEqual([4]);
  });

  it('grid workers visit staffPer1000 / 1000 x visitsPerDay x attention households per resident of each village, at grid fairness', () => {
    const w = town({ enforcement: { contactsPerOfficerDay: 0 } });
    w.attention.set([1, 0.5, 2, 0]);
    // Village 1 (residents 15-29): one visit to 15 + 7.
    const s = scripted([7.5 / 15], [0, 1, 0, 0]);
    w.streams.contacts = s;
    contactsStep(w);
    // 100 / 1000 x 0.2 x 15 residents = 0.3, times attention
    expect(s.lambdas).toEqual([0.3, 0.15, 0.6, 0].map((x) => expect.closeTo(x, 12)));
    const d = encounterDelta(0.5, fairnessOf(w.params, CH_GRID), 0.1, 2);
    expect(moved(w)).toEqual([[22, expect.closeTo(d, 6)]]);
  });

  it('no grid visits where the grid level is not staffed', () => {
    const w = town({ enforcement: { contactsPerOfficerDay: 0 }, grid: { staffed: false } });
    w.streams.contacts = scripted([]);
    contactsStep(w);
    const z = town({ enforcement: { contactsPerOfficerDay: 0 }, grid: { visitsPerDay: 0 } });
    z.streams.contacts = scripted([]);
    contactsStep(z);
  });
});
