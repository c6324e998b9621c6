/**
 * The page: pick a preset, run it in a Web Worker, watch the lattice, counts and chart, and get the
 * output hash of the run. The address always holds ?scenario=&seed=&steps=, so a link reproduces a run.
 *
 * Nothing here steps a model: SimSession (session.ts) talks to the worker, LatticeView (lattice-view.ts)
 * and LineChart (chart.ts) draw, model-views.ts says what to show per model.
 */
import type { Frame } from '../sim/core/model';
import { LineChart } from './chart';
import { bindShortcuts } from './keyboard';
import { LatticeView } from './lattice-view';
import { HashPanel, buildViewPanels, fillPicker, showCounts, showPreset } from './panels';
import { viewFor, type ModelView } from './model-views';
import { PRESETS, findPreset, type Preset } from './presets';
import { SimSession, type Advance } from './session';
import { linkFor, readLink, type RunRequest } from './url-state';
import { SEED_RULE, STEPS_RULE, parseWholeNumber, type WholeNumberRule } from './whole-number';

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`page is missing #${id}`);
  return e as T;
}

const ui = {
  linkProblems: byId<HTMLDivElement>('link-problems'),
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
  lattice: byId<HTMLCanvasElement>('lattice'),
  latticeWrap: byId<HTMLDivElement>('lattice-wrap'),
  legend: byId<HTMLUListElement>('legend'),
  counter: byId<HTMLOutputElement>('step-counter'),
  endStep: byId<HTMLSpanElement>('end-step'),
  counts: byId<HTMLDListElement>('counts'),
  chart: byId<HTMLCanvasElement>('chart'),
  chartTitle: byId<HTMLElement>('chart-title'),
  chartLegend: byId<HTMLUListElement>('chart-legend'),
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

// ---- state -------------------------------------------------------------------------------------

let session: SimSession | undefined;
/** Bumped by every new run; async work for an older run drops its result. */
let generation = 0;
let preset: Preset | undefined;
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
const perf = { worker: 0, draw: 0, frames: 0 };

let lattice: LatticeView | undefined;
try {
  lattice = new LatticeView(ui.lattice);
} catch (e) {
  ui.latticeWrap.textContent = `WebGL is not available in this browser, so the lattice cannot be drawn; counts and chart still work. (${(e as Error).message})`;
}
const chart = new LineChart(ui.chart);
const hashPanel = new HashPanel({ hash: ui.hash, note: ui.hashNote, downloads: ui.downloads });

// ---- drawing -----------------------------------------------------------------------------------

function setStatus(text: string, isError = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

function showFrame(frame: Frame): void {
  const map = view.toCodes(frame);
  if (lattice) {
    const ms = lattice.draw(map, view.palette);
    perf.draw = perf.frames ? perf.draw * 0.9 + ms * 0.1 : ms;
  }
  ui.lattice.setAttribute('aria-label', view.describe(frame, map));
}

function showTime(): void {
  ui.counter.value = String(time);
  ui.endStep.textContent = String(endStep);
}

function updateButtons(): void {
  const atEnd = time >= endStep;
  ui.play.disabled = !loaded || (atEnd && !playing);
  ui.play.textContent = playing ? 'Pause' : 'Play';
  ui.play.classList.toggle('playing', playing);
  ui.step.disabled = !loaded || playing || atEnd;
  ui.reset.disabled = !loaded && !session;
  ui.runToEnd.disabled = !loaded;
}

function showPerf(): void {
  ui.perf.textContent = `Per frame: worker round trip ${perf.worker.toFixed(1)} ms (step, series, frame), drawing ${perf.draw.toFixed(1)} ms.`;
}

function setUrl(): void {
  if (preset) history.replaceState(null, '', linkFor(preset.id, seed, endStep));
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
  const s = new SimSession((msg) => gen === generation && fail(msg));
  session = s;
  preset = request.preset;
  loaded = false;
  playing = false;
  toEnd = false;
  stepping = false;
  time = 0;
  ui.preset.value = preset.id;
  showPreset({ name: ui.presetName, meta: ui.presetMeta, description: ui.presetDescription, sources: ui.presetSources }, preset);
  hashPanel.clear();
  updateButtons();
  setStatus(`Loading ${preset.id}…`);
  let first;
  try {
    first = await s.load(preset.raw, request.seed, `preset ${preset.id}`);
  } catch (e) {
    if (gen === generation) fail(`Could not load ${preset.id}: ${(e as Error).message}`);
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
  view = viewFor(first.load.model);
  buildViewPanels({ legend: ui.legend, counts: ui.counts, chartTitle: ui.chartTitle, chartLegend: ui.chartLegend }, view);
  chart.reset(view.chart.lines, endStep);
  const initial = view.initialCounts(first.frame, view.toCodes(first.frame));
  // The chart starts at step 0 with the state before the first step, when the frame tells it.
  if (view.chart.lines.every((l) => initial[l.series] !== undefined)) {
    chart.append([0], view.chart.lines.map((l) => [initial[l.series]]));
  }
  chart.draw();
  showCounts(ui.counts, view, initial);
  showFrame(first.frame);
  showTime();
  setUrl();
  setStatus(`Loaded ${preset.name}, seed ${seed}.`);
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
    if (gen === generation) fail(`Step failed: ${(e as Error).message}`);
    return false;
  }
  if (gen !== generation) return false;
  time = r.info.time;
  const first = view.chart.lines[0] && r.rows[view.chart.lines[0].series];
  if (first) {
    // Row i of this batch is the state after step time - k + 1 + i (a model's own time column may differ).
    const stepCol = first.map((_, i) => time - first.length + 1 + i);
    chart.append(stepCol, view.chart.lines.map((l) => r.rows[l.series] ?? new Float64Array(first.length)));
  }
  chart.draw();
  showCounts(ui.counts, view, r.info.latest);
  showFrame(r.frame);
  perf.worker = perf.frames ? perf.worker * 0.9 + r.workerMs * 0.1 : r.workerMs;
  perf.frames++;
  showPerf();
  showTime();
  return true;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function computeHash(): Promise<void> {
  const s = session;
  const gen = generation;
  if (!s) return;
  setStatus('Computing the output hash…');
  try {
    const out = await s.outputs();
    if (gen !== generation) return;
    hashPanel.show(out, preset?.id ?? out.manifest.scenario);
    setStatus(`Run finished at step ${time}.`);
  } catch (e) {
    if (gen === generation) fail(`Could not compute the outputs: ${(e as Error).message}`);
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
  else if (time >= endStep) setStatus(`End of the run: step ${time}. Run to end shows its output hash.`);
  else setStatus(`Paused at step ${time}.`);
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
  setStatus(toEnd ? `Running to step ${endStep}…` : 'Playing…');
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
  void start({ preset, seed: v, steps: endStep });
}

function applySteps(): void {
  const v = checkField(ui.steps, ui.stepsError, STEPS_RULE);
  if (v === undefined || !preset || v === endStep) return;
  ui.linkProblems.hidden = true;
  if (v < time) {
    void start({ preset, seed, steps: v });
    return;
  }
  endStep = v;
  hashPanel.clear();
  chart.setXMax(endStep);
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

// ---- wiring ------------------------------------------------------------------------------------

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
    setStatus(time >= endStep ? `End of the run: step ${time}.` : `Step ${time}.`);
  });
});
ui.reset.addEventListener('click', () => {
  if (preset) void start({ preset, seed, steps: endStep });
});
ui.runToEnd.addEventListener('click', () => play(true));
ui.preset.addEventListener('change', () => {
  const p = findPreset(ui.preset.value);
  if (!p) return;
  ui.linkProblems.hidden = true;
  void start({ preset: p });
});
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

function fitLattice(): void {
  lattice?.setMaxSize(Math.min(ui.latticeWrap.clientWidth || 560, 640));
  chart.draw();
}
new ResizeObserver(fitLattice).observe(ui.latticeWrap);
fitLattice();

const link = readLink(location.search);
if (link.problems.length) {
  ui.linkProblems.replaceChildren(
    ...link.problems.map((p) => {
      const para = document.createElement('p');
      para.textContent = p;
      return para;
    }),
  );
  ui.linkProblems.hidden = false;
}
if (link.request) void start(link.request);
else setStatus('No presets were bundled with this build: scenarios/*.json is empty.', true);
