/**
 * Compare: two to four runs side by side (presets or a loaded file, each pane with its own lever
 * changes, all kept in the address: url-state.ts), each in its own Web Worker, all on the same seed
 * (common random numbers: the model draws from named streams, so a difference is the policy's, not
 * noise). One player (player.ts) steps every pane together; one camera (turning one town turns them
 * all); charts overlaid, one colour per pane; a difference table of the headline metrics (every pair of
 * panes: B − A, C − A, C − B, ...; web/diff-table.ts); and a seed-noise check that runs N seeds per pane
 * to the end and says whether each difference exceeds seed noise, by the rule `govsim compare` uses
 * (src/stats/beyond-noise.ts).
 */
import type { Metrics } from './cards';
import { CARDS, showDifference } from './cards';
import type { ChartSpec } from './charts';
import { ChartPanel } from './charts';
import { downloadPng } from './export-png';
import { bindShortcuts } from './keyboard';
import { PANE_COLOURS } from './palette';
import { PRESETS, findPreset, headlessOnly } from './presets';
import { browserRefusal } from './bounds';
import { fileNameOf, isFilePreset } from './file-preset';
import { LeverForm } from './levers';
import { Player, type Loaded, type PlayerEvent } from './player';
import type { Advance } from './session';
import { TownView } from './town-view';
import { isGovernanceFrame } from '../sim/governance/index';
import { applyOverrides } from '../src/scenario/overrides';
import type { RunOutputs } from '../src/output/run';
import { PANE_LETTERS, cliCommand, compareLinkFor, type PaneRequest } from './url-state';
import { SEED_RULE, STEPS_RULE, parseWholeNumber } from './whole-number';
import { MIN_SEEDS_FOR_NOISE, pairedDifference, spread } from './seed-noise';
import { formatMeanDifference, formatP, pairLabel, panePairs } from './diff-table';
import { formatCount } from './format';
import { codeNode, locale, t, tNodes, withLang } from './i18n';
import { COMPARE_STATUS, statusLine } from './player-status';

const CHARTS: ChartSpec[] = [
  { title: t('compare.chart.open'), lines: [{ series: 'disputesOpen', label: t('compare.chart.open.line'), colour: '#000' }] },
  { title: t('compare.chart.resolved'), lines: [{ series: 'resolved', label: t('compare.chart.resolved.line'), colour: '#000', cumulative: true }] },
  { title: t('compare.chart.petitions'), lines: [{ series: 'petitionsFirst', label: t('compare.chart.petitions.line'), colour: '#000', cumulative: true }] },
  { title: t('compare.chart.actives'), lines: [{ series: 'actives', label: t('compare.chart.actives.line'), colour: '#000' }] },
  { title: t('compare.chart.legitimacy'), lines: [{ series: 'meanLegitimacy', label: t('compare.chart.legitimacy.line'), colour: '#000' }] },
  { title: t('compare.chart.cost'), lines: [{ series: 'officialPersonDays', label: t('compare.chart.cost.line'), colour: '#000', cumulative: true }] },
];

