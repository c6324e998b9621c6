import { describe, expect, it } from 'vitest';
import { params, smallModel } from './helpers';
import { listPresets, loadScenario } from '../../../src/scenario/files';
import { governanceFactory } from '../../../sim/governance/index';
import type { GovernanceModel } from '../../../sim/governance/model';
import { SERIES, summarise } from '../../../sim/governance/metrics';
import type { GovernanceParams } from '../../../sim/governance/params';
import { CH_POLICE, FLAG_PROJECT, TYPE_LAND } from '../../../sim/governance/codes';
import { closeCase, openCase } from '../../../sim/governance/cases';
import { gridActives } from '../../../sim/governance/collective-action';

function seriesText(m: { series(): { names: readonly string[]; column(n: string): Float64Array } }): string {
  const s = m.series();
  return s.names.map((n) => `${n}:${Array.from(s.column(n)).join(',')}`).join('\n');
}

const BUSY = { grievances: { ratePerResidentYear: 0.1 }, riskAssessment: { proposalsPer100kYear: 200 } };

describe('governance model', () => {
  it('is deterministic: same seed, byte-identical series; another seed differs', () => {
    const a = smallModel(BUSY, 7);
    const b = smallModel(BUSY, 7);
    const c = smallModel(BUSY, 8);
    a.step(120);
    b.step(120);
    c.step(120);
    expect(seriesText(a)).toBe(seriesText(b));
    expect(JSON.stringify(a.summary())).toBe(JSON.stringify(b.summary()));
    expect(seriesText(c)).not.toBe(seriesText(a));
  });

  it('restores a snapshot and continues with the same bytes', () => {
    const a = smallModel(BUSY, 3);
    a.step(60);
    const snap = a.snapshot();
    a.step(60);
    const b = smallModel(BUSY, 3);
    b.step(5); // state to be overwritten
    b.restore(snap);
    expect(b.time).toBe(60);
    b.step(60);
    expect(seriesText(b)).toBe(seriesText(a));
    expect(JSON.stringify(b.summary())).toBe(JSON.stringify(a.summary()));
  });

  it('records the documented series columns, starting with day', () => {
    const m = smallModel();
    m.step(3);
    expect(m.series().names).toEqual(SERIES);
    expect(SERIES[0]).toBe('day');
    expect(Array.from(m.series().column('day'))).toEqual([0, 1, 2]);
  });

  it('gives the required summary keys', () => {
    const m = smallModel(BUSY);
    m.step(60);
    const s = m.summary();
    for (const k of [
      'disputesOpened', 'disputesResolved', 'resolutionRate', 'resolvedAtVillageOrBelowShare', 'medianDaysToResolve',
      'petitionsPer10k', 'massIncidents', 'massIncidentsPerMillionYear', 'satisfaction', 'meanLegitimacy',
      'costPerResolvedDispute', 'volunteerHours', 'proposalsAssessed', 'proposalsRejectedOrDelayed',
      'incidentsFromApprovedProjects', 'resolvedByLevel', 'grievances', 'claims', 'courtFilings', 'mediationSuccessRate',
      'reachedPetitionOrCountyShare', 'petitionSolvedShare', 'repeatPetitionShare', 'overLevelPetitionShare',
      'onlinePetitionShare', 'petitionsByYear', 'massIncidentSizes', 'peakActives', 'outbursts', 'meanLatentGrievance',
      'crimes', 'accidents', 'fraud', 'crimesByYear', 'residents', 'days',
    ]) {
      expect(s, k).toHaveProperty(k);
    }
    expect(Object.keys(s.resolvedByLevel as object)).toEqual(['grid', 'village', 'town', 'county']);
    expect(s.disputesOpened as number).toBeGreaterThan(0);
  });

  it('draws a frame of the four layers and keeps a case log when asked', () => {
    const m = smallModel({ ...BUSY, output: { caseLog: true } });
    m.step(30);
    const f = m.frame();
    expect(f.meta.grids).toBe(20);
    expect(f.arrays.gridX.length).toBe(20);
    expect(f.arrays.resolverQueue.length).toBe(f.meta.resolvers);
    expect(f.arrays.caseLevel.length).toBe(f.meta.framedCases);
    const log = m.caseLog();
    expect(log.rows).toBeGreaterThan(0);
    expect(log.columns).toEqual(['caseId', 'day', 'event', 'channel', 'level', 'type', 'parties', 'size']);
    expect(log.value(0, 2)).toBe('opened');
    const off = smallModel(BUSY);
    off.step(30);
    expect(off.caseLog().rows).toBe(0);
  });
});

