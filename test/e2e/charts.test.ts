/**
 * Issue 12's readable results in Debian's Chromium, against `vite preview` of dist/ (harness.ts): the
 * explore page's charts are uPlot charts that show the values under the cursor, zoom on a drag and show
 * the whole run again on a double-click; the dispute-path diagram's labels, as the browser lays them out
 * (getBoundingClientRect), overlap neither each other nor another node; compare overlays its panes on
 * one chart per panel in the panes' colours. Without /usr/bin/chromium this file fails.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PANE_COLOURS, rgb } from '../../web/palette';
import { useApp } from './harness';

describe('charts and the dispute-path diagram, in Chromium', () => {
  let page: Page;
  let base: string;
  let errors: string[] = [];
  useApp({}, (app) => {
    ({ page, base, errors } = app);
  });

  /** The first chart's legend values (step first) with the cursor at `fx` of the plot's width. */
  async function hover(fx: number): Promise<string[]> {
    const box = await plotBox('#charts');
    await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
    return page.locator('#charts figure').first().locator('.u-legend .u-value').allTextContents();
  }

  /** The plot area of the first chart under `root`, scrolled into view (the mouse reaches only the viewport). */
  async function plotBox(root: string) {
    const over = page.locator(`${root} figure`).first().locator('.u-over');
    await over.scrollIntoViewIfNeeded();
    return (await over.boundingBox())!;
  }

  it('shows uPlot charts with values on hover, zooms on a drag and shows the whole run on a double-click', async () => {
    await page.goto(`${base}?scenario=social-governance&seed=1&steps=120`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#run-to-end')?.disabled, null, { timeout: 60_000 });
    await page.locator('#run-to-end').click();
    await page.waitForFunction(() => /^Run finished at step 120/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 100_000 });
    expect(await page.locator('#charts figure').count()).toBe(5);
    expect(await page.locator('#charts figure .uplot canvas').count()).toBe(5);
    const names = await page.locator('#charts figure').first().locator('.u-legend .u-label').allTextContents();
    expect(names).toEqual(['Step', 'Open now', 'Grid', 'Village', 'Town', 'County']);
    // Every legend entry of every chart says on hover what it counts.
    const titles = await page.locator('#charts .u-legend .u-series').evaluateAll((rows) => rows.map((r) => r.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(5);
    for (const title of titles) expect(title.length).toBeGreaterThan(10);

    // Halfway across the plot: about step 60 of 0 to 120, and a number for every line.
    const mid = await hover(0.5);
    expect(Number(mid[0])).toBeGreaterThanOrEqual(55);
    expect(Number(mid[0])).toBeLessThanOrEqual(65);
    for (const v of mid.slice(1)) expect(v).toMatch(/^\d[\d,]*$/);

    // Drag from a quarter to a half of the width: the left edge is now about step 30, not 0.
    const box = await plotBox('#charts');
    const y = box.y + box.height / 2;
    expect(Number((await hover(0.01))[0])).toBeLessThanOrEqual(3);
    await page.mouse.move(box.x + box.width * 0.25, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await page.mouse.up();
    const zoomedLeft = Number((await hover(0.01))[0]);
    expect(zoomedLeft).toBeGreaterThanOrEqual(25);
    expect(zoomedLeft).toBeLessThanOrEqual(35);
    await page.mouse.dblclick(box.x + box.width * 0.5, y);
    expect(Number((await hover(0.01))[0])).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('lays out the dispute paths with no label over another label or node', async () => {
    // The run of the test before (social-governance, 120 days, finished) is on screen.
    await page.waitForFunction(() => document.querySelectorAll('#sankey text.sankey-label').length >= 8, null, { timeout: 30_000 });
    await page.locator('#sankey').scrollIntoViewIfNeeded();
    const found = await page.evaluate(() => {
      const labels = [...document.querySelectorAll<SVGTextElement>('#sankey text.sankey-label')].map((t) => ({ id: t.dataset.node ?? '', r: t.getBoundingClientRect() }));
      const nodes = [...document.querySelectorAll<SVGRectElement>('#sankey rect[data-node]')].map((n) => ({ id: n.dataset.node ?? '', r: n.getBoundingClientRect() }));
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const out: string[] = [];
      labels.forEach((a, i) => {
        for (const b of labels.slice(i + 1)) if (overlap(a.r, b.r)) out.push(`${a.id} / ${b.id}`);
        for (const n of nodes) if (n.id !== a.id && overlap(a.r, n.r)) out.push(`${a.id} over node ${n.id}`);
      });
      const svg = document.querySelector('#sankey svg')!.getBoundingClientRect();
      for (const a of labels) if (a.r.left < svg.left - 0.5 || a.r.right > svg.right + 0.5) out.push(`${a.id} leaves the diagram`);
      return { out, labels: labels.length, nodes: nodes.length, minHeight: Math.min(...labels.map((l) => l.r.height)) };
    });
    expect(found.labels).toBe(found.nodes);
    expect(found.minHeight).toBeGreaterThan(15); // two lines each: name and count
    expect(found.out).toEqual([]);
    expect(await page.locator('#sankey').getAttribute('aria-label')).toMatch(/^Dispute paths: \d+ opened; first went to .*grid worker \d+.*; ended .*resolved: grid \d+/);
    expect(errors).toEqual([]);
  });

  it("gives Epstein's one chart the whole width", async () => {
    await page.goto(`${base}?scenario=epstein-2002-run1&seed=1&steps=200`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#run-to-end')?.disabled, null, { timeout: 60_000 });
    const [chart, panel] = await Promise.all([page.locator('#charts figure').boundingBox(), page.locator('#charts').boundingBox()]);
    expect(chart!.width).toBeGreaterThan(panel!.width * 0.95);
    expect(errors).toEqual([]);
  });

  it('overlays the compare panes on one chart per panel, in the panes’ colours', async () => {
    await page.goto(`${base}?compare=social-control,social-governance&seed=1&steps=20`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#cmp-run-to-end')?.disabled, null, { timeout: 60_000 });
    await page.locator('#cmp-run-to-end').click();
    await page.waitForFunction(() => /^All panes finished at step 20/.test(document.querySelector('#cmp-status')?.textContent ?? ''), null, { timeout: 100_000 });
    expect(await page.locator('#cmp-charts figure').count()).toBe(6);
    expect(await page.locator('#cmp-charts figure .uplot').count()).toBe(6);
    const first = page.locator('#cmp-charts figure').first();
    const labels = await first.locator('.u-legend .u-label').allTextContents();
    expect(labels.slice(1).map((l) => l.slice(0, 3))).toEqual(['A: ', 'B: ']);
    const colours = await first.locator('.u-legend .u-series .u-marker').evaluateAll((ms) => ms.map((m) => getComputedStyle(m).borderColor));
    expect(colours.slice(1)).toEqual(PANE_COLOURS.slice(0, 2).map((c) => `rgb(${rgb(c).join(', ')})`));
    const over = await plotBox('#cmp-charts');
    await page.mouse.move(over.x + over.width * 0.9, over.y + over.height / 2);
    const values = await first.locator('.u-legend .u-value').allTextContents();
    for (const v of values) expect(v).toMatch(/^\d[\d,.]*$/);
    expect(errors).toEqual([]);
  });
});
