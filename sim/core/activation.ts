/**
 * The collective-action rule of Epstein (2002), shared by the classic lattice model (sim/epstein) and
 * the governance model's collective action: one implementation, so the two cannot drift apart.
 *
 *   grievance      G = H (1 - L)
 *   arrest risk    P = 1 - exp(-k * r(C / A)),   A = 1 + actives in vision (the agent counts itself)
 *   activation     active  iff  G - R P > T
 *
 * The reference implementations disagree on r, the treatment of C/A; each is an option here:
 *   literal         C / A                      (Epstein 2002 as printed)
 *   floor           floor(C / A)               (NetLogo Rebellion)
 *   round-half-even Python's round(C / A)      (Mesa epstein_civil_violence)
 *   round-half-up   floor(C / A + 0.5)
 * With floor, a lone citizen facing fewer cops than actives sees P = 0, which is what produces the
 * punctuated outbursts; the literal ratio smooths them away.
 */
import { exp } from './dmath';

export const RATIO_RULES = ['literal', 'floor', 'round-half-even', 'round-half-up'] as const;
export type RatioRule = (typeof RATIO_RULES)[number];

/** Numeric codes for hot loops (avoid string compares per agent). */
export const enum RatioCode {
  Literal = 0,
  Floor = 1,
  RoundHalfEven = 2,
  RoundHalfUp = 3,
}

export function ratioCode(rule: RatioRule): RatioCode {
  switch (rule) {
    case 'literal':
      return RatioCode.Literal;
    case 'floor':
      return RatioCode.Floor;
    case 'round-half-even':
      return RatioCode.RoundHalfEven;
    case 'round-half-up':
      return RatioCode.RoundHalfUp;
  }
}

/** r(x) for x = C / A under the given rule. */
export function applyRatio(x: number, rule: RatioCode): number {
  switch (rule) {
    case RatioCode.Literal:
      return x;
    case RatioCode.Floor:
      return Math.floor(x);
    case RatioCode.RoundHalfUp:
      return Math.floor(x + 0.5);
    case RatioCode.RoundHalfEven: {
      const f = Math.floor(x);
      const d = x - f;
      if (d < 0.5) return f;
      if (d > 0.5) return f + 1;
      return f % 2 === 0 ? f : f + 1;
    }
  }
}

/** Estimated arrest probability P for `cops` in vision and `activesInVision` actives (self not included). */
export function arrestProbability(cops: number, activesInVision: number, k: number, rule: RatioCode): number {
  const a = 1 + activesInVision;
  return 1 - exp(-k * applyRatio(cops / a, rule));
}

/** Epstein's grievance: hardship times illegitimacy. */
export function grievance(hardship: number, legitimacy: number): number {
  return hardship * (1 - legitimacy);
}

/** The activation rule: net risk-adjusted grievance exceeds the threshold. */
export function isActive(grievance: number, riskAversion: number, arrestP: number, threshold: number): boolean {
  return grievance - riskAversion * arrestP > threshold;
}
