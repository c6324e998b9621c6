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
 *     Node for the same scenario, seed and steps; another seed gives another hash.
 * Screenshots go to test-artifacts/. Without /usr/bin/chromium this file fails (it never skips).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { runScenario } from '../../src/output/run';
import { parseScenario } from '../../src/scenario/parse';
import { EPSTEIN_COLOURS, rgb } from '../../web/palette';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const PRESET = 'epstein-2002-run1';
const PRESET_FILE = join(ROOT, 'scenarios', `${PRESET}.json`);

/** Newest modification time of the files the build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['web', 'src', 'sim', 'scenarios', 'vite.config.ts']) if (existsSync(join(ROOT, p))) walk(join(ROOT, p));
  return newest;
}

/** `npm test` builds dist/ first; when run alone and dist/ is missing or older than its sources, build it. */
async function ensureBuilt(): Promise<void> {
  const index = join(DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return;
  await build({ root: join(ROOT, 'web'), configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

describe('the browser app in Chromium', () => {
  let server: PreviewServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let page: Page;
  let base: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}. The browser tests need Debian's chromium ` +
          '(apt-get install -y chromium; .ci/run installs it). Failing rather than skipping.',
      );
    }
    if (!existsSync(PRESET_FILE)) throw new Error(`The browser tests run the preset ${PRESET}, but ${PRESET_FILE} is missing.`);
    mkdirSync(ARTIFACTS, { recursive: true });
    await ensureBuilt();
    server = await preview({
      root: join(ROOT, 'web'),
      configFile: join(ROOT, 'vite.config.ts'),
      preview: { port: 0, open: false },
      logLevel: 'warn',
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview is not listening');
    base = url;
    profile = mkdtempSync(join(tmpdir(), 'govsim-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1000 },
      deviceScaleFactor: 1,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
    page.on('crash', () => consoleErrors.push('the page crashed'));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
    expect(await page.locator('#preset-sources li').allTextContents()).toEqual(raw.sources);
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
    expect(await page.locator('#lattice').getAttribute('aria-label')).toMatch(/^Map of \d+ grids on day 0/);
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
});
