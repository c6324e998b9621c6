import { describe, expect, it } from 'vitest';
import { params } from './helpers';
import { RandomStreams } from '../../../sim/core/random';
import { CHANNELS, PATH_FIRSTS, PATH_OUTCOMES, TEAMS } from '../../../sim/governance/codes';
import { addDayToTotals, bindStreams, createWorld, STREAM_NAMES, zeroDaily } from '../../../sim/governance/world';

describe('world', () => {
  it('binds each process to its own named stream', () => {
    const s = bindStreams(new RandomStreams(9));
    const keys = Object.keys(s);
    expect(keys.length).toBe(STREAM_NAMES.length);
    const camel = (n: string) => n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const alias: Record<string, string> = { firstContact: 'firstContact', channelChoice: 'choice', mediationOutcome: 'outcome' };
    for (const name of STREAM_NAMES) {
      const key = alias[camel(name)] ?? camel(name);
      const fresh = new RandomStreams(9).stream(name);
      expect([name, (s as unknown as Record<string, { next(): number }>)[key].next()]).toEqual([name, fresh.next()]);
    }
  });

  it('adds every daily count into the run totals once', () => {
    const d = zeroDaily();
    let v = 1;
    const set: Record<string, number | number[]> = {};
    for (const k of Object.keys(d) as (keyof typeof d)[]) {
      const x = d[k];
      if (Array.isArray(x)) set[k] = x.map(() => v++);
      else set[k] = v++;
    }
    Object.assign(d, set);
    const w = createWorld(params(), 1);
    const n = w.totals;
    addDayToTotals(n, d);
    addDayToTotals(n, d);
    const twice = (k: keyof typeof d) => (Array.isArray(set[k]) ? (set[k] as number[]).map((x) => 2 * x) : 2 * (set[k] as number));
    const map: Record<string, string> = { resolved: 'disputesResolved', detained: 'detentions' };
    for (const k of Object.keys(d) as (keyof typeof d)[]) {
      const total = (n as unknown as Record<string, number | number[]>)[map[k] ?? k];
      expect([k, total]).toEqual([k, twice(k)]);
    }
  });

  it('starts every day from zero counts', () => {
    const d = zeroDaily();
    for (const [k, x] of Object.entries(d)) {
      if (Array.isArray(x)) expect([k, x.every((y) => y === 0)]).toEqual([k, true]);
      else expect([k, x]).toEqual([k, 0]);
    }
    expect(d.resolvedByLevel.length).toBe(4);
    expect(d.resolvedByChannel.length).toBe(CHANNELS);
  });

  it('creates a world in its documented initial state', () => {
    const p = params({ enforcement: { officersPer1000: 1.7 } });
    const w = createWorld(p, 3);
    const h = w.hierarchy;
    let sumL = 0;
    for (let i = 0; i < w.citizens.n; i++) sumL += w.citizens.legitimacy[i];
    expect(w.totals.sumLegitimacy).toBeCloseTo(sumL, 6);
    expect(w.totals.sumLegitimacy).toBeGreaterThan(0);
    expect(Number.isNaN(w.totals.satisfaction)).toBe(true);
    expect(Number.isNaN(w.totals.awareness)).toBe(true);
    expect(Number.isNaN(w.totals.participationRate)).toBe(true);
    expect(Number.isNaN(w.totals.scanHardship)).toBe(true);
    expect(Number.isNaN(w.totals.scanShift)).toBe(true);
    expect(w.totals.pathCounts.length).toBe(PATH_FIRSTS * PATH_OUTCOMES);
    expect(w.totals.pathCounts.every((x) => x === 0)).toBe(true);
    for (const k of ['served', 'succeeded', 'busySlotDays', 'slotDays', 'waitsStarted', 'waitDays', 'resolvedByChannel'] as const) {
      expect([k, w.totals[k].length, w.totals[k].every((x) => x === 0)]).toEqual([k, CHANNELS, true]);
    }
    expect(w.totals.resolvedByLevel).toEqual([0, 0, 0, 0]);
    expect(w.officersPer1000).toBe(1.7);
    expect([w.day, w.platform, w.legitimacyShift, w.hardshipFactor, w.rateFactor]).toEqual([0, 0, 0, 1, 1]);
    expect(w.log).toBeNull();
    expect(createWorld(params({ output: { caseLog: true } }), 3).log).not.toBeNull();
    expect(w.resolveDays.length).toBe(4096);
    expect(Array.from(w.attention)).toEqual(new Array(h.villages).fill(1));
    expect(Array.from(w.attentionBefore)).toEqual(Array.from(h.villageStart));
    expect(w.experience.length).toBe(h.grids * CHANNELS);
    expect(w.experience.every((x) => x === 0.5)).toBe(true);
    expect(w.villageMembers.length).toBe(h.villages * TEAMS);
    expect(Array.from(w.townEpisodeStart)).toEqual(new Array(h.towns).fill(-1));
    expect(Array.from(w.townLastIncident)).toEqual(new Array(h.towns).fill(-100000));
    expect([w.gridVolunteers.length, w.gridOpen.length]).toEqual([h.grids, h.grids]);
    // No firm block yet, and no scratch list of actives before the first pass.
    expect([Array.from(w.firmCount), w.activeBuffer.length]).toEqual([new Array(h.villages).fill(0), 0]);
    expect([w.villageActives.length, w.villagePatrol.length, w.villageDissatisfaction.length, w.villageAsked.length, w.villageUnhappy.length]).toEqual(new Array(5).fill(h.villages));
    expect([w.townActives.length, w.townMediators.length, w.townEpisodePeak.length, w.townEpisodeProject.length]).toEqual(new Array(4).fill(h.towns));
    expect(w.resolvers.count).toBe(h.grids + h.villages + 4 * h.towns + 2 * h.counties);
    // Lists start empty: no free rows, candidates, projects, incidents or yearly counts yet.
    expect(w.freeRows).toEqual([]);
    const empty = new Array(h.villages).fill([]);
    expect([w.candidatesByVillage, w.critByVillage, w.dirtyByVillage]).toEqual([empty, empty, empty]);
    // One list of each kind per village, none shared.
    expect(new Set([...w.candidatesByVillage, ...w.critByVillage, ...w.dirtyByVillage]).size).toBe(3 * h.villages);
    expect(w.candidateCount).toBe(0);
    expect(Array.from(w.villageMaxCrit)).toEqual(new Array(h.villages).fill(Infinity)); // the first pass is a full one
    expect(w.projects).toEqual({ risk: [], size: [], village: [] });
    expect([w.incidentSizes, w.incidentStarts, w.incidentLengths, w.petitionsByYear, w.crimesByYear]).toEqual([[], [], [], [], []]);
  });
});
