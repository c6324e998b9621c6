import { describe, expect, it } from 'vitest';
import { quietWorld, smallWorld } from './helpers';
import { PARTIES_CITIZEN, PARTIES_FIRM, PARTIES_GOVERNMENT, TEAM_COUNSELLING, TEAMS, TYPE_CONTRACTS } from '../../../sim/governance/codes';
import { grievanceOf } from '../../../sim/governance/citizen';
import { Stream } from '../../../sim/core/random';
import { economyStep } from '../../../sim/governance/economy';
import { grievanceStep } from '../../../sim/governance/grievances';
import { addDayToTotals, zeroDaily } from '../../../sim/governance/world';

/** A stream that counts its draws. */
class CountingStream extends Stream {
  draws = 0;
  constructor(key: string) {
    super(key);
    const inner = this.next;
    (this as unknown as { next: () => number }).next = () => {
      this.draws++;
      return inner();
    };
  }
  override geometricSkip(p: number): number {
    this.draws++;
    return super.geometricSkip(p);
  }
  override exponential(rate: number): number {
    this.draws++;
    return super.exponential(rate);
  }
}

function runDays(residents: number, rate: number, days: number) {
  const w = smallWorld({ population: { residents, villagesPerTown: 4, gridsPerVillage: 5 }, grievances: { ratePerResidentYear: rate } });
  const s = new CountingStream('count');
  w.streams.grievances = s;
  for (let d = 0; d < days; d++) {
    economyStep(w);
    grievanceStep(w);
    addDayToTotals(w.totals, w.today); // the end of the day, as the model does it
    w.today = zeroDaily();
    w.day++;
  }
  return { w, draws: s.draws, events: w.totals.grievances };
}

describe('grievances', () => {
  it('are event-driven: draws scale with events, not residents x days', () => {
    const { draws, events } = runDays(50000, 0.02, 60);
    expect(events).toBeGreaterThan(50);
    expect(draws).toBeLessThan(12 * (events + 1));
    expect(draws).toBeLessThan((50000 * 60) / 100);
    // Ten times the residents at a tenth of the rate: about the same number of draws.
    const big = runDays(500000, 0.002, 60);
    expect(big.draws).toBeLessThan(2 * draws + 200);
  });

  it('arrive at the configured rate (statistical check)', () => {
    const { w, events } = runDays(20000, 0.05, 365);
    // Mean events = residents x rate x rateFactor (hardship weighting averages out) over a year.
    const expected = 20000 * 0.05 * w.rateFactor;
    expect(Math.abs(events - expected)).toBeLessThan(5 * Math.sqrt(expected) + 0.1 * expected);
  });

  it('follow the attrition funnel: about 700 claims and 450 disputes per 1,000 grievances', () => {
    const { w } = runDays(50000, 0.05, 365);
    const claims = (1000 * w.totals.claims) / w.totals.grievances;
    const disputes = (1000 * w.totals.disputesOpened) / w.totals.grievances;
    expect(claims).toBeGreaterThan(650);
    expect(claims).toBeLessThan(760);
    expect(disputes).toBeGreaterThan(400);
    expect(disputes).toBeLessThan(500);
  });
});

/** A grievances stream that hits citizen `i` only, then returns the given draws. */
function oneEvent(w: ReturnType<typeof quietWorld>, i: number, draws: number[]) {
  const queue = [...draws];
  const pMax: number[] = [];
  let skips = 0;
  const s = {
    next: () => (queue.length > 0 ? (queue.shift() as number) : 0.5),
    geometricSkip: (p: number) => {
      pMax.push(p);
      return skips++ === 0 ? i : 1e9;
    },
    exponential: (rate: number) => -Math.log(1 - s.next()) / rate,
  };
  w.streams.grievances = s as unknown as typeof w.streams.grievances;
  return { pMax, left: () => queue.length };
}