describe('governance presets', () => {
  const presets = listPresets().filter((n) => loadScenario(n).model === 'governance');

  it('are all there', () => {
    for (const n of [
      'social-control', 'social-management', 'social-governance', 'governance-no-risk-assessment', 'governance-no-ngos',
      'governance-no-grand-mediation', 'governance-stability-first-petitions', 'control-relaxation', 'zhejiang-province',
    ]) {
      expect(presets).toContain(n);
    }
  });

  for (const name of presets) {
    it(`${name} parses and runs a short horizon`, () => {
      const s = loadScenario(name);
      expect(s.steps).toBe(1095);
      let params = s.params as GovernanceParams;
      if (name === 'zhejiang-province') {
        expect(params.population.residents).toBe(65_000_000);
        // The full province runs headless in the benchmark; here two of its counties.
        params = { ...params, population: { ...params.population, residents: Math.round((65_000_000 * 2) / 90), counties: 2 } };
      }
      const m = governanceFactory.create(params, s.seed ?? 1) as GovernanceModel;
      m.step(10);
      expect(m.time).toBe(10);
      expect(m.summary().residents).toBe(params.population.residents);
    });
  }
});

describe('memory', () => {
  it('keeps citizens within the documented bytes per citizen', async () => {
    const { BYTES_PER_CITIZEN } = await import('../../../sim/governance/population');
    const m = smallModel();
    const c = m.w.citizens as unknown as Record<string, unknown>;
    let bytes = 0;
    for (const k of Object.keys(c)) {
      const v = c[k];
      if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    }
    expect(bytes / m.w.citizens.n).toBe(BYTES_PER_CITIZEN);
    expect(BYTES_PER_CITIZEN).toBeLessThanOrEqual(40);
  });
});

describe('common random numbers across policies', () => {
  it('gives every citizen the same traits whatever NGOs the policy allows', () => {
    // At initialisation (no burn-in: its detentions and releases move risk aversion as policy allows).
    const withNgos = smallModel({ ngo: { support: 1 }, collectiveAction: { burnInDays: 0 } }, 5).w.citizens;
    const without = smallModel({ ngo: { support: 0 }, collectiveAction: { burnInDays: 0 } }, 5).w.citizens;
    expect(Array.from(without.hardship)).toEqual(Array.from(withNgos.hardship));
    expect(Array.from(without.riskAversion)).toEqual(Array.from(withNgos.riskAversion));
    expect(Array.from(without.threshold)).toEqual(Array.from(withNgos.threshold));
  });

  it('draws the same grievances whether or not claims are suppressed', () => {
    const free = smallModel({ enforcement: { claimSuppression: 0 } }, 5);
    const suppressed = smallModel({ enforcement: { claimSuppression: 0.9 } }, 5);
    free.step(60);
    suppressed.step(60);
    // Grievances are drawn before any claim decision, from the same numbers.
    expect(Array.from(suppressed.series().column('grievances'))).toEqual(Array.from(free.series().column('grievances')));
    expect(suppressed.summary().claims).not.toEqual(free.summary().claims);
  });
});

describe('dispute paths', () => {
  it('count every closed case once, by first channel and outcome', () => {
    const m = smallModel(BUSY, 4);
    m.step(200);
    const s = m.summary() as Record<string, number & Record<string, number>>;
    const paths = s.firstChannelPaths as unknown as Record<string, number>;
    const total = Object.values(paths).reduce((a, b) => a + b, 0);
    const abandoned = m.series().column('abandoned').reduce((a, b) => a + b, 0);
    expect(total).toBe(s.disputesResolved + abandoned);
    for (const level of ['grid', 'village', 'town', 'county']) {
      const atLevel = Object.entries(paths).filter(([k]) => k.endsWith(`>${level}`)).reduce((a, [, v]) => a + v, 0);
      expect(atLevel).toBe(s.resolvedByLevel[level]);
    }
    // Only a case that never reached a channel can be "given up" first, and it is never resolved.
    expect(Object.keys(paths).filter((k) => k.startsWith('gaveUp>') && k !== 'gaveUp>abandoned')).toEqual([]);
  });

  it('adds each day\'s counts to the run totals once: the series sums to the summary', () => {
    const m = smallModel(BUSY, 4);
    m.step(200);
    const s = m.summary() as Record<string, number>;
    const sum = (col: string) => m.series().column(col).reduce((a, b) => a + b, 0);
    expect(sum('grievances')).toBe(s.grievances);
    expect(sum('disputesOpened')).toBe(s.disputesOpened);
    expect(sum('resolved')).toBe(s.disputesResolved);
    expect(sum('newDetentions')).toBe(s.detentions);
    expect(sum('crimes')).toBe(s.crimes);
    expect(sum('proposals')).toBe(s.proposals);
    expect(sum('officialPersonDays')).toBeCloseTo(s.officialPersonDays, 3);
  });
});

