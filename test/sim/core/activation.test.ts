import { describe, expect, it } from 'vitest';
import {
  applyRatio,
  arrestProbability,
  grievance,
  isActive,
  RATIO_RULES,
  ratioCode,
} from '../../../sim/core/activation';

const K = 2.3; // Epstein (2002)
const code = ratioCode;

describe('ratio rules r(C / A)', () => {
  it('literal keeps the ratio, floor rounds down', () => {
    expect(applyRatio(2.5, code('literal'))).toBe(2.5);
    expect(applyRatio(2.5, code('floor'))).toBe(2);
    expect(applyRatio(0.99, code('floor'))).toBe(0);
  });

  it('round-half-even rounds halves to the even neighbour, as Python round does', () => {
    expect(applyRatio(0.5, code('round-half-even'))).toBe(0);
    expect(applyRatio(1.5, code('round-half-even'))).toBe(2);
    expect(applyRatio(2.5, code('round-half-even'))).toBe(2);
    expect(applyRatio(2.51, code('round-half-even'))).toBe(3);
    expect(applyRatio(1.49, code('round-half-even'))).toBe(1);
  });

  it('round-half-up rounds halves up', () => {
    expect(applyRatio(0.5, code('round-half-up'))).toBe(1);
    expect(applyRatio(2.5, code('round-half-up'))).toBe(3);
    expect(applyRatio(2.49, code('round-half-up'))).toBe(2);
  });

  it('every rule has a code', () => {
    expect(new Set(RATIO_RULES.map(code)).size).toBe(RATIO_RULES.length);
  });
});

describe('arrest probability P = 1 - exp(-k r(C / A)), A = 1 + actives in vision', () => {
  it('counts the citizen itself as the 1 in A: one cop and no other active gives C / A = 1', () => {
    for (const rule of RATIO_RULES) {
      expect(arrestProbability(1, 0, K, code(rule))).toBeCloseTo(1 - Math.exp(-K), 12);
    }
  });

  it('does not count the citizen twice: one cop and one other active gives C / A = 1/2', () => {
    expect(arrestProbability(1, 1, K, code('literal'))).toBeCloseTo(1 - Math.exp(-K / 2), 12);
    expect(arrestProbability(1, 1, K, code('floor'))).toBe(0);
    expect(arrestProbability(1, 1, K, code('round-half-even'))).toBe(0);
    expect(arrestProbability(1, 1, K, code('round-half-up'))).toBeCloseTo(1 - Math.exp(-K), 12);
  });

  it('is zero without cops under every rule', () => {
    for (const rule of RATIO_RULES) expect(arrestProbability(0, 5, K, code(rule))).toBe(0);
  });

  it('under floor is zero whenever actives (with self) outnumber cops, and about 0.9 otherwise', () => {
    // NetLogo Rebellion Info tab: "if A > C report 0, else report 0.99" (approximately: 1 - e^-2.3 = 0.90).
    expect(arrestProbability(7, 7, K, code('floor'))).toBe(0);
    expect(arrestProbability(8, 7, K, code('floor'))).toBeCloseTo(1 - Math.exp(-K), 12);
    expect(arrestProbability(16, 7, K, code('floor'))).toBeCloseTo(1 - Math.exp(-2 * K), 12);
  });
});

describe('activation rule G - R P > T', () => {
  it('computes grievance as H (1 - L)', () => {
    expect(grievance(0.5, 0.8)).toBeCloseTo(0.1, 15);
    expect(grievance(1, 0)).toBe(1);
  });

  it('is strict at the threshold and weighs risk by risk aversion', () => {
    expect(isActive(0.3, 0, 0.9, 0.1)).toBe(true);
    expect(isActive(0.1, 0, 0, 0.1)).toBe(false);
    expect(isActive(0.3, 0.5, 0.3, 0.1)).toBe(true); // 0.3 - 0.15 = 0.15 > 0.1
    expect(isActive(0.3, 0.5, 0.5, 0.1)).toBe(false); // 0.3 - 0.25 = 0.05
  });

  it('turns a citizen active when a second active joins it against one cop under floor, not under literal', () => {
    const g = grievance(0.9, 0.7); // 0.27
    const r = 0.3;
    const alone = arrestProbability(1, 0, K, code('floor'));
    const joined = arrestProbability(1, 1, K, code('floor'));
    expect(isActive(g, r, alone, 0.1)).toBe(false); // 0.27 - 0.3 * 0.9 = 0.0
    expect(isActive(g, r, joined, 0.1)).toBe(true); // P = 0
    expect(isActive(g, r, arrestProbability(1, 1, K, code('literal')), 0.1)).toBe(false); // 0.27 - 0.3 * 0.68
  });
});
