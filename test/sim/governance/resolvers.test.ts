import { describe, expect, it } from 'vitest';
import { params, quietWorld, scripted, smallModel, smallWorld } from './helpers';
import { CH_COURT, CH_GRID, CH_NGO, CH_PET_COUNTY, CH_PET_TOWN, CH_POLICE, CH_TOWN, CH_VILLAGE, FLAG_ONLINE, ST_DELAYED, ST_SERVING, ST_WAITING } from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import {
  accountStaff,
  assignOfficialSlots,
  caseHours,
  enqueue,
  fairnessOf,
  instanceFor,
  poolUnstaffed,
  releaseSlot,
  serviceDays,
  setSlots,
  skillOf,
  staffingOf,
  startService,
  unqueue,
} from '../../../sim/governance/resolvers';

describe('resolvers (queues with servers)', () => {
  it('never serves more cases at once than the instance has slots; the rest wait in FIFO order', () => {
    const w = smallWorld();
    const inst = w.resolvers.base[CH_VILLAGE];
    setSlots(w, inst, 2);
    const rows: number[] = [];
    for (let q = 0; q < 6; q++) {
      const row = openCase(w, q, 1, 0, 0, 0.2, 0);
      enqueue(w, row, inst);
      rows.push(row);
    }
    const k = w.cases.cols;
    expect(w.resolvers.busy[inst]).toBe(2);
    expect(w.resolvers.len[inst]).toBe(4);
    expect(rows.map((r) => k.status[r])).toEqual([ST_SERVING, ST_SERVING, ST_WAITING, ST_WAITING, ST_WAITING, ST_WAITING]);
    // One slot frees: exactly the oldest waiting case starts.
    releaseSlot(w, inst);
    expect(k.status[rows[2]]).toBe(ST_SERVING);
    expect(k.status[rows[3]]).toBe(ST_WAITING);
    expect(w.resolvers.busy[inst]).toBe(2);
    // Growing capacity starts waiting cases at once.
    setSlots(w, inst, 5);
    expect(w.resolvers.busy[inst]).toBe(5);
    expect(w.resolvers.len[inst]).toBe(0);
  });

  it('capacity limits throughput: with few mediators disputes pile up (the capacity knee)', () => {
    const only = { negotiate: 0, grid: 0, village: 1, ngo: 0, town: 0, police: 0, court: 0, petition: 0, giveUp: 0 };
    const base = {
      grievances: { ratePerResidentYear: 0.2 },
      smartPlatform: { gridDiscovery: 0 },
      handling: { choice: only, patienceDays: 3000 },
      grandMediation: { referral: false },
    };
    // One slot per mediator: 8 hours a day over 7 days for a 56-hour case.
    const oneSlot = { hoursPerDay: 8, hoursPerCase: 56, serviceDays: 7 };
    const many = smallModel({ ...base, mediation: { village: { staffPer1000: 2, ...oneSlot } } });
    // 0.4 per 1,000 of 5,000 residents: two mediators in all, pooled over the 4 villages.
    const few = smallModel({ ...base, mediation: { village: { staffPer1000: 0.4, ...oneSlot } } });
    many.step(200);
    few.step(200);
    const open = (m: typeof many) => m.series().column('disputesOpen')[199];
    const resolvedVillage = (m: typeof many) => m.series().column('resolvedVillage').reduce((a, b) => a + b, 0);
    expect(open(few)).toBeGreaterThan(3 * open(many));
    expect(resolvedVillage(few)).toBeLessThan(resolvedVillage(many));
    // Few: 2 slots x 200 days / mean service 7 x (0.5 + severity) days (about 5.6 at mean severity
    // 0.3) is about the most it can finish.
    expect(resolvedVillage(few)).toBeLessThanOrEqual(Math.ceil((2 * 200) / 5));
  });
});