describe('grievance events (exact)', () => {
  const I = 1300;
  const worldOf = (over: Parameters<typeof quietWorld>[0] = {}) => world(over);
  function world(over: Parameters<typeof quietWorld>[0] = {}) {
    const w = quietWorld({ grievances: { hardshipWeight: 2, claimAwarenessWeight: 0.3, claimLegitimacyWeight: 0.3, rejectionProbability: 0.64, claimProbability: 0.6, lumpedWeight: 0.2, openWeight: 0.3 }, ngo: { counsellingRelief: 0 }, ...over });
    const c = w.citizens;
    c.hardship[I] = 102; // 0.4
    c.awareness[I] = 204; // 0.8
    w.totals.sumLegitimacy += 0.75 - c.legitimacy[I];
    c.legitimacy[I] = 0.75;
    c.grievance[I] = 0;
    return w;
  }
  // pClaim = 0.6 x (1 - 0.3 + 0.6 x 0.8) x (1 - 0.3 + 0.6 x 0.75).
  const pClaim = 0.6 * (0.7 + 0.6 * 0.8) * (0.7 + 0.6 * 0.75);
  const sev = -Math.log(1 - 0.5) * 0.3;

  it('finds events by geometric skips with the maximum per-citizen probability', () => {
    const w = world({ grievances: { ratePerResidentYear: 0.73 }, population: { hardshipMean: 0.25 } });
    w.rateFactor = 1.5;
    const { pMax } = oneEvent(w, I, [0.99]);
    grievanceStep(w);
    expect(pMax[0]).toBeCloseTo(((0.73 / 365) * 1.5 * 3) / 1.5, 15);
    expect(pMax.length).toBe(2);
    const capped = world({ grievances: { ratePerResidentYear: 10 } });
    capped.rateFactor = 100;
    const c = oneEvent(capped, I, [0.99]);
    grievanceStep(capped);
    expect(c.pMax[0]).toBe(0.5);
    const none = world({ grievances: { ratePerResidentYear: 0 } });
    const n = oneEvent(none, I, []);
    grievanceStep(none);
    expect(n.pMax).toEqual([]);
  });

  it('thins each hit by the citizen’s hardship weight (1 + hw H) / (1 + hw)', () => {
    // H = 0.4 x hardshipFactor 1.25 = 0.5: kept when u x 3 < 2.
    for (const [u, kept] of [[2 / 3 - 1e-9, 1], [2 / 3 + 1e-9, 0]]) {
      const w = world();
      w.hardshipFactor = 1.25;
      oneEvent(w, I, [u]);
      grievanceStep(w);
      expect(w.today.grievances).toBe(kept);
    }
    const hard = world();
    hard.citizens.hardship[I] = 255;
    hard.hardshipFactor = 2; // capped at 1: always kept
    oneEvent(hard, I, [0.9999999]);
    grievanceStep(hard);
    expect(hard.today.grievances).toBe(1);
  });

  it('a grievance not claimed is lumped: it adds lumpedWeight x severity to the citizen’s grievance', () => {
    const w = world();
    oneEvent(w, I, [0, 0, 0.5, pClaim, 0]);
    grievanceStep(w);
    expect([w.today.grievances, w.today.claims, w.today.disputesOpened]).toEqual([1, 0, 0]);
    expect(grievanceOf(w, I)).toBeCloseTo(sev * 0.2, 6);
  });

  it('counselling in the village relieves a lumped grievance', () => {
    const w = world({ ngo: { counsellingRelief: 0.3 } });
    w.villageMembers.fill(0);
    w.villageMembers[1 * TEAMS + TEAM_COUNSELLING] = 2; // citizen 1,300 lives in village 1
    oneEvent(w, I, [0, 0, 0.5, pClaim, 0]);
    grievanceStep(w);
    expect(grievanceOf(w, I)).toBeCloseTo(sev * 0.2 * 0.7, 6);
  });

  it('a claim is made with probability claim x awareness and legitimacy factors x (1 - suppression)', () => {
    const w = world();
    oneEvent(w, I, [0, 0, 0.5, pClaim - 1e-9, 0.64]);
    grievanceStep(w);
    expect([w.today.claims, w.today.disputesOpened]).toEqual([1, 0]); // granted: no dispute
    expect(grievanceOf(w, I)).toBe(0);
    const suppressed = world({ enforcement: { claimSuppression: 0.5 } });
    oneEvent(suppressed, I, [0, 0, 0.5, pClaim * 0.5 + 1e-9, 0]);
    grievanceStep(suppressed);
    expect(suppressed.today.claims).toBe(0);
    const low = world({ enforcement: { claimSuppression: 0.5 } });
    oneEvent(low, I, [0, 0, 0.5, pClaim * 0.5 - 1e-9, 0.9]);
    grievanceStep(low);
    expect(low.today.claims).toBe(1);
  });

  it('a rejected claim opens a dispute of the drawn type, parties and severity', () => {
    const w = world();
    const mix = w.params.grievances.typeMix;
    // Type draw just past neighbour, land and labour: contracts (citizen parties).
    const u = (mix.neighbourFamily + mix.landHousing + mix.labourWages + 1e-9) / 1;
    oneEvent(w, I, [0, u, 0.5, 0, 0.64 - 1e-9]);
    grievanceStep(w);
    expect(w.today.disputesOpened).toBe(1);
    const k = w.cases.cols;
    expect([k.citizen[0], k.size[0], k.type[0], k.parties[0]]).toEqual([I, 1, TYPE_CONTRACTS, PARTIES_CITIZEN]);
    expect(k.severity[0]).toBeCloseTo(sev, 6);
    expect(grievanceOf(w, I)).toBeCloseTo(sev * 0.3, 6);
  });

  it('a type of weight 0 is never drawn', () => {
    const mix = { neighbourFamily: 0, landHousing: 1, labourWages: 1, contractsConsumers: 0, environment: 0, administrative: 0 };
    const w = world({ grievances: { typeMix: mix } });
    oneEvent(w, I, [0, 0, 0.5, 0, 0]);
    grievanceStep(w);
    expect(w.cases.cols.type[0]).toBe(1);
  });

  it('types are drawn by the type mix, with firms and government as the other party where they are', () => {
    // A mix that does not sum to 1: the draw is scaled by the total.
    const doubled = { neighbourFamily: 0.9, landHousing: 0.32, labourWages: 0.24, contractsConsumers: 0.36, environment: 0.08, administrative: 0.1 };
    const world = (o: Parameters<typeof quietWorld>[0] = {}) => worldOf({ grievances: { typeMix: doubled }, ...o });
    const w0 = world();
    const mix = w0.params.grievances.typeMix;
    const cum = [0, mix.neighbourFamily, mix.landHousing, mix.labourWages, mix.contractsConsumers, mix.environment];
    const total = mix.neighbourFamily + mix.landHousing + mix.labourWages + mix.contractsConsumers + mix.environment + mix.administrative;
    const parties = [PARTIES_CITIZEN, PARTIES_CITIZEN, PARTIES_FIRM, PARTIES_CITIZEN, PARTIES_FIRM, PARTIES_GOVERNMENT];
    let acc = 0;
    for (let t = 0; t < 6; t++) {
      acc += cum[t];
      for (const u of [acc / total + 1e-9, t < 5 ? (acc + [mix.neighbourFamily, mix.landHousing, mix.labourWages, mix.contractsConsumers, mix.environment][t]) / total - 1e-9 : 0.999999]) {
        const w = world();
        oneEvent(w, I, [0, u, 0.5, 0, 0]);
        grievanceStep(w);
        expect([t, w.cases.cols.type[0], w.cases.cols.parties[0]]).toEqual([t, t, parties[t]]);
      }
    }
  });

  it('severity is exponential with mean severityMean, clamped to [0.01, 1]', () => {
    for (const [u, want] of [[0.999999, 1], [0, 0.01]]) {
      const w = world();
      oneEvent(w, I, [0, 0, u, 0, 0]);
      grievanceStep(w);
      expect(w.cases.cols.severity[0]).toBeCloseTo(want, 6);
    }
  });

  it('no events when every type weight is zero', () => {
    const w = world({ grievances: { typeMix: { neighbourFamily: 0, landHousing: 0, labourWages: 0, contractsConsumers: 0, environment: 0, administrative: 0 } } });
    oneEvent(w, I, [0]);
    grievanceStep(w);
    expect(w.today.grievances).toBe(0);
  });
});