/** A pane on screen: what it runs, and what shows it. */
interface Pane {
  run: PaneRequest;
  /** The scenario with the pane's lever changes, as its worker got it. */
  raw: unknown;
  town?: TownView;
  canvas: HTMLCanvasElement;
  stats: HTMLElement;
  hash: HTMLElement;
  resolved: number;
  petitions: number;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const letter = (i: number) => PANE_LETTERS[i];

export function startCompare(runs: PaneRequest[], seedIn?: number, stepsIn?: number): void {
  const ui = {
    seed: $<HTMLInputElement>('cmp-seed'),
    seedError: $<HTMLElement>('cmp-seed-error'),
    steps: $<HTMLInputElement>('cmp-steps'),
    stepsError: $<HTMLElement>('cmp-steps-error'),
    play: $<HTMLButtonElement>('cmp-play'),
    step: $<HTMLButtonElement>('cmp-step'),
    reset: $<HTMLButtonElement>('cmp-reset'),
    runToEnd: $<HTMLButtonElement>('cmp-run-to-end'),
    speed: $<HTMLSelectElement>('cmp-speed'),
    savePng: $<HTMLButtonElement>('cmp-save-png'),
    pickers: $<HTMLElement>('cmp-pickers'),
    counter: $<HTMLOutputElement>('cmp-counter'),
    end: $<HTMLElement>('cmp-end'),
    panes: $<HTMLElement>('panes'),
    diff: $<HTMLTableElement>('diff'),
    charts: $<HTMLElement>('cmp-charts'),
    status: $<HTMLElement>('cmp-status'),
    perf: $<HTMLElement>('cmp-perf'),
    nSeeds: $<HTMLSelectElement>('cmp-nseeds'),
    seeds: $<HTMLButtonElement>('cmp-seeds'),
    seedsOut: $<HTMLElement>('cmp-seeds-out'),
    spread: $<HTMLTableElement>('cmp-spread'),
  };
  const charts = new ChartPanel(ui.charts);
  let panes: Pane[] = [];
  let seed = seedIn ?? 1;
  let endStep = stepsIn ?? 365;
  const perf = { draw: 0 };
  const player = new Player(
    { loaded: onLoaded, advanced: onAdvanced, event: onEvent },
    () => Number(ui.speed.value) || 1,
    () => Math.max(1, ...Array.from(ui.speed.options, (o) => Number(o.value) || 1)),
  );
  const setStatus = (text: string | (string | Node)[], err = false) => {
    if (typeof text === 'string') ui.status.textContent = text;
    else ui.status.replaceChildren(...text);
    ui.status.classList.toggle('error', err);
  };
  const buttons = () => {
    const { loaded, playing } = player;
    const atEnd = player.time >= player.endStep;
    ui.play.disabled = !loaded || (atEnd && !playing);
    ui.play.textContent = playing ? t('playback.pause') : t('playback.play');
    ui.step.disabled = !loaded || playing || atEnd;
    ui.reset.disabled = !loaded;
    ui.runToEnd.disabled = !loaded;
    ui.seeds.disabled = !loaded;
  };
  const name = (r: PaneRequest) => (r.sets.length ? t(r.sets.length === 1 ? 'compare.leverChanged' : 'compare.leversChanged', { name: r.preset.name, n: r.sets.length }) : r.preset.name);
  const title = (i: number) => t('compare.paneTitle', { letter: letter(i), name: name(runs[i]) });
  /** The address of the comparison on screen, with each pane's levers (and a file pane's scenario). */
  const link = async () => {
    const address = await compareLinkFor(runs, seed, endStep);
    history.replaceState(null, '', address.search);
    const note = $<HTMLElement>('cmp-link-note');
    if (note) note.textContent = address.problem ?? '';
  };
  const linkNote = document.createElement('p');
  linkNote.id = 'cmp-link-note';
  linkNote.className = 'note error';
  linkNote.setAttribute('aria-live', 'polite');
  ui.pickers.after(linkNote);

  // Pane pickers: change a pane's scenario or its levers, add or remove a pane (2 to 4); each change
  // restarts every pane from day 0 on the same seed and is written to the address.
  const offered = PRESETS.filter((p) => p.model === 'governance' && !headlessOnly(p));
  /** Panes whose lever form is open. */
  const openForms = new Set<number>();
  const change = (next: PaneRequest[]) => {
    if (next.length < runs.length) openForms.clear();
    runs = next;
    renderPickers();
    void load();
  };
  const renderPickers = () => {
    const items: HTMLElement[] = runs.map((r, i) => {
      const L = letter(i);
      const wrap = document.createElement('div');
      wrap.className = 'field pane-picker';
      const lab = document.createElement('label');
      lab.htmlFor = `cmp-pane-${i}`;
      lab.textContent = t('compare.pane', { letter: L });
      lab.style.borderBottom = `4px solid ${PANE_COLOURS[i]}`;
      const sel = document.createElement('select');
      sel.id = `cmp-pane-${i}`;
      const choices = isFilePreset(r.preset) ? [r.preset, ...offered] : offered;
      for (const o of choices) sel.append(new Option(isFilePreset(o) ? t('explore.fileOption', { file: fileNameOf(o) ?? '', name: o.name }) : o.name, o.id));
      sel.value = r.preset.id;
      sel.addEventListener('change', () => {
        const p = choices.find((o) => o.id === sel.value);
        if (p) change(runs.map((q, j) => (j === i ? { preset: p, sets: [] } : q)));
      });
      wrap.append(lab, sel);
      if (runs.length > 2) {
        const rm = document.createElement('button');
        rm.type = 'button';
        rm.textContent = t('compare.remove');
        rm.setAttribute('aria-label', t('compare.removePane', { letter: L }));
        rm.addEventListener('click', () => change(runs.filter((_, j) => j !== i)));
        wrap.append(rm);
      }
      // The pane's own levers, as explore's form (ids prefixed by the pane's letter).
      const details = document.createElement('details');
      details.className = 'pane-levers';
      const summary = document.createElement('summary');
      summary.textContent = r.sets.length ? t('compare.paneLeversChanged', { letter: L, n: r.sets.length }) : t('compare.paneLevers', { letter: L });
      const box = document.createElement('div');
      box.className = 'levers';
      // Explore's form fills a column; a pane's scrolls within its picker (inline: style.css is shared).
      Object.assign(box.style, { maxHeight: '420px', overflowY: 'auto', width: '22rem', maxWidth: '100%', border: '1px solid #d8dce1', borderRadius: '4px' });
      details.append(summary, box);
      const form = new LeverForm(box, (next) => change(runs.map((q, j) => (j === i ? { preset: q.preset, sets: next } : q))), `lever-${L}-`);
      // Built when first opened: four full forms up front would slow the page for nothing. A form open
      // when its pane changes is open again after, so turning several levers needs no reopening.
      details.addEventListener('toggle', () => {
        if (details.open) openForms.add(i);
        else openForms.delete(i);
        if (details.open && !box.childElementCount) form.build(r.preset.raw, r.preset.model, r.sets);
      });
      details.open = openForms.has(i);
      wrap.append(details);
      return wrap;
    });
    if (runs.length < 4) {
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = t('compare.addPane');
      const gov = findPreset('social-governance') ?? offered[0];
      add.addEventListener('click', () => change([...runs, { preset: gov, sets: [] }]));
      items.push(add);
    }
    ui.pickers.replaceChildren(...items);
    // An open lever form makes its picker tall: the others stay at the top beside it.
    ui.pickers.style.alignItems = 'flex-start';
  };

  // Ready-made comparisons: the three regimes, and each ablation against the full governance preset.
  const quick = document.getElementById('cmp-quick');
  if (quick) {
    const links: [string, string[]][] = [[t('compare.quickRegimes'), ['social-control', 'social-management', 'social-governance']]];
    for (const p of offered) {
      if (p.id.startsWith('governance-') || p.id === 'control-relaxation') links.push([t('compare.quickVs', { name: p.name }), ['social-governance', p.id]]);
    }
    const here = runs.map((r) => (r.sets.length || isFilePreset(r.preset) ? '' : r.preset.id)).join();
    quick.replaceChildren(
      t('compare.readyMade'),
      ...links.flatMap(([label, ids], i) => {
        const a = document.createElement('a');
        const panes = ids.flatMap((id) => {
          const p = findPreset(id);
          return p ? [{ preset: p, sets: [] }] : [];
        });
        void compareLinkFor(panes, seed, endStep).then((addr) => (a.href = withLang(addr.search)));
        a.textContent = label;
        if (ids.join() === here) a.setAttribute('aria-current', 'page');
        return i ? [' · ', a] : [a];
      }),
    );
  }

  const closePanes = () => {
    player.close();
    for (const p of panes) p.town?.dispose();
    panes = [];
  };

  async function load(): Promise<void> {
    closePanes();
    document.title = t('compare.title', { ids: runs.map((r) => r.preset.id).join(t('compare.vs')) });
    buttons();
    ui.panes.dataset.count = String(runs.length);
    ui.panes.replaceChildren();
    let raws: unknown[];
    try {
      raws = runs.map((r) => (r.sets.length ? applyOverrides(r.preset.raw, r.sets, 'lever') : r.preset.raw));
    } catch (e) {
      setStatus(t('explore.leverFailed', { message: (e as Error).message }), true);
      return;
    }
    // A link may name a scenario too large for a tab (web/bounds.ts): refused before any worker loads.
    for (let i = 0; i < runs.length; i++) {
      const refusal = browserRefusal(raws[i], stepsIn, runs.length);
      if (refusal) {
        setStatus(
          tNodes('compare.tooLarge', { letter: letter(i), id: runs[i].preset.id, refusal, command: codeNode(cliCommand(runs[i].preset.id, seed, endStep, runs[i].sets)) }),
          true,
        );
        return;
      }
    }
    panes = runs.map((run, i) => {
      const wrap = document.createElement('section');
      wrap.className = 'pane';
      wrap.setAttribute('aria-label', t('compare.paneNamed', { letter: letter(i), name: name(run) }));
      wrap.style.borderTopColor = PANE_COLOURS[i];
      const h = document.createElement('h2');
      h.textContent = title(i);
      h.title = run.sets.length ? `${run.preset.name}: ${run.sets.join(', ')}` : run.preset.name;
      const holder = document.createElement('div');
      holder.className = 'town-wrap';
      const canvas = document.createElement('canvas');
      canvas.className = 'pane-town';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', t('compare.townLoading', { letter: letter(i) }));
      const labels = document.createElement('div');
      labels.className = 'town-labels';
      labels.setAttribute('aria-hidden', 'true');
      holder.append(canvas, labels);
      const stats = document.createElement('dl');
      stats.className = 'counts pane-stats';
      const hash = document.createElement('p');
      hash.className = 'note pane-hash';
      const inspect = document.createElement('p');
      inspect.className = 'note pane-inspect';
      inspect.setAttribute('aria-live', 'polite');
      wrap.append(h, holder, stats, inspect, hash);
      ui.panes.append(wrap);
      let town: TownView | undefined;
      try {
        town = new TownView(canvas, labels, (_p, info) => (inspect.textContent = info ? `${info.title}: ${info.lines.join('; ')}` : ''));
      } catch {
        holder.textContent = t('compare.noWebgl');
      }
      return { run, raw: raws[i], town, canvas, stats, hash, resolved: 0, petitions: 0 };
    });
    // One camera: turning any town turns them all.
    for (const p of panes) {
      p.town?.onCamera(() => {
        for (const q of panes) if (q !== p) q.town?.copyCamera(p.town!);
      });
    }
    fit();
    setStatus(t('compare.loadingPanes', { n: runs.length }));
    // Pane A settles the seed (player.ts); every pane then runs on that same seed.
    await player.load(
      panes.map((p) => ({ raw: p.raw, source: fileNameOf(p.run.preset) ?? `preset ${p.run.preset.id}` })),
      seedIn,
      stepsIn,
    );
  }

  function onLoaded(first: Loaded[]): void {
    seed = player.seed;
    endStep = player.endStep;
    seedIn = seed;
    stepsIn = endStep;
    first.forEach((r, i) => {
      if (isGovernanceFrame(r.frame)) panes[i].town?.draw(r.frame);
      showStats(panes[i], r.load.seed, r.frame.meta.openCases ?? 0);
    });
    ui.seed.value = String(seed);
    ui.steps.value = String(endStep);
    ui.counter.value = '0';
    ui.end.textContent = String(endStep);
    charts.reset(CHARTS, endStep, runs.map((_, i) => title(i)));
    const key = document.createElement('ul');
    key.className = 'legend cmp-key';
    key.setAttribute('aria-label', t('compare.key'));
    runs.forEach((_, i) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'line-swatch';
      sw.style.background = PANE_COLOURS[i];
      li.append(sw, title(i));
      key.append(li);
    });
    ui.charts.prepend(key);
    showDifference(ui.diff, runs.map(name), runs.map(() => undefined));
    void link();
    setStatus(t('compare.loaded', { n: runs.length, seed }));
  }

