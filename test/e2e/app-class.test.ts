/**
 * Issue 12 ("the app as a class would use it") in Debian's Chromium, against `vite preview` of dist/
 * (the setup of browser.test.ts, kept short): the compare view's difference table has a column per pair
 * of panes with units and honest signs, a lever's help says what the lever moves (from docs/levers.json),
 * and Epstein's legend and ranges follow the option set. Without /usr/bin/chromium this file fails.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './harness';



describe('the app as a class would use it, in Chromium', () => {
  let page: Page;
  let base: string;
  let errors: string[] = [];
  useApp({}, (app) => {
    ({ page, base, errors } = app);
  });

  it('shows a difference column per pair of panes, in pp for shares and in units otherwise, never +0 or −0', async () => {
    await page.goto(`${base}?compare=social-control,social-management,social-governance&seed=3&steps=30`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#cmp-play')?.disabled, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => /^All panes finished at step 30/.test(document.querySelector('#cmp-status')?.textContent ?? ''), null, { timeout: 100_000 });
    expect(await page.locator('#diff th[data-pair]').allTextContents()).toEqual(['B − A', 'C − A', 'C − B']);
    const cells = (metric: string) => page.locator(`#diff tr[data-metric="${metric}"] td.diff`).allTextContents();
    const shares = await cells('resolutionRate');
    expect(shares).toHaveLength(3);
    for (const c of shares) expect(c).toMatch(/^(0|[+−]\d[\d,]*(\.\d+)? pp)$/);
    for (const c of await cells('petitionsPer10k')) expect(c).toMatch(/^(0|[+−]\d[\d,]*(\.\d+)? per 10,000)$/);
    const all = await page.locator('#diff td.diff').allTextContents();
    for (const c of all) {
      expect(c).not.toMatch(/^[+−]0(\.0*)?(\s|$)/);
      expect(c).not.toMatch(/^-/);
    }
    expect(errors).toEqual([]);
  });

  it("says in a lever's help what the lever moves, and that a society lever's effect was not measured", async () => {
    await page.goto(`${base}?scenario=social-governance&seed=1`);
    const effect = page.locator('#lever-params-enforcement-officersPer1000-help .lever-effect');
    await expect.poll(() => effect.textContent(), { timeout: 30_000 }).toMatch(/^In social-governance \(seeds [^)]+\): .*(raises|lowers) /);
    const society = page.locator('.lever .lever-effect').filter({ hasText: 'Effect not measured' }).first();
    expect(await society.textContent()).toBe('Effect not measured; see govsim effects.');
    expect(errors).toEqual([]);
  });

  it("follows Epstein's option set in its legend and shows no unbounded maximum", async () => {
    await page.goto(`${base}?scenario=epstein-mesa&seed=1`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    expect(await page.locator('#legend').textContent()).toContain('Jailed (kept in its cell)');
    await page.goto(`${base}?scenario=epstein-2002-run1&seed=1`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    expect(await page.locator('#legend').textContent()).not.toContain('kept in its cell');
    const jail = await page.locator('#lever-params-maxJailTerm-help').textContent();
    expect(jail).toContain('Range 0 or more.');
    expect(jail).not.toContain('9007199254740991');
    expect(errors).toEqual([]);
  });
});
