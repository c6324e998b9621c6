/**
 * Invariants of the governance model over random small towns (issue 10): a few hundred to a few
 * thousand residents in a random hierarchy, random policy levers (and a few of society's) drawn within
 * the plausible ranges the schema documents (src/scenario/levers.ts leversOf, the `range` of
 * src/scenario/governance.ts), parsed as a scenario, run for up to five months with random seeds. Checked:
 *   - cases are conserved each day: open(t) = open(t-1) + opened(t) - resolved(t) - abandoned(t), and
 *     the run's totals are the sums of the days;
 *   - every case is opened once and closed at most once, and nothing happens to it after it closes
 *     (the case-event log); the cases the log leaves open are exactly the open cases of the frame;
 *   - the population is constant (residents, grids' residents) and no count exceeds it;
 *   - each citizen's count of open disputes is the number of open individual cases it claims.
 * Read through the model's public API (frame, series, summary, caseLog) and its world `w`, as the
 * other governance tests do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EV_ABANDONED, EV_OPENED, EV_RESOLVED, EVENT_NAMES, ST_FREE } from '../../../sim/governance/codes';
import { GovernanceModel } from '../../../sim/governance/model';
import type { GovernanceParams } from '../../../sim/governance/params';
import { type LeverSpec, leversOf } from '../../../src/scenario/levers';
import { parseScenario } from '../../../src/scenario/parse';

const LEVERS = leversOf('governance');
/** Policy levers, and society's outside the population block and the two set below. */
const POLICY = LEVERS.filter((l) => l.kind === 'policy');
const SET_BELOW = ['params.collectiveAction.burnInDays', 'params.grievances.ratePerResidentYear'];
const SOCIETY = LEVERS.filter((l) => l.kind === 'society' && !l.path.startsWith('params.population.') && !SET_BELOW.includes(l.path));

