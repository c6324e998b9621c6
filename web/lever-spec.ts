/**
 * The levers of a model, for the form (levers.ts). The listing lives in src/scenario/levers.ts because
 * the CLI (`govsim effects`) needs it too and src/ may not import from web/; this re-export keeps the
 * page's imports where they were.
 */
export { acceptedText, checkLever, leversOf, rangeText, valueAt, LEVER_KINDS, type LeverKind, type LeverProblem, type LeverSpec } from '../src/scenario/levers';
