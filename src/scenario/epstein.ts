/**
 * Scenario params of the classic Epstein (2002) model. Defaults follow the paper's 40x40 torus
 * (density 0.7, k = 2.3, T = 0.1) and the NetLogo Rebellion conventions where the paper is silent;
 * the presets in scenarios/ set the options of each reference implementation explicitly.
 */
import * as z from 'zod';
import type { EpsteinParams } from '../../sim/epstein/params';
import { RATIO_RULES } from '../../sim/core/activation';
import { scheduledChanges } from './fields';

const unit = z.number().min(0).max(1);

export const epsteinParams = z
  .object({
    width: z.number().int().min(1).max(10000).default(40).describe('Lattice width in cells (torus).'),
    height: z.number().int().min(1).max(10000).default(40).describe('Lattice height in cells (torus).'),
    citizenDensity: unit.default(0.7).describe('Share of cells holding a citizen at the start (0..1).'),
    copDensity: unit.default(0.074).describe('Share of cells holding a cop at the start (0..1).'),
    citizenVision: z.number().int().min(1).max(100).default(7).describe('Citizen vision radius in cells.'),
    copVision: z.number().int().min(1).max(100).default(7).describe('Cop vision radius in cells.'),
    legitimacy: unit.default(0.8).describe('Perceived legitimacy L of the regime, shared by all citizens (0..1).'),
    maxJailTerm: z
      .number()
      .int()
      .min(0)
      .nullable()
      .default(1000)
      .describe('Maximum jail term in steps; null for an unbounded term (never released).'),
    threshold: unit.default(0.1).describe('Activation threshold T: active when G - R P > T.'),
    arrestConstant: z.number().min(0).max(100).default(2.3).describe('k in P = 1 - exp(-k r(C/A)).'),
    movement: z.boolean().default(true).describe('Whether agents move to a random empty cell in vision each step.'),
    ratioRule: z
      .enum(RATIO_RULES)
      .default('floor')
      .describe('Treatment of C/A in the arrest probability: floor (NetLogo), literal (the paper), round-half-even (Mesa), round-half-up.'),
    neighbourhood: z
      .enum(['von-neumann', 'moore', 'euclidean'])
      .default('von-neumann')
      .describe('Shape of vision: von Neumann diamond, Moore square or Euclidean disk, centre excluded.'),
    jailTermInclusive: z
      .boolean()
      .default(false)
      .describe('Jail terms drawn from 0..J inclusive (Mesa) rather than 0..J-1 (NetLogo).'),
    jailedCellEmpty: z
      .boolean()
      .default(true)
      .describe('A jailed citizen leaves its cell free (NetLogo) rather than keeping it (Mesa).'),
    order: z
      .enum(['act-then-move', 'move-then-act'])
      .default('move-then-act')
      .describe('Per agent: act then move (Mesa) or move then act (NetLogo).'),
    population: z
      .enum(['per-cell', 'fixed'])
      .default('fixed')
      .describe('Fixed counts on random cells (NetLogo) or a density draw per cell (Mesa).'),
    mixedOrder: z
      .boolean()
      .default(true)
      .describe('One shuffled order over citizens and cops each step, rather than citizens then cops.'),
    legitimacySchedule: scheduledChanges('legitimacy', unit),
    copSchedule: scheduledChanges('cop density', unit),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.citizenDensity + p.copDensity > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['copDensity'],
        input: p.copDensity,
        message: `citizenDensity + copDensity must be at most 1 (citizenDensity is ${p.citizenDensity})`,
      });
    }
  });

// Compile-time check that the schema's output is exactly the model's params type.
type Parsed = z.output<typeof epsteinParams>;
const _sameShape: [Parsed, EpsteinParams] extends [EpsteinParams, Parsed] ? true : never = true;
void _sameShape;
