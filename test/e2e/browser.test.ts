/**
 * The browser app, end to end, in Debian's Chromium (headless, SwiftShader WebGL) driven by
 * playwright-core against `vite preview` of the built dist/:
 *   - the page loads a preset from the link, without console errors, and shows its name, description
 *     and sources;
 *   - play / pause / step / reset (buttons and keys) move the step counter as they should;
 *   - the lattice canvas really shows the model's colours: pixels counted in a screenshot match the
 *     cells of the frame, cell for cell (jailed citizens too, for a preset that keeps them in cells);
 *   - the preset picker switches presets (a governance one too) and the link follows;
 *   - a bad seed typed into the box, and a bad preset or seed in the link, get a clear message;
 *   - determinism: "Run to end" in Chromium's Web Worker shows the same output hash as runScenario in
 *     Node for the same scenario, seed and steps; another seed gives another hash; the default
 *     governance run at full length and a 1,000-step Epstein run give the rows of the golden table
 *     (test/golden/hashes.json) that the Node test checks.
 *   - the governance app (issue 5): the start page opens the governance town and links the
 *     control-management-governance comparison; a run draws the 3D town (non-background pixels counted)
 *     and a click inspects it; the page's own work per frame is measured and printed; a lever change
 *     changes the results and bad lever input is refused at the field; a permalink with set.params
 *     reproduces runScenario's hash of the overridden scenario; control vs governance on the same seed
 *     differ in their panes; a bad scenario file dropped on the page lists its errors, a good one runs.
 * Screenshots go to test-artifacts/. Without /usr/bin/chromium this file fails (it never skips).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parquetReadObjects } from 'hyparquet';
import { type App, openApp, ROOT } from './harness';
import { runScenario } from '../../src/output/run';
import { parseScenario } from '../../src/scenario/parse';
import { applyOverrides } from '../../src/scenario/overrides';
import { EPSTEIN_COLOURS, rgb } from '../../web/palette';
import { goldenHash, readGolden } from '../golden/golden';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const PRESET = 'epstein-2002-run1';
const PRESET_FILE = join(ROOT, 'scenarios', `${PRESET}.json`);



describe('the browser app in Chromium', () => {
  let app: App | undefined;
  let page: Page;
  let base: string;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(PRESET_FILE)) throw new Error(`The browser tests run the preset ${PRESET}, but ${PRESET_FILE} is missing.`);
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await openApp({ deviceScaleFactor: 1 });
    ({ page, base } = app);
    consoleErrors = app.errors;
  });

  afterAll(async () => {
    await app?.close();
  });

  const counter = async () => Number(await page.locator('#step-counter').textContent());

  /** Open the page at `query` and wait until the run is loaded (Play enabled, step 0). */
  async function open(query: string): Promise<void> {
    await page.goto(base + query);
    await page.waitForFunction(() => {
      const play = document.querySelector<HTMLButtonElement>('#play');
      return play && !play.disabled && document.querySelector('#step-counter')?.textContent === '0';
    });
  }

  async function waitForStep(n: number): Promise<void> {
    await page.waitForFunction((k) => document.querySelector('#step-counter')?.textContent === String(k), n);
  }

  it('loads the preset named in the link, with its name, description and sources', async () => {
    await open(`?scenario=${PRESET}&seed=7`);
    const raw = JSON.parse(readFileSync(PRESET_FILE, 'utf8'));
    expect(await page.locator('#preset').inputValue()).toBe(PRESET);
    expect(await page.locator('#preset-name').textContent()).toBe(raw.name);
    expect(await page.locator('#preset-description').textContent()).toBe(raw.description);
    // One item per source, written for people (web/sources.ts; layout.test.ts checks the wording).
    expect(await page.locator('#preset-sources li').count()).toBe(raw.sources.length);
    // Every preset in scenarios/ is offered.
    const presets = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect((await page.locator('#preset option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).sort()).toEqual(
      presets.map((f) => f.slice(0, -5)).sort(),
    );
    // The link now holds the whole run: preset, seed and end step.
    const q = new URL(page.url()).searchParams;
    expect([q.get('scenario'), q.get('seed'), q.get('steps')]).toEqual([PRESET, '7', String(raw.steps ?? 500)]);
    expect(await page.getByLabel('Seed').inputValue()).toBe('7');
    expect(await counter()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-loaded.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('steps, plays, pauses and resets, by button and by key', async () => {
    await open(`?scenario=${PRESET}&seed=7`);
    await page.getByRole('button', { name: 'Step' }).click();
    await waitForStep(1);
    await page.getByRole('button', { name: 'Step' }).click();
    await waitForStep(2);
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // focus off the fields
    await page.keyboard.press('s');
    await waitForStep(3);

    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#step-counter')?.textContent) >= 12);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => /^Paused at step \d+/.test(document.querySelector('#status')?.textContent ?? ''));
    const paused = await counter();
    expect(paused).toBeGreaterThanOrEqual(12);
    await page.waitForTimeout(400);
    expect(await counter()).toBe(paused);
    expect(await page.locator('#status').textContent()).toBe(`Paused at step ${paused}.`);

    // Keys: P plays and pauses, R resets.
    await page.keyboard.press('p');
    await page.waitForFunction((k) => Number(document.querySelector('#step-counter')?.textContent) > k, paused);
    await page.keyboard.press('p');
    await page.waitForFunction(() => /^Paused at step/.test(document.querySelector('#status')?.textContent ?? ''));
    await page.keyboard.press('r');
    await waitForStep(0);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')!.disabled);
    await page.getByRole('button', { name: 'Step' }).click();
    await waitForStep(1);
    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForStep(0);
    expect(consoleErrors).toEqual([]);
  });

  /**
   * Step with the S key until `want` holds for the shown counts (deterministic for a given preset and
   * seed, unlike pausing a playing run), then check the canvas pixel by pixel against the frame.
   */
  async function checkLattice(preset: string, seed: number, want: (c: { active: number; jailed: number }) => boolean, shot: string) {
    await open(`?scenario=${preset}&seed=${seed}`);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const shown = async (id: string) => Number((await page.locator(id).textContent())!.replace(/,/g, ''));
    for (let k = 1; k <= 300; k++) {
      await page.keyboard.press('s');
      await waitForStep(k);
      if (want({ active: await shown('#count-active'), jailed: await shown('#count-jailed') })) break;
    }

    // What the frame holds, as the page states it in the canvas's accessible name.
    const label = (await page.locator('#lattice').getAttribute('aria-label')) ?? '';
    const m = /^Lattice of (\d+) by (\d+) cells at step (\d+): (\d+) quiet, (\d+) active, (\d+) jailed in their cells, (\d+) cops, (\d+) empty cells\.$/.exec(label);
    expect(m, label).not.toBeNull();
    const [width, height, step, quiet, active, jailed, cops, empty] = m!.slice(1).map(Number);
    expect(step).toBe(await counter());
    expect(width * height).toBe(quiet + active + jailed + cops + empty);
    // The counts beside the picture (from the model's series) agree with the frame.
    expect(await shown('#count-active')).toBe(active);
    expect(await shown('#count-quiet')).toBe(quiet);

    // Screenshot the canvas's drawing area (inside its border) and count pixels by colour in the page.
    await page.locator('#lattice').scrollIntoViewIfNeeded();
    const clip = await page.locator('#lattice').evaluate((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left + c.clientLeft, y: r.top + c.clientTop, width: c.clientWidth, height: c.clientHeight };
    });
    const png = await page.screenshot({ clip, path: join(ARTIFACTS, `${shot}-lattice.png`) });
    await page.screenshot({ path: join(ARTIFACTS, `${shot}-page.png`), fullPage: true });
    const palette = Object.fromEntries(Object.entries(EPSTEIN_COLOURS).map(([k, hex]) => [k, rgb(hex)]));
    const px = await page.evaluate(
      async ({ b64, palette }) => {
        const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
        const bmp = await createImageBitmap(blob, { colorSpaceConversion: 'none' });
        const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
        g.drawImage(bmp, 0, 0);
        const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
        const counts: Record<string, number> = Object.fromEntries(Object.keys(palette).map((k) => [k, 0]));
        let other = 0;
        for (let i = 0; i < d.length; i += 4) {
          let hit = '';
          for (const [k, [r, gg, b]] of Object.entries(palette)) {
            if (Math.abs(d[i] - r) <= 2 && Math.abs(d[i + 1] - gg) <= 2 && Math.abs(d[i + 2] - b) <= 2) hit = k;
          }
          if (hit) counts[hit]++;
          else other++;
        }
        return { width: bmp.width, height: bmp.height, counts, other };
      },
      { b64: png.toString('base64'), palette },
    );
    // A whole number of pixels per cell, so every pixel is one cell's colour and the counts divide exactly.
    expect(px.width % width).toBe(0);
    expect(px.height % height).toBe(0);
    expect(px.width / width).toBeGreaterThanOrEqual(4);
    const cellPx = (px.width / width) * (px.height / height);
    expect(px.other).toBe(0);
    expect({
      quiet: px.counts.quiet / cellPx,
      active: px.counts.active / cellPx,
      jailed: px.counts.jailed / cellPx,
      cop: px.counts.cop / cellPx,
      empty: px.counts.empty / cellPx,
    }).toEqual({ quiet, active, jailed, cop: cops, empty });
    return { quiet, active, jailed, cops };
  }

  it('draws the lattice in the model colours, cell for cell', async () => {
    const cells = await checkLattice(PRESET, 7, (c) => c.active > 0, 'browser');
    expect(cells.active).toBeGreaterThan(0);
    expect(cells.quiet).toBeGreaterThan(0);
    expect(cells.cops).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('draws jailed citizens kept in their cells (a preset with jailedCellEmpty false)', async () => {
    const keeping = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.startsWith('epstein') && f.endsWith('.json'))
      .filter((f) => JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')).params?.jailedCellEmpty === false)
      .map((f) => f.slice(0, -5))
      .sort();
    expect(keeping, 'an Epstein preset with params.jailedCellEmpty false (Mesa convention), e.g. epstein-mesa').not.toEqual([]);
    const cells = await checkLattice(keeping[0], 7, (c) => c.jailed > 0 && c.active > 0, 'browser-jailed');
    expect(cells.jailed).toBeGreaterThan(0);
    // With jailed citizens in their cells, the series' jailed count is what the lattice shows.
    expect(Number((await page.locator('#count-jailed').textContent())!.replace(/,/g, ''))).toBe(cells.jailed);
    expect(consoleErrors).toEqual([]);
  });

  it('switches presets with the picker, and the link follows', async () => {
    await open(`?scenario=${PRESET}&seed=7`);
    const governance = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.json') && f !== 'schema.json')
      .map((f) => ({ id: f.slice(0, -5), raw: JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) }))
      .filter((p) => p.raw.model === 'governance' && (p.raw.params?.population?.residents ?? 0) <= 200_000)
      .sort((a, b) => a.id.localeCompare(b.id))[0];
    expect(governance, 'a governance preset with at most 200,000 residents').toBeDefined();
    await page.getByLabel('Preset').selectOption(governance.id);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('scenario') === id, governance.id);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')!.disabled);
    expect(await page.locator('#preset-name').textContent()).toBe(governance.raw.name);
    // A governance preset is drawn as the 3D town, whose accessible name states the frame.
    expect(await page.locator('#town').getAttribute('aria-label')).toMatch(/^Map of \d+ grids on day 0/);
    expect(await page.locator('#lattice-wrap').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Step' }).click();
    await waitForStep(1);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-governance.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('names a bad seed typed into the box, and what is allowed, next to the field', async () => {
    await open(`?scenario=${PRESET}&seed=7`);
    const seed = page.getByLabel('Seed');
    const error = page.locator('#seed-error');
    const cases: [string, RegExp][] = [
      ['abc', /Seed "abc" is not a whole number; allowed: a whole number from 0 to 4294967295\./],
      ['-1', /Seed "-1" is too small; allowed: a whole number from 0 to 4294967295\./],
      ['1.5', /Seed "1\.5" is not a whole number/],
      ['4294967296', /Seed "4294967296" is too large; allowed: a whole number from 0 to 4294967295\./],
      ['', /Seed is empty; allowed: a whole number from 0 to 4294967295\./],
    ];
    for (const [typed, message] of cases) {
      await seed.fill(typed);
      await seed.press('Enter');
      await expect.poll(() => error.textContent()).toMatch(message);
      expect(await seed.getAttribute('aria-invalid')).toBe('true');
      expect(await seed.getAttribute('aria-describedby')).toBe('seed-error');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'browser-bad-seed.png') });
    // The run is untouched by a bad seed.
    expect(new URL(page.url()).searchParams.get('seed')).toBe('7');
    await seed.fill('4294967295');
    await seed.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '4294967295');
    expect(await error.textContent()).toBe('');
    expect(await seed.getAttribute('aria-invalid')).toBe('false');
    expect(consoleErrors).toEqual([]);
  });

  it('explains an unknown preset or a bad seed in the link', async () => {
    await page.goto(`${base}?scenario=no-such-preset&seed=twelve`);
    const banner = page.locator('#link-problems');
    await banner.waitFor({ state: 'visible' });
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('"no-such-preset", which is not a preset');
    expect(text).toContain(PRESET);
    expect(text).toMatch(/Seed "twelve" is not a whole number; allowed: a whole number from 0 to 4294967295\. Using the preset's own seed instead\./);
    // Some preset is still loaded and runnable.
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')!.disabled);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-bad-link.png') });

    await page.goto(`${base}?scenario=${PRESET}&seed=99999999999`);
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toMatch(/Seed "99999999999" is too large/);
    expect(consoleErrors).toEqual([]);
  });

  it('gives in Chromium’s Web Worker the output hash that runScenario gives in Node', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(PRESET_FILE, 'utf8')), PRESET_FILE);
    const hashIn = async (seed: number): Promise<string> => {
      await open(`?scenario=${PRESET}&seed=${seed}&steps=200`);
      await page.getByRole('button', { name: 'Run to end' }).click();
      await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.querySelector('#output-hash')?.textContent ?? ''), null, {
        timeout: 100_000,
      });
      expect(await counter()).toBe(200);
      return (await page.locator('#output-hash').textContent())!;
    };
    const seven = await hashIn(7);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-hash.png'), fullPage: true });
    const node7 = await runScenario(scenario, { seed: 7, steps: 200 });
    expect(seven).toBe(node7.manifest.outputHash);
    expect(await page.locator('#hash-note').textContent()).toContain(`govsim run ${PRESET} --seed 7 --steps 200`);

    const eight = await hashIn(8);
    expect(eight).not.toBe(seven);
    const node8 = await runScenario(scenario, { seed: 8, steps: 200 });
    expect(eight).toBe(node8.manifest.outputHash);
    expect(consoleErrors).toEqual([]);
  });

  /**
   * Same bytes on every engine: the committed golden hashes, which test/golden checks in Node, come out
   * of Chromium's Web Worker too. On a mismatch the message shows both hashes; compare the page's
   * downloaded timeseries.csv with `govsim run` column by column to find the first that differs.
   */
  it.each([
    ['social-governance', 1, 1095],
    ['epstein-2002-run2', 1, 1000],
  ] as const)('gives in Chromium the golden hash of %s at seed %i, %i steps', { timeout: 600_000 }, async (preset, seed, steps) => {
    const want = goldenHash(readGolden(), preset, seed, steps);
    await open(`?scenario=${preset}&seed=${seed}&steps=${steps}`);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.querySelector('#output-hash')?.textContent ?? ''), null, { timeout: 500_000 });
    expect(await counter()).toBe(steps);
    expect(await page.locator('#output-hash').textContent(), `${preset} seed ${seed} steps ${steps} in Chromium vs test/golden/hashes.json`).toBe(want);
    expect(consoleErrors).toEqual([]);
  });

  // ---- the governance app (issue 5) ------------------------------------------------------------

  const GOV = 'social-governance';
  const GOV_FILE = join(ROOT, 'scenarios', `${GOV}.json`);

  /** Pixels of a PNG: how many differ from the white background, and how many are strongly coloured. */
  async function pixelCounts(png: Buffer): Promise<{ total: number; nonBackground: number; coloured: number }> {
    return page.evaluate(async (b64) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bmp = await createImageBitmap(blob);
      const g = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
      let nonBackground = 0;
      let coloured = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, gg, b] = [d[i], d[i + 1], d[i + 2]];
        if (r < 250 || gg < 250 || b < 250) nonBackground++;
        if (Math.max(r, gg, b) - Math.min(r, gg, b) > 60) coloured++;
      }
      return { total: d.length / 4, nonBackground, coloured };
    }, png.toString('base64'));
  }

  async function runToEndHash(): Promise<string> {
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.querySelector('#output-hash')?.textContent ?? ''), null, { timeout: 100_000 });
    return (await page.locator('#output-hash').textContent())!;
  }

  const cardValue = (metric: string) => page.locator(`.card[data-metric="${metric}"] .card-value`).textContent();

  it('opens on the governance town, one click from the control-management-governance comparison', async () => {
    await page.goto(base);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    expect(await page.locator('#preset').inputValue()).toBe(GOV);
    expect(await page.locator('#town-wrap').isVisible()).toBe(true);
    // The first-visit help explains the screen; it can be closed and reopened (H).
    const help = page.locator('#help');
    if (await help.isVisible()) await page.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => help.isVisible()).toBe(false);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('h');
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('four stacked layers');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
    // The headless-only province is marked so in the picker, and choosing it does not run it in the tab.
    expect(await page.locator('#preset option[value="zhejiang-province"]').textContent()).toMatch(/headless only/);
    await page.getByLabel('Preset').selectOption('zhejiang-province');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(
      /too large to run in a browser tab: needs memory ~ .* more than the limit of 512 MB .*params\.population\.residents = 65,000,000.*\. Run it headless: npx govsim run zhejiang-province --seed \d+/,
    );
    expect(await page.locator('#play').isDisabled()).toBe(true);
    // A shared link asking for a 10,000 x 10,000 lattice is refused before the worker allocates it.
    await page.goto(`${base}?scenario=epstein-2002-run1&set.params.width=10000&set.params.height=10000`);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/too large to run in a browser tab: .*params\.width x params\.height = 10,000 x 10,000/);
    expect(await page.locator('#play').isDisabled()).toBe(true);
    await page.goto(base);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    await page.getByLabel('Preset').selectOption(GOV);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    // Levers are generated from the JSON Schema: labelled, with units and ranges.
    expect(await page.locator('#levers .lever').count()).toBeGreaterThan(100);
    expect(await page.getByLabel('Grid staff per 1000', { exact: true }).getAttribute('id')).toBe('lever-params-mediation-grid-staffPer1000');
    expect(await page.locator('#lever-params-mediation-grid-skill-help').textContent()).toMatch(/Plausible range [\d.]+ to [\d.]+ probability \(accepted: 0 to 1\)\./);

    await page.locator('#nav-compare').click();
    await page.waitForFunction(() => document.querySelectorAll('.pane').length === 3 && !document.querySelector<HTMLButtonElement>('#cmp-play')?.disabled, null, { timeout: 60_000 });
    expect(await page.locator('.pane h2').allTextContents()).toEqual(
      ['social-control', 'social-management', 'social-governance'].map((id, i) => `${'ABC'[i]}: ${JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')).name}`),
    );
    expect(consoleErrors).toEqual([]);
  });

  it('draws a governance run as the 3D town, inspects it on click, and measures its own work per frame', async () => {
    await open(`?scenario=${GOV}&seed=1&steps=400`);
    await page.locator('#speed').selectOption('5');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#step-counter')?.textContent) >= 150, null, { timeout: 100_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => /^Paused at step/.test(document.querySelector('#status')?.textContent ?? ''));
    const step = await counter();
    expect(await page.locator('#town').getAttribute('aria-label')).toMatch(new RegExp(`^Map of 280 grids on day ${step}: \\d+ with open disputes`));

    const png = await page.locator('#town').screenshot({ path: join(ARTIFACTS, 'browser-town.png') });
    const px = await pixelCounts(png);
    // Layers, tiles, bars and cases: a good share of the canvas is drawn, and much of it in colour.
    expect(px.nonBackground / px.total).toBeGreaterThan(0.1);
    expect(px.coloured).toBeGreaterThan(2000);

    // Cards carry the headline metrics with the reported figures beside them; the path diagram is drawn.
    await expect.poll(() => cardValue('satisfaction')).toMatch(/%$/);
    expect(await page.locator('.card[data-metric="satisfaction"] .card-reported').textContent()).toContain('96.58%');
    expect(await page.locator('#sankey').getAttribute('aria-label')).toMatch(/^Dispute paths: \d+ opened; first went to .*grid worker \d+.*; ended .*resolved: grid \d+/);
    expect(await page.locator('#charts figure').count()).toBe(5);

    // Keyboard: with the town focused, ] inspects the next busy grid or resolver.
    await page.locator('#town').focus();
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('#inspect').isVisible()).toBe(true);
    expect(await page.locator('#inspect-title').textContent()).toMatch(/^(Grid \d+ \(village \d+\)|.+, (village|town|county) \d+)$/);
    await page.keyboard.press(']');
    expect(await page.locator('#inspect-lines li').count()).toBeGreaterThan(2);
    // End jumps to the open cases at the end of the list: a case and its history.
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('#inspect-title').textContent()).toMatch(/^Case \d+, open on day \d+$/);
    const caseLines = await page.locator('#inspect-lines li').allTextContents();
    expect(caseLines.join('\n')).toMatch(/dispute, opened on day \d+ \(\d+ days ago\)/);
    expect(caseLines.join('\n')).toMatch(/first went to: .+; channels tried: \d+/);
    expect(caseLines.join('\n')).toMatch(/official time so far [\d.]+ person-days/);
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    // Click across the town until something is inspected (a grid, a resolver bar or a case).
    const box = (await page.locator('#town').boundingBox())!;
    let inspected = false;
    for (let i = 0; i < 60 && !inspected; i++) {
      const x = box.x + box.width * (0.25 + 0.5 * ((i * 7) % 10) / 10);
      const y = box.y + box.height * (0.55 + 0.4 * Math.floor(i / 10) / 6);
      await page.mouse.click(x, y);
      inspected = await page.locator('#inspect').isVisible();
    }
    expect(inspected).toBe(true);
    expect(await page.locator('#inspect-title').textContent()).toMatch(/^(Grid \d+|Open case|.+ \d+$)/);

    const perf = await page.locator('#perf').evaluate((e) => ({ ...(e as HTMLElement).dataset }));
    console.log(
      `[perf] default town (74,000 residents, 280 grids), per frame: page ${perf.draw} ms ` +
        `(update ${perf.update} ms, WebGL submit ${perf.render} ms), worker round trip ${perf.worker} ms (software rendering)`,
    );
    expect(Number(perf.draw)).toBeGreaterThan(0);
    // The view is saved as a PNG.
    const [png2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save picture (PNG)' }).click()]);
    expect(png2.suggestedFilename()).toBe(`govsim-${GOV}-seed1-step${step}.png`);
    const saved = readFileSync((await png2.path())!);
    expect(saved.subarray(1, 4).toString()).toBe('PNG');
    await page.screenshot({ path: join(ARTIFACTS, 'browser-explore.png'), fullPage: true });
    // The README's picture: docs/screenshot.png is written when missing or with GOVSIM_UPDATE_SCREENSHOT=1
    // (so that a plain test run leaves the committed file alone).
    const readmeShot = await page.screenshot({ path: join(ARTIFACTS, 'screenshot.png') });
    const docsShot = join(ROOT, 'docs', 'screenshot.png');
    if (!existsSync(docsShot) || process.env.GOVSIM_UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      writeFileSync(docsShot, readmeShot);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('refuses bad lever input at the field, and a lever change changes the results', async () => {
    await open(`?scenario=${GOV}&seed=1&steps=120`);
    const before = await runToEndHash();
    // The run's files are offered for download (CSV and JSON), and the time series as Parquet, which
    // an independent reader (hyparquet) reads back with the CSV's rows.
    expect(await page.locator('#downloads a').allTextContents()).toEqual(['timeseries.csv', 'summary.json', 'manifest.json', 'series.parquet']);
    const [csvText, parquet] = await page.evaluate(async () => {
      const get = (name: string) => fetch(document.querySelector<HTMLAnchorElement>(`#downloads a[download="${name}"]`)!.href);
      return [await (await get('timeseries.csv')).text(), [...new Uint8Array(await (await get('series.parquet')).arrayBuffer())]] as const;
    });
    const seriesRows = await parquetReadObjects({ file: new Uint8Array(parquet).buffer });
    expect(seriesRows).toHaveLength(csvText.trim().split('\n').length - 1);
    expect(seriesRows[0]).toMatchObject({ run: 0, seed: 1n });
    const villageShare = await cardValue('resolvedAtVillageOrBelowShare');

    // Bad input is refused at its field, naming the lever by its label, the value and the allowed range;
    // the run is untouched.
    const skill = page.locator('#lever-params-mediation-grid-skill');
    await page.locator('details:has(#lever-params-mediation-grid-skill)').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    for (const [typed, message] of [
      ['2', /^Grid skill "2" is too large; allowed: a number from 0 to 1 \(probability\)\. Not applied\./],
      ['abc', /^Grid skill "abc" is not a number; allowed: a number from 0 to 1/],
      ['', /^Grid skill is empty/],
    ] as const) {
      await skill.fill(typed);
      await skill.press('Enter');
      await expect.poll(() => page.locator('#lever-params-mediation-grid-skill-error').textContent()).toMatch(message);
      expect(await skill.getAttribute('aria-invalid')).toBe('true');
    }
    expect(new URL(page.url()).search).not.toContain('set.');
    expect(await page.locator('#output-hash').textContent()).toBe(before);

    // Switching the village mediation committees off restarts the run with the new scenario.
    await page.locator('#lever-params-mediation-village-staffed').uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('set.params.mediation.village.staffed') === 'false');
    await waitForStep(0);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')!.disabled);
    expect(await page.locator('.lever.changed').count()).toBe(1);
    const after = await runToEndHash();
    expect(after).not.toBe(before);
    expect(await cardValue('resolvedAtVillageOrBelowShare')).not.toBe(villageShare);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-lever.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('reproduces from a permalink with set.params the hash runScenario gives for the overridden scenario', async () => {
    const sets = ['params.mediation.grid.staffPer1000=2', 'params.riskAssessment.enabled=false'];
    const q = new URLSearchParams({ scenario: GOV, seed: '3', steps: '80' });
    for (const a of sets) q.append(`set.${a.split('=')[0]}`, a.split('=')[1]);
    await open(`?${q}`);
    expect(await page.locator('#lever-params-mediation-grid-staffPer1000').inputValue()).toBe('2');
    expect(await page.locator('#lever-params-riskAssessment-enabled').isChecked()).toBe(false);
    expect(await page.locator('.lever.changed').count()).toBe(2);
    const hash = await runToEndHash();
    const raw = JSON.parse(readFileSync(GOV_FILE, 'utf8'));
    const expected = await runScenario(parseScenario(applyOverrides(raw, sets), GOV_FILE), { seed: 3, steps: 80 });
    expect(hash).toBe(expected.manifest.outputHash);
    const plain = await runScenario(parseScenario(raw, GOV_FILE), { seed: 3, steps: 80 });
    expect(hash).not.toBe(plain.manifest.outputHash);
    expect(await page.locator('#hash-note').textContent()).toContain(
      `govsim run ${GOV} --seed 3 --steps 80 --set params.mediation.grid.staffPer1000=2 --set params.riskAssessment.enabled=false`,
    );
    expect(consoleErrors).toEqual([]);
  });

  it('compares control and governance on the same seed, and their panes differ', async () => {
    await page.goto(`${base}?compare=social-control,${GOV}&seed=2&steps=90`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#cmp-play')?.disabled, null, { timeout: 60_000 });
    expect(await page.locator('.pane').count()).toBe(2);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => /^All panes finished at step 90/.test(document.querySelector('#cmp-status')?.textContent ?? ''), null, { timeout: 100_000 });
    await page.waitForFunction(() => document.querySelectorAll('.pane-hash[data-hash]').length === 2);
    const hashes = await page.locator('.pane-hash').evaluateAll((es) => es.map((e) => (e as HTMLElement).dataset.hash));
    // Each pane is exactly its preset on the common seed, as the CLI runs it.
    for (const [i, id] of ['social-control', GOV].entries()) {
      const file = join(ROOT, 'scenarios', `${id}.json`);
      const node = await runScenario(parseScenario(JSON.parse(readFileSync(file, 'utf8')), file), { seed: 2, steps: 90 });
      expect(hashes[i]).toBe(node.manifest.outputHash);
    }
    expect(hashes[0]).not.toBe(hashes[1]);
    // The difference view: the panes' headline numbers differ, and B - A is shown.
    const row = page.locator('#diff tr[data-metric="resolutionRate"] td');
    const [a, b, diff] = await row.allTextContents();
    expect(a).toMatch(/%$/);
    expect(b).not.toBe(a);
    expect(diff).toMatch(/^[+−]/);
    const resolved = await page.locator('.pane dd[data-stat="Resolved so far"]').allTextContents();
    expect(resolved[0]).not.toBe(resolved[1]);
    expect(await page.locator('#cmp-charts figure').count()).toBe(6);
    // One camera: turning pane A's town turns pane B's too.
    const townB = page.locator('.pane-town').nth(1);
    const beforeTurn = await townB.screenshot();
    const boxA = (await page.locator('.pane-town').nth(0).boundingBox())!;
    await page.mouse.move(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2);
    await page.mouse.down();
    await page.mouse.move(boxA.x + boxA.width / 2 + 120, boxA.y + boxA.height / 2 + 10, { steps: 6 });
    await page.mouse.up();
    expect((await townB.screenshot()).equals(beforeTurn)).toBe(false);
    expect(new URL(page.url()).searchParams.get('compare')).toBe(`social-control,${GOV}`);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-compare.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('runs several seeds per pane and says whether each difference exceeds seed noise', async () => {
    await page.goto(`${base}?compare=${GOV},governance-no-ngos&seed=1&steps=60`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#cmp-play')?.disabled, null, { timeout: 60_000 });
    await page.getByLabel('Seeds for a noise check').selectOption('5');
    await page.getByRole('button', { name: 'Run these seeds to the end' }).click();
    await page.locator('#cmp-spread').waitFor({ state: 'visible', timeout: 100_000 });
    expect(await page.locator('#cmp-seeds-out').textContent()).toMatch(/^5 seeds \(1 to 5\) per pane, each run to step 60/);
    const rows = page.locator('#cmp-spread tbody tr');
    expect(await rows.count()).toBe(9); // one per card (web/cards.ts), mean legitimacy included
    const spreadCells = await page.locator('#cmp-spread tr[data-metric="resolutionRate"] td').allTextContents();
    expect(spreadCells[0]).toMatch(/^\d+\.\d% \[\d+\.\d%, \d+\.\d%\]$/);
    expect(spreadCells[2]).toMatch(/ (yes|no)$/);
    expect(consoleErrors).toEqual([]);
  });

  it('lists the errors of a bad scenario file dropped on the page, and runs a good one', async () => {
    await open(`?scenario=${GOV}&seed=1&steps=30`);
    const drop = async (name: string, text: string) => {
      const dt = await page.evaluateHandle(
        ({ name, text }) => {
          const d = new DataTransfer();
          d.items.add(new File([text], name, { type: 'application/json' }));
          return d;
        },
        { name, text },
      );
      await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    };
    const errors = page.locator('#drop-errors');
    const bad = { model: 'governance', name: 'Bad town', params: { mediation: { grid: { skill: 2 } }, population: { residents: -5 } } };
    await drop('bad.json', JSON.stringify(bad));
    await errors.waitFor({ state: 'visible' });
    const items = await errors.locator('li').allTextContents();
    expect(items.some((t) => t.includes('params.mediation.grid.skill') && t.includes('2'))).toBe(true);
    expect(items.some((t) => t.includes('params.population.residents') && t.includes('-5'))).toBe(true);
    expect(await errors.textContent()).toContain('bad.json was not loaded');
    await page.screenshot({ path: join(ARTIFACTS, 'browser-bad-file.png') });
    // The run shown is untouched.
    expect(await page.locator('#preset-name').textContent()).toBe(JSON.parse(readFileSync(GOV_FILE, 'utf8')).name);

    await drop('broken.json', '{"model": "governance",');
    await expect.poll(() => errors.textContent()).toContain('broken.json is not JSON');
    // The command line's limits hold in the page too: a key given twice is named, not silently dropped.
    await drop('twice.json', '{"model": "governance", "name": "Twice", "steps": 10, "steps": 20}');
    await expect.poll(() => errors.textContent()).toContain('steps: this key appears twice in one object');

    const good = { ...JSON.parse(readFileSync(join(ROOT, 'scenarios', 'social-management.json'), 'utf8')), name: 'My dropped town', steps: 20 };
    await drop('mine.json', JSON.stringify(good));
    await page.waitForFunction(() => document.querySelector('#preset-name')?.textContent === 'My dropped town');
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#play')!.disabled);
    expect(await errors.isHidden()).toBe(true);
    expect(await page.locator('#end-step').textContent()).toBe('20');
    expect(consoleErrors).toEqual([]);
  });
});
