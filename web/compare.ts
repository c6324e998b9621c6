/**
 * Compare: two to four presets side by side, each in its own Web Worker, all on the same seed (common
 * random numbers: the model draws from named streams, so a difference is the policy's, not noise). One
 * clock steps every pane together; one camera (turning one town turns them all); charts overlaid, one
 * colour per pane; a difference table of the headline metrics (every pair of panes: B − A, C − A, C − B,
 * ...; web/diff-table.ts); and a seed-noise check that runs N seeds per pane to the end and says whether
 * each difference exceeds seed noise, by the rule `govsim compare` uses (src/stats/beyond-noise.ts).
 */
import type { Metrics } from './cards';
import { CARDS, showDifference } from './cards';
import type { ChartSpec } from './charts';
import { ChartPanel } from './charts';
import { downloadPng } from './export-png';
import { bindShortcuts } from './keyboard';
import { PANE_COLOURS } from './palette';
import { PRESETS, headlessOnly, type Preset } from './presets';
import { browserRefusal } from './bounds';
import { SimSession } from './session';
import { TownView } from './town-view';
import { isGovernanceFrame } from '../sim/governance/index';
import { cliCommand, compareLinkFor } from './url-state';
import { SEED_RULE, STEPS_RULE, parseWholeNumber } from './whole-number';
import { MIN_SEEDS_FOR_NOISE, pairedDifference, spread } from './seed-noise';
import { formatMeanDifference, formatP, pairLabel, panePairs } from './diff-table';
import { formatCount } from './format';
import { codeNode, locale, t, tNodes, withLang } from './i18n';

const CHARTS: ChartSpec[] = [
  { title: t('compare.chart.open'), lines: [{ series: 'disputesOpen', label: t('compare.chart.open.line'), colour: '#000' }] },
  { title: t('compare.chart.resolved'), lines: [{ series: 'resolved', label: t('compare.chart.resolved.line'), colour: '#000', cumulative: true }] },
  { title: t('compare.chart.petitions'), lines: [{ series: 'petitionsFirst', label: t('compare.chart.petitions.line'), colour: '#000', cumulative: true }] },
  { title: t('compare.chart.actives'), lines: [{ series: 'actives', label: t('compare.chart.actives.line'), colour: '#000' }] },
  { title: t('compare.chart.legitimacy'), lines: [{ series: 'meanLegitimacy', label: t('compare.chart.legitimacy.line'), colour: '#000' }] },
  { title: t('compare.chart.cost'), lines: [{ series: 'officialPersonDays', label: t('compare.chart.cost.line'), colour: '#000', cumulative: true }] },
];

