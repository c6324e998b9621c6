/**
 * Invariants of the Epstein model over random small scenarios (issue 10): random lattices (down to
 * 1 x 1), densities, visions, legitimacy, jail terms, every option and random schedules, parsed by the
 * scenario schema so they are valid scenarios; run a few steps and check after every step that
 *   - citizens are conserved: quiet + active + jailed = the citizens placed, the lattice agrees with
 *     the series, and jailed citizens are on their kept cell (Mesa) or off the lattice (NetLogo);
 *   - cops are conserved (constant without a cop schedule; the lattice agrees with the count);
 *   - no agent is in two places and no cell holds two agents: every roster entry has its own cell, the
 *     lattice shows that entry's code there, and the occupied cells are exactly the agents' cells;
 *   - arrests add up and never exceed what could be jailed;
 * and at the end, that the incremental vision counts equal a brute-force recount from the lattice.
 * Read through the model's public API (frame, series, summary, snapshot, visionCounts) only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE, COP, EMPTY, JAILED, QUIET } from '../../../sim/epstein/lattice';
import { EpsteinModel } from '../../../sim/epstein/model';
import type { EpsteinParams } from '../../../sim/epstein/params';
import { WORDS } from '../../../sim/epstein/roster';
import { parseScenario } from '../../../src/scenario/parse';
import { recount } from './helpers';

/** A number in [lo, hi] in steps of 1/1000 of the span (fc.double favours the ends, 0 and 1, too much here). */
const between = (lo: number, hi: number) => fc.integer({ min: 0, max: 1000 }).map((i) => lo + ((hi - lo) * i) / 1000);
const unit = between(0, 1);
const schedule = fc.array(fc.record({ at: fc.integer({ min: 0, max: 30 }), to: unit, over: fc.integer({ min: 0, max: 10 }) }), { maxLength: 2 });

/**
 * Raw params within the schema's limits, small enough to run in milliseconds. Most draws are in the
 * region where citizens turn active, are arrested and released (legitimacy and threshold lowish, short
 * terms, a few cops), so the counts have events to follow; some take any value the schema allows.
 */
const rawParams = fc
  .record({
    width: fc.integer({ min: 1, max: 14 }),
    height: fc.integer({ min: 1, max: 14 }),
    citizenDensity: fc.oneof(between(0.3, 0.9), unit),
    copShare: fc.oneof(between(0, 0.3), unit),
    citizenVision: fc.integer({ min: 1, max: 8 }),
    copVision: fc.integer({ min: 1, max: 8 }),
    legitimacy: fc.oneof(between(0.2, 0.8), unit),
    maxJailTerm: fc.oneof(fc.integer({ min: 0, max: 15 }), fc.constant(null)),
    threshold: fc.oneof(between(0, 0.2), unit),
    arrestConstant: fc.oneof(between(0.5, 5), between(0, 100)),
    movement: fc.boolean(),
    ratioRule: fc.constantFrom('floor', 'literal', 'round-half-even', 'round-half-up'),
    neighbourhood: fc.constantFrom('von-neumann', 'moore', 'euclidean'),
    jailTermInclusive: fc.boolean(),
    jailedCellEmpty: fc.boolean(),
    order: fc.constantFrom('act-then-move', 'move-then-act'),
    population: fc.constantFrom('per-cell', 'fixed'),
    mixedOrder: fc.boolean(),
    legitimacySchedule: schedule,
    copSchedule: fc.oneof(fc.constant([]), schedule),
  })
  // citizenDensity + copDensity <= 1 (the schema's rule): the cops take a share of what is left.
  .map(({ copShare, ...p }) => ({ ...p, copDensity: Math.min(1 - p.citizenDensity, copShare * (1 - p.citizenDensity)) }));

const scenario = fc.record({ params: rawParams, seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }), steps: fc.integer({ min: 1, max: 60 }) });

/** The roster entries as (cell, code), from a snapshot (the model's own checkpoint of its state). */
function rosterOf(m: EpsteinModel): { cell: number; code: number }[] {
  const st = m.snapshot().state as { roster: Int32Array; jail: { cell: Int32Array } };
  const out: { cell: number; code: number }[] = [];
  for (let i = 0; i < st.roster.length; i += WORDS) out.push({ cell: st.roster[i] >>> 3, code: st.roster[i] & 7 });
  return out;
}

function jailCells(m: EpsteinModel): Int32Array {
  return (m.snapshot().state as { jail: { cell: Int32Array } }).jail.cell;
}

