/**
 * Both languages in Debian's Chromium (issue 12 item 5), against `vite preview` of dist/ (harness.ts):
 *   - `?lang=zh` opens explore, compare and sensitivity with no English word on screen: every visible
 *     text node of document.body, the title / aria-label / placeholder of every rendered element, the
 *     options of visible pickers and the document's title are checked, outside an allow-list of proper
 *     names and units. Code (<code>, <kbd>, <var>, translate="no": commands, paths, keys), citations kept
 *     in their language (<cite lang="en">) and identifiers (preset ids, file names) are not prose;
 *   - the EN / 中文 switch changes the language and keeps every other parameter of the address; the
 *     address keeps lang=zh when the page rewrites it (a new seed), and so do the page's own links;
 *   - a bad lang= is named in the link banner with what is allowed.
 * Without /usr/bin/chromium this file fails (it never skips).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness';

/** Proper names, acronyms' companions and units that stay as they are in a Chinese text. */
const ALLOWED = [
  'govsim',
  'Epstein',
  'NetLogo',
  'Rebellion',
  'Mesa',
  'Morris',
  'Sobol',
  'Wilcoxon',
  'Python',
  'Parquet',
  // A key as printed on the keyboard, in a title (no <kbd> there).
  'Esc',
  // Authors cited in the levers' help.
  'Miller',
  'Sarat',
  'Skogan',
  'Granovetter',
  'Tyler',
  // Mathematical functions in formulas.
  'exp',
  'WebGL',
  'mu',
  'mu*',
  'sigma',
  'p',
  'r',
  'k',
  'N',
  'T',
  'L',
];

interface Found {
  where: string;
  text: string;
  words: string[];
}

