/**
 * The page: explore one policy, or compare several (compare.ts) when the link says ?compare=.
 * Explore: pick a preset, turn its levers (levers.ts), run it in a Web Worker (session.ts), watch the
 * town in 3D (town-view.ts) or the Epstein lattice (lattice-view.ts), the cards, the dispute paths and the
 * charts, and get the output hash of the run. The address always holds ?scenario=&seed=&steps= and the
 * changed levers (set.params.x=v), so a link reproduces a run.
 *
 * Nothing here steps a model; model-views.ts says what to show per model.
 */
import type { Frame } from '../sim/core/model';
import { isGovernanceFrame } from '../sim/governance/index';
import { applyOverrides } from '../src/scenario/overrides';
import { showCards, type Metrics } from './cards';
import { ChartPanel } from './charts';
import { startCompare } from './compare';
import { setupDrop } from './drop';
import { downloadPng } from './export-png';
import { setupHelp } from './help';
import { sensitivityLinkFor } from './sensitivity-link';
import { bindShortcuts } from './keyboard';
import { LatticeView } from './lattice-view';
import { LeverForm } from './levers';
import { HashPanel, buildViewPanels, fillPicker, showCounts, showPreset } from './panels';
import { viewFor, type ModelView } from './model-views';
import { PRESETS, findPreset, headlessOnly, type Preset } from './presets';
import { browserRefusal } from './bounds';
import { drawSankey, pathCounts } from './sankey';
import { SimSession, type Advance } from './session';
import { TownView, type PickInfo } from './town-view';
import { cliCommand, compareLinkFor, linkFor, readLink, type RunRequest } from './url-state';
import { SEED_RULE, STEPS_RULE, parseWholeNumber, type WholeNumberRule } from './whole-number';
import { startLanguage, t } from './i18n';

// The page's language (?lang=zh): static text, the EN / 中文 switch, lang= kept in the address.
const langProblem = startLanguage();

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`page is missing #${id}`);
  return e as T;
}

const ui = {
  linkProblems: byId<HTMLDivElement>('link-problems'),
  dropErrors: byId<HTMLDivElement>('drop-errors'),
  preset: byId<HTMLSelectElement>('preset'),
  seed: byId<HTMLInputElement>('seed'),
  seedError: byId<HTMLParagraphElement>('seed-error'),
  steps: byId<HTMLInputElement>('steps'),
  stepsError: byId<HTMLParagraphElement>('steps-error'),
  play: byId<HTMLButtonElement>('play'),
  step: byId<HTMLButtonElement>('step'),
  reset: byId<HTMLButtonElement>('reset'),
  runToEnd: byId<HTMLButtonElement>('run-to-end'),
  speed: byId<HTMLSelectElement>('speed'),
  file: byId<HTMLInputElement>('scenario-file'),
  compareWith: byId<HTMLAnchorElement>('compare-with'),
  levers: byId<HTMLDivElement>('levers'),
  lattice: byId<HTMLCanvasElement>('lattice'),
  latticeWrap: byId<HTMLDivElement>('lattice-wrap'),
  town: byId<HTMLCanvasElement>('town'),
  townWrap: byId<HTMLDivElement>('town-wrap'),
  townLabels: byId<HTMLDivElement>('town-labels'),
  resetCamera: byId<HTMLButtonElement>('reset-camera'),
  savePng: byId<HTMLButtonElement>('save-png'),
  legend: byId<HTMLUListElement>('legend'),
  inspect: byId<HTMLElement>('inspect'),
  inspectTitle: byId<HTMLElement>('inspect-title'),
  inspectLines: byId<HTMLUListElement>('inspect-lines'),
  counter: byId<HTMLOutputElement>('step-counter'),
  endStep: byId<HTMLSpanElement>('end-step'),
  counts: byId<HTMLDListElement>('counts'),
  cards: byId<HTMLDivElement>('cards'),
  sankeyBox: byId<HTMLElement>('sankey-box'),
  sankey: byId<HTMLCanvasElement>('sankey'),
  charts: byId<HTMLDivElement>('charts'),
  hash: byId<HTMLOutputElement>('output-hash'),
  hashNote: byId<HTMLParagraphElement>('hash-note'),
  downloads: byId<HTMLParagraphElement>('downloads'),
  status: byId<HTMLParagraphElement>('status'),
  perf: byId<HTMLParagraphElement>('perf'),
  presetName: byId<HTMLHeadingElement>('preset-name'),
  presetMeta: byId<HTMLParagraphElement>('preset-meta'),
  presetDescription: byId<HTMLParagraphElement>('preset-description'),
  presetSources: byId<HTMLOListElement>('preset-sources'),
};

