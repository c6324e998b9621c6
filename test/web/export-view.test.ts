import { describe, expect, it } from 'vitest';
import { exportCaption } from '../../web/export-view';
import { withinViewport } from '../../web/inspect-reveal';

describe('the saved view names its run', () => {
  const info = { title: 'T', seed: '7', step: '30', end: '100', hash: '', address: 'https://x/?scenario=a&seed=7' };
  it('gives seed, step and end, the hash once known, and the address that reproduces it', () => {
    expect(exportCaption(info)).toEqual(['Seed 7 · step 30 of 100 · output hash: run to the end step to get it', 'https://x/?scenario=a&seed=7']);
    expect(exportCaption({ ...info, hash: 'ab'.repeat(32) })[0]).toBe(`Seed 7 · step 30 of 100 · output hash ${'ab'.repeat(32)}`);
  });
});

describe('the inspector is revealed only when not wholly on screen', () => {
  it('checks all four sides', () => {
    expect(withinViewport({ top: 0, bottom: 900, left: 0, right: 800 }, 800, 900)).toBe(true);
    expect(withinViewport({ top: 850, bottom: 950, left: 0, right: 800 }, 800, 900)).toBe(false);
    expect(withinViewport({ top: -1, bottom: 100, left: 0, right: 800 }, 800, 900)).toBe(false);
    expect(withinViewport({ top: 0, bottom: 100, left: 0, right: 801 }, 800, 900)).toBe(false);
  });
});
