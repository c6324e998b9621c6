/**
 * The Sensitivity view (?view=sensitivity): open a sensitivity.json written by `govsim sensitivity`
 * (file button, drop, or ?result=<same-origin URL>), checked by src/sensitivity/result-file.ts, and plot
 * it with the CLI's own SVG (src/sensitivity/plot.ts): Morris mu* against sigma, or Sobol S1 / ST bars
 * with their 95% whiskers, one metric at a time, with the indices as a table.
 *
 * "Screen this scenario" plans a small Morris screening exactly as the CLI would (screen.ts: seeded
 * design, no Math.random), runs its points in this page's Web Workers (one SimSession each, at most
 * navigator.hardwareConcurrency of them), shows a progress bar and can be cancelled; the result is
 * plotted the same way and offered for download in the CLI's format.
 */
import { onFileChosen } from './drop';
import type { Summary } from '../sim/core/model';
import type { SensitivityResult } from '../src/sensitivity/analyse';
import { ranked } from '../src/sensitivity/analyse';
import { sensitivitySvg } from '../src/sensitivity/plot';
import { parseSensitivityFile, SensitivityFileError, type SensitivityFile } from '../src/sensitivity/result-file';
import { finishScreening, planScreening, screenCommand, type ScreenSettings } from '../src/sensitivity/screen';
import { MAX_JSON_BYTES, tooLarge } from '../src/scenario/json-text';
import { leverName } from '../src/scenario/levers';
import { resolveRun } from '../src/scenario/resolve';
import { parseScenario } from '../src/scenario/parse';
import { fillPicker } from './panels';
import { PRESETS, findPreset, headlessOnly, type Preset } from './presets';
import { SimSession } from './session';
import { DEFAULT_R, DEFAULT_SCREEN_STEPS, R_MAX, R_MIN, readScreenLink, sameOriginUrl, sensitivityLinkFor } from './sensitivity-link';
import { defaultPicks, kindsOf, screenable, type KindChoice } from './sensitivity-kinds';
import type { RunRequest } from './url-state';
import { SEED_RULE, STEPS_RULE, parseWholeNumber, type WholeNumberRule } from './whole-number';

/** Workers a screening uses at most, whatever the machine reports (each holds a whole model). */
const MAX_WORKERS = 8;
/** Height of the title line above the panels in plot.ts's SVG, cropped in the page. */
const TITLE_H = 30;
const R_RULE: WholeNumberRule = { what: 'Trajectories', min: R_MIN, max: R_MAX };
const RUN_STEPS_RULE: WholeNumberRule = { ...STEPS_RULE, what: 'Steps a run' };

const $ = <T extends HTMLElement>(id: string) => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`page is missing #${id}`);
  return e as T;
};

const fmt = (x: number) => (Number.isFinite(x) ? (x !== 0 && (Math.abs(x) >= 1e4 || Math.abs(x) < 1e-3) ? x.toExponential(2) : String(Number(x.toPrecision(3)))) : '–');

/** A command line as text, arguments with spaces or quotes quoted. */
const commandText = (argv: readonly string[]) => `npx govsim ${argv.map((a) => (/^[\w.,:=/@+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`;

class Cancelled extends Error {}
class WorkerCrash extends Error {}