setupHelp(byId('help'), byId('help-toggle'), byId('help-close'));

// ---- state -------------------------------------------------------------------------------------

let session: SimSession | undefined;
/** Bumped by every new run; async work for an older run drops its result. */
let generation = 0;
let preset: Preset | undefined;
let sets: string[] = [];
let view: ModelView = viewFor('epstein');
let loaded = false;
let seed = 0;
let endStep = 1;
let time = 0;
let playing = false;
/** Playing towards the end step as fast as possible, then showing the hash. */
let toEnd = false;
/** A Step click in flight: further clicks are ignored, rather than disabling the button (which would
 * take the keyboard focus away from it). */
let stepping = false;
/** The generation whose play loop is running, or -1. */
let loopGeneration = -1;
const perf = { worker: 0, draw: 0, update: 0, render: 0, frames: 0 };
/** Running totals the summary does not give (for the dispute paths). */
let abandoned = 0;
let openNow = 0;
let metricsAt = 0;

let lattice: LatticeView | undefined;
let town: TownView | undefined;
const charts = new ChartPanel(ui.charts);
const hashPanel = new HashPanel({ hash: ui.hash, note: ui.hashNote, downloads: ui.downloads });
const levers = new LeverForm(ui.levers, (next) => {
  if (!preset) return;
  sets = next;
  void start({ preset, seed, steps: endStep, sets });
});

// ---- drawing -----------------------------------------------------------------------------------

