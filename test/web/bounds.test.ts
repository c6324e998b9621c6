/** The browser's memory budget (web/bounds.ts): what a tab refuses before its worker allocates anything. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_MEMORY_BUDGET, browserRefusal } from '../../web/bounds';
import { setLang } from '../../web/i18n';

const preset = (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));

describe('browserRefusal', () => {
  it('has a budget of 512 MB', () => expect(BROWSER_MEMORY_BUDGET).toBe(512 * 1024 * 1024));

  it('lets the town and the Epstein presets run', () => {
    for (const name of ['social-governance', 'social-control', 'epstein-2002-run1', 'epstein-mesa']) expect(browserRefusal(preset(name))).toBeUndefined();
  });

  it('refuses the province, naming residents and the budget', () => {
    const why = browserRefusal(preset('zhejiang-province'));
    expect(why).toContain('params.population.residents = 65,000,000');
    expect(why).toContain("a browser tab's budget of 512 MB");
  });

  it('refuses a linked lattice of 10,000 x 10,000, naming width and height', () => {
    const why = browserRefusal({ model: 'epstein', name: 'link', params: { width: 10000, height: 10000 } });
    expect(why).toContain('params.width x params.height = 10,000 x 10,000');
  });

  it('refuses a dropped town split into 20 billion grids by name', () => {
    const why = browserRefusal({
      model: 'governance',
      name: 'dropped',
      params: { population: { counties: 1000, townsPerCounty: 200, villagesPerTown: 500, gridsPerVillage: 200 } },
    });
    expect(why).toMatch(/too large: .*= 20,000,000,000 grids/);
  });

  it('shares the budget between the panes of a comparison', () => {
    const county = { model: 'governance', name: 'county', params: { population: { residents: 3_000_000 } } };
    expect(browserRefusal(county)).toBeUndefined();
    expect(browserRefusal(county, undefined, 4)).toContain("a browser tab's budget of 512 MB shared by 4 panes");
  });

  it('counts the run length it is given', () => {
    expect(browserRefusal({ model: 'epstein', name: 'long' }, 1000)).toBeUndefined();
    expect(browserRefusal({ model: 'epstein', name: 'long' }, 10_000_000)).toContain('steps = 10,000,000');
  });

  it('leaves an invalid scenario to the worker, which names its problems', () => {
    expect(browserRefusal({ model: 'epstein', name: 'bad', params: { width: -1 } })).toBeUndefined();
    expect(browserRefusal('not a scenario')).toBeUndefined();
  });
});

describe('browserRefusal in Chinese', () => {
  afterEach(() => setLang('en'));
  // What a Chinese page may show besides Chinese: parameter paths (code), numbers and byte units.
  const english = (text: string) => (text.replace(/params\.[\w.]+/g, '').match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !['MB', 'GB', 'kB', 'TB'].includes(w));

  it('says the province needs more than the tab allows, with the same numbers and fields, in Chinese', () => {
    setLang('zh');
    const why = browserRefusal(preset('zhejiang-province'))!;
    expect(why).toMatch(/需要约 2\.9 GB 内存，超过浏览器标签页 512 MB 的预算/);
    expect(why).toContain('居民');
    expect(why).toContain('params.population.residents = 65,000,000');
    expect(english(why)).toEqual([]);
  });

  it('says what no memory allows, naming the fields, and a pane’s share of the budget', () => {
    setLang('zh');
    const lattice = browserRefusal({ model: 'epstein', name: 'link', params: { width: 10000, height: 10000 } })!;
    expect(lattice).toMatch(/params\.width = 10,000/);
    expect(english(lattice)).toEqual([]);
    const shared = browserRefusal({ model: 'epstein', name: 'x', params: { width: 2000, height: 2000 } }, undefined, 4);
    if (shared) expect(shared).toMatch(/4 个窗格/);
  });
});