  function showStats(p: Pane, s: number, open: number, latest?: Record<string, number>): void {
    const rows: [string, string][] = [
      [t('compare.stat.open'), String(open)],
      [t('compare.stat.resolved'), formatCount(p.resolved, locale())],
      [t('compare.stat.petitions'), formatCount(p.petitions, locale())],
      [t('compare.stat.active'), latest?.actives !== undefined ? String(latest.actives) : '–'],
      [t('compare.stat.seed'), String(s)],
    ];
    p.stats.replaceChildren(
      ...rows.flatMap(([k, v]) => {
        const dt = document.createElement('dt');
        dt.textContent = k;
        const dd = document.createElement('dd');
        dd.textContent = v;
        dd.dataset.stat = k;
        return [dt, dd];
      }),
    );
  }

  let lastDiff = 0;
  /** Every pane advanced together: draw them. */
  function onAdvanced(results: Advance[]): void {
    const time = player.time;
    const k = Object.values(results[0].rows)[0]?.length ?? 0;
    charts.append(
      Array.from({ length: k }, (_, i) => time - k + 1 + i),
      results.map((r) => r.rows),
    );
    charts.draw();
    let draw = 0;
    results.forEach((r, i) => {
      const p = panes[i];
      for (const v of r.rows.resolved ?? []) p.resolved += v;
      for (const v of r.rows.petitionsFirst ?? []) p.petitions += v;
      if (p.town && isGovernanceFrame(r.frame)) draw += p.town.draw(r.frame);
      showStats(p, seed, r.info.latest.disputesOpen ?? 0, r.info.latest);
    });
    perf.draw = player.perf.frames > 1 ? perf.draw * 0.9 + draw * 0.1 : draw;
    ui.perf.textContent = t('compare.perf', { n: panes.length, worker: player.perf.worker.toFixed(1), page: perf.draw.toFixed(1) });
    ui.perf.dataset.draw = perf.draw.toFixed(3);
    ui.perf.dataset.chunk = String(player.chunk);
    ui.counter.value = String(time);
    // The difference table while playing: about every 1.5 s.
    if (player.playing && performance.now() - lastDiff > 1500) {
      lastDiff = performance.now();
      void player.outputs().then((outs) => outs && showOutputs(outs, false));
    }
  }