function checkStep(m: EpsteinModel, p: EpsteinParams, citizens: number, copsAtStart: number): void {
  const cells = m.frame().arrays.cells as Uint8Array;
  const n = [0, 0, 0, 0, 0];
  for (const c of cells) n[c]++;
  const s = m.summary();
  const rec = m.series();
  const last = rec.rows - 1;
  const [quiet, active, jailed, cops] = ['quiet', 'active', 'jailed', 'cops'].map((k) => rec.at(k, last));

  // Citizens conserved, and counted alike by the series, the summary and the lattice.
  expect(s.citizens).toBe(citizens);
  expect(quiet + active + jailed).toBe(citizens);
  expect(Math.min(quiet, active, jailed)).toBeGreaterThanOrEqual(0);
  expect(n[QUIET]).toBe(quiet);
  expect(n[ACTIVE]).toBe(active);
  expect(s.finalActive).toBe(active);
  expect(s.finalJailed).toBe(jailed);
  expect(n[JAILED]).toBe(p.jailedCellEmpty ? 0 : jailed);
  // Cops conserved.
  expect(n[COP]).toBe(cops);
  expect(s.cops).toBe(cops);
  if (p.copSchedule.length === 0) expect(cops).toBe(copsAtStart);
  expect(citizens - (p.jailedCellEmpty ? jailed : 0) + cops).toBeLessThanOrEqual(p.width * p.height);

  // One agent per cell, each agent in one place: the roster's live entries have distinct cells, the
  // lattice shows each entry's code at its cell, and no other cell is occupied.
  const seen = new Uint8Array(cells.length);
  let live = 0;
  for (const { cell, code } of rosterOf(m)) {
    if (code === EMPTY) continue; // an arrestee's entry, dropped at the next shuffle
    expect(cell).toBeLessThan(cells.length);
    expect(seen[cell]).toBe(0);
    seen[cell] = 1;
    expect(cells[cell]).toBe(code);
    expect([QUIET, ACTIVE, COP]).toContain(code);
    live++;
  }
  expect(live).toBe(quiet + active + cops);
  const jail = jailCells(m);
  expect(jail.length).toBe(jailed);
  if (!p.jailedCellEmpty) {
    for (const cell of jail) {
      expect(seen[cell]).toBe(0); // a kept cell holds its jailed citizen and no one else
      seen[cell] = 1;
      expect(cells[cell]).toBe(JAILED);
    }
  }
  expect(cells.length - n[EMPTY]).toBe(live + (p.jailedCellEmpty ? 0 : jailed));
}



describe('Epstein model invariants on random small scenarios', () => {
  it('conserves citizens and cops, keeps one agent per cell, and its counts match the lattice', () => {
    // Over all runs: arrests and releases happened, so the checks had events to follow.
    const seen = { arrests: 0, releases: 0 };
    fc.assert(
      fc.property(scenario, ({ params: raw, seed, steps }) => {
        const p = parseScenario({ model: 'epstein', name: 'prop', params: raw }).params as EpsteinParams;
        const m = new EpsteinModel(p, seed);
        const citizens = m.summary().citizens as number;
        const before = m.frame().arrays.cells as Uint8Array;
        const copsAtStart = before.filter((c) => c === COP).length;
        expect(before.filter((c) => c === QUIET).length).toBe(citizens);
        let arrests = 0;
        let jailedBefore = 0;
        for (let t = 1; t <= steps; t++) {
          m.step();
          expect(m.time).toBe(t);
          checkStep(m, p, citizens, copsAtStart);
          const rec = m.series();
          const a = rec.at('arrests', t - 1);
          const jailed = rec.at('jailed', t - 1);
          // The jail grows by at most the step's arrests (releases only shrink it).
          expect(jailed).toBeLessThanOrEqual(jailedBefore + a);
          seen.releases += jailedBefore + a - jailed;
          jailedBefore = jailed;
          arrests += a;
        }
        expect(m.summary().arrests).toBe(arrests);
        seen.arrests += arrests;
        expect(m.series().rows).toBe(steps);
        const cells = m.frame().arrays.cells as Uint8Array;
        const counts = m.visionCounts();
        expect(counts.copsSeen).toEqual(recount(cells, p.width, p.height, p.neighbourhood, p.citizenVision, COP));
        expect(counts.activesSeen).toEqual(recount(cells, p.width, p.height, p.neighbourhood, p.citizenVision, ACTIVE));
        expect(counts.activesSeenByCops).toEqual(recount(cells, p.width, p.height, p.neighbourhood, p.copVision, ACTIVE));
      }),
      { numRuns: 40 },
    );
    expect(seen.arrests).toBeGreaterThan(20);
    expect(seen.releases).toBeGreaterThan(5);
  });

  it('a snapshot restored into a fresh model continues with the same counts', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 20 }), ({ params: raw, seed, steps }, split) => {
        const p = parseScenario({ model: 'epstein', name: 'prop', params: raw }).params as EpsteinParams;
        const a = new EpsteinModel(p, seed);
        a.step(Math.min(split, steps));
        const b = new EpsteinModel(p, seed);
        b.restore(a.snapshot());
        a.step(steps - Math.min(split, steps));
        b.step(steps - Math.min(split, steps));
        expect(b.frame().arrays.cells).toEqual(a.frame().arrays.cells);
        expect(b.summary()).toEqual(a.summary());
      }),
      { numRuns: 20 },
    );
  });
});
