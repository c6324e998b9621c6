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
import { SEED_RULE, STEPS_MAX, parseWholeNumber, type WholeNumberRule } from './whole-number';
import { codeNode, lang, t, tNodes } from './i18n';
import { leverTexts, unitText } from './levers';

/** Workers a screening uses at most, whatever the machine reports (each holds a whole model). */
const MAX_WORKERS = 8;
/** Height of the title line above the panels in plot.ts's SVG, cropped in the page. */
const TITLE_H = 30;
// Field names read when a message is made (getters), in the page's language.
const R_RULE: WholeNumberRule = {
  get what() {
    return t('sens.rRule');
  },
  min: R_MIN,
  max: R_MAX,
};
const RUN_STEPS_RULE: WholeNumberRule = {
  get what() {
    return t('sens.steps');
  },
  min: 1,
  max: STEPS_MAX,
};

/**
 * English plurals: the tables write "parameter(s)"; here each such word takes the count given for it
 * ("parameter" -> 1 gives "parameter", else "parameters"). Chinese has no plural, so nothing is done.
 */
const plural = (text: string, counts: Record<string, number>) =>
  lang() === 'en' ? text.replace(/(\w+)\(s\)/g, (_m, word: string) => (counts[word] === 1 ? word : `${word}s`)) : text;

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
  document.title = t('sens.docTitle');
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
  if (linkProblems.length) showProblems(t('sens.linkProblems'), linkProblems);

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
    ui.kind.replaceChildren(...kinds.map((k) => new Option(t(`sens.kind.${k}`), k)));
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
        // The lever's label, then its name as the command line's --params spells it.
        const texts = leverTexts(preset!.model, s);
        const code = document.createElement('code');
        code.textContent = name;
        code.setAttribute('translate', 'no');
        if (lang() === 'en') lab.textContent = name;
        else lab.append(`${texts.label} `, code);
        const range = s.range ?? [s.min, s.max];
        lab.title = t('sens.paramTitle', { description: texts.help, unit: s.unit ? ` (${unitText(s.unit)})` : '', lo: String(range[0]), hi: String(range[1]) });
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
      ui.size.textContent = t('sens.tickOne');
      return;
    }
    if (!r.ok || !steps.ok) {
      ui.size.textContent = '';
      return;
    }
    const runs = r.value * (k + 1);
    const w = workerCount(runs);
    const s = settings(false);
    ui.size.replaceChildren(
      plural(t('sens.size', { k, r: r.value, runs, steps: steps.value, w }), { parameter: k, worker: w }),
      ...(s ? tNodes('sens.sameCommand', { command: codeNode(commandText(screenCommand(s))) }) : []),
    );
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
    ui.sets.textContent = sets.length ? t('sens.sets', { sets: sets.join(', ') }) : '';
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
      ui.plot.textContent = t('sens.plotFailed');
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
      ? t('sens.noVariance', { name })
      : morris
        ? t('sens.captionMorris', { name, noise: Number.isFinite(m.eeNoise) ? t('sens.captionMorrisNoise', { value: fmt(m.eeNoise!) }) : '' })
        : t('sens.captionSobol', { name, noise: Number.isFinite(m.seedNoiseShare) ? t('sens.captionSobolNoise', { value: fmt(m.seedNoiseShare) }) : '' });
    drawTable(result, name);
  }

  function drawTable(result: SensitivityResult, name: string): void {
    const m = result.metrics.find((x) => x.metric === name)!;
    const morris = result.design.method === 'morris';
    const param = t('sens.col.parameter');
    const ci = (index: string) => t('sens.col.interval', { index });
    const cols = morris ? [param, 'mu*', ci('mu*'), 'mu', 'sigma', t('sens.col.effects')] : [param, 'S1', ci('S1'), 'ST', ci('ST'), t('sens.col.rows')];
    const cap = document.createElement('caption');
    cap.textContent = t('sens.tableCaption', { name });
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
        cells = i ? [fmt(i.muStar), t('sens.range', { lo: fmt(i.muStarCi[0]), hi: fmt(i.muStarCi[1]) }), fmt(i.mu), fmt(i.sigma), String(i.effects)] : ['–', '–', '–', '–', '0'];
      } else {
        const i = m.sobol?.[p];
        cells = i
          ? [fmt(i.s1), t('sens.range', { lo: fmt(i.s1Ci[0]), hi: fmt(i.s1Ci[1]) }), fmt(i.st), t('sens.range', { lo: fmt(i.stCi[0]), hi: fmt(i.stCi[1]) }), String(i.rows)]
          : ['–', '–', '–', '–', '0'];
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
        ? t('sens.titleMorris', { name: head.name, r: String(d.r), k: d.factors.length })
        : t('sens.titleSobol', { name: head.name, n: String(d.n), k: d.factors.length });
    const seeds = result.seeds.length <= 5 ? result.seeds.join(', ') : t('sens.range', { lo: String(result.seeds[0]), hi: String(result.seeds[result.seeds.length - 1]) });
    ui.meta.replaceChildren(
      ...tNodes('sens.meta', { label, runs: result.runs, failed: result.failedRuns, seeds, command: codeNode(commandText(head.command)) }).map((part) =>
        typeof part === 'string' ? plural(part, { seed: result.seeds.length }) : part,
      ),
    );
    const varying = result.metrics.filter((m) => m.variance > 0).map((m) => m.metric);
    const first = head.plotted.find((p) => varying.includes(p)) ?? varying[0] ?? result.metrics[0].metric;
    ui.metric.replaceChildren(...result.metrics.map((m) => new Option(m.variance > 0 ? m.metric : t('sens.doesNotVary', { metric: m.metric }), m.metric)));
    ui.metric.value = first;
    drawMetric();
    clearUrls();
    ui.downloads.replaceChildren();
    if (downloads) {
      ui.downloads.append(t('sens.download'));
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
      ui.downloads.append(t('sens.downloadNote'));
    }
  }

  const open = (text: string, source: string, label: string) => {
    let file: SensitivityFile;
    try {
      file = parseSensitivityFile(text, source);
    } catch (e) {
      const problems = e instanceof SensitivityFileError ? e.problems : [(e as Error).message];
      showProblems(plural(t('sens.notOpened', { source, n: problems.length }), { problem: problems.length }), problems);
      setStatus(t('sens.notOpenedShort', { source }), true);
      return;
    }
    ui.errors.hidden = true;
    show(file, label);
    setStatus(t('sens.opened', { source }));
  };

  const openFile = async (f: File) => {
    if (f.size > MAX_JSON_BYTES) return showProblems(t('sens.notOpenedShort', { source: f.name }), [tooLarge(f.size)]);
    resultUrl = undefined;
    writeLink();
    open(await f.text(), f.name, t('sens.fromFile', { name: f.name }));
  };

  async function openLinked(text: string): Promise<void> {
    const where = sameOriginUrl(text, location.href);
    if (!where.ok) {
      showProblems(t('sens.linkedNotOpened'), [where.message]);
      return;
    }
    setStatus(t('sens.fetching', { url: where.url }));
    let body: string;
    try {
      const res = await fetch(where.url, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
      body = await res.text();
    } catch (e) {
      showProblems(t('sens.linkedNotOpened'), [t('sens.fetchFailed', { url: where.url, message: (e as Error).message })]);
      setStatus(t('sens.linkedNotOpened'), true);
      return;
    }
    open(body, where.url.replace(/^.*\//, '') || where.url, t('sens.from', { url: where.url }));
  }

  // ---- running a screening in the page's workers ----

  async function screen(): Promise<void> {
    const s = settings();
    if (!s) {
      setStatus(picked.length ? t('sens.fixFirst') : t('sens.tickOne'), true);
      return;
    }
    let sc: Awaited<ReturnType<typeof planScreening>>;
    try {
      sc = await planScreening(s);
    } catch (e) {
      const problems = (e as { problems?: string[] }).problems ?? [(e as Error).message];
      showProblems(t('sens.notPlanned'), problems);
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
      ui.progressText.textContent = t('sens.progress', { done, total, percent: `${Math.round((100 * done) / total)}%` });
    };
    tick();
    const workers = workerCount(total);
    setStatus(t('sens.screeningRuns', { ref: s.ref, total, steps: s.steps, w: workers }));
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
        setStatus(t('sens.cancelled', { done, total }));
        return;
      }
      setStatus(t('sens.failed', { message: (e as Error).message }), true);
      return;
    }
    finish();
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    const finished = finishScreening(sc, summaries);
    const file = parseSensitivityFile(finished.files['sensitivity.json'], 'the screening');
    resultUrl = undefined;
    writeLink();
    show(file, t('sens.screenedHere', { name: preset?.name ?? s.ref, secs, w: workers }), finished.files);
    const failedRuns = finished.result.failedRuns;
    setStatus(t('sens.finished', { total, secs, failed: failedRuns ? t('sens.finishedFailed', { n: failedRuns }) : '' }), failedRuns > 0);
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
  else setStatus(preset ? t('sens.openOrScreen', { name: preset.name }) : t('sens.openResult'));
}
