/**
 * Every row of the golden table (hashes.json) still holds: each preset at seeds 1 and 2 gives, in
 * Node, the output hash committed there. A failure here means model output changed: if on purpose,
 * `npm run golden` and say why in the commit; if not, it is a regression. The browser test
 * (test/e2e/browser.test.ts) checks two rows of the same table in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { computeHash, plannedEntries, readGolden, SHORT_RUNS } from './golden';

const table = readGolden();

describe('golden output hashes', () => {
  it('has exactly one row for every preset at every golden seed', () => {
    const key = (e: { preset: string; seed: number; steps: number }) => `${e.preset} seed ${e.seed} steps ${e.steps}`;
    expect(table.entries.map(key).sort()).toEqual(plannedEntries().map(key).sort());
  });

  const small = table.entries.filter((e) => !(e.preset in SHORT_RUNS));
  it.each(small)('$preset at seed $seed, $steps steps', async (e) => {
    expect(await computeHash(e)).toBe(e.outputHash);
  });

  // The province sets up 65 million residents (20-60 s a run on a loaded 2-core machine) even for 5 steps.
  const big = table.entries.filter((e) => e.preset in SHORT_RUNS);
  it.each(big)('$preset at seed $seed, $steps steps (short run)', { timeout: 600_000 }, async (e) => {
    expect(await computeHash(e)).toBe(e.outputHash);
  });
});