  function onEvent(e: PlayerEvent): void {
    const line = statusLine(e, player.time, player.endStep, COMPARE_STATUS);
    if (e.kind === 'paused' || e.kind === 'stepped') void player.outputs().then((outs) => outs && showOutputs(outs, false));
    if (e.kind === 'finished') showOutputs(e.outputs, true);
    if (line !== undefined) setStatus(line);
    if (e.kind === 'failed') setStatus(e.pane >= 0 ? t('compare.paneFailed', { letter: letter(e.pane), message: e.message }) : e.message, true);
    buttons();
  }

  const urls: string[] = [];
  function showOutputs(outs: RunOutputs[], withHash: boolean): void {
    const metrics = outs.map((o) => (JSON.parse(o.files['summary.json']) as { metrics: Metrics }).metrics);
    showDifference(ui.diff, runs.map(name), metrics);
    if (!withHash) return;
    for (const u of urls.splice(0)) URL.revokeObjectURL(u);
    outs.forEach((o, i) => {
      const h = panes[i].hash;
      const run = runs[i];
      const base = fileNameOf(run.preset)?.replace(/\.json$/, '') ?? run.preset.id;
      h.replaceChildren(...tNodes('compare.hash', { hash: o.manifest.outputHash.slice(0, 16), command: codeNode(cliCommand(run.preset.id, o.manifest.seed, o.manifest.steps, run.sets)) }));
      h.dataset.hash = o.manifest.outputHash;
      for (const [file, text] of Object.entries(o.files)) {
        const a = document.createElement('a');
        const url = URL.createObjectURL(new Blob([text], { type: file.endsWith('.csv') ? 'text/csv' : 'application/json' }));
        urls.push(url);
        a.href = url;
        a.download = `${base}-${letter(i)}-${file}`;
        a.textContent = file;
        h.append(a, ' ');
      }
    });
  }