export function startSensitivity(request: RunRequest | undefined, search: string): void {
  const ui = {
    errors: $<HTMLDivElement>('sens-errors'),
    file: $<HTMLInputElement>('sens-file'),
    preset: $<HTMLSelectElement>('sens-preset'),
    kind: $<HTMLSelectElement>('sens-kind'),
    r: $<HTMLInputElement>('sens-r'),
    rError: $<HTMLElement>('sens-r-error'),
    steps: $<HTMLInputElement>('sens-steps'),
    stepsError: $<HTMLElement>('sens-steps-error'),
    seed: $<HTMLInputElement>('sens-seed'),
    seedError: $<HTMLElement>('sens-seed-error'),
    paramList: $<HTMLDivElement>('sens-param-list'),
    sets: $<HTMLParagraphElement>('sens-sets'),
    size: $<HTMLParagraphElement>('sens-size'),
    run: $<HTMLButtonElement>('sens-run'),
    cancel: $<HTMLButtonElement>('sens-cancel'),
    progress: $<HTMLProgressElement>('sens-progress'),
    progressText: $<HTMLOutputElement>('sens-progress-text'),
    result: $<HTMLElement>('sens-result'),
    title: $<HTMLHeadingElement>('sens-title'),
    meta: $<HTMLParagraphElement>('sens-meta'),
    metric: $<HTMLSelectElement>('sens-metric'),
    plot: $<HTMLDivElement>('sens-plot'),
    caption: $<HTMLElement>('sens-caption'),
    table: $<HTMLTableElement>('sens-table'),
    downloads: $<HTMLParagraphElement>('sens-downloads'),
    status: $<HTMLParagraphElement>('sens-status'),
  };
  document.title = 'govsim: sensitivity';
  const { link, problems: linkProblems } = readScreenLink(search);
  const offered = PRESETS.filter((p) => !headlessOnly(p));
  let preset: Preset | undefined = request?.preset && !headlessOnly(request.preset) ? request.preset : offered[0];
  let sets: string[] = request?.sets ?? [];
  let kind: KindChoice = link.kind ?? 'policy';
  let picked: string[] = link.params ?? [];
  let resultUrl = link.result;
  let shown: { file: SensitivityFile; label: string; downloads?: Record<string, string> } | undefined;
  let running: { cancel: () => void } | undefined;
  let urls: string[] = [];

  const setStatus = (t: string, err = false) => {
    ui.status.textContent = t;
    ui.status.classList.toggle('error', err);
  };
  const showProblems = (head: string, problems: readonly string[]) => {
    const h = document.createElement('p');
    h.textContent = head;
    const ul = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      li.textContent = p;
      ul.append(li);
    }
    ui.errors.replaceChildren(h, ul);
    ui.errors.hidden = false;
  };
  if (linkProblems.length) showProblems('Some of the link’s settings were not used:', linkProblems);

  const field = (input: HTMLInputElement, out: HTMLElement, rule: WholeNumberRule): number | undefined => {
    const r = parseWholeNumber(input.value, rule);
    out.textContent = r.ok ? '' : r.message;
    input.setAttribute('aria-invalid', String(!r.ok));
    return r.ok ? r.value : undefined;
  };

  const ownSeed = (p: Preset): number => {
    try {
      return resolveRun(parseScenario(p.raw, p.id)).seed;
    } catch {
      return 1;
    }
  };

  const writeLink = () => {
    if (!preset) return;
    history.replaceState(
      null,
      '',
      sensitivityLinkFor({
        presetId: preset.id,
        seed: parseWholeNumber(ui.seed.value, SEED_RULE).ok ? Number(ui.seed.value) : undefined,
        steps: parseWholeNumber(ui.steps.value, RUN_STEPS_RULE).ok ? Number(ui.steps.value) : undefined,
        sets,
        kind,
        params: picked,
        r: parseWholeNumber(ui.r.value, R_RULE).ok ? Number(ui.r.value) : undefined,
        result: resultUrl,
      }),
    );
  };

  // ---- the screening form ----

  const buildKinds = () => {
    if (!preset) return;
    const kinds = kindsOf(preset.model);
    if (!kinds.includes(kind)) kind = kinds[0] ?? 'all';
    ui.kind.replaceChildren(...kinds.map((k) => new Option(k === 'all' ? 'all (policy and society)' : k, k)));
    ui.kind.value = kind;
  };

  const buildParams = () => {
    if (!preset) return;
    const specs = screenable(preset.model, kind);
    const names = specs.map(leverName);
    picked = picked.filter((n) => names.includes(n));
    if (!picked.length) picked = defaultPicks(preset.model, kind);
    ui.paramList.replaceChildren(
      ...specs.map((s, i) => {
        const name = leverName(s);
        const id = `sens-param-${i}`;
        const row = document.createElement('div');
        row.className = 'sens-param';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.value = name;
        box.checked = picked.includes(name);
        const lab = document.createElement('label');
        lab.htmlFor = id;
        lab.textContent = name;
        const range = s.range ?? [s.min, s.max];
        lab.title = `${s.description}${s.unit ? ` (${s.unit})` : ''}; varied over ${range[0]} to ${range[1]}`;
        box.addEventListener('change', () => {
          picked = names.filter((n) => (n === name ? box.checked : picked.includes(n)));
          showSize();
          writeLink();
        });
        row.append(box, lab);
        return row;
      }),
    );
    showSize();
  };

  /** The form's settings; `mark`: also mark bad fields (on Run; while typing, messages wait for Enter or leaving the field). */
  const settings = (mark = true): ScreenSettings | undefined => {
    const read = (input: HTMLInputElement, out: HTMLElement, rule: WholeNumberRule) => {
      if (mark) return field(input, out, rule);
      const v = parseWholeNumber(input.value, rule);
      return v.ok ? v.value : undefined;
    };
    const r = read(ui.r, ui.rError, R_RULE);
    const steps = read(ui.steps, ui.stepsError, RUN_STEPS_RULE);
    const seed = read(ui.seed, ui.seedError, SEED_RULE);
    if (!preset || r === undefined || steps === undefined || seed === undefined || !picked.length) return undefined;
    return { ref: preset.id, raw: preset.raw, sets, kind, params: picked, r, seed, steps };
  };

  const workerCount = (runs: number) => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, MAX_WORKERS, runs));

  function showSize(): void {
    const r = parseWholeNumber(ui.r.value, R_RULE);
    const steps = parseWholeNumber(ui.steps.value, RUN_STEPS_RULE);
    const k = picked.length;
    ui.run.disabled = !!running || !k;
    if (!k) {
      ui.size.textContent = 'Tick at least one parameter to screen.';
      return;
    }
    if (!r.ok || !steps.ok) {
      ui.size.textContent = '';
      return;
    }
    const runs = r.value * (k + 1);
    const w = workerCount(runs);
    const s = settings(false);
    ui.size.textContent =
      `${k} parameter${k === 1 ? '' : 's'}, r = ${r.value}: ${runs} runs of ${steps.value} steps, in ${w} worker${w === 1 ? '' : 's'}.` +
      (s ? ` The same on the command line: ${commandText(screenCommand(s))}` : '');
  }

  const choosePreset = (p: Preset, keepSettings: boolean) => {
    preset = p;
    ui.preset.value = p.id;
    if (!keepSettings) {
      sets = [];
      picked = [];
      ui.seed.value = String(ownSeed(p));
    }
    ui.sets.hidden = !sets.length;
    ui.sets.textContent = sets.length ? `With the lever changes of the link: ${sets.join(', ')} (as --set).` : '';
    buildKinds();
    buildParams();
  };

  // ---- showing a result ----

  const clearUrls = () => {
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
  };

  function drawMetric(): void {
    if (!shown) return;
    const { result, head } = shown.file;
    const name = ui.metric.value;
    const m = result.metrics.find((x) => x.metric === name);
    if (!m) return;
    const svgText = sensitivitySvg(result, [name], head.name);
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.nodeName !== 'svg') {
      ui.plot.textContent = 'The plot could not be drawn.';
      return;
    }
    // The page's heading says what the SVG's title line says (and a single panel is too narrow for it).
    const title = svg.querySelector(':scope > text');
    if (title) {
      title.remove();
      const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
      if (w && h) svg.setAttribute('viewBox', `0 ${TITLE_H} ${w} ${h - TITLE_H}`);
    }
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', 'sens-caption');
    svg.removeAttribute('height');
    svg.setAttribute('width', '100%');
    svg.classList.add('sens-svg');
    ui.plot.replaceChildren(document.importNode(svg, true));
    const morris = result.design.method === 'morris';
    ui.caption.textContent = !(m.variance > 0)
      ? `${name} does not vary over the design: no indices.`
      : morris
        ? `${name}: each dot is a parameter, mu* (importance) across, sigma (interaction or nonlinearity) up; the line through a dot is mu*'s 95% interval${Number.isFinite(m.eeNoise) ? `; the dashed line is the spread an elementary effect has from seed noise alone (${fmt(m.eeNoise!)})` : ''}.`
        : `${name}: first-order (S1, dark) and total (ST, light) Sobol indices with 95% intervals, largest ST first${Number.isFinite(m.seedNoiseShare) ? `; the dashed line is the seed-noise share of the variance (${fmt(m.seedNoiseShare)})` : ''}.`;
    drawTable(result, name);
  }

  function drawTable(result: SensitivityResult, name: string): void {
    const m = result.metrics.find((x) => x.metric === name)!;
    const morris = result.design.method === 'morris';
    const cols = morris ? ['Parameter', 'mu*', 'mu* 95% interval', 'mu', 'sigma', 'Effects'] : ['Parameter', 'S1', 'S1 95% interval', 'ST', 'ST 95% interval', 'Rows'];
    const cap = document.createElement('caption');
    cap.textContent = `Indices of ${name}, most important first`;
    const head = document.createElement('tr');
    for (const c of cols) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    const order = m.morris || m.sobol ? ranked(m) : result.parameters.map((_, i) => i);
    for (const p of order) {
      const tr = document.createElement('tr');
      tr.dataset.parameter = result.parameters[p];
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = result.parameters[p];
      tr.append(th);
      let cells: string[];
      if (morris) {
        const i = m.morris?.[p];
        cells = i ? [fmt(i.muStar), `${fmt(i.muStarCi[0])} to ${fmt(i.muStarCi[1])}`, fmt(i.mu), fmt(i.sigma), String(i.effects)] : ['–', '–', '–', '–', '0'];
      } else {
        const i = m.sobol?.[p];
        cells = i ? [fmt(i.s1), `${fmt(i.s1Ci[0])} to ${fmt(i.s1Ci[1])}`, fmt(i.st), `${fmt(i.stCi[0])} to ${fmt(i.stCi[1])}`, String(i.rows)] : ['–', '–', '–', '–', '0'];
      }
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      tbody.append(tr);
    }
    ui.table.replaceChildren(cap, thead, tbody);
  }

  function show(file: SensitivityFile, label: string, downloads?: Record<string, string>): void {
    shown = { file, label, downloads };
    const { result, head } = file;
    const d = result.design;
    ui.result.hidden = false;
    ui.title.textContent =
      d.method === 'morris'
        ? `${head.name}: Morris screening, r = ${d.r}, ${d.factors.length} parameters`
        : `${head.name}: Sobol indices, N = ${d.n}, ${d.factors.length} parameters`;
    ui.meta.textContent = `${label}. ${result.runs} runs (${result.failedRuns} failed) on seed${result.seeds.length === 1 ? '' : 's'} ${result.seeds.length <= 5 ? result.seeds.join(', ') : `${result.seeds[0]} to ${result.seeds[result.seeds.length - 1]}`}. The same with the command line: ${commandText(head.command)}`;
    const varying = result.metrics.filter((m) => m.variance > 0).map((m) => m.metric);
    const first = head.plotted.find((p) => varying.includes(p)) ?? varying[0] ?? result.metrics[0].metric;
    ui.metric.replaceChildren(...result.metrics.map((m) => new Option(m.variance > 0 ? m.metric : `${m.metric} (does not vary)`, m.metric)));
    ui.metric.value = first;
    drawMetric();
    clearUrls();
    ui.downloads.replaceChildren();
    if (downloads) {
      ui.downloads.append('Download: ');
      for (const [name, text] of Object.entries(downloads)) {
        const a = document.createElement('a');
        const url = URL.createObjectURL(new Blob([text], { type: name.endsWith('.csv') ? 'text/csv' : name.endsWith('.svg') ? 'image/svg+xml' : 'application/json' }));
        urls.push(url);
        a.href = url;
        a.download = `${head.scenario}-${name}`;
        a.textContent = name;
        a.dataset.file = name;
        ui.downloads.append(a, ' ');
      }
      ui.downloads.append('(the same format as the command line’s; open the JSON here again, or read it with govsim’s tools)');
    }
  }

  const open = (text: string, source: string, label: string) => {
    let file: SensitivityFile;
    try {
      file = parseSensitivityFile(text, source);
    } catch (e) {
      const problems = e instanceof SensitivityFileError ? e.problems : [(e as Error).message];
      showProblems(`${source} was not opened: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, problems);
      setStatus(`${source} was not opened.`, true);
      return;
    }
    ui.errors.hidden = true;
    show(file, label);
    setStatus(`Opened ${source}.`);
  };

  const openFile = async (f: File) => {
    if (f.size > MAX_JSON_BYTES) return showProblems(`${f.name} was not opened.`, [tooLarge(f.size)]);
    resultUrl = undefined;
    writeLink();
    open(await f.text(), f.name, `From the file ${f.name}`);
  };

  async function openLinked(text: string): Promise<void> {
    const where = sameOriginUrl(text, location.href);
    if (!where.ok) {
      showProblems('The linked result was not opened.', [where.message]);
      return;
    }
    setStatus(`Fetching ${where.url}…`);
    let body: string;
    try {
      const res = await fetch(where.url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
      body = await res.text();
    } catch (e) {
      showProblems('The linked result was not opened.', [`Could not fetch ${where.url}: ${(e as Error).message}.`]);
      setStatus('The linked result was not opened.', true);
      return;
    }
    open(body, where.url.replace(/^.*\//, '') || where.url, `From ${where.url}`);
  }

  // ---- running a screening in the page's workers ----

  async function screen(): Promise<void> {
    const s = settings();
    if (!s) {
      setStatus(picked.length ? 'Fix the marked settings first.' : 'Tick at least one parameter to screen.', true);
      return;
    }
    let sc: Awaited<ReturnType<typeof planScreening>>;
    try {
      sc = await planScreening(s);
    } catch (e) {
      const problems = (e as { problems?: string[] }).problems ?? [(e as Error).message];
      showProblems('The screening could not be planned.', problems);
      return;
    }
    ui.errors.hidden = true;
    const total = sc.runs.length;
    const summaries: (Summary | Error)[] = new Array(total);
    const sessions: SimSession[] = [];
    let done = 0;
    let next = 0;
    let stop: (e: Error) => void = () => {};
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => undefined);
    const finish = () => {
      for (const x of sessions) x.close();
      running = undefined;
      ui.cancel.disabled = true;
      showSize();
    };
    running = { cancel: () => stop(new Cancelled('cancelled')) };
    ui.run.disabled = true;
    ui.cancel.disabled = false;
    ui.progress.max = total;
    ui.progress.value = 0;
    const tick = () => {
      ui.progress.value = done;
      ui.progressText.textContent = `${done} of ${total} runs (${Math.round((100 * done) / total)}%)`;
    };
    tick();
    const workers = workerCount(total);
    setStatus(`Screening ${s.ref}: ${total} runs of ${s.steps} steps in ${workers} workers…`);
    const t0 = performance.now();
    // Each worker takes the next run until none is left; a worker that crashes (out of memory) is replaced,
    // and its run counts as failed, as a failed run does in the CLI's batches.
    const loop = async () => {
      while (next < total) {
        let fail: (e: Error) => void = () => {};
        const crashed = new Promise<never>((_, reject) => (fail = reject));
        crashed.catch(() => undefined);
        const session = new SimSession((msg) => fail(new WorkerCrash(msg)));
        sessions.push(session);
        let alive = true;
        while (alive && next < total) {
          const id = next++;
          const r = sc.runs[id];
          try {
            const out = await Promise.race([session.runOnce(sc.raws[r.point], r.seed, sc.plan.points[r.point].steps), crashed, stopped]);
            summaries[id] = (JSON.parse(out.files['summary.json']) as { metrics: Summary }).metrics;
          } catch (e) {
            if (e instanceof Cancelled) throw e;
            summaries[id] = e as Error;
            if (e instanceof WorkerCrash) alive = false;
          }
          done++;
          tick();
        }
        session.close();
      }
    };
    try {
      await Promise.all(Array.from({ length: workers }, loop));
    } catch (e) {
      finish();
      if (e instanceof Cancelled) {
        setStatus(`Screening cancelled after ${done} of ${total} runs; nothing was kept.`);
        return;
      }
      setStatus(`The screening failed: ${(e as Error).message}`, true);
      return;
    }
    finish();
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    const finished = finishScreening(sc, summaries);
    const file = parseSensitivityFile(finished.files['sensitivity.json'], 'the screening');
    resultUrl = undefined;
    writeLink();
    show(file, `Screened in this page: ${preset?.name ?? s.ref}, ${secs} s in ${workers} workers`, finished.files);
    const failedRuns = finished.result.failedRuns;
    setStatus(`Screening finished: ${total} runs in ${secs} s${failedRuns ? `, ${failedRuns} failed (their points are left out)` : ''}.`, failedRuns > 0);
  }

  // ---- wiring ----

  fillPicker(ui.preset, offered);
  ui.r.value = String(link.r ?? DEFAULT_R);
  ui.steps.value = String(request?.steps ?? DEFAULT_SCREEN_STEPS);
  if (preset) {
    ui.seed.value = String(request?.seed ?? ownSeed(preset));
    choosePreset(preset, true);
  }
  ui.preset.addEventListener('change', () => {
    const p = findPreset(ui.preset.value);
    if (p) choosePreset(p, false);
    writeLink();
  });
  ui.kind.addEventListener('change', () => {
    kind = ui.kind.value as KindChoice;
    picked = [];
    buildParams();
    writeLink();
  });
  for (const [input, out, rule] of [
    [ui.r, ui.rError, R_RULE],
    [ui.steps, ui.stepsError, RUN_STEPS_RULE],
    [ui.seed, ui.seedError, SEED_RULE],
  ] as const) {
    input.addEventListener('change', () => {
      field(input, out, rule);
      showSize();
      writeLink();
    });
    input.addEventListener('input', () => {
      if (parseWholeNumber(input.value, rule).ok) field(input, out, rule);
      showSize();
    });
  }
  ui.run.addEventListener('click', () => void screen());
  ui.cancel.addEventListener('click', () => running?.cancel());
  ui.metric.addEventListener('change', drawMetric);
  onFileChosen(ui.file, $<HTMLElement>('sensitivity'), openFile);
  writeLink();
  if (resultUrl) void openLinked(resultUrl);
  else setStatus(preset ? `Open a result, or screen ${preset.name}.` : 'Open a result.');
}