/** A value of `l` within its plausible range (its limits when it has none). */
function leverValue(l: LeverSpec): fc.Arbitrary<unknown> {
  if (l.type === 'boolean') return fc.boolean();
  if (l.type === 'enum') return fc.constantFrom(...l.options!);
  const [lo, hi] = l.range ?? [l.min ?? 0, l.max ?? 1];
  return l.type === 'integer' ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.').slice(1); // under params
  let cur = target;
  for (const k of parts.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[parts[parts.length - 1]] = value;
}

const settings = (levers: LeverSpec[], max: number) =>
  fc.uniqueArray(fc.constantFrom(...levers), { maxLength: max, selector: (l) => l.path }).chain((ls) => fc.tuple(...ls.map((l) => leverValue(l).map((v) => [l.path, v] as const))));

const town = fc
  .record({
    residents: fc.integer({ min: 10, max: 5000 }),
    counties: fc.integer({ min: 1, max: 2 }),
    townsPerCounty: fc.integer({ min: 1, max: 2 }),
    villagesPerTown: fc.integer({ min: 1, max: 4 }),
    gridsPerVillage: fc.integer({ min: 1, max: 5 }),
    policy: settings(POLICY, 12),
    society: settings(SOCIETY, 4),
    burnInDays: fc.integer({ min: 0, max: 20 }),
    // Grievances per resident-year: the plausible 0.01..0.04 gives a small town a handful of cases a
    // month; up to 1 (the schema allows 10) crowds the channels, queues and petitions.
    rate: fc.double({ min: 0.01, max: 1, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    days: fc.integer({ min: 1, max: 150 }),
  })
  .map((t) => {
    const params: Record<string, unknown> = {
      population: { residents: t.residents, counties: t.counties, townsPerCounty: t.townsPerCounty, villagesPerTown: t.villagesPerTown, gridsPerVillage: t.gridsPerVillage },
      collectiveAction: { burnInDays: t.burnInDays },
      grievances: { ratePerResidentYear: t.rate },
      output: { caseLog: true, frameCaseCap: 10_000_000 },
    };
    for (const [path, v] of [...t.policy, ...t.society]) setAt(params, path, v);
    return { params, seed: t.seed, days: t.days };
  });

/** Parse as a scenario; a draw the schema refuses (none should be: all values are within limits) fails. */
function build(params: Record<string, unknown>, seed: number): GovernanceModel {
  const s = parseScenario({ model: 'governance', name: 'prop', params });
  return new GovernanceModel(s.params as GovernanceParams, seed);
}

const OPENED = EVENT_NAMES[EV_OPENED];
const CLOSED = new Set<string>([EVENT_NAMES[EV_RESOLVED], EVENT_NAMES[EV_ABANDONED]]);

describe('governance model invariants on random small towns', () => {
  it('conserves cases and population, and closes each case at most once', () => {
    // Over all runs: enough cases opened and closed that the checks below had something to check.
    const seen = { opened: 0, closed: 0, openAtEnd: 0 };
    fc.assert(
      fc.property(town, ({ params, seed, days }) => {
        const m = build(params, seed);
        const start = m.frame();
        const residents = start.meta.residents;
        expect(residents).toBe((params.population as { residents: number }).residents);
        expect(start.arrays.gridResidents.reduce((a, b) => a + b, 0)).toBe(residents);
        let open = start.meta.openCases;
        const openAtStart = open;

        m.step(days);
        const rec = m.series();
        expect(rec.rows).toBe(days);
        const col = (name: string) => rec.column(name);
        const [opened, openCol, resolved, abandoned] = ['disputesOpened', 'disputesOpen', 'resolved', 'abandoned'].map(col);
        const byLevel = ['resolvedGrid', 'resolvedVillage', 'resolvedTown', 'resolvedCounty'].map(col);
        for (let t = 0; t < days; t++) {
          // Each day: what opened, minus what closed, is what the open count moved by.
          expect(openCol[t]).toBe(open + opened[t] - resolved[t] - abandoned[t]);
          open = openCol[t];
          expect(byLevel.reduce((a, c) => a + c[t], 0)).toBe(resolved[t]);
          for (const name of ['actives', 'detained', 'volunteers', 'candidates']) {
            const v = col(name)[t];
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(residents);
          }
        }
        const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
        const s = m.summary();
        expect(s.residents).toBe(residents);
        expect(s.disputesOpened).toBe(sum(opened));
        expect(s.disputesResolved).toBe(sum(resolved));

        // The case-event log: one opening first, at most one closing, nothing after it.
        const log = m.caseLog();
        const state = new Map<number, 'open' | 'closed'>();
        let closes = 0;
        for (let r = 0; r < log.rows; r++) {
          const id = log.value(r, 0) as number;
          const ev = log.value(r, 2) as string;
          const was = state.get(id);
          if (ev === OPENED) {
            expect(was).toBeUndefined();
            state.set(id, 'open');
          } else {
            // Every event after the opening, none after the closing (cases open before day 0 excepted:
            // the log starts with the model, so a case it never saw open would show up here).
            expect(was).toBe('open');
            if (CLOSED.has(ev)) {
              state.set(id, 'closed');
              closes++;
            }
          }
        }
        expect(closes).toBe(sum(resolved) + sum(abandoned));
        seen.opened += sum(opened);
        seen.closed += closes;
        seen.openAtEnd += open;
        const openIds = [...state].filter(([, st]) => st === 'open').map(([id]) => id).sort((a, b) => a - b);
        expect(openIds.length).toBe(openAtStart + sum(opened) - closes);

        // The frame's open cases are the ones the log leaves open, each once.
        const f = m.frame();
        expect(f.meta.residents).toBe(residents);
        expect(f.meta.openCases).toBe(open);
        expect(f.meta.framedCases).toBe(open);
        expect([...f.arrays.caseId].sort((a, b) => a - b)).toEqual(openIds);
        expect(f.arrays.caseStatus.every((st) => st !== ST_FREE)).toBe(true);
        expect(f.arrays.caseOpened.every((d) => d >= 0 && d < days)).toBe(true);

        // Each citizen's count of open disputes is that of the open individual cases it claims.
        const w = m.w;
        const k = w.cases.cols;
        const claims = new Uint16Array(residents);
        let rows = 0;
        for (let row = 0; row < w.cases.length; row++) {
          if (k.status[row] === ST_FREE) continue;
          rows++;
          if (k.size[row] === 1) claims[k.citizen[row]]++;
          else expect(k.citizen[row] + k.size[row]).toBeLessThanOrEqual(residents);
        }
        expect(rows).toBe(open);
        for (let i = 0; i < residents; i++) expect(w.citizens.openCases[i]).toBe(Math.min(255, claims[i]));
      }),
      { numRuns: 30 },
    );
    expect(seen.opened).toBeGreaterThan(50);
    expect(seen.closed).toBeGreaterThan(20);
    expect(seen.openAtEnd).toBeGreaterThan(5);
  });
});