  function fit(): void {
    const n = panes.length;
    const cols = n === 4 ? 2 : n;
    const w = Math.floor((ui.panes.clientWidth || 1200) / cols) - 16;
    for (const p of panes) p.town?.setSize(w, Math.round(Math.min(420, w * 0.75)));
    charts.draw();
  }

  // ---- wiring ----
  ui.play.addEventListener('click', () => player.togglePlay());
  ui.step.addEventListener('click', () => void player.step());
  ui.runToEnd.addEventListener('click', () => player.runToEnd());
  ui.reset.addEventListener('click', () => void load());
  ui.savePng.addEventListener('click', () => downloadPng(panes.map((p) => p.canvas), `govsim-compare-seed${seed}-step${player.time}.png`));
  const numberField = (input: HTMLInputElement, out: HTMLElement, rule: typeof SEED_RULE, apply: (v: number) => void) => {
    const go = () => {
      const r = parseWholeNumber(input.value, rule);
      out.textContent = r.ok ? '' : r.message;
      input.setAttribute('aria-invalid', String(!r.ok));
      if (r.ok) apply(r.value);
    };
    input.addEventListener('change', go);
    input.addEventListener('keydown', (e) => e.key === 'Enter' && go());
  };
  numberField(ui.seed, ui.seedError, SEED_RULE, (v) => {
    if (v === seed) return;
    seed = v;
    seedIn = v;
    void load();
  });
  numberField(ui.steps, ui.stepsError, STEPS_RULE, (v) => {
    if (v === endStep) return;
    endStep = v;
    stepsIn = v;
    if (player.setEndStep(v) === 'reload') void load();
    else {
      ui.end.textContent = String(v);
      charts.setXMax(v);
      void link();
      buttons();
    }
  });
  ui.seeds.addEventListener('click', () => void seedNoise());
  bindShortcuts({ p: ui.play, s: ui.step, r: ui.reset, e: ui.runToEnd });
  new ResizeObserver(fit).observe(ui.panes);

