/**
 * The page's text panels, built from data: the preset picker and the preset's description and sources,
 * the legends and counts of a model view, and the output hash with its downloads.
 */
import type { RunOutputs } from '../src/output/run';
import type { ModelView } from './model-views';
import { headlessOnly, type Preset } from './presets';
import { cliCommand } from './url-state';
import { formatCount } from './format';
import { lang, locale, t, tOr } from './i18n';
import { richNodes } from './rich-text';

/** A text shown in English on a Chinese page (no translation found): marked, so it is read as English. */
function markUntranslated(el: HTMLElement, text: string): void {
  if (lang() !== 'en' && !/[\u4e00-\u9fff]/.test(text)) el.lang = 'en';
  else el.removeAttribute('lang');
}

function swatch(className: string, colour: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.style.background = colour;
  return s;
}

function item(tag: 'li' | 'dt', className: string, colour: string | undefined, label: string): HTMLElement {
  const e = document.createElement(tag);
  if (colour) e.append(swatch(className, colour));
  e.append(label);
  return e;
}

/** Fill the picker with the presets, grouped by model. */
export function fillPicker(select: HTMLSelectElement, presets: readonly Preset[]): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const p of presets) {
    let g = groups.get(p.model);
    if (!g) {
      g = document.createElement('optgroup');
      g.label = tOr(`model.${p.model}`, p.model);
      groups.set(p.model, g);
      select.append(g);
    }
    g.append(new Option(headlessOnly(p) ? t('preset.headless', { name: p.name }) : p.name, p.id));
  }
}

export function showPreset(
  el: { name: HTMLElement; meta: HTMLElement; description: HTMLElement; sources: HTMLOListElement },
  p: Preset,
): void {
  el.name.textContent = p.name;
  markUntranslated(el.name, p.name);
  // The preset's id and model are names in files and on the command line: shown as code, not translated.
  const [before, between, after] = t('preset.meta', { id: '\u0000', model: '\u0000' }).split('\u0000');
  const code = (text: string) => {
    const c = document.createElement('code');
    c.textContent = text;
    c.setAttribute('translate', 'no');
    return c;
  };
  el.meta.replaceChildren(before, code(p.id), between, code(p.model), after);
  // Only the Chinese texts carry markup (web/i18n/presets-zh.ts); a scenario's own text is shown as written.
  const marked = (text: string) => (lang() === 'zh' ? richNodes(text) : [text]);
  el.description.replaceChildren(...marked(p.description || t('preset.noDescription')));
  markUntranslated(el.description, p.description || t('preset.noDescription'));
  el.sources.replaceChildren(
    ...(p.sources.length ? p.sources : [t('preset.noSources')]).map((s) => {
      const li = document.createElement('li');
      li.append(...marked(s));
      markUntranslated(li, s);
      return li;
    }),
  );
}

/** Legend of the picture and the counts list (dd#count-<series>, "–" until known). */
export function buildViewPanels(
  el: { legend: HTMLUListElement; counts: HTMLDListElement },
  view: ModelView,
): void {
  el.legend.replaceChildren(...view.legend.map(({ label, colour }) => item('li', 'swatch', colour, label)));
  el.counts.replaceChildren(
    ...view.counts.flatMap(({ series, label, colour }) => {
      const dd = document.createElement('dd');
      dd.dataset.series = series;
      dd.id = `count-${series}`;
      dd.textContent = '–';
      return [item('dt', 'swatch', colour, label), dd];
    }),
  );
}

export function showCounts(counts: HTMLDListElement, view: ModelView, values: Record<string, number>): void {
  for (const c of view.counts) {
    const dd = counts.querySelector<HTMLElement>(`dd[data-series="${c.series}"]`);
    if (dd && values[c.series] !== undefined) dd.textContent = formatCount(values[c.series], locale());
  }
}

/** The output hash of a run, how to reproduce it on the command line, and its files to download. */
export class HashPanel {
  private urls: string[] = [];

  constructor(private readonly el: { hash: HTMLOutputElement; note: HTMLElement; downloads: HTMLElement }) {}

  clear(): void {
    this.el.hash.value = '';
    this.el.note.textContent = t('hash.runToEnd');
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
    this.el.downloads.replaceChildren();
  }

  show(out: RunOutputs, presetId: string, sets: readonly string[] = []): void {
    this.clear();
    const m = out.manifest;
    this.el.hash.value = m.outputHash;
    const command = document.createElement('code');
    command.textContent = cliCommand(presetId, m.seed, m.steps, sets);
    this.el.note.replaceChildren(
      t('hash.outputs', { id: presetId, seed: m.seed, steps: m.steps, engine: m.engineVersion }),
      command,
      t('hash.sameHash'),
    );
    const links = Object.entries(out.files).map(([name, text]) => {
      const a = document.createElement('a');
      const url = URL.createObjectURL(new Blob([text], { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
      this.urls.push(url);
      a.href = url;
      a.download = name;
      a.textContent = name;
      return a;
    });
    this.el.downloads.replaceChildren(t('hash.download'), ...links.flatMap((a, i) => (i ? [' · ', a] : [a])));
  }
}
