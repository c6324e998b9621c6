import { describe, expect, it } from 'vitest';
import { directionNumbers, isPrimitive, sobolPoints } from '../../../src/sensitivity/sobol-sequence';
import { Stream } from '../../../sim/core/random';

describe('Sobol sequence', () => {
  it('finds the primitive polynomials of low degree (x+1; x^2+x+1; x^3+x+1 and x^3+x^2+1)', () => {
    const of = (s: number) => Array.from({ length: 1 << (s - 1) }, (_, a) => a).filter((a) => isPrimitive(s, a));
    expect(of(1)).toEqual([0]);
    expect(of(2)).toEqual([1]);
    expect(of(3)).toEqual([1, 2]);
    expect(of(4)).toEqual([1, 4]);
    // Counts of primitive polynomials: phi(2^s - 1) / s.
    expect(of(5)).toHaveLength(6);
    expect(of(7)).toHaveLength(18);
    expect(of(8)).toHaveLength(16);
  });

  it('builds direction numbers past the Joe-Kuo table (224 dimensions for 112 parameters)', () => {
    expect(directionNumbers(224, new Stream('t'))).toHaveLength(224);
  });

  it('2^m points put exactly one point in each of the 2^m equal intervals of every dimension (shift included)', () => {
    for (const dims of [6, 40, 224]) {
      const n = 64;
      const pts = sobolPoints(n, dims, 3);
      for (let d = 0; d < dims; d++) {
        const cells = new Set(pts.map((p) => Math.floor(p[d] * n)));
        expect(cells.size).toBe(n);
      }
    }
  });

  it('two dimensions of 256 points: one point in each of the 16 x 16 squares (a (0, 8, 2)-net, Joe-Kuo dimensions 1-2)', () => {
    const pts = sobolPoints(256, 2, 1);
    const cells = new Set(pts.map((p) => `${Math.floor(p[0] * 16)},${Math.floor(p[1] * 16)}`));
    expect(cells.size).toBe(256);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(sobolPoints(32, 5, 9)).toEqual(sobolPoints(32, 5, 9));
    expect(sobolPoints(32, 5, 9)).not.toEqual(sobolPoints(32, 5, 10));
  });
});