describe('staffing apportionment', () => {
  it('gives a thinly staffed level exactly its total slots, pooled so every unit is served', () => {
    // 0.4 per 1,000 of 5,000 residents is 2 mediators for 4 villages, one slot each (8 hours a day,
    // 7 days, 56 hours a case): two villages have none and are served by a neighbour's.
    const m = smallModel({ mediation: { village: { staffPer1000: 0.4, hoursPerDay: 8, hoursPerCase: 56, serviceDays: 7 } } });
    const r = (m as unknown as { w: { resolvers: { base: Int32Array; slots: Int32Array; serveBy: Int32Array } } }).w.resolvers;
    const b = r.base[CH_VILLAGE];
    const slots = Array.from(r.slots.subarray(b, b + 4));
    expect(slots.reduce((a, x) => a + x, 0)).toBe(2);
    for (let v = 0; v < 4; v++) expect(r.slots[r.serveBy[b + v]]).toBeGreaterThan(0);
  });
});

describe('capacity in hours', () => {
  const village = (staffPer1000: number) => ({ mediation: { village: { staffPer1000, hoursPerDay: 2, hoursPerCase: 10, serviceDays: 5 } } });

  it('capacity is hours: slots = staff x hoursPerDay x serviceDays / hoursPerCase, apportioned by residents', () => {
    // 1 per 1,000 x 2 hours x 5 days / 10 hours = 0.001 slots per resident; villages of 1,250:
    // cumulative 1.25, 2.5, 3.75, 5 round to 1, 3, 4, 5.
    const w = quietWorld(village(1));
    const b = w.resolvers.base[CH_VILLAGE];
    expect(Array.from(w.resolvers.slots.subarray(b, b + 4))).toEqual([1, 2, 1, 1]);
    expect(w.resolvers.slotsByChannel[CH_VILLAGE]).toBe(5);
    // Each grid (250 residents) of 8 per 1,000 x 1 hour x 3 days / 4 hours: 1.5 a grid, alternately 2 and 1.
    const g = quietWorld({ mediation: { grid: { staffPer1000: 8, hoursPerDay: 1, hoursPerCase: 4, serviceDays: 3 } } });
    const gb = g.resolvers.base[CH_GRID];
    expect(Array.from(g.resolvers.slots.subarray(gb, gb + 4))).toEqual([2, 1, 2, 1]);
  });

  it('every official channel is staffed from its own levers', () => {
    const w = quietWorld({
      mediation: {
        town: { staffPer1000: 0.4, hoursPerDay: 3, hoursPerCase: 6, serviceDays: 2 }, // 5000 x 0.0004 x 3 x 2 / 6 = 2
      },
      enforcement: { officersPer1000: 2, disputeHoursPerDay: 0.5, hoursPerCase: 5, serviceDays: 3 }, // 10 x 0.5 x 3 / 5 = 3
      court: { judgesPer100k: 40, hoursPerDay: 2, mediationHours: 8, serviceDays: 10 }, // 2 x 2 x 10 / 8 = 5
      petitions: { staffPer100k: 60, hoursPerDay: 1, hoursPerCase: 3, serviceDays: 7 }, // 3 x 1 x 7 / 3 = 7
    });
    const r = w.resolvers;
    expect([CH_TOWN, CH_POLICE, CH_COURT, CH_PET_TOWN, CH_PET_COUNTY].map((k) => r.slots[r.base[k]])).toEqual([2, 3, 5, 7, 7]);
    // Towns of 2,000 and counties of 4,000: each unit's share of the same rates.
    const many = quietWorld({
      population: { residents: 8000, counties: 2, townsPerCounty: 2, villagesPerTown: 2, gridsPerVillage: 2 },
      mediation: { town: { staffPer1000: 0.4, hoursPerDay: 3, hoursPerCase: 6, serviceDays: 2 } }, // 0.0004 a resident
      enforcement: { officersPer1000: 2, disputeHoursPerDay: 0.5, hoursPerCase: 5, serviceDays: 3 }, // 0.0006
      court: { judgesPer100k: 40, hoursPerDay: 2, mediationHours: 8, serviceDays: 10 }, // 0.001
      petitions: { staffPer100k: 60, hoursPerDay: 1, hoursPerCase: 3, serviceDays: 7 }, // 0.0014
    });
    const m = many.resolvers;
    const of = (k: number) => Array.from(m.slots.subarray(m.base[k], m.base[k + 1]));
    expect(of(CH_TOWN)).toEqual([1, 1, 0, 1]); // 0.8, 1.6, 2.4, 3.2 rounded 1, 2, 2, 3
    // Whole slots: police capacity 4.8 is held as 5 slots (a stretch of 5 / 4.8 on service days), so the
    // cumulative shares are 1.25, 2.5, 3.75, 5 (rounded 1, 3, 4, 5).
    expect(of(CH_POLICE)).toEqual([1, 2, 1, 1]);
    expect(m.stretch[CH_POLICE]).toBeCloseTo(5 / 4.8, 12);
    expect(m.stretch[CH_COURT]).toBe(1); // exactly 8 slots
    expect(of(CH_COURT)).toEqual([4, 4]);
    expect(of(CH_PET_TOWN)).toEqual([3, 3, 2, 3]); // 2.8, 5.6, 8.4, 11.2
    expect(of(CH_PET_COUNTY)).toEqual([6, 5]); // 5.6, 11.2
    const off = quietWorld({ mediation: { village: { staffed: false }, grid: { staffed: false }, town: { staffed: false } } });
    for (const k of [CH_GRID, CH_VILLAGE, CH_TOWN]) expect(off.resolvers.slotsByChannel[k]).toBe(0);
    expect(staffingOf(off.params, 1, CH_NGO)).toBeNull();
    expect(staffingOf(off.params, 1, 0)).toBeNull();
  });

  it('accountability attention weighs the residents of the grid and village levels', () => {
    const w = quietWorld(village(1));
    // Village 0 counts double, village 3 not at all: weighted residents before each village 0, 2500, 3750, 5000.
    w.attention.set([2, 1, 1, 0]);
    w.attentionBefore.set([0, 2500, 3750, 5000, 5000]);
    assignOfficialSlots(w);
    const b = w.resolvers.base[CH_VILLAGE];
    // 0.001 x (2500, 3750, 5000, 5000) = 2.5, 3.75, 5, 5: rounds 3, 4, 5, 5.
    expect(Array.from(w.resolvers.slots.subarray(b, b + 4))).toEqual([3, 1, 1, 0]);
    // Grids of village 0 (250 residents at attention 2): 0.002 x 500 g per grid for 8 per 1,000 grid staff.
    const g = quietWorld({ mediation: { grid: { staffPer1000: 2, hoursPerDay: 1, hoursPerCase: 2, serviceDays: 1 } } });
    g.attention.set([2, 1, 1, 0]);
    g.attentionBefore.set([0, 2500, 3750, 5000, 5000]);
    assignOfficialSlots(g);
    const gb = g.resolvers.base[CH_GRID];
    // 0.001 per resident: village 0's grids end at 0.5, 1, 1.5, 2, 2.5 (rounded 1, 1, 2, 2, 3); village 1's
    // grids add 250 each: 2.75, 3 (rounded 3, 3).
    expect(Array.from(g.resolvers.slots.subarray(gb, gb + 7))).toEqual([1, 0, 1, 0, 1, 0, 0]);
    // Town-level offices ignore attention, even when it does not sum to the residents.
    const t = quietWorld({ mediation: { town: { staffPer1000: 1, hoursPerDay: 1, hoursPerCase: 1, serviceDays: 1 } } });
    t.attention.set([2, 1, 1, 1]);
    t.attentionBefore.set([0, 2500, 3750, 5000, 6250]);
    assignOfficialSlots(t);
    expect(t.resolvers.slots[t.resolvers.base[CH_TOWN]]).toBe(5);
    expect(g.resolvers.slots[g.resolvers.base[CH_TOWN]]).toBe(quietWorld().resolvers.slots[quietWorld().resolvers.base[CH_TOWN]]);
  });

  it('serviceDays and caseHours are each channel’s own', () => {
    const p = params({
      ngo: { serviceDays: 11, hoursPerCase: 21 },
      mediation: { grid: { serviceDays: 12, hoursPerCase: 22 }, village: { serviceDays: 13, hoursPerCase: 23 }, town: { serviceDays: 14, hoursPerCase: 24 } },
      enforcement: { serviceDays: 15, hoursPerCase: 25 },
      court: { serviceDays: 16, mediationHours: 26 },
      petitions: { serviceDays: 17, hoursPerCase: 27 },
    });
    const kinds = [CH_NGO, CH_GRID, CH_VILLAGE, CH_TOWN, CH_POLICE, CH_COURT, CH_PET_TOWN, CH_PET_COUNTY];
    expect(kinds.map((k) => serviceDays(p, k))).toEqual([11, 12, 13, 14, 15, 16, 17, 17]);
    expect(kinds.map((k) => caseHours(p, k))).toEqual([21, 22, 23, 24, 25, 26, 27, 27]);
  });

  it('salaried staff cost their paid hours whether busy or idle; detainees their days', () => {
    const w = quietWorld();
    const p = w.params;
    const res = 5000;
    const m = p.mediation;
    const expected =
      (res * (m.grid.staffPer1000 / 1000) * m.grid.hoursPerDay +
        res * (m.village.staffPer1000 / 1000) * m.village.hoursPerDay +
        res * (m.town.staffPer1000 / 1000) * m.town.hoursPerDay +
        res * (w.officersPer1000 / 1000) * p.enforcement.disputeHoursPerDay +
        res * (p.court.judgesPer100k / 1e5) * p.court.hoursPerDay +
        2 * res * (p.petitions.staffPer100k / 1e5) * p.petitions.hoursPerDay) /
      8;
    w.totals.detainedNow = 3;
    accountStaff(w);
    expect(w.today.salariedPersonDays).toBeCloseTo(expected, 9);
    expect(w.today.detentionPersonDays).toBeCloseTo(3 * p.enforcement.detentionCostPerDay, 12);
    expect(w.today.officialPersonDays).toBeCloseTo(expected + 3 * p.enforcement.detentionCostPerDay, 9);
    // Utilisation: busy and staffed slots per channel, added each day.
    w.resolvers.busyByChannel[CH_VILLAGE] = 1;
    accountStaff(w);
    expect(w.totals.slotDays[CH_VILLAGE]).toBe(2 * w.resolvers.slotsByChannel[CH_VILLAGE]);
    expect(w.totals.busySlotDays[CH_VILLAGE]).toBe(1);
    expect(w.totals.slotDays[CH_PET_COUNTY]).toBe(2 * w.resolvers.slotsByChannel[CH_PET_COUNTY]);
    expect(w.today.salariedPersonDays).toBeCloseTo(2 * expected, 9);
    expect([w.totals.slotDays.length, w.totals.busySlotDays.length]).toEqual([9, 9]);
  });
});

