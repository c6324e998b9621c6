import { describe, expect, it } from 'vitest';
import { smallModel, smallWorld } from './helpers';
import { CH_VILLAGE, ST_SERVING, ST_WAITING } from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import { enqueue, releaseSlot, setSlots } from '../../../sim/governance/resolvers';

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
