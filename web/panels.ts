/**
 * The page's text panels, built from data: the preset picker and the preset's description and sources,
 * the legends and counts of a model view, and the output hash with its downloads.
 */
import type { RunOutputs } from '../src/output/run';
import { seriesParquetFromCsv } from '../src/output/run-parquet';
import type { ModelView } from './model-views';
import { headlessOnly, type Preset } from './presets';
import { cliCommand } from './url-state';
import { formatCount } from './format';
import { lang, locale, t, tOr } from './i18n';
import { richNodes } from './rich-text';
import { readableSource } from './sources';

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

function explained<T extends HTMLElement>(e: T, help: string | undefined): T {
  if (help) e.title = help;
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
      // A source translated in web/i18n/presets-zh.ts carries its own markup; any other is made readable.
      if (lang() === 'zh' && /[\u4e00-\u9fff]/.test(s)) {
        const li = document.createElement('li');
        li.append(...richNodes(s));
        return li;
      }
      if (!p.sources.length) return Object.assign(document.createElement('li'), { textContent: s });
      const li = sourceItem(s, p.model);
      markUntranslated(li, li.textContent ?? '');
      return li;
    }),
  );
}

/** One source for people (sources.ts): the work in <cite>, each parameter in words with its path on hover. */
function sourceItem(source: string, model: string): HTMLLIElement {
  const li = document.createElement('li');
  for (const part of readableSource(source, model)) {
    if (part.kind === 'text') li.append(part.text);
    else if (part.kind === 'work') li.append(Object.assign(document.createElement('cite'), { textContent: part.text, lang: 'en' }));
    else li.append(Object.assign(document.createElement('span'), { className: 'param', textContent: part.text, title: part.help }));
  }
  return li;
}

/** Legend of the picture and the counts list (dd#count-<series>, "–" until known). */
export function buildViewPanels(
  el: { legend: HTMLUListElement; counts: HTMLDListElement },
  view: ModelView,
): void {
  // Every entry and count says on hover what it is and out of what (issue 12: every count explained).
  el.legend.replaceChildren(...view.legend.map(({ label, colour, help }) => explained(item('li', 'swatch', colour, label), help)));
  el.counts.replaceChildren(
    ...view.counts.flatMap(({ series, label, colour, help }) => {
      const dd = document.createElement('dd');
      dd.dataset.series = series;
      dd.id = `count-${series}`;
      dd.textContent = '–';
      return [explained(item('dt', 'swatch', colour, label), help), explained(dd, help)];
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
    // The time series as Parquet too, by the writer `govsim run --format parquet` uses (the same bytes).
    const series = out.files['timeseries.csv'];
    const files: [string, BlobPart][] = [...Object.entries(out.files), ...(series ? [['series.parquet', seriesParquetFromCsv(series, m.seed) as BlobPart] as [string, BlobPart]] : [])];
    const links = files.map(([name, text]) => {
      const a = document.createElement('a');
      const url = URL.createObjectURL(new Blob([text], { type: name.endsWith('.csv') ? 'text/csv' : name.endsWith('.parquet') ? 'application/vnd.apache.parquet' : 'application/json' }));
      this.urls.push(url);
      a.href = url;
      a.download = name;
      a.textContent = name;
      if (name.endsWith('.parquet')) a.title = t('hash.parquetTitle');
      return a;
    });
    this.el.downloads.replaceChildren(t('hash.download'), ...links.flatMap((a, i) => (i ? [' · ', a] : [a])));
  }
}
