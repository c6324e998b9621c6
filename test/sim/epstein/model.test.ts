import { describe, expect, it } from 'vitest';
import { EpsteinModel, epsteinFactory } from '../../../sim/epstein/model';
import type { EpsteinParams } from '../../../sim/epstein/params';
import { createModel } from '../../../sim/registry';
import { params } from './helpers';

function columns(m: EpsteinModel): Record<string, number[]> {
  const s = m.series();
  return Object.fromEntries(s.names.map((n) => [n, Array.from(s.column(n))]));
}

function run(p: EpsteinParams, seed: number, steps: number): EpsteinModel {
  const m = new EpsteinModel(p, seed);
  m.step(steps);
  return m;
}

function countCodes(cells: ArrayLike<number>): number[] {
  const n = [0, 0, 0, 0, 0];
  for (let i = 0; i < cells.length; i++) n[cells[i]]++;
  return n;
}

/** A busier configuration than the defaults: outbursts, arrests and releases within 100 steps. */
const lively = params({ legitimacy: 0.75, copDensity: 0.04, maxJailTerm: 20 });

describe('the Epstein model', () => {
  it('is registered under its name and records the series columns in order', () => {
    const m = createModel('epstein', params(), 1);
    expect(m.modelName).toBe('epstein');
    m.step(3);
    expect(m.time).toBe(3);
    expect(m.series().names.slice(0, 4)).toEqual(['step', 'quiet', 'active', 'jailed']);
    expect(Array.from(m.series().column('step'))).toEqual([1, 2, 3]);
    expect(epsteinFactory.name).toBe('epstein');
  });

  it('accounts for every citizen as quiet, active or jailed in every row', () => {
    const m = run(lively, 3, 150);
    const { quiet, active, jailed } = columns(m);
    const citizens = m.summary().citizens as number;
    for (let r = 0; r < quiet.length; r++) expect(quiet[r] + active[r] + jailed[r]).toBe(citizens);
    expect(Math.max(...active)).toBeGreaterThan(0);
    expect(Math.max(...jailed)).toBeGreaterThan(0);
  });

  it('gives identical series and lattices for the same seed, and different ones for another seed', () => {
    const a = run(lively, 11, 120);
    const b = run(lively, 11, 120);
    const c = run(lively, 12, 120);
    expect(columns(b)).toEqual(columns(a));
    expect(b.frame().arrays.cells).toEqual(a.frame().arrays.cells);
    expect(columns(c)).not.toEqual(columns(a));
  });

  it('continues byte for byte after snapshot and restore', () => {
    for (const p of [lively, params({ ...lively, order: 'act-then-move', jailedCellEmpty: false, copVision: 4 })]) {
      const m = new EpsteinModel(p, 21);
      m.step(50);
      const snap = structuredClone(m.snapshot());
      m.step(50);
      const fresh = new EpsteinModel(p, 21);
      fresh.restore(snap);
      expect(fresh.time).toBe(50);
      fresh.step(50);
      expect(columns(fresh)).toEqual(columns(m));
      expect(fresh.frame().arrays.cells).toEqual(m.frame().arrays.cells);
      expect(fresh.visionCounts()).toEqual(m.visionCounts());
      expect(fresh.summary()).toEqual(m.summary());
    }
  });

  it('places exactly round(density x cells) agents with the fixed rule', () => {
    const m = new EpsteinModel(params(), 4);
    const n = countCodes(m.frame().arrays.cells as Uint8Array);
    expect(n[1]).toBe(Math.round(0.7 * 1600));
    expect(n[3]).toBe(Math.round(0.074 * 1600));
    expect(m.frame().meta).toEqual({ width: 40, height: 40, citizens: 1120, cops: 118 });
  });

  it('draws each cell with the per-cell rule: counts vary by seed around their expectation', () => {
    const citizens = new Set<number>();
    for (let seed = 1; seed <= 8; seed++) {
      const m = new EpsteinModel(params({ population: 'per-cell', width: 100, height: 100 }), seed);
      const n = countCodes(m.frame().arrays.cells as Uint8Array);
      // Binomial(10000, 0.7): sd 46; binomial(10000, 0.074): sd 26. Allow 5 sd.
      expect(Math.abs(n[1] - 7000)).toBeLessThan(230);
      expect(Math.abs(n[3] - 740)).toBeLessThan(130);
      expect(n[1]).toBe(m.frame().meta.citizens);
      citizens.add(n[1]);
    }
    expect(citizens.size).toBeGreaterThan(1);
  });

  it('shows jailed citizens in their cells only when jailedCellEmpty is false', () => {
    const keep = run(params({ ...lively, jailedCellEmpty: false }), 2, 80);
    const cells = countCodes(keep.frame().arrays.cells as Uint8Array);
    expect(cells[4]).toBe(keep.summary().finalJailed);
    expect(cells[4]).toBeGreaterThan(0);
    const leave = run(lively, 2, 80);
    expect(countCodes(leave.frame().arrays.cells as Uint8Array)[4]).toBe(0);
    const n = countCodes(leave.frame().arrays.cells as Uint8Array);
    expect(n[1] + n[2] + (leave.summary().finalJailed as number)).toBe(leave.summary().citizens);
  });

  it('keeps everyone in place without movement (when cops do not step into cells)', () => {
    const m = new EpsteinModel(params({ movement: false, order: 'act-then-move', jailedCellEmpty: false }), 8);
    const before = m.frame().arrays.cells as Uint8Array;
    m.step(30);
    const after = m.frame().arrays.cells as Uint8Array;
    for (let c = 0; c < before.length; c++) {
      expect(after[c] === 0).toBe(before[c] === 0);
      expect(after[c] === 3).toBe(before[c] === 3);
    }
  });

  it('follows the legitimacy schedule: a linear change reaching its target at at + over', () => {
    const m = run(params({ legitimacySchedule: [{ at: 5, to: 0.6, over: 4 }, { at: 12, to: 0.9, over: 0 }] }), 1, 14);
    expect(Array.from(m.series().column('legitimacy'))).toEqual(
      [0.8, 0.8, 0.8, 0.8, 0.8, 0.75, 0.7, 0.65, 0.6, 0.6, 0.6, 0.9, 0.9, 0.9].map((x, i) =>
        i >= 5 && i <= 7 ? expect.closeTo(x, 12) : x,
      ),
    );
  });

  it('follows the cop schedule, withdrawing and adding cops on the lattice', () => {
    const m = run(params({ copSchedule: [{ at: 3, to: 0.02, over: 0 }, { at: 6, to: 0.1, over: 2 }] }), 1, 9);
    expect(Array.from(m.series().column('cops'))).toEqual([118, 118, 32, 32, 32, 32, 96, 160, 160]);
    expect(countCodes(m.frame().arrays.cells as Uint8Array)[3]).toBe(160);
  });

  it('summarises the run', () => {
    const m = run(lively, 3, 200);
    const s = m.summary();
    const active = columns(m).active;
    expect(s.steps).toBe(200);
    expect(s.peakActive).toBe(Math.max(...active));
    expect(s.meanActiveFraction).toBeCloseTo(active.reduce((a, b) => a + b, 0) / 200 / (s.citizens as number), 12);
    expect(s.finalActive).toBe(active[199]);
    expect(typeof s.outbursts).toBe('number');
  });
});