  /** Run N seeds per pane to the end step (each pane in its own worker, in parallel). */
  async function seedNoise(): Promise<void> {
    const gen = player.generation;
    const sessions = player.sessions;
    const n = Number(ui.nSeeds.value) || 10;
    const seeds = Array.from({ length: n }, (_, i) => (seed + i) >>> 0);
    ui.seeds.disabled = true;
    ui.spread.hidden = true;
    let done = 0;
    const total = n * panes.length;
    ui.seedsOut.textContent = t('compare.seedsRunning', { n, panes: panes.length, step: endStep });
    const results: Metrics[][] = await Promise.all(
      panes.map(async (p, i) => {
        const out: Metrics[] = [];
        for (const s of seeds) {
          const o = await sessions[i].runOnce(p.raw, s, endStep);
          out.push((JSON.parse(o.files['summary.json']) as { metrics: Metrics }).metrics);
          done++;
          if (player.isCurrent(gen)) ui.seedsOut.textContent = t('compare.seedsProgress', { done, total });
        }
        return out;
      }),
    );
    ui.seeds.disabled = false;
    if (!player.isCurrent(gen)) return;
    const table = ui.spread;
    const head = document.createElement('tr');
    head.innerHTML = '<th scope="col"></th>';
    head.firstElementChild!.textContent = t('diff.metric');
    runs.forEach((_, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t('compare.spreadHead', { letter: String.fromCharCode(65 + i) });
      head.append(th);
    });
    const pairs = panePairs(runs.length);
    for (const pair of pairs) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t('compare.pairHead', { pair: pairLabel(pair) });
      th.dataset.pair = pairLabel(pair);
      head.append(th);
    }
    const body = CARDS.map((c) => {
      const tr = document.createElement('tr');
      tr.dataset.metric = c.key;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = c.label;
      tr.append(th);
      const vals = results.map((rs) => rs.map((m) => c.value(m)));
      for (const v of vals) {
        const s = spread(v);
        const td = document.createElement('td');
        td.textContent = s ? `${c.format(s.mean)} [${c.format(s.min)}, ${c.format(s.max)}]` : '–';
        tr.append(td);
      }
      for (const [j, i] of pairs) {
        const d = pairedDifference(vals[i], vals[j]);
        const td = document.createElement('td');
        td.className = 'diff';
        td.textContent = d ? `${formatMeanDifference(c, d, locale())}, ${formatP(d.signedRankP, locale())}, ${d.beyondNoise ? t('compare.yes') : t('compare.no')}` : '–';
        td.dataset.beyond = d ? String(d.beyondNoise) : '';
        td.dataset.p = d ? String(d.signedRankP) : '';
        tr.append(td);
      }
      return tr;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...body);
    table.replaceChildren(thead, tbody);
    table.hidden = false;
    ui.seedsOut.replaceChildren(
      ...tNodes('compare.seedsDone', { n, first: seeds[0], last: seeds[n - 1], step: endStep, command: codeNode('govsim compare') }),
      n < MIN_SEEDS_FOR_NOISE ? t('compare.fewSeeds', { min: MIN_SEEDS_FOR_NOISE }) : '',
    );
  }

  renderPickers();
  void load();
}