describe('skill, fairness and instances', () => {
  it('skill grows by professionalisation per year and stays below 1', () => {
    const w = quietWorld({ professionalisation: { skillGrowthPerYear: 0.1 }, mediation: { grid: { skill: 0.5 }, village: { skill: 0.6 }, town: { skill: 0.7 } }, ngo: { skill: 0.4 }, enforcement: { skill: 0.3 }, ruleOfLaw: { courtSkill: 0.2 } });
    w.day = 730;
    const kinds = [CH_GRID, CH_VILLAGE, CH_TOWN, CH_NGO, CH_POLICE, CH_COURT, CH_PET_TOWN];
    const got = kinds.map((k) => skillOf(w, k));
    for (const [j, s] of [0.5, 0.6, 0.7, 0.4, 0.3, 0.2, 0].entries()) expect(got[j]).toBeCloseTo(s * 1.2, 12);
    w.day = 365 * 10; // 0.7 x 2 = 1.4: capped
    expect(skillOf(w, CH_TOWN)).toBe(0.999);
    w.day = 0;
    expect(skillOf(w, CH_GRID)).toBe(0.5);
  });

  it('coercion lowers the fairness of police and petition offices only', () => {
    const p = params({ enforcement: { coercion: 0.25 }, ruleOfLaw: { baselineFairness: 0.8, courtFairness: 0.7 }, mediation: { grid: { fairness: 0.61 }, village: { fairness: 0.62 }, town: { fairness: 0.63 } } });
    const kinds = [CH_GRID, CH_VILLAGE, CH_TOWN, CH_COURT, CH_POLICE, CH_PET_TOWN, CH_PET_COUNTY, CH_NGO];
    const want = [0.61, 0.62, 0.63, 0.7, 0.6, 0.6, 0.6, 0.8];
    for (const [j, k] of kinds.entries()) expect(fairnessOf(p, k)).toBeCloseTo(want[j], 12);
  });

  it('a citizen is served by the instance of its own grid, village, town or county', () => {
    const w = quietWorld({ population: { residents: 8000, counties: 2, townsPerCounty: 2, villagesPerTown: 2, gridsPerVillage: 2 } });
    const r = w.resolvers;
    for (let kind = 1; kind < 9; kind++) for (let i = r.base[kind]; i < r.base[kind + 1]; i++) r.serveBy[i] = i;
    // Grid 13: village 6, town 3, county 1.
    const g = 13;
    expect(instanceFor(w, CH_GRID, g)).toBe(r.base[CH_GRID] + 13);
    expect(instanceFor(w, CH_VILLAGE, g)).toBe(r.base[CH_VILLAGE] + 6);
    for (const k of [CH_NGO, CH_TOWN, CH_POLICE, CH_PET_TOWN]) expect(instanceFor(w, k, g)).toBe(r.base[k] + 3);
    for (const k of [CH_COURT, CH_PET_COUNTY]) expect(instanceFor(w, k, g)).toBe(r.base[k] + 1);
  });

  it('an unstaffed unit is served by the nearest staffed one, ties to the lower; with none, by itself', () => {
    const w = quietWorld({ population: { residents: 8000, villagesPerTown: 8, gridsPerVillage: 1 } });
    const r = w.resolvers;
    const b = r.base[CH_VILLAGE];
    const set = (slots: number[]) => {
      for (const [v, s] of slots.entries()) setSlots(w, b + v, s);
      poolUnstaffed(w, CH_VILLAGE);
      return Array.from(r.serveBy.subarray(b, b + 8)).map((x) => x - b);
    };
    expect(set([0, 0, 1, 0, 0, 0, 1, 0])).toEqual([2, 2, 2, 2, 2, 6, 6, 6]);
    expect(set([1, 0, 0, 0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(set([0, 0, 0, 0, 0, 0, 0, 1])).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
    expect(set([0, 0, 0, 0, 0, 0, 0, 0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Pooling one kind leaves the next kind's instances alone.
    const ngo = r.base[CH_NGO];
    r.serveBy[ngo] = 12345;
    set([0, 1, 0, 0, 0, 0, 0, 0]);
    expect(r.serveBy[ngo]).toBe(12345);
  });

  it('pools grids too: the very first instance of the table can serve all', () => {
    const w = quietWorld();
    const r = w.resolvers;
    const b = r.base[CH_GRID];
    expect(b).toBe(0);
    for (let g = 0; g < 20; g++) setSlots(w, b + g, g === 0 ? 1 : 0);
    poolUnstaffed(w, CH_GRID);
    expect(Array.from(r.serveBy.subarray(0, 20))).toEqual(new Array(20).fill(0));
    for (let g = 0; g < 20; g++) setSlots(w, b + g, g === 1 ? 1 : 0);
    poolUnstaffed(w, CH_GRID);
    expect(Array.from(r.serveBy.subarray(0, 20))).toEqual(new Array(20).fill(1));
  });

  it('re-staffing the official channels leaves the NGO teams’ slots and pooling alone', () => {
    const w = quietWorld();
    const r = w.resolvers;
    const ngo = r.base[CH_NGO];
    setSlots(w, ngo, 3);
    r.serveBy[ngo] = 777;
    assignOfficialSlots(w);
    expect(r.slots[ngo]).toBe(3);
    expect(r.serveBy[ngo]).toBe(777);
  });
});

describe('queues', () => {
  it('a waiting case gets a patience deadline; service takes serviceDays x (0.5 + severity) on average', () => {
    const w = quietWorld();
    const inst = w.resolvers.base[CH_VILLAGE];
    setSlots(w, inst, 1);
    w.day = 10;
    w.streams.service = scripted([0.5, 0.5]);
    w.streams.patience = scripted([0.5]);
    const a = openCase(w, 1, 1, 0, 0, 0.25, 0);
    enqueue(w, a, inst);
    const k = w.cases.cols;
    // The small town's village capacity is a fraction of a slot, held as one slot whose service days
    // stretch by 1 / that fraction (resolvers.ts slotsPerResident).
    expect(w.resolvers.stretch[CH_VILLAGE]).toBeGreaterThan(1);
    const days = w.params.mediation.village.serviceDays * w.resolvers.stretch[CH_VILLAGE] * 0.75;
    expect(k.due[a]).toBe(10 + 1 + Math.floor(Math.log(2) * (days - 0.5)));
    expect(k.cost[a]).toBeCloseTo((w.params.mediation.village.hoursPerCase * 0.75) / 8, 5);
    expect(w.totals.served[CH_VILLAGE]).toBe(1);
    expect(w.totals.waitsStarted[CH_VILLAGE]).toBe(1);
    expect(w.totals.waitDays[CH_VILLAGE]).toBe(0);
    const b = openCase(w, 2, 1, 0, 0, 0.25, 0);
    enqueue(w, b, inst);
    expect(k.status[b]).toBe(ST_WAITING);
    expect(k.due[b]).toBe(10 + 1 + Math.floor(Math.log(2) * w.params.handling.patienceDays));
    expect(w.totals.queued).toBe(1);
    expect([k.channel[b], k.level[b], k.inst[b], k.queuedAt[b]]).toEqual([CH_VILLAGE, 1, inst, 10]);
    // Three days later the slot frees: b waited 3 days.
    w.day = 13;
    releaseSlot(w, inst);
    expect(k.status[b]).toBe(ST_SERVING);
    expect(w.totals.queued).toBe(0);
    expect(w.totals.waitDays[CH_VILLAGE]).toBe(3);
    expect(w.resolvers.busyByChannel[CH_VILLAGE]).toBe(1);
    expect(w.resolvers.head[inst]).toBe(-1);
    expect(w.resolvers.tail[inst]).toBe(-1);
  });

  it('an online petition takes onlineServiceFactor of the time and hours; a given mean overrides the service days', () => {
    const w = quietWorld();
    const inst = w.resolvers.base[CH_PET_TOWN];
    setSlots(w, inst, 2);
    w.streams.service = scripted([0.5, 0.5]);
    const row = openCase(w, 1, 1, 0, 0, 0.5, FLAG_ONLINE);
    enqueue(w, row, inst);
    const k = w.cases.cols;
    const pp = w.params.petitions;
    expect(k.due[row]).toBe(1 + Math.floor(Math.log(2) * (pp.serviceDays * pp.onlineServiceFactor - 0.5)));
    expect(k.cost[row]).toBeCloseTo((pp.hoursPerCase * pp.onlineServiceFactor) / 8, 5);
    const other = openCase(w, 2, 1, 0, 0, 0.5, 0);
    k.inst[other] = inst;
    k.queuedAt[other] = 0;
    startService(w, other, 20.5);
    expect(k.due[other]).toBe(1 + Math.floor(Math.log(2) * 20));
    expect(k.cost[other]).toBe(0); // an extension (adjudication) is charged by its caller
    expect(w.totals.served[CH_PET_TOWN]).toBe(1);
  });

  it('a case can leave the middle, the head or the tail of a queue', () => {
    const w = quietWorld();
    const inst = w.resolvers.base[CH_TOWN];
    setSlots(w, inst, 4);
    setSlots(w, inst, 0);
    expect(w.resolvers.slotsByChannel[CH_TOWN]).toBe(0);
    // Rows 0..3 queued in the order 1, 0, 2, 3 (row 0 follows another row).
    const rows = [0, 1, 2, 3].map((q) => openCase(w, q, 1, 0, 0, 0.2, 0));
    for (const row of [rows[1], rows[0], rows[2], rows[3]]) enqueue(w, row, inst);
    [rows[0], rows[1]] = [rows[1], rows[0]];
    const k = w.cases.cols;
    const r = w.resolvers;
    const order = () => {
      const out: number[] = [];
      for (let x = r.head[inst]; x >= 0; x = k.next[x]) out.push(x);
      const back: number[] = [];
      for (let x = r.tail[inst]; x >= 0; x = k.prev[x]) back.unshift(x);
      expect(back).toEqual(out);
      return out;
    };
    unqueue(w, rows[1]);
    expect(order()).toEqual([rows[0], rows[2], rows[3]]);
    expect(k.status[rows[1]]).toBe(ST_DELAYED);
    expect([k.prev[rows[1]], k.next[rows[1]]]).toEqual([-1, -1]);
    unqueue(w, rows[0]);
    expect(order()).toEqual([rows[2], rows[3]]);
    unqueue(w, rows[3]);
    expect(order()).toEqual([rows[2]]);
    expect(r.len[inst]).toBe(1);
    expect(w.totals.queued).toBe(1);
    // Growing capacity serves the rest in order; a new case behind a queue waits even with a free slot.
    const late = openCase(w, 9, 1, 0, 0, 0.2, 0);
    enqueue(w, late, inst);
    setSlots(w, inst, 1);
    expect(k.status[rows[2]]).toBe(ST_SERVING);
    expect(k.status[late]).toBe(ST_WAITING);
    expect(r.head[inst]).toBe(late);
    expect(k.prev[late]).toBe(-1);
    expect(w.resolvers.slotsByChannel[CH_TOWN]).toBe(1);
  });

  it('the case behind a leaving or served head becomes the head (row 0 included)', () => {
    for (const leave of ['unqueue', 'serve']) {
      const w = quietWorld();
      const inst = w.resolvers.base[CH_TOWN];
      setSlots(w, inst, 0);
      const rows = [0, 1, 2].map((q) => openCase(w, q, 1, 0, 0, 0.2, 0));
      for (const row of [1, 0, 2]) enqueue(w, row, inst);
      if (leave === 'unqueue') unqueue(w, 1);
      else setSlots(w, inst, 1);
      const k = w.cases.cols;
      expect([leave, w.resolvers.head[inst], k.prev[0], k.next[0]]).toEqual([leave, 0, -1, 2]);
      expect(rows).toEqual([0, 1, 2]);
      // Row 0 at the head is served when a slot frees.
      setSlots(w, inst, leave === 'unqueue' ? 1 : 2);
      expect(k.status[0]).toBe(ST_SERVING);
    }
    // Leaving behind row 0: row 0 links to the one after.
    const w = quietWorld();
    const inst = w.resolvers.base[CH_TOWN];
    setSlots(w, inst, 0);
    for (const q of [0, 1, 2]) enqueue(w, openCase(w, q, 1, 0, 0, 0.2, 0), inst);
    unqueue(w, 1);
    expect([w.cases.cols.next[0], w.cases.cols.prev[2]]).toEqual([2, 0]);
  });
});