function setStatus(text: string, isError = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

function showInspect(info: PickInfo | undefined): void {
  ui.inspect.hidden = !info;
  if (!info) return;
  ui.inspectTitle.textContent = info.title;
  ui.inspectLines.replaceChildren(
    ...info.lines.map((l) => {
      const li = document.createElement('li');
      li.textContent = l;
      return li;
    }),
  );
}

const smooth = (old: number, v: number) => (perf.frames ? old * 0.9 + v * 0.1 : v);

function showFrame(frame: Frame): void {
  const map = view.toCodes(frame);
  if (view.town && town && isGovernanceFrame(frame)) {
    const ms = town.draw(frame);
    perf.draw = smooth(perf.draw, ms);
    perf.update = smooth(perf.update, town.lastMs.update);
    perf.render = smooth(perf.render, town.lastMs.render);
    ui.town.setAttribute('aria-label', view.describe(frame, map));
  } else if (lattice) {
    const ms = lattice.draw(map, view.palette);
    perf.draw = smooth(perf.draw, ms);
    perf.update = perf.draw;
    ui.lattice.setAttribute('aria-label', view.describe(frame, map));
  }
}

function showTime(): void {
  ui.counter.value = String(time);
  ui.endStep.textContent = String(endStep);
}

function updateButtons(): void {
  const atEnd = time >= endStep;
  ui.play.disabled = !loaded || (atEnd && !playing);
  ui.play.textContent = playing ? t('playback.pause') : t('playback.play');
  ui.play.classList.toggle('playing', playing);
  ui.step.disabled = !loaded || playing || atEnd;
  ui.reset.disabled = !loaded && !session;
  ui.runToEnd.disabled = !loaded;
}

function showPerf(): void {
  ui.perf.textContent = t('explore.perf', {
    worker: perf.worker.toFixed(1),
    page: perf.draw.toFixed(1),
    update: perf.update.toFixed(1),
    render: perf.render.toFixed(1),
  });
  ui.perf.dataset.draw = perf.draw.toFixed(3);
  ui.perf.dataset.update = perf.update.toFixed(3);
  ui.perf.dataset.render = perf.render.toFixed(3);
  ui.perf.dataset.worker = perf.worker.toFixed(3);
}

function setUrl(): void {
  if (preset && !preset.id.startsWith('file:')) {
    history.replaceState(null, '', linkFor(preset.id, seed, endStep, sets));
    // The Sensitivity link screens the scenario on screen: its preset, seed and lever changes.
    if (!headlessOnly(preset)) byId<HTMLAnchorElement>('nav-sensitivity').href = sensitivityLinkFor({ presetId: preset.id, seed, sets });
  }
}

function compareTarget(p: Preset): string | undefined {
  if (p.model !== 'governance' || headlessOnly(p) || p.id.startsWith('file:')) return undefined;
  if (p.id === 'social-governance') return 'social-control,social-management,social-governance';
  return `social-governance,${p.id}`;
}

// ---- running -----------------------------------------------------------------------------------

function fail(message: string): void {
  playing = false;
  toEnd = false;
  setStatus(message, true);
  updateButtons();
}

/** Start a run in a fresh worker. */
async function start(request: RunRequest): Promise<void> {
  const gen = ++generation;
  session?.close();
  session = undefined;
  const changedPreset = preset !== request.preset;
  preset = request.preset;
  sets = request.sets ?? [];
  loaded = false;
  playing = false;
  toEnd = false;
  stepping = false;
  time = 0;
  abandoned = 0;
  openNow = 0;
  metricsAt = 0;
  if (findPreset(preset.id)) ui.preset.value = preset.id;
  showPreset({ name: ui.presetName, meta: ui.presetMeta, description: ui.presetDescription, sources: ui.presetSources }, preset);
  if (preset.id.startsWith('file:')) ui.presetMeta.textContent = t('explore.fileMeta', { file: preset.id.slice(5) });
  if (changedPreset || request.sets === undefined) levers.build(preset.raw, preset.model, sets);
  const target = compareTarget(preset);
  ui.compareWith.hidden = !target;
  hashPanel.clear();
  updateButtons();
  let raw: unknown;
  try {
    raw = sets.length ? applyOverrides(preset.raw, sets, 'lever') : preset.raw;
  } catch (e) {
    fail(t('explore.leverFailed', { message: (e as Error).message }));
    return;
  }
  // Before the worker allocates anything: a link or a dropped file may ask for gigabytes (web/bounds.ts).
  const refusal = browserRefusal(raw, request.steps);
  if (refusal) {
    const own = raw as { seed?: number; steps?: number };
    const runSeed = request.seed ?? own.seed ?? 1;
    const runSteps = request.steps ?? own.steps ?? 365;
    setStatus(t('explore.tooLarge', { name: preset.name, refusal, command: cliCommand(preset.id, runSeed, runSteps, sets) }), true);
    if (!preset.id.startsWith('file:')) history.replaceState(null, '', linkFor(preset.id, runSeed, runSteps, sets));
    return;
  }
  const s = new SimSession((msg) => gen === generation && fail(msg));
  session = s;
  setStatus(t('explore.loading', { id: preset.id }));
  let first;
  try {
    first = await s.load(raw, request.seed, preset.id.startsWith('file:') ? preset.id.slice(5) : `preset ${preset.id}`);
  } catch (e) {
    if (gen !== generation) return;
    const msg = (e as Error).message;
    levers.showProblem(msg);
    fail(t('explore.loadFailed', { id: preset.id, message: msg }));
    return;
  }
  if (gen !== generation) return;
  loaded = true;
  seed = first.load.seed;
  endStep = request.steps ?? first.load.steps;
  ui.seed.value = String(seed);
  ui.steps.value = String(endStep);
  setFieldError(ui.seed, ui.seedError, '');
  setFieldError(ui.steps, ui.stepsError, '');
  if (target) ui.compareWith.href = compareLinkFor(target.split(','), seed, endStep);
  ui.compareWith.textContent = preset.id === 'social-governance' ? t('explore.compareRegimes') : t('explore.compareWithGovernance');
  view = viewFor(first.load.model, raw);
  ui.townWrap.hidden = !view.town;
  ui.latticeWrap.hidden = !!view.town;
  ui.resetCamera.hidden = !view.town;
  ui.sankeyBox.hidden = !view.town;
  ui.cards.hidden = !view.town;
  showInspect(undefined);
  town?.select(undefined);
  fitViews();
  buildViewPanels({ legend: ui.legend, counts: ui.counts }, view);
  charts.reset(view.charts, endStep);
  const initial = view.initialCounts(first.frame, view.toCodes(first.frame));
  // The charts start at step 0 with the state before the first step, when the frame tells it.
  const firstLines = view.charts[0]?.lines ?? [];
  if (firstLines.length && firstLines.every((l) => initial[l.series] !== undefined)) {
    charts.append([0], [Object.fromEntries(firstLines.map((l) => [l.series, Float64Array.of(initial[l.series])]))]);
  }
  charts.draw();
  showCounts(ui.counts, view, initial);
  if (view.town) {
    showCards(ui.cards, undefined);
    drawSankey(ui.sankey, undefined);
  }
  showFrame(first.frame);
  showTime();
  setUrl();
  setStatus(t('explore.loaded', { name: preset.name, seed }));
  updateButtons();
}

/** Step the run `n` times in the worker and show the result. False when the run was replaced. */
async function advance(n: number): Promise<boolean> {
  const s = session;
  const gen = generation;
  if (!s || !loaded) return false;
  let r: Advance;
  try {
    r = await s.advance(n);
  } catch (e) {
    if (gen === generation) fail(t('explore.stepFailed', { message: (e as Error).message }));
    return false;
  }
  if (gen !== generation) return false;
  time = r.info.time;
  const k = Object.values(r.rows)[0]?.length ?? 0;
  if (k) {
    // Row i of this batch is the state after step time - k + 1 + i (a model's own time column may differ).
    const stepCol = Array.from({ length: k }, (_, i) => time - k + 1 + i);
    charts.append(stepCol, [r.rows]);
    const ab = r.rows.abandoned;
    if (ab) for (let i = 0; i < ab.length; i++) abandoned += ab[i];
  }
  openNow = r.info.latest.disputesOpen ?? openNow;
  charts.draw();
  showCounts(ui.counts, view, r.info.latest);
  showFrame(r.frame);
  perf.worker = perf.frames ? perf.worker * 0.9 + r.workerMs * 0.1 : r.workerMs;
  perf.frames++;
  showPerf();
  showTime();
  // Headline metrics: at most about once a second while playing.
  if (view.town && (!playing || performance.now() - metricsAt > 1000)) void refreshMetrics();
  return true;
}

let metricsBusy = false;
async function refreshMetrics(): Promise<Metrics | undefined> {
  const s = session;
  const gen = generation;
  if (!s || metricsBusy) return undefined;
  metricsBusy = true;
  metricsAt = performance.now();
  try {
    const out = await s.outputs();
    if (gen !== generation) return undefined;
    const metrics = (JSON.parse(out.files['summary.json']) as { metrics: Metrics }).metrics;
    showCards(ui.cards, metrics);
    drawSankey(ui.sankey, pathCounts(metrics, abandoned, openNow));
    return metrics;
  } catch {
    return undefined;
  } finally {
    metricsBusy = false;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function computeHash(): Promise<void> {
  const s = session;
  const gen = generation;
  if (!s) return;
  setStatus(t('explore.computingHash'));
  try {
    const out = await s.outputs();
    if (gen !== generation) return;
    hashPanel.show(out, preset?.id ?? out.manifest.scenario, sets);
    if (view.town) {
      const metrics = (JSON.parse(out.files['summary.json']) as { metrics: Metrics }).metrics;
      showCards(ui.cards, metrics);
      drawSankey(ui.sankey, pathCounts(metrics, abandoned, openNow));
    }
    setStatus(t('explore.finished', { step: time }));
  } catch (e) {
    if (gen === generation) fail(t('explore.outputsFailed', { message: (e as Error).message }));
  }
}

/** Play until paused or the end step; in run-to-end mode, in adaptive chunks and then show the hash. */
async function loop(): Promise<void> {
  const gen = generation;
  loopGeneration = gen;
  try {
    await playLoop(gen);
  } finally {
    if (loopGeneration === gen) loopGeneration = -1;
  }
}

async function playLoop(gen: number): Promise<void> {
  let chunk = 1;
  while (playing && gen === generation) {
    const left = endStep - time;
    if (left <= 0) break;
    const n = Math.min(left, toEnd ? chunk : Number(ui.speed.value) || 1);
    const t0 = performance.now();
    if (!(await advance(n))) return;
    if (toEnd) chunk = Math.max(1, Math.min(100_000, Math.round((n * 40) / Math.max(1, performance.now() - t0))));
    await nextFrame();
  }
  if (gen !== generation) return;
  const finishing = toEnd && time >= endStep;
  playing = false;
  toEnd = false;
  updateButtons();
  if (finishing) await computeHash();
  else if (time >= endStep) setStatus(t('explore.endNoHash', { step: time }));
  else setStatus(t('explore.paused', { step: time }));
  if (!finishing && view.town) void refreshMetrics();
}

function play(runToEnd = false): void {
  if (!loaded) return;
  if (runToEnd) toEnd = true;
  updateButtons();
  if (time >= endStep) {
    if (runToEnd) {
      toEnd = false;
      updateButtons();
      void computeHash();
    }
    return;
  }
  if (playing) return; // the running loop picks up toEnd
  playing = true;
  setStatus(toEnd ? t('explore.runningTo', { step: endStep }) : t('explore.playing'));
  updateButtons();
  // Paused and played again while the loop still waits for its last step: that loop carries on.
  if (loopGeneration !== generation) void loop();
}

// ---- fields ------------------------------------------------------------------------------------

function setFieldError(input: HTMLInputElement, out: HTMLElement, message: string): void {
  out.textContent = message;
  input.setAttribute('aria-invalid', String(message !== ''));
}

function checkField(input: HTMLInputElement, out: HTMLElement, rule: WholeNumberRule): number | undefined {
  const r = parseWholeNumber(input.value, rule);
  setFieldError(input, out, r.ok ? '' : r.message);
  return r.ok ? r.value : undefined;
}

function applySeed(): void {
  const v = checkField(ui.seed, ui.seedError, SEED_RULE);
  if (v === undefined || !preset || (loaded && v === seed)) return;
  ui.linkProblems.hidden = true;
  void start({ preset, seed: v, steps: endStep, sets });
}

function applySteps(): void {
  const v = checkField(ui.steps, ui.stepsError, STEPS_RULE);
  if (v === undefined || !preset || v === endStep) return;
  ui.linkProblems.hidden = true;
  if (v < time) {
    void start({ preset, seed, steps: v, sets });
    return;
  }
  endStep = v;
  hashPanel.clear();
  charts.setXMax(endStep);
  showTime();
  setUrl();
  updateButtons();
}

function onEnter(input: HTMLInputElement, apply: () => void): void {
  input.addEventListener('change', apply);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') apply();
  });
}

function fitViews(): void {
  lattice?.setMaxSize(Math.min(ui.latticeWrap.clientWidth || 560, 640));
  if (town && !ui.townWrap.hidden) {
    const w = ui.townWrap.clientWidth || 600;
    town.setSize(w, Math.round(Math.min(620, Math.max(320, w * 0.8))));
  }
  charts.draw();
}

// ---- wiring ------------------------------------------------------------------------------------

function startExplore(request: RunRequest | undefined): void {
  try {
    lattice = new LatticeView(ui.lattice);
    town = new TownView(ui.town, ui.townLabels, (_p, info) => showInspect(info));
  } catch (e) {
    ui.latticeWrap.textContent = t('explore.noWebgl', { message: (e as Error).message });
  }
  fillPicker(ui.preset, PRESETS);
  ui.play.addEventListener('click', () => {
    if (playing) {
      playing = false;
      toEnd = false;
      updateButtons();
    } else play();
  });
  ui.step.addEventListener('click', () => {
    if (stepping || playing || time >= endStep) return;
    stepping = true;
    void advance(1).then(() => {
      stepping = false;
      updateButtons();
      setStatus(time >= endStep ? t('explore.end', { step: time }) : t('explore.step', { step: time }));
    });
  });
  ui.reset.addEventListener('click', () => {
    if (preset) void start({ preset, seed, steps: endStep, sets });
  });
  ui.runToEnd.addEventListener('click', () => play(true));
  ui.preset.addEventListener('change', () => {
    const p = findPreset(ui.preset.value);
    if (!p) return;
    ui.linkProblems.hidden = true;
    void start({ preset: p });
  });
  ui.resetCamera.addEventListener('click', () => {
    town?.resetCamera();
    town?.render();
  });
  ui.savePng.addEventListener('click', () => downloadPng([view.town ? ui.town : ui.lattice], `govsim-${preset?.id ?? 'view'}-seed${seed}-step${time}.png`));
  onEnter(ui.seed, applySeed);
  onEnter(ui.steps, applySteps);
  // While typing, a message goes away as soon as the value is good; new messages wait for Enter or leaving the field.
  for (const [input, out, rule] of [
    [ui.seed, ui.seedError, SEED_RULE],
    [ui.steps, ui.stepsError, STEPS_RULE],
  ] as const) {
    input.addEventListener('input', () => {
      if (parseWholeNumber(input.value, rule).ok) setFieldError(input, out, '');
    });
  }
  bindShortcuts({ p: ui.play, s: ui.step, r: ui.reset, e: ui.runToEnd });
  setupDrop({
    input: ui.file,
    errors: ui.dropErrors,
    zone: document.body,
    onScenario: (p) => {
      ui.linkProblems.hidden = true;
      void start({ preset: p, sets: [] });
    },
  });
  new ResizeObserver(fitViews).observe(ui.latticeWrap.parentElement!);
  fitViews();
  if (request) void start(request);
  else setStatus(t('explore.noPresets'), true);
}

const link = readLink(location.search);
const linkProblems = langProblem ? [langProblem, ...link.problems] : link.problems;
if (linkProblems.length) {
  ui.linkProblems.replaceChildren(
    ...linkProblems.map((p) => {
      const para = document.createElement('p');
      para.textContent = p;
      return para;
    }),
  );
  ui.linkProblems.hidden = false;
}
// One mode per page: the others' controls leave the document (no duplicate labels or keys).
if (link.view === 'sensitivity') {
  byId('explore').remove();
  byId('compare').remove();
  byId('sensitivity').hidden = false;
  byId('nav-sensitivity').setAttribute('aria-current', 'page');
  // Loaded on demand: the explore and compare pages do not carry the sensitivity code.
  void import('./sensitivity').then((m) => m.startSensitivity(link.request, location.search));
} else if (link.compare) {
  byId('explore').remove();
  byId('sensitivity').remove();
  byId('compare').hidden = false;
  startCompare(link.compare, link.request?.seed, link.request?.steps);
} else {
  byId('compare').remove();
  byId('sensitivity').remove();
  startExplore(link.request);
}
