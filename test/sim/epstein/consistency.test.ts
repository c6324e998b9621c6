import { describe, expect, it } from 'vitest';
import { EpsteinModel } from '../../../sim/epstein/model';
import type { EpsteinParams } from '../../../sim/epstein/params';
import { params, recount } from './helpers';



function check(m: EpsteinModel, p: EpsteinParams): void {
  const frame = m.frame();
  const cells = frame.arrays.cells as Uint8Array;
  const counts = m.visionCounts();
  const { width, height } = p;
  expect(counts.copsSeen).toEqual(recount(cells, width, height, p.neighbourhood, p.citizenVision, 3));
  expect(counts.activesSeen).toEqual(recount(cells, width, height, p.neighbourhood, p.citizenVision, 2));
  expect(counts.activesSeenByCops).toEqual(recount(cells, width, height, p.neighbourhood, p.copVision, 2));
  // Conservation: every citizen is on the lattice or in jail; the cops on the lattice are all the cops.
  const n = [0, 0, 0, 0, 0];
  for (const c of cells) n[c]++;
  const s = m.summary();
  expect(n[3]).toBe(s.cops);
  expect(n[2]).toBe(s.finalActive);
  const jailedOffLattice = p.jailedCellEmpty ? (s.finalJailed as number) : 0;
  expect(n[1] + n[2] + n[4] + jailedOffLattice).toBe(s.citizens);
}

// Low legitimacy and short terms keep actives turning on and off, moving, being arrested and released.
const churn: Partial<EpsteinParams> = { legitimacy: 0.6, copDensity: 0.05, maxJailTerm: 8 };

const CASES: [string, Partial<EpsteinParams>][] = [
  ['von Neumann, NetLogo order', {}],
  [
    'Moore, Mesa options',
    {
      neighbourhood: 'moore',
      order: 'act-then-move',
      jailedCellEmpty: false,
      population: 'per-cell',
      jailTermInclusive: true,
      ratioRule: 'round-half-even',
    },
  ],
  ['Euclidean, cop vision 4, citizens then cops', { neighbourhood: 'euclidean', copVision: 4, mixedOrder: false }],
  [
    'a 9 x 6 torus smaller than the vision diameter',
    { width: 9, height: 6, citizenVision: 5, copVision: 3, ratioRule: 'literal' },
  ],
  // Exactly one vision diameter wide (2 x 7 + 1): the rows of the shape that span the whole width were
  // miscounted in the one column where the fast paths run (found by the property test
  // test/sim/epstein/model.property.test.ts).
  ['von Neumann, 15 wide with vision 7', { width: 15, height: 22 }],
  ['Moore, 15 wide with vision 7, cop vision 3', { width: 15, height: 22, neighbourhood: 'moore', copVision: 3 }],
  [
    'a crowded 24 x 20 lattice with a cop schedule',
    {
      width: 24,
      height: 20,
      citizenDensity: 0.85,
      copDensity: 0.1,
      copSchedule: [
        { at: 20, to: 0.02, over: 30 },
        { at: 70, to: 0.12, over: 0 },
      ],
    },
  ],
];

describe('incremental vision counts', () => {
  for (const [name, overrides] of CASES) {
    it(`equal a brute-force recount after many steps: ${name}`, () => {
      const p = params({ width: 30, height: 26, ...churn, ...overrides });
      const m = new EpsteinModel(p, 7);
      let arrests = 0;
      for (let checkpoint = 0; checkpoint < 4; checkpoint++) {
        m.step(30);
        check(m, p);
        arrests = m.summary().arrests as number;
      }
      // The run exercised the events the counts must follow (active citizen-steps, not one run's peak).
      expect(arrests).toBeGreaterThan(20);
      const activeSteps = m.series().column('active').reduce((a, b) => a + b, 0);
      expect(activeSteps).toBeGreaterThan(20);
    });
  }
});
