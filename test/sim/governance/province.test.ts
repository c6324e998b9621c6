import { describe, expect, it } from 'vitest';
import { params } from './helpers';
import { governanceFactory, GovernanceModel, ProvinceModel } from '../../../sim/governance/index';
import { countyParams, countyStart, createCountyHandler } from '../../../sim/governance/counties';
import type { GovernanceParams } from '../../../sim/governance/params';
import { buildHierarchy } from '../../../sim/governance/hierarchy';
import { buildResolvers } from '../../../sim/governance/resolver-table';

const PROVINCE = {
  population: { residents: 9000, counties: 3, townsPerCounty: 2, villagesPerTown: 3, gridsPerVillage: 4 },
  grievances: { ratePerResidentYear: 0.1 },
  survey: { intervalDays: 30, sampleSize: 200 },
  accountability: { enabled: true, discretionaryShare: 0.3 },
  output: { caseLog: true },
};

function seriesText(m: { series(): { names: readonly string[]; column(n: string): Float64Array } }): string {
  const s = m.series();
  return s.names.map((n) => `${n}:${Array.from(s.column(n)).join(',')}`).join('\n');
}

function column(m: ProvinceModel, name: string): number[] {
  return Array.from(m.series().column(name));
}

describe('province of county worlds', () => {
  it('is what the factory builds for several counties; one county stays one world', () => {
    expect(governanceFactory.create(params(PROVINCE), 1)).toBeInstanceOf(ProvinceModel);
    expect(governanceFactory.create(params({ population: { residents: 3000, counties: 1 } }), 1)).toBeInstanceOf(GovernanceModel);
  });

  it('splits residents as the province hierarchy does, each county a world of its own residents', () => {
    const p = params(PROVINCE);
    const sizes = [0, 1, 2].map((c) => countyParams(p, c).population.residents);
    expect(sizes).toEqual([3000, 3000, 3000]);
    expect(countyStart({ ...p, population: { ...p.population, residents: 10 } } as GovernanceParams, 2)).toBe(6);
    expect(countyParams(p, 1).population.counties).toBe(1);
  });

  it('adds its counties up: the summary and the series count every county', () => {
    const m = new ProvinceModel(params(PROVINCE), 4);
    m.step(90);
    const s = m.summary() as Record<string, number>;
    expect(s.residents).toBe(9000);
    expect(s.days).toBe(90);
    const opened = column(m, 'disputesOpened').reduce((a, b) => a + b, 0);
    expect(s.disputesOpened).toBe(opened);
    expect(opened).toBeGreaterThan(30);
    // The same counties run alone, as the handler runs them, open the same disputes in total.
    const h = createCountyHandler({ model: 'governance', params: params(PROVINCE), seed: 4, from: 0, to: 3 });
    let alone = 0;
    type Day = { today: { disputesOpened: number } };
    for (let d = 0; d < 90; d += 30) {
      for (const r of h.handle({ op: 'days', n: 29, morning: true }) as Array<{ days: Day[] }>) for (const day of r.days) alone += day.today.disputesOpened;
      h.handle({ op: 'survey', respondents: [new Int32Array(0), new Int32Array(0), new Int32Array(0)], crimeRate: 0 });
      for (const r of h.handle({ op: 'evening' }) as Day[]) alone += r.today.disputesOpened;
    }
    expect(alone).toBe(opened);
  });

  it('surveys sampleSize respondents over the whole province', () => {
    const m = new ProvinceModel(params(PROVINCE), 2);
    m.step(60);
    const sat = column(m, 'satisfaction');
    expect(Number.isNaN(sat[28])).toBe(true);
    // Each result is a count of the 200 respondents.
    for (const day of [29, 59]) expect(Number.isInteger(Math.round(sat[day] * 200 * 1e6) / 1e6)).toBe(true);
    expect(sat[29]).toBeGreaterThan(0);
    expect((m.summary() as Record<string, number>).meanSatisfaction).toBeCloseTo((sat[29] + sat[59]) / 2, 5);
  });

  it('gives the same bytes however its days are asked for (one at a time, across surveys, all at once)', () => {
    const whole = new ProvinceModel(params(PROVINCE), 6);
    whole.step(100);
    const daily = new ProvinceModel(params(PROVINCE), 6);
    for (let d = 0; d < 100; d++) daily.step(1);
    const uneven = new ProvinceModel(params(PROVINCE), 6);
    for (const n of [29, 1, 7, 23, 40]) uneven.step(n);
    for (const m of [daily, uneven]) {
      expect(m.time).toBe(100);
      expect(seriesText(m)).toBe(seriesText(whole));
      expect(JSON.stringify(m.summary())).toBe(JSON.stringify(whole.summary()));
    }
  });

  it('restores a snapshot and continues with the same bytes', () => {
    const a = new ProvinceModel(params(PROVINCE), 3);
    a.step(40);
    const snap = a.snapshot();
    a.step(40);
    const b = new ProvinceModel(params(PROVINCE), 3);
    b.step(3);
    b.restore(snap);
    expect(b.time).toBe(40);
    b.step(40);
    expect(seriesText(b)).toBe(seriesText(a));
    expect(JSON.stringify(b.summary())).toBe(JSON.stringify(a.summary()));
    expect(() => b.restore({ model: 'governance', time: 0, state: {} })).toThrow(/province of 3 counties/);
  });

  it('keeps one case log with case ids unique across counties', () => {
    const m = new ProvinceModel(params(PROVINCE), 5);
    m.step(60);
    const log = m.caseLog();
    expect(log.rows).toBeGreaterThan(0);
    const opened = new Set<number>();
    for (let r = 0; r < log.rows; r++) {
      if (log.value(r, 2) !== 'opened') continue;
      const id = log.value(r, 0) as number;
      expect(opened.has(id)).toBe(false);
      opened.add(id);
    }
    expect(opened.size).toBe((m.summary() as Record<string, number>).disputesOpened);
  });

  it("draws the frame one world of the province would: its layout, resolver table and counts", () => {
    const p = params(PROVINCE);
    const m = new ProvinceModel(p, 7);
    m.step(45);
    const f = m.frame();
    const pop = p.population;
    const h = buildHierarchy(pop.residents, pop.counties, pop.townsPerCounty, pop.villagesPerTown, pop.gridsPerVillage);
    expect(f.meta).toMatchObject({ residents: 9000, counties: 3, towns: 6, villages: 18, grids: 72, day: 45 });
    expect(Array.from(f.arrays.gridX)).toEqual(Array.from(h.gridX));
    expect(Array.from(f.arrays.gridY)).toEqual(Array.from(h.gridY));
    const r = buildResolvers(h);
    expect(f.meta.resolvers).toBe(r.count);
    expect(Array.from(f.arrays.resolverKind)).toEqual(Array.from(r.kind));
    expect(Array.from(f.arrays.resolverUnit)).toEqual(Array.from(r.unit));
    const s = m.summary() as Record<string, number>;
    expect(f.arrays.gridResidents.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(f.meta.actives).toBe(m.series().at('actives', 44));
    expect(f.meta.openCases).toBe(m.series().at('disputesOpen', 44));
    expect(f.meta.framedCases).toBeGreaterThan(0);
    for (let q = 0; q < f.meta.framedCases; q++) {
      const inst = f.arrays.caseResolver[q];
      // A case with a resolver sits in one of its own grid's instances of the case's channel.
      if (inst >= 0) expect(f.arrays.resolverKind[inst]).toBe(f.arrays.caseChannel[q]);
      expect(f.arrays.caseGrid[q]).toBeLessThan(72);
    }
    expect(s.residents).toBe(9000);
  });
});