describe('model: burn-in, officers, frames, log', () => {
  it('the burn-in runs collective action before day 0 and forgets what it counted', () => {
    const hot = { legitimacy: { initialMean: 0.3, initialSpread: 0.2 }, collectiveAction: { massIncidentSize: 5, burnInDays: 60 } };
    const m = smallModel(hot);
    const w = m.w;
    expect(m.time).toBe(0);
    expect(w.totals.detainedNow + w.totals.actives).toBeGreaterThan(0); // states carry over
    expect([w.totals.massIncidents, w.totals.outbursts, w.totals.peakActives, w.totals.areaEpisode, w.totals.incidentsFromApprovedProjects]).toEqual([0, 0, 0, 0, 0]);
    expect([w.incidentSizes, w.incidentStarts, w.incidentLengths]).toEqual([[], [], []]);
    expect(Array.from(w.townEpisodeStart)).toEqual([-1]);
    expect(Array.from(w.townLastIncident)).toEqual([-100000]);
    expect(w.citizens.detentions.every((x) => x === 0)).toBe(true);
    expect(w.today.detained).toBe(0);
    expect(w.today.detentionPersonDays).toBe(0);
    // Without burn-in nothing has run: nobody active or detained.
    const cold = smallModel({ ...hot, collectiveAction: { massIncidentSize: 5, burnInDays: 0 } });
    expect(cold.w.totals.detainedNow + cold.w.totals.actives).toBe(0);
  });

  it('applies the officer schedule to the police office of every town', () => {
    const m = smallModel({
      population: { residents: 8000, townsPerCounty: 2, villagesPerTown: 2, gridsPerVillage: 2 },
      enforcement: { officersPer1000: 1, officerSchedule: [{ at: 1, to: 2, over: 0 }], disputeHoursPerDay: 1, hoursPerCase: 1, serviceDays: 1 },
    });
    const r = m.w.resolvers;
    const police = () => Array.from(r.slots.subarray(r.base[CH_POLICE], r.base[CH_POLICE] + 2));
    expect(police()).toEqual([4, 4]);
    m.step(2);
    expect(police()).toEqual([8, 8]);
  });

  it('is made by its factory under its name; its summary is the world’s', () => {
    expect(governanceFactory.name).toBe('governance');
    const m = governanceFactory.create(params({ collectiveAction: { burnInDays: 0 } }), 2) as GovernanceModel;
    expect(m.modelName).toBe('governance');
    m.step(2);
    expect(m.summary()).toEqual(summarise(m.w));
  });

  it('restores the case log with the rest', () => {
    const a = smallModel({ ...BUSY, output: { caseLog: true }, collectiveAction: { burnInDays: 0 } }, 3);
    a.step(20);
    const snap = a.snapshot();
    const rows = a.caseLog().rows;
    a.step(20);
    const b = smallModel({ ...BUSY, output: { caseLog: true }, collectiveAction: { burnInDays: 0 } }, 3);
    b.restore(snap);
    expect(b.caseLog().rows).toBe(rows);
  });

  it('applies the officer schedule to the police slots on the day it changes', () => {
    const m = smallModel({ enforcement: { officersPer1000: 1, officerSchedule: [{ at: 2, to: 3, over: 0 }], disputeHoursPerDay: 1, hoursPerCase: 1, serviceDays: 1 } });
    const police = () => m.w.resolvers.slots[m.w.resolvers.base[CH_POLICE]];
    expect(police()).toBe(5); // 1 per 1,000 of 5,000 x 1 hour x 1 day / 1 hour
    m.step(2);
    expect(police()).toBe(5);
    m.step(1);
    expect(police()).toBe(15);
    const snap = m.snapshot();
    const b = smallModel({ enforcement: { officersPer1000: 1, officerSchedule: [{ at: 2, to: 3, over: 0 }], disputeHoursPerDay: 1, hoursPerCase: 1, serviceDays: 1 } });
    b.restore(snap);
    b.step(1);
    expect(b.w.resolvers.slots[b.w.resolvers.base[CH_POLICE]]).toBe(15);
  });

  it('runs the day’s steps and counts staff cost every day', () => {
    const m = smallModel();
    m.step(3);
    const cost = m.series().column('officialPersonDays');
    expect(cost[0]).toBeGreaterThan(0);
    expect(cost[2]).toBeCloseTo(cost[0], 6);
    expect(m.w.totals.salariedPersonDays).toBeCloseTo(3 * m.w.today.salariedPersonDays, 6);
  });

  it('refuses a snapshot of another model', () => {
    const m = smallModel();
    expect(() => m.restore({ model: 'epstein', time: 0, state: {} })).toThrow(/epstein/);
  });

  it('frames every open case with its history, at most frameCaseCap of them; grids count their claimants’ open disputes', () => {
    const m = smallModel({ output: { frameCaseCap: 2 }, collectiveAction: { burnInDays: 0 } });
    const w = m.w;
    const a = openCase(w, 300, 1, TYPE_LAND, 1, 0.4, FLAG_PROJECT); // grid 1
    const closed = openCase(w, 10, 1, 0, 0, 0.4, 0);
    const b = openCase(w, 600, 3, 2, 0, 0.2, 0); // a group: not in gridOpen
    const c = openCase(w, 10, 1, 0, 0, 0.2, 0); // grid 0, beyond the cap
    closeCase(w, closed, true);
    const k = w.cases.cols;
    k.level[a] = 2;
    k.channel[a] = 4;
    k.inst[a] = 7;
    k.first[a] = 1;
    k.attempts[a] = 2;
    k.petitions[a] = 1;
    k.cost[a] = 1.5;
    w.day = 9;
    const f = m.frame();
    expect(f.model).toBe('governance');
    expect(f.step).toBe(9);
    expect(f.meta).toEqual({ residents: 5000, counties: 1, towns: 1, villages: 4, grids: 20, resolvers: w.resolvers.count, day: 9, openCases: 3, actives: w.totals.actives, framedCases: 2 });
    const x = f.arrays;
    expect(Array.from(x.caseId)).toEqual([k.id[a], k.id[b]]);
    expect([x.caseLevel[0], x.caseChannel[0], x.caseStatus[0], x.caseResolver[0], x.caseGrid[0], x.caseSize[0]]).toEqual([2, 4, k.status[a], 7, 1, 1]);
    expect([x.caseType[0], x.caseOpened[0], x.caseFirst[0], x.caseAttempts[0], x.casePetitions[0], x.caseFlags[0], x.caseCost[0]]).toEqual([TYPE_LAND, 0, 1, 2, 1, FLAG_PROJECT, 1.5]);
    expect([x.caseGrid[1], x.caseSize[1], x.caseType[1]]).toEqual([2, 3, 2]);
    expect(x.gridOpen[1]).toBe(1);
    expect(x.gridOpen[0]).toBe(1); // case c, though not framed
    expect(x.gridOpen[2]).toBe(0);
    expect(c).toBeGreaterThan(b);
    expect(x.gridResidents[3]).toBe(250);
    for (const [got, from] of [
      [x.resolverKind, w.resolvers.kind], [x.resolverUnit, w.resolvers.unit], [x.resolverSlots, w.resolvers.slots],
      [x.resolverBusy, w.resolvers.busy], [x.resolverQueue, w.resolvers.len],
    ] as const) expect(got).not.toBe(from);
    // Below the cap, every open case is framed.
    w.params.output.frameCaseCap = 100;
    expect(m.frame().meta.framedCases).toBe(3);
    expect(Array.from(x.resolverSlots)).toEqual(Array.from(w.resolvers.slots));
    expect(Array.from(x.resolverKind)).toEqual(Array.from(w.resolvers.kind));
    expect(Array.from(x.resolverUnit)).toEqual(Array.from(w.resolvers.unit));
    expect(Array.from(x.resolverBusy)).toEqual(Array.from(w.resolvers.busy));
    expect(Array.from(x.resolverQueue)).toEqual(Array.from(w.resolvers.len));
    for (const [got, from] of [
      [x.gridX, w.hierarchy.gridX], [x.gridY, w.hierarchy.gridY], [x.gridActives, gridActives(w)], [x.gridVolunteers, w.gridVolunteers],
      [x.villageActives, w.villageActives], [x.villagePatrol, w.villagePatrol], [x.townActives, w.townActives], [x.townMediators, w.townMediators],
    ] as const) {
      expect(Array.from(got)).toEqual(Array.from(from));
      expect(got).not.toBe(from); // copies: a view cannot change the model
    }
  });

  it('reads the case log as names', () => {
    const m = smallModel({ output: { caseLog: true }, collectiveAction: { burnInDays: 0 } });
    const w = m.w;
    w.day = 4;
    const row = openCase(w, 300, 2, TYPE_LAND, 1, 0.4, 0);
    w.cases.cols.channel[row] = 6;
    w.cases.cols.level[row] = 3;
    closeCase(w, row, true);
    const log = m.caseLog();
    expect(log.rows).toBe(2);
    expect(log.columns).toEqual(['caseId', 'day', 'event', 'channel', 'level', 'type', 'parties', 'size']);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => log.value(1, c))).toEqual([0, 4, 'resolved', 'court', 'county', 'land-housing', 'citizen-firm', 2]);
  });
});
