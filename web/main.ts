/**
 * The page: explore one policy, or compare several (compare.ts) when the link says ?compare=.
 * Explore: pick a preset or load a scenario file, turn its levers (levers.ts), play it (player.ts, one
 * pane), watch the town in 3D (town-view.ts) or the Epstein lattice (lattice-view.ts), the cards, the
 * dispute paths and the charts, and get the output hash of the run. The address always holds the run
 * (url-state.ts): the preset, or the loaded file itself, with seed, end step and changed levers, so a
 * link reproduces it; the compare link starts from the run on screen, levers and all.
 *
 * Nothing here steps a model or keeps a clock; model-views.ts says what to show per model.
 */
import type { Frame } from '../sim/core/model';
import { isGovernanceFrame } from '../sim/governance/index';
import { applyOverrides } from '../src/scenario/overrides';
import { showCards, type Metrics } from './cards';
import { ChartPanel } from './charts';
import { startCompare } from './compare';
import { setupDrop } from './drop';
import { saveViewPng } from './export-view';
import { setupHelp } from './help';
import { revealOnPick } from './inspect-reveal';
import { sensitivityLinkFor } from './sensitivity-link';
import { bindShortcuts } from './keyboard';
import { LatticeView } from './lattice-view';
import { LeverForm } from './levers';
import { HashPanel, buildViewPanels, fillPicker, showCounts, showPreset } from './panels';
import { viewFor, type ModelView } from './model-views';
import { PRESETS, findPreset, headlessOnly, type Preset } from './presets';
import { browserRefusal } from './bounds';
import { drawSankey, pathCounts } from './sankey';
import type { RunOutputs } from '../src/output/run';
import { fileNameOf, isFilePreset } from './file-preset';
import { Player, type Loaded, type PlayerEvent } from './player';
import type { Advance } from './session';
import { TownView, type PickInfo } from './town-view';
import { cliCommand, compareLinkFor, linkFor, readLink, type PaneRequest, type RunRequest } from './url-state';
import { SEED_RULE, STEPS_RULE, parseWholeNumber, type WholeNumberRule } from './whole-number';
import { codeNode, startLanguage, t, tNodes } from './i18n';
import { EXPLORE_STATUS, statusLine } from './player-status';

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
  sankey: byId<HTMLElement>('sankey'),
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

/** Clock, play/step/run to end and the worker: one pane (player.ts). */
const player = new Player(
  {
    loaded: (first) => onLoaded(first[0]),
    advanced: (results) => onAdvanced(results[0]),
    event: (e) => onEvent(e),
  },
  () => Number(ui.speed.value) || 1,
  () => Math.max(1, ...Array.from(ui.speed.options, (o) => Number(o.value) || 1)),
);
let preset: Preset | undefined;
let sets: string[] = [];
let view: ModelView = viewFor('epstein');
/** The scenario on screen with its lever changes, as the worker got it. */
let runRaw: unknown;
/** Scenario files loaded on this page, by picker value (file:<name>): the picker names them. */
const files = new Map<string, Preset>();
const perf = { draw: 0, update: 0, render: 0 };
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
  void start({ preset, seed: player.seed, steps: player.endStep, sets });
});

// ---- drawing -----------------------------------------------------------------------------------

function setStatus(text: string | (string | Node)[], isError = false): void {
  if (typeof text === 'string') ui.status.textContent = text;
  else ui.status.replaceChildren(...text);
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

const smooth = (old: number, v: number) => (player.perf.frames > 1 ? old * 0.9 + v * 0.1 : v);

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
  ui.counter.value = String(player.time);
  ui.endStep.textContent = String(player.endStep);
}

function updateButtons(): void {
  const { loaded, playing } = player;
  const atEnd = player.time >= player.endStep;
  ui.play.disabled = !loaded || (atEnd && !playing);
  ui.play.textContent = playing ? t('playback.pause') : t('playback.play');
  ui.play.classList.toggle('playing', playing);
  ui.step.disabled = !loaded || playing || atEnd;
  ui.reset.disabled = !loaded && !preset;
  ui.runToEnd.disabled = !loaded;
}

function showPerf(): void {
  const worker = player.perf.worker;
  ui.perf.textContent = t('explore.perf', {
    worker: worker.toFixed(1),
    page: perf.draw.toFixed(1),
    update: perf.update.toFixed(1),
    render: perf.render.toFixed(1),
  });
  ui.perf.dataset.draw = perf.draw.toFixed(3);
  ui.perf.dataset.update = perf.update.toFixed(3);
  ui.perf.dataset.render = perf.render.toFixed(3);
  ui.perf.dataset.worker = worker.toFixed(3);
  ui.perf.dataset.chunk = String(player.chunk);
}

let fileUrl: string | undefined;