/** English words on the page, outside code, citations, the allow-list and identifiers. */
async function englishOnScreen(page: Page): Promise<Found[]> {
  return page.evaluate(
    ({ allowed }) => {
      const allow = new Set(allowed);
      const ids = new Set([...document.querySelectorAll<HTMLOptionElement>('select option')].map((o) => o.value));
      const skip = 'script, style, code, kbd, var, samp, cite, [translate="no"], [lang^="en"]';
      const excluded = (el: Element) => !!el.closest(skip);
      const words = (text: string) =>
        (text.match(/[A-Za-z0-9][A-Za-z0-9*'’._/:-]*/g) ?? [])
          .map((w) => w.replace(/[.:'’-]+$/, ''))
          .filter(
            (w) =>
              w.length > 1 &&
              !allow.has(w) &&
              !ids.has(w) &&
              /[A-Za-z]/.test(w) &&
              // Acronyms (GDP, NGO, PNG, ABC-SMC) and identifiers: with a digit (S1, a hash), a path or file
              // (design/MODEL.md), or camelCase (a parameter, e.g. mediationHours).
              !/^[A-Z0-9*-]+$/.test(w) &&
              !/[0-9._/:]/.test(w) &&
              !/[a-z][A-Z]/.test(w),
          );
      const out: { where: string; text: string; words: string[] }[] = [];
      const note = (el: Element, where: string, text: string) => {
        const w = words(text);
        if (w.length) out.push({ where: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${where}`, text: text.slice(0, 160), words: w });
      };
      const shown = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || excluded(el) || el.closest('select')) continue;
        if (shown(el)) note(el, 'text', n.textContent);
      }
      for (const el of document.body.querySelectorAll('*')) {
        if (excluded(el) || !shown(el)) continue;
        for (const a of ['title', 'aria-label', 'placeholder']) {
          const v = el.getAttribute(a);
          if (v) note(el, `[${a}]`, v);
        }
        if (el instanceof HTMLSelectElement) {
          for (const o of el.options) note(el, 'option', o.text);
          for (const g of el.querySelectorAll('optgroup')) note(el, 'optgroup', g.label);
        }
      }
      const title = words(document.title);
      if (title.length) out.push({ where: 'document.title', text: document.title, words: title });
      return out;
    },
    { allowed: ALLOWED },
  );
}

describe('English and Simplified Chinese in Chromium', () => {
  let app: App | undefined;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    app = await openApp({ deviceScaleFactor: 1 });
    ({ page, base } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function openExplore(query: string): Promise<void> {
    await page.goto(base + query);
    await page.waitForFunction(() => {
      const play = document.querySelector<HTMLButtonElement>('#play');
      return play && !play.disabled && document.querySelector('#step-counter')?.textContent === '0';
    });
  }

  it('explore in Chinese: no English word on screen, after a few steps too', async () => {
    await openExplore('?lang=zh&scenario=social-governance&seed=3&steps=60');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The help panel (it floats over the page, close button included) is checked too.
    await page.locator('#help-toggle').click();
    expect(await page.locator('#help').isVisible()).toBe(true);
    expect(await englishOnScreen(page)).toEqual([]);
    await page.locator('#help-close').click();
    await page.locator('#step').click();
    await page.waitForFunction(() => document.querySelector('#step-counter')?.textContent === '1');
    // Open every lever group: the levers' labels, help, units and options are checked as well.
    await page.locator('#levers details').evaluateAll((ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    expect(await englishOnScreen(page)).toEqual([]);
    expect(await page.locator('#play').textContent()).toBe('播放');
    expect(await page.locator('#preset-name').textContent()).toMatch(/社会治理/);
    // Run to the end: the hash, its command and downloads; then the town's inspector (keyboard: ]).
    await page.locator('#run-to-end').click();
    await page.waitForFunction(() => (document.querySelector<HTMLOutputElement>('#output-hash')?.value ?? '').length > 0, undefined, { timeout: 60_000 });
    await page.locator('#town').focus();
    await page.keyboard.press(']');
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#inspect')?.hidden);
    expect(await englishOnScreen(page)).toEqual([]);
    // The charts (uPlot: legends, the values under the cursor, the step axis) and the dispute paths (SVG).
    await page.locator('#charts .u-over').first().hover({ position: { x: 80, y: 40 } });
    expect(await page.locator('#charts .u-legend').first().textContent()).toContain('步');
    expect(await page.locator('#sankey svg text').count()).toBeGreaterThan(3);
    expect(await page.locator('#sankey').getAttribute('aria-label')).toMatch(/^纠纷去向：/);
    expect(await page.locator('#sankey svg').textContent()).toMatch(/网格员/);
    expect(await englishOnScreen(page)).toEqual([]);
    expect(app!.errors).toEqual([]);
  });

  it('explore of an Epstein preset in Chinese: legend, counts and levers', async () => {
    await openExplore('?lang=zh&scenario=epstein-2002-run2');
    await page.locator('#levers details').evaluateAll((ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    expect(await englishOnScreen(page)).toEqual([]);
  });

  it('a preset too large for a tab is refused in Chinese, with its numbers, fields and the command', async () => {
    await page.goto(`${base}?lang=zh&scenario=zhejiang-province&seed=1`);
    await page.waitForFunction(() => document.querySelector('#status')?.classList.contains('error'), undefined, { timeout: 60_000 });
    const status = (await page.locator('#status').textContent()) ?? '';
    expect(status).toMatch(/超过浏览器标签页 512 MB 的预算/);
    expect(status).toContain('params.population.residents = 65,000,000');
    expect(await page.locator('#status code').textContent()).toMatch(/^npx govsim run zhejiang-province --seed 1/);
    expect(await englishOnScreen(page)).toEqual([]);
  });

  it('compare in Chinese: no English word on screen', async () => {
    await page.goto(`${base}?lang=zh&compare=social-control,social-governance&seed=2&steps=30`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#cmp-play')?.disabled);
    await page.locator('#cmp-step').click();
    await page.waitForFunction(() => document.querySelector('#cmp-counter')?.textContent === '1');
    await page.locator('#cmp-charts .u-over').first().hover({ position: { x: 80, y: 40 } });
    expect(await englishOnScreen(page)).toEqual([]);
    expect(await page.locator('#diff th').first().textContent()).toBe('指标');
    // Run to the end (pane hashes), then the seed-noise check over 5 seeds: its table and explanation.
    await page.locator('#cmp-run-to-end').click();
    await page.waitForFunction(() => document.querySelectorAll('.pane-hash[data-hash]').length === 2, undefined, { timeout: 60_000 });
    await page.locator('#cmp-nseeds').selectOption('5');
    await page.locator('#cmp-seeds').click();
    await page.waitForFunction(() => !document.querySelector<HTMLTableElement>('#cmp-spread')?.hidden, undefined, { timeout: 120_000 });
    expect(await englishOnScreen(page)).toEqual([]);
  });

  it('sensitivity in Chinese: no English word on screen', async () => {
    await page.goto(`${base}?lang=zh&view=sensitivity&scenario=social-governance`);
    await page.waitForFunction(() => (document.querySelector('#sens-size')?.textContent ?? '').length > 0);
    expect(await englishOnScreen(page)).toEqual([]);
  });

  it('the switch changes the language and keeps every other parameter; the address keeps lang as the page rewrites it', async () => {
    await openExplore('?scenario=social-control&seed=5&steps=40&set.params.ngo.support=0.5');
    expect(await page.locator('#play').textContent()).toBe('Play');
    await page.locator('.lang-switch a[data-lang="zh"]').click();
    await page.waitForFunction(() => document.querySelector('#play')?.textContent === '播放' && !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    let q = new URL(page.url()).searchParams;
    expect([q.get('lang'), q.get('scenario'), q.get('seed'), q.get('steps'), q.get('set.params.ngo.support')]).toEqual(['zh', 'social-control', '5', '40', '0.5']);
    // A new seed rewrites the address: lang stays.
    await page.locator('#seed').fill('6');
    await page.locator('#seed').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '6');
    q = new URL(page.url()).searchParams;
    expect([q.get('lang'), q.get('set.params.ngo.support')]).toEqual(['zh', '0.5']);
    // The page's own links keep the language: the navigation to compare opens in Chinese.
    await page.locator('#nav-compare').click();
    await page.waitForFunction(() => document.querySelector('#cmp-play')?.textContent === '播放');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#play')?.textContent === '播放' && !document.querySelector<HTMLButtonElement>('#play')?.disabled);
    // And back to English, the rest kept.
    await page.locator('.lang-switch a[data-lang="en"]').click();
    await page.waitForFunction(() => document.querySelector('#play')?.textContent === 'Play');
    q = new URL(page.url()).searchParams;
    expect([q.get('lang'), q.get('scenario'), q.get('seed'), q.get('set.params.ngo.support')]).toEqual([null, 'social-control', '6', '0.5']);
  });

  it('names a bad lang= in the link banner, with what is allowed, and shows English', async () => {
    await openExplore('?lang=fr&scenario=social-control');
    const banner = await page.locator('#link-problems').textContent();
    expect(banner).toContain('lang "fr"');
    expect(banner).toContain('en, zh');
    expect(await page.locator('#play').textContent()).toBe('Play');
  });
});