interface Pane {
  preset: Preset;
  session: SimSession;
  town?: TownView;
  canvas: HTMLCanvasElement;
  wrap: HTMLElement;
  stats: HTMLElement;
  hash: HTMLElement;
  resolved: number;
  petitions: number;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function startCompare(presets: Preset[], seedIn?: number, stepsIn?: number): void {
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
  document.title = t('compare.title', { ids: presets.map((p) => p.id).join(t('compare.vs')) });
  const charts = new ChartPanel(ui.charts);
  let panes: Pane[] = [];
  let generation = 0;
  let seed = seedIn ?? 1;
  let endStep = stepsIn ?? 365;
  let time = 0;
  let loaded = false;
  let playing = false;
  let toEnd = false;
  let busy = false;
  const perf = { draw: 0, worker: 0, frames: 0 };
  const setStatus = (t: string, err = false) => {
    ui.status.textContent = t;
    ui.status.classList.toggle('error', err);
  };
  const buttons = () => {
    const atEnd = time >= endStep;
    ui.play.disabled = !loaded || (atEnd && !playing);
    ui.play.textContent = playing ? t('playback.pause') : t('playback.play');
    ui.step.disabled = !loaded || playing || atEnd;
    ui.reset.disabled = !loaded;
    ui.runToEnd.disabled = !loaded;
    ui.seeds.disabled = !loaded;
  };
  const link = () => history.replaceState(null, '', compareLinkFor(presets.map((p) => p.id), seed, endStep));

  // Pane pickers: change a pane's preset, add or remove a pane (2 to 4).
  const offered = PRESETS.filter((p) => p.model === 'governance' && !headlessOnly(p));
  const renderPickers = () => {
    const go = (ids: string[]) => (location.search = withLang(compareLinkFor(ids, seed, endStep)));
    const items = presets.map((p, i) => {
      const wrap = document.createElement('div');
      wrap.className = 'field';
      const lab = document.createElement('label');
      lab.htmlFor = `cmp-pane-${i}`;
      lab.textContent = t('compare.pane', { letter: String.fromCharCode(65 + i) });
      lab.style.borderBottom = `4px solid ${PANE_COLOURS[i]}`;
      const sel = document.createElement('select');
      sel.id = `cmp-pane-${i}`;
      for (const o of offered) sel.append(new Option(o.name, o.id));
      sel.value = p.id;
      sel.addEventListener('change', () => go(presets.map((q, j) => (j === i ? sel.value : q.id))));
      wrap.append(lab, sel);
      if (presets.length > 2) {
        const rm = document.createElement('button');
        rm.type = 'button';
        rm.textContent = t('compare.remove');
        rm.setAttribute('aria-label', t('compare.removePane', { letter: String.fromCharCode(65 + i) }));
        rm.addEventListener('click', () => go(presets.filter((_, j) => j !== i).map((q) => q.id)));
        wrap.append(rm);
      }
      return wrap;
    });
    if (presets.length < 4) {
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = t('compare.addPane');
      add.addEventListener('click', () => go([...presets.map((p) => p.id), 'social-governance']));
      items.push(add as unknown as HTMLDivElement);
    }
    ui.pickers.replaceChildren(...items);
  };

  // Ready-made comparisons: the three regimes, and each ablation against the full governance preset.
  const quick = document.getElementById('cmp-quick');
  if (quick) {
    const links: [string, string[]][] = [[t('compare.quickRegimes'), ['social-control', 'social-management', 'social-governance']]];
    for (const p of offered) {
      if (p.id.startsWith('governance-') || p.id === 'control-relaxation') links.push([t('compare.quickVs', { name: p.name }), ['social-governance', p.id]]);
    }
    quick.replaceChildren(
      t('compare.readyMade'),
      ...links.flatMap(([label, ids], i) => {
        const a = document.createElement('a');
        a.href = compareLinkFor(ids, seed, endStep);
        a.textContent = label;
        if (ids.join() === presets.map((p) => p.id).join()) a.setAttribute('aria-current', 'page');
        return i ? [' · ', a] : [a];
      }),
    );
  }

  const close = () => {
    for (const p of panes) {
      p.session.close();
      p.town?.dispose();
    }
    panes = [];
  };

  async function load(): Promise<void> {
    const gen = ++generation;
    close();
    loaded = false;
    playing = false;
    toEnd = false;
    time = 0;
    buttons();
    renderPickers();
    ui.panes.dataset.count = String(presets.length);
    ui.panes.replaceChildren();
    // A link may name a preset too large for a tab (web/bounds.ts): refused before any worker loads.
    for (let i = 0; i < presets.length; i++) {
      const refusal = browserRefusal(presets[i].raw, stepsIn, presets.length);
      if (refusal) {
        panes = [];
        setStatus(t('compare.tooLarge', { letter: String.fromCharCode(65 + i), id: presets[i].id, refusal, command: `npx govsim run ${presets[i].id}` }), true);
        return;
      }
    }
    panes = presets.map((preset, i) => {
      const wrap = document.createElement('section');
      wrap.className = 'pane';
      wrap.setAttribute('aria-label', t('compare.paneNamed', { letter: String.fromCharCode(65 + i), name: preset.name }));
      wrap.style.borderTopColor = PANE_COLOURS[i];
      const h = document.createElement('h2');
      h.textContent = t('compare.paneTitle', { letter: String.fromCharCode(65 + i), name: preset.name });
      h.title = preset.name;
      const holder = document.createElement('div');
      holder.className = 'town-wrap';
      const canvas = document.createElement('canvas');
      canvas.className = 'pane-town';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', t('compare.townLoading', { letter: String.fromCharCode(65 + i) }));
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
      const session = new SimSession((msg) => gen === generation && setStatus(t('compare.paneFailed', { letter: String.fromCharCode(65 + i), message: msg }), true));
      return { preset, session, town, canvas, wrap, stats, hash, resolved: 0, petitions: 0 };
    });
    // One camera: turning any town turns them all.
    for (const p of panes) {
      p.town?.onCamera(() => {
        for (const q of panes) if (q !== p) q.town?.copyCamera(p.town!);
      });
    }
    fit();
    setStatus(t('compare.loadingPanes', { n: presets.length }));
    try {
      // Pane A settles the seed; every pane then runs on that same seed.
      const a = await panes[0].session.load(panes[0].preset.raw, seedIn ?? seed, `preset ${panes[0].preset.id}`);
      if (gen !== generation) return;
      seed = a.load.seed;
      if (stepsIn === undefined && !loaded && time === 0 && ui.steps.value === '') endStep = a.load.steps;
      const rest = await Promise.all(panes.slice(1).map((p) => p.session.load(p.preset.raw, seed, `preset ${p.preset.id}`)));
      if (gen !== generation) return;
      [a, ...rest].forEach((r, i) => {
        if (isGovernanceFrame(r.frame)) panes[i].town?.draw(r.frame);
        showStats(panes[i], r.load.seed, r.frame.meta.openCases ?? 0);
      });
    } catch (e) {
      if (gen === generation) setStatus(t('compare.loadFailed', { message: (e as Error).message }), true);
      return;
    }
    seedIn = seed;
    stepsIn = endStep;
    ui.seed.value = String(seed);
    ui.steps.value = String(endStep);
    ui.counter.value = '0';
    ui.end.textContent = String(endStep);
    charts.reset(CHARTS, endStep, presets.map((p, i) => t('compare.paneTitle', { letter: String.fromCharCode(65 + i), name: p.name })));
    const key = document.createElement('ul');
    key.className = 'legend cmp-key';
    key.setAttribute('aria-label', t('compare.key'));
    presets.forEach((p, i) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'line-swatch';
      sw.style.background = PANE_COLOURS[i];
      li.append(sw, t('compare.paneTitle', { letter: String.fromCharCode(65 + i), name: p.name }));
      key.append(li);
    });
    ui.charts.prepend(key);
    showDifference(ui.diff, presets.map((p) => p.name), presets.map(() => undefined));
    loaded = true;
    link();
    buttons();
    setStatus(t('compare.loaded', { n: presets.length, seed }));
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

  /** Step every pane `n` times together, then draw them. */
  async function advance(n: number): Promise<boolean> {
    const gen = generation;
    const t0 = performance.now();
    let results;
    try {
      results = await Promise.all(panes.map((p) => p.session.advance(n)));
    } catch (e) {
      if (gen === generation) {
        playing = false;
        setStatus(t('compare.stepFailed', { message: (e as Error).message }), true);
        buttons();
      }
      return false;
    }
    if (gen !== generation) return false;
    const t1 = performance.now();
    time = results[0].info.time;
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
    perf.draw = perf.frames ? perf.draw * 0.9 + draw * 0.1 : draw;
    perf.worker = perf.frames ? perf.worker * 0.9 + (t1 - t0) * 0.1 : t1 - t0;
    perf.frames++;
    ui.perf.textContent = t('compare.perf', { n: panes.length, worker: perf.worker.toFixed(1), page: perf.draw.toFixed(1) });
    ui.perf.dataset.draw = perf.draw.toFixed(3);
    ui.counter.value = String(time);
    return true;
  }

  async function refreshDifference(withHash = false): Promise<void> {
    const gen = generation;
    const outs = await Promise.all(panes.map((p) => p.session.outputs()));
    if (gen !== generation) return;
    const metrics = outs.map((o) => (JSON.parse(o.files['summary.json']) as { metrics: Metrics }).metrics);
    showDifference(ui.diff, presets.map((p) => p.name), metrics);
    if (withHash) {
      outs.forEach((o, i) => {
        const h = panes[i].hash;
        h.replaceChildren(...tNodes('compare.hash', { hash: o.manifest.outputHash.slice(0, 16), command: codeNode(cliCommand(presets[i].id, o.manifest.seed, o.manifest.steps)) }));
        h.dataset.hash = o.manifest.outputHash;
        for (const [name, text] of Object.entries(o.files)) {
          const a = document.createElement('a');
          a.href = URL.createObjectURL(new Blob([text], { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
          a.download = `${presets[i].id}-${name}`;
          a.textContent = name;
          h.append(a, ' ');
        }
      });
    }
  }

  async function playLoop(): Promise<void> {
    if (busy) return;
    busy = true;
    const gen = generation;
    let chunk = 1;
    let lastDiff = performance.now();
    try {
      while (playing && gen === generation && time < endStep) {
        const n = Math.min(endStep - time, toEnd ? chunk : Number(ui.speed.value) || 1);
        const t0 = performance.now();
        if (!(await advance(n))) return;
        if (toEnd) chunk = Math.max(1, Math.min(5000, Math.round((n * 60) / Math.max(1, performance.now() - t0))));
        if (performance.now() - lastDiff > 1500) {
          lastDiff = performance.now();
          void refreshDifference();
        }
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
      }
    } finally {
      busy = false;
    }
    if (gen !== generation) return;
    const finished = time >= endStep;
    playing = false;
    toEnd = false;
    buttons();
    await refreshDifference(finished);
    setStatus(finished ? t('compare.finished', { step: time }) : t('compare.paused', { step: time }));
  }

  function fit(): void {
    const n = panes.length;
    const cols = n === 4 ? 2 : n;
    const w = Math.floor((ui.panes.clientWidth || 1200) / cols) - 16;
    for (const p of panes) p.town?.setSize(w, Math.round(Math.min(420, w * 0.75)));
    charts.draw();
  }

  // ---- wiring ----
  ui.play.addEventListener('click', () => {
    if (playing) {
      playing = false;
      buttons();
      return;
    }
    if (!loaded || time >= endStep) return;
    playing = true;
    buttons();
    setStatus(t('compare.playing'));
    void playLoop();
  });
  ui.step.addEventListener('click', () => {
    if (busy || playing || time >= endStep) return;
    busy = true;
    void advance(1).then(async () => {
      busy = false;
      await refreshDifference(time >= endStep);
      setStatus(t('compare.step', { step: time }));
      buttons();
    });
  });
  ui.runToEnd.addEventListener('click', () => {
    if (!loaded) return;
    toEnd = true;
    if (time >= endStep) return void refreshDifference(true);
    if (!playing) {
      playing = true;
      buttons();
      setStatus(t('compare.runningTo', { step: endStep }));
      void playLoop();
    }
  });
  ui.reset.addEventListener('click', () => void load());
  ui.savePng.addEventListener('click', () => downloadPng(panes.map((p) => p.canvas), `govsim-compare-seed${seed}-step${time}.png`));
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
    if (v < time) void load();
    else {
      ui.end.textContent = String(v);
      charts.setXMax(v);
      link();
      buttons();
    }
  });
  ui.seeds.addEventListener('click', () => void seedNoise());
  bindShortcuts({ p: ui.play, s: ui.step, r: ui.reset, e: ui.runToEnd });
  new ResizeObserver(fit).observe(ui.panes);

  /** Run N seeds per pane to the end step (each pane in its own worker, in parallel). */
  async function seedNoise(): Promise<void> {
    const gen = generation;
    const n = Number(ui.nSeeds.value) || 10;
    const seeds = Array.from({ length: n }, (_, i) => (seed + i) >>> 0);
    ui.seeds.disabled = true;
    ui.spread.hidden = true;
    let done = 0;
    const total = n * panes.length;
    ui.seedsOut.textContent = t('compare.seedsRunning', { n, panes: panes.length, step: endStep });
    const results: Metrics[][] = await Promise.all(
      panes.map(async (p) => {
        const out: Metrics[] = [];
        for (const s of seeds) {
          const o = await p.session.runOnce(p.preset.raw, s, endStep);
          out.push((JSON.parse(o.files['summary.json']) as { metrics: Metrics }).metrics);
          done++;
          if (gen === generation) ui.seedsOut.textContent = t('compare.seedsProgress', { done, total });
        }
        return out;
      }),
    );
    ui.seeds.disabled = false;
    if (gen !== generation) return;
    const table = ui.spread;
    const head = document.createElement('tr');
    head.innerHTML = '<th scope="col"></th>';
    head.firstElementChild!.textContent = t('diff.metric');
    presets.forEach((_, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t('compare.spreadHead', { letter: String.fromCharCode(65 + i) });
      head.append(th);
    });
    const pairs = panePairs(presets.length);
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

  void load();
}
