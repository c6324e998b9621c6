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
import { readableSource } from './sources';

const MODEL_LABELS: Record<string, string> = { epstein: 'Epstein (2002) civil violence', governance: 'Governance of disputes' };

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
      g.label = MODEL_LABELS[p.model] ?? p.model;
      groups.set(p.model, g);
      select.append(g);
    }
    g.append(new Option(headlessOnly(p) ? `${p.name} (headless only: too large for a browser)` : p.name, p.id));
  }
}

export function showPreset(
  el: { name: HTMLElement; meta: HTMLElement; description: HTMLElement; sources: HTMLOListElement },
  p: Preset,
): void {
  el.name.textContent = p.name;
  el.meta.textContent = `Preset ${p.id} · model ${p.model}`;
  el.description.textContent = p.description || 'No description.';
  el.sources.replaceChildren(...(p.sources.length ? p.sources.map((s) => sourceItem(s, p.model)) : [Object.assign(document.createElement('li'), { textContent: 'None given.' })]));
}

/** One source for people (sources.ts): the work in <cite>, each parameter in words with its path on hover. */
function sourceItem(source: string, model: string): HTMLLIElement {
  const li = document.createElement('li');
  for (const part of readableSource(source, model)) {
    if (part.kind === 'text') li.append(part.text);
    else if (part.kind === 'work') li.append(Object.assign(document.createElement('cite'), { textContent: part.text }));
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
    if (dd && values[c.series] !== undefined) dd.textContent = formatCount(values[c.series]);
  }
}

/** The output hash of a run, how to reproduce it on the command line, and its files to download. */
export class HashPanel {
  private urls: string[] = [];

  constructor(private readonly el: { hash: HTMLOutputElement; note: HTMLElement; downloads: HTMLElement }) {}

  clear(): void {
    this.el.hash.value = '';
    this.el.note.textContent = 'Run to the end step to see the hash of the run’s outputs.';
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
      `Outputs of ${presetId} with seed ${m.seed} after ${m.steps} steps (engine ${m.engineVersion}). `,
      command,
      ' gives the same hash.',
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
      return a;
    });
    this.el.downloads.replaceChildren('Download the run: ', ...links.flatMap((a, i) => (i ? [' · ', a] : [a])));
  }
}
