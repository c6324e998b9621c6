/**
 * The Sensitivity view (?view=sensitivity) in Debian's Chromium, against `vite preview` of dist/ (the
 * setup of browser.test.ts):
 *   - a sensitivity.json linked with ?result= (same origin) is fetched, checked and plotted: the SVG
 *     names every parameter, the table lists them; another metric can be picked;
 *   - a Sobol file opened with the file button draws S1/ST bars; a bad file dropped on the page and a
 *     link to another site are refused with what is wrong;
 *   - "Screen this scenario" (r = 2, two levers, 30 steps) runs in the page's workers to 100%, plots the
 *     indices, and its downloadable sensitivity.json is byte for byte what `govsim sensitivity` writes
 *     for the command it shows (test/src/sensitivity/fixtures/screen-cli.json); Cancel stops a run.
 * Without /usr/bin/chromium this file fails (it never skips).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, useApp } from './harness';

const FIXTURES = join(ROOT, 'test/src/sensitivity/fixtures');
const MORRIS = readFileSync(join(FIXTURES, 'morris-sensitivity.json'), 'utf8');
const SCREEN_CLI = readFileSync(join(FIXTURES, 'screen-cli.json'), 'utf8');


describe('the Sensitivity view in Chromium', () => {
  let page: Page;
  let context: BrowserContext;
  let base: string;
  let consoleErrors: string[] = [];
  useApp({}, async (app) => {
    ({ page, context, base, errors: consoleErrors } = app);
    // A result "on this site" without copying fixtures into dist/: the page's fetch is answered here.
    await context.route('**/results/morris.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: MORRIS }));
  });

  const svgTexts = () => page.locator('#sens-plot svg text').allTextContents();
  const tableParameters = () => page.locator('#sens-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.parameter));

  it('opens a linked sensitivity.json and plots mu* against sigma, naming every parameter', async () => {
    await page.goto(`${base}?view=sensitivity&scenario=social-governance&result=results/morris.json`);
    await page.locator('#sens-plot svg').waitFor();
    const raw = JSON.parse(MORRIS);
    const names: string[] = raw.parameters.map((p: { name: string }) => p.name);
    expect(await page.locator('#nav-sensitivity').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#sens-title').textContent()).toContain('Morris screening, r = 2, 3 parameters');
    expect(await page.locator('#sens-metric').inputValue()).toBe(raw.plotted[0]);
    const texts = await svgTexts();
    for (const n of names) expect(texts).toContain(n);
    expect(await page.locator('#sens-plot svg circle').count()).toBe(3);
    expect((await tableParameters()).sort()).toEqual([...names].sort());
    expect(await page.locator('#sens-plot svg').getAttribute('role')).toBe('img');
    await page.locator('#sens-metric').selectOption('petitionsPer10k');
    expect((await svgTexts())[0]).toBe('petitionsPer10k');
    expect(await page.locator('#explore').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('opens a Sobol file from the file button (S1 and ST bars), refuses a bad file dropped on the page and a link to another site', async () => {
    await page.goto(`${base}?view=sensitivity&scenario=social-governance`);
    await page.locator('#sens-file').setInputFiles(join(FIXTURES, 'sobol-sensitivity.json'));
    await page.locator('#sens-plot svg').waitFor();
    expect(await page.locator('#sens-title').textContent()).toContain('Sobol indices, N = 4');
    expect(await page.locator('#sens-plot svg rect.s1').count()).toBe(2);
    expect(await page.locator('#sens-plot svg rect.st').count()).toBe(2);
    const texts = await svgTexts();
    expect(texts).toContain('ngo.support');
    expect(texts).toContain('mediation.grid.skill');

    const bad = JSON.parse(MORRIS);
    delete bad.metrics.satisfaction.indices['ngo.support'];
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'broken.json', { type: 'application/json' }));
      return d;
    }, JSON.stringify(bad));
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await page.locator('#sens-errors').waitFor();
    const message = await page.locator('#sens-errors').textContent();
    expect(message).toContain('broken.json was not opened');
    expect(message).toContain('metrics.satisfaction.indices: no entry for ngo.support');

    await page.goto(`${base}?view=sensitivity&result=https://example.org/sensitivity.json`);
    await page.locator('#sens-errors').waitFor();
    expect(await page.locator('#sens-errors').textContent()).toContain('is on another site');
    expect(await page.locator('#sens-result').isHidden()).toBe(true);
  });

  it('screens the scenario in the page’s workers to 100% and offers the CLI’s own sensitivity.json', async () => {
    const t0 = Date.now();
    await page.goto(`${base}?view=sensitivity&scenario=social-governance&seed=3&steps=30&kind=policy&params=mediation.grid.skill,ngo.support&r=2`);
    await page.locator('#sens-run').waitFor();
    expect(await page.locator('#sens-size').textContent()).toContain('6 runs of 30 steps');
    expect(await page.locator('#sens-size').textContent()).toContain(
      'npx govsim sensitivity social-governance --kind policy --params mediation.grid.skill,ngo.support --r 2 --seeds 3..3 --steps 30',
    );
    await page.locator('#sens-run').click();
    await page.locator('#sens-downloads a[data-file="sensitivity.json"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#sens-progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([6, 6]);
    expect(await page.locator('#sens-progress-text').textContent()).toBe('6 of 6 runs (100%)');
    expect((await tableParameters()).sort()).toEqual(['mediation.grid.skill', 'ngo.support']);
    expect(await svgTexts()).toContain('mediation.grid.skill');
    const downloaded = await page.locator('#sens-downloads a[data-file="sensitivity.json"]').evaluate(async (a: HTMLAnchorElement) => (await fetch(a.href)).text());
    expect(downloaded).toBe(SCREEN_CLI);
    expect(await page.locator('#sens-status').textContent()).toMatch(/^Screening finished: 6 runs/);
    console.log(`screening r = 2, 2 levers, 30 steps in Chromium: ${Date.now() - t0} ms including page load`);
    expect(consoleErrors).toEqual([]);
  });

  it('Cancel stops a screening and keeps nothing', async () => {
    await page.goto(`${base}?view=sensitivity&scenario=social-governance&steps=365&kind=policy&r=10`);
    await page.locator('#sens-run').click();
    expect(await page.locator('#sens-cancel').isEnabled()).toBe(true);
    await page.locator('#sens-cancel').click();
    await page.waitForFunction(() => document.querySelector('#sens-status')?.textContent?.startsWith('Screening cancelled'));
    expect(await page.locator('#sens-run').isEnabled()).toBe(true);
    expect(await page.locator('#sens-cancel').isDisabled()).toBe(true);
    expect(await page.locator('#sens-result').isHidden()).toBe(true);
  });
});