/** The file's own line under the preset's name: where it came from, and whether a link can carry it. */
function showFileNote(problem: string | undefined): void {
  const name = preset && fileNameOf(preset);
  if (name === undefined) return;
  // The file itself, for the command shown with the hash (run in the folder that holds it).
  if (fileUrl) URL.revokeObjectURL(fileUrl);
  fileUrl = URL.createObjectURL(new Blob([`${JSON.stringify(preset?.raw, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = fileUrl;
  a.download = name;
  a.textContent = t('explore.fileDownload', { file: name });
  ui.presetMeta.replaceChildren(`${t('explore.fileLoaded', { file: name })} ${problem ?? t('explore.fileInAddress')} `, a);
  ui.presetMeta.classList.toggle('error', problem !== undefined);
}

/** The address of the run on screen (a file's scenario in it, compressed), and the links built from it. */
async function setUrl(seed = player.seed, steps = player.endStep): Promise<void> {
  const p = preset;
  const s = sets;
  if (!p) return;
  const gen = player.generation;
  const address = await linkFor(p, seed, steps, s);
  if (!player.isCurrent(gen) || p !== preset) return;
  history.replaceState(null, '', address.search);
  showFileNote(address.problem);
  // The Sensitivity link screens the scenario on screen: its preset, seed and lever changes.
  if (!headlessOnly(p) && !isFilePreset(p)) byId<HTMLAnchorElement>('nav-sensitivity').href = sensitivityLinkFor({ presetId: p.id, seed, sets: s });
  const target = compareTarget(p, s);
  const cmp = target && (await compareLinkFor(target.panes, seed, steps));
  if (!player.isCurrent(gen) || p !== preset) return;
  // A comparison whose link cannot carry the file would open without it: not offered.
  ui.compareWith.hidden = !target || !cmp || cmp.problem !== undefined;
  if (target && cmp) {
    ui.compareWith.href = cmp.search;
    ui.compareWith.textContent = target.label;
  }
}

/**
 * The comparison one click away: the run on screen, lever changes and all, against the same scenario
 * without them; with no changes, a preset against full governance (full governance: the three regimes).
 */
function compareTarget(p: Preset, s: string[]): { panes: PaneRequest[]; label: string } | undefined {
  if (p.model !== 'governance' || headlessOnly(p)) return undefined;
  const gov = findPreset('social-governance');
  const here = { preset: p, sets: s };
  if (s.length) return { panes: [here, { preset: p, sets: [] }], label: t('explore.compareUnchanged') };
  if (p.id === 'social-governance') {
    const regimes = ['social-control', 'social-management', 'social-governance'].map(findPreset);
    if (regimes.every((r) => r)) return { panes: regimes.map((r) => ({ preset: r!, sets: [] })), label: t('explore.compareRegimes') };
  }
  return gov ? { panes: [{ preset: gov, sets: [] }, here], label: t('explore.compareWithGovernance') } : undefined;
}

// ---- running -----------------------------------------------------------------------------------

function fail(message: string): void {
  player.pause();
  setStatus(message, true);
  updateButtons();
}

/** Name the preset (or the loaded file) in the picker. */
function pick(p: Preset): void {
  if (isFilePreset(p) && !files.has(p.id)) {
    files.set(p.id, p);
    ui.preset.prepend(new Option(t('explore.fileOption', { file: fileNameOf(p) ?? '', name: p.name }), p.id));
  }
  ui.preset.value = p.id;
}

/** Start a run in a fresh worker. */
async function start(request: RunRequest): Promise<void> {
  const changedPreset = preset !== request.preset;
  preset = request.preset;
  sets = request.sets ?? [];
  player.close();
  abandoned = 0;
  openNow = 0;
  metricsAt = 0;
  pick(preset);
  showPreset({ name: ui.presetName, meta: ui.presetMeta, description: ui.presetDescription, sources: ui.presetSources }, preset);
  ui.presetMeta.classList.remove('error');
  if (changedPreset || request.sets === undefined) levers.build(preset.raw, preset.model, sets);
  ui.compareWith.hidden = true;
  hashPanel.clear();
  updateButtons();
  try {
    runRaw = sets.length ? applyOverrides(preset.raw, sets, 'lever') : preset.raw;
  } catch (e) {
    fail(t('explore.leverFailed', { message: (e as Error).message }));
    return;
  }
  // Before the worker allocates anything: a link or a dropped file may ask for gigabytes (web/bounds.ts).
  const refusal = browserRefusal(runRaw, request.steps);
  if (refusal) {
    const own = runRaw as { seed?: number; steps?: number };
    const runSeed = request.seed ?? own.seed ?? 1;
    const runSteps = request.steps ?? own.steps ?? 365;
    setStatus(tNodes('explore.tooLarge', { name: preset.name, refusal, command: codeNode(cliCommand(preset.id, runSeed, runSteps, sets)) }), true);
    void setUrl(runSeed, runSteps);
    return;
  }
  setStatus(t('explore.loading', { id: preset.id }));
  const name = fileNameOf(preset);
  await player.load([{ raw: runRaw, source: name ?? `preset ${preset.id}` }], request.seed, request.steps);
}

function onLoaded(first: Loaded): void {
  if (!preset) return;
  ui.seed.value = String(player.seed);
  ui.steps.value = String(player.endStep);
  setFieldError(ui.seed, ui.seedError, '');
  setFieldError(ui.steps, ui.stepsError, '');
  view = viewFor(first.load.model, runRaw);
  ui.townWrap.hidden = !view.town;
  ui.latticeWrap.hidden = !!view.town;
  ui.resetCamera.hidden = !view.town;
  ui.sankeyBox.hidden = !view.town;
  ui.cards.hidden = !view.town;
  showInspect(undefined);
  town?.select(undefined);
  fitViews();
  buildViewPanels({ legend: ui.legend, counts: ui.counts }, view);
  charts.reset(view.charts, player.endStep);
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
  void setUrl();
  setStatus(t('explore.loaded', { name: preset.name, seed: player.seed }));
}

function onAdvanced(r: Advance): void {
  const time = player.time;
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
  showPerf();
  showTime();
  // Headline metrics: at most about once a second while playing.
  if (view.town && (!player.playing || performance.now() - metricsAt > 1000)) void refreshMetrics();
}

function onEvent(e: PlayerEvent): void {
  const line = statusLine(e, player.time, player.endStep, EXPLORE_STATUS);
  if (e.kind === 'paused' && view.town) void refreshMetrics();
  if (e.kind === 'finished') showOutputs(e.outputs[0]);
  if (line !== undefined) setStatus(line);
  if (e.kind === 'failed') {
    if (player.loaded) fail(e.message);
    else {
      levers.showProblem(e.message);
      fail(t('explore.loadFailed', { id: preset?.id ?? '', message: e.message }));
    }
  }
  updateButtons();
}

function showOutputs(out: RunOutputs): void {
  hashPanel.show(out, preset?.id ?? out.manifest.scenario, sets);
  if (view.town) showMetrics((JSON.parse(out.files['summary.json']) as { metrics: Metrics }).metrics);
}

function showMetrics(metrics: Metrics): void {
  showCards(ui.cards, metrics);
  drawSankey(ui.sankey, pathCounts(metrics, abandoned, openNow));
}

let metricsBusy = false;
async function refreshMetrics(): Promise<void> {
  if (!player.loaded || metricsBusy) return;
  metricsBusy = true;
  metricsAt = performance.now();
  try {
    const outs = await player.outputs();
    if (outs) showMetrics((JSON.parse(outs[0].files['summary.json']) as { metrics: Metrics }).metrics);
  } catch {
    // A run replaced or failed meanwhile: its own message says so.
  } finally {
    metricsBusy = false;
  }
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
  if (v === undefined || !preset || (player.loaded && v === player.seed)) return;
  ui.linkProblems.hidden = true;
  void start({ preset, seed: v, steps: player.endStep, sets });
}

function applySteps(): void {
  const v = checkField(ui.steps, ui.stepsError, STEPS_RULE);
  if (v === undefined || !preset || v === player.endStep) return;
  ui.linkProblems.hidden = true;
  if (player.setEndStep(v) === 'reload') {
    void start({ preset, seed: player.seed, steps: v, sets });
    return;
  }
  hashPanel.clear();
  charts.setXMax(v);
  showTime();
  void setUrl();
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
    revealOnPick(ui.town, ui.inspect);
  } catch (e) {
    ui.latticeWrap.textContent = t('explore.noWebgl', { message: (e as Error).message });
  }
  fillPicker(ui.preset, PRESETS);
  ui.play.addEventListener('click', () => player.togglePlay());
  ui.step.addEventListener('click', () => void player.step());
  ui.reset.addEventListener('click', () => {
    if (preset) void start({ preset, seed: player.seed, steps: player.endStep, sets });
  });
  ui.runToEnd.addEventListener('click', () => player.runToEnd());
  ui.preset.addEventListener('change', () => {
    const p = findPreset(ui.preset.value) ?? files.get(ui.preset.value);
    if (!p) return;
    ui.linkProblems.hidden = true;
    void start({ preset: p });
  });
  ui.resetCamera.addEventListener('click', () => {
    town?.resetCamera();
    town?.render();
  });
  ui.savePng.addEventListener('click', () => void saveViewPng(view.town ? ui.town : ui.lattice, `govsim-${preset?.id ?? 'view'}-seed${player.seed}-step${player.time}.png`));
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

/** The page's mode and run come from its address (url-state.ts); a file in it is decompressed first. */
async function route(): Promise<void> {
  const link = await readLink(location.search);
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
}

void route();
