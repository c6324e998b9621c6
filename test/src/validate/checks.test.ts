import { describe, expect, it } from 'vitest';
import { above, band, below, moreEvents, ordering, proportionBand } from '../../../src/validate/checks';

const low = [1, 2, 3, 4, 5, 6, 7, 8];
const high = [11, 12, 13, 14, 15, 16, 17, 18];

describe('validation checks', () => {
  it('judge a band by the mean', () => {
    expect(band(1, 'x', [0.69, 0.71, 0.7], 0.6, 0.8).pass).toBe(true);
    expect(band(1, 'x', [0.89, 0.91, 0.9], 0.6, 0.8).pass).toBe(false);
  });

  it('require a bound to hold beyond seed noise', () => {
    // Mean 0.04 but wide spread: the upper 95% limit crosses 0.05.
    expect(below(2, 'x', [0.01, 0.07, 0.02, 0.06], 0.05).pass).toBe(false);
    expect(below(2, 'x', [0.039, 0.04, 0.041, 0.04], 0.05).pass).toBe(true);
    expect(above(2, 'x', [0.91, 0.92, 0.93, 0.92], 0.9).pass).toBe(true);
    expect(above(2, 'x', [0.88, 0.95, 0.86, 0.97], 0.9).pass).toBe(false);
  });

  it('require an ordering in the stated direction with p < 0.05', () => {
    expect(ordering(3, 'x', high, low, 'greater').pass).toBe(true);
    expect(ordering(3, 'x', high, low, 'less').pass).toBe(false);
    expect(ordering(3, 'x', low, high, 'less').pass).toBe(true);
    // Overlapping samples: no significant difference.
    expect(ordering(3, 'x', [1, 3, 5, 7], [2, 4, 6, 8], 'less').pass).toBe(false);
  });

  it('compare rare-event counts exactly', () => {
    expect(moreEvents(5, 'x', [0, 1, 0, 2, 1, 0, 1, 2, 0, 1], new Array(10).fill(0)).pass).toBe(true);
    expect(moreEvents(5, 'x', [0, 1, 0, 0], [0, 0, 0, 0]).pass).toBe(false);
  });

  it('judge a pooled proportion by its estimate', () => {
    expect(proportionBand(5, 'x', 32, 1000, 0.015, 0.05).pass).toBe(true);
    expect(proportionBand(5, 'x', 80, 1000, 0.015, 0.05).pass).toBe(false);
  });
});
