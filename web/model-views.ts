/**
 * What the page shows for each model: which series are counted and charted, and how a frame becomes a
 * map of colour codes for the lattice view. Pure functions of a frame; no DOM.
 */
import type { Frame } from '../sim/core/model';
import type { ChartSpec } from './charts';
import { leversOf, valueAt } from './lever-spec';
import { EPSTEIN_COLOURS, GOVERNANCE_COLOURS, LINE_COLOURS, TOWN_COLOURS } from './palette';
import { ACTIVE, COP, EMPTY, JAILED, QUIET } from '../sim/epstein/index';
import { CH_COURT, CH_NGO, CH_POLICE, CH_TOWN, CH_VILLAGE, LEVEL_COUNTY, LEVEL_GRID, LEVEL_LABELS, LEVEL_TOWN, LEVEL_VILLAGE, RESOLVER_LABELS } from '../sim/governance/index';
import { codeLabel, t } from './i18n';

// Words come from the message tables (web/i18n.ts) in the page's language, read when this module loads:
// the page switches language by reloading, so the views are built once per language.
const resolver = (ch: number) => codeLabel('resolver', ch, RESOLVER_LABELS[ch]);
const level = (l: number) => codeLabel('level', l, LEVEL_LABELS[l]);

export interface CodeMap {
  width: number;
  height: number;
  /** One colour code per cell, row by row from the top; an index into the view's palette. */
  codes: Uint8Array;
}

export interface SeriesShown {
  series: string;
  label: string;
  colour?: string;
  /** What it counts and out of what, shown on hover. */
  help?: string;
}

/** A legend entry of the picture; `help` says on hover what it stands for and how it is measured. */
export interface LegendEntry {
  label: string;
  colour: string;
  help?: string;
}

export interface ModelView {
  /** Colours by code. */
  palette: readonly string[];
  legend: LegendEntry[];
  counts: SeriesShown[];
  /** Live charts; the first is the main one. */
  charts: ChartSpec[];
  /** Drawn as the 3D town (governance) rather than the flat lattice. */
  town?: boolean;
  toCodes(frame: Frame): CodeMap;
  /**
   * The counted series as a frame shows them, for the moment before the first step (no series row
   * yet); a series the frame cannot tell is left out.
   */
  initialCounts(frame: Frame, map: CodeMap): Record<string, number>;
  /** One sentence for the canvas's accessible name. */
  describe(frame: Frame, map: CodeMap): string;
}

/** Cells per Epstein frame code (EMPTY, QUIET, ACTIVE, COP, JAILED in its cell: sim/epstein/index.ts). */
function codeCounts(codes: Uint8Array): number[] {
  const n = new Array<number>(Math.max(EMPTY, QUIET, ACTIVE, COP, JAILED) + 1).fill(0);
  for (const c of codes) n[c]++;
  return n;
}

/**
 * The Epstein legend as the run's option set draws it: with jailedCellEmpty false (Mesa) a jailed
 * citizen keeps its cell and is drawn there; with true (NetLogo, the default) it leaves the lattice and
 * its cell is empty, so no jailed swatch is shown (the jailed count is still in the counts).
 */
export function epsteinLegend(jailedCellEmpty: boolean): ModelView['legend'] {
  return [
    { label: t('epstein.quietCitizen'), colour: EPSTEIN_COLOURS.quiet, help: t('epstein.quietCitizen.help') },
    { label: t('epstein.activeCitizen'), colour: EPSTEIN_COLOURS.active, help: t('epstein.activeCitizen.help') },
    { label: t('epstein.cop'), colour: EPSTEIN_COLOURS.cop, help: t('epstein.cop.help') },
    ...(jailedCellEmpty
      ? [{ label: t('epstein.emptyJailedLeave'), colour: EPSTEIN_COLOURS.empty, help: t('epstein.emptyJailedLeave.help') }]
      : [
          { label: t('epstein.jailedKept'), colour: EPSTEIN_COLOURS.jailed, help: t('epstein.jailedKept.help') },
          { label: t('epstein.empty'), colour: EPSTEIN_COLOURS.empty, help: t('epstein.empty.help') },
        ]),
  ];
}

const epstein: ModelView = {
  // Indexed by cell code.
  palette: Object.assign([] as string[], {
    [EMPTY]: EPSTEIN_COLOURS.empty,
    [QUIET]: EPSTEIN_COLOURS.quiet,
    [ACTIVE]: EPSTEIN_COLOURS.active,
    [COP]: EPSTEIN_COLOURS.cop,
    [JAILED]: EPSTEIN_COLOURS.jailed,
  }),
  legend: epsteinLegend(true),
  counts: [
    { series: 'quiet', label: t('epstein.quiet'), colour: EPSTEIN_COLOURS.quiet, help: t('epstein.quiet.help') },
    { series: 'active', label: t('epstein.active'), colour: EPSTEIN_COLOURS.active, help: t('epstein.active.help') },
    { series: 'jailed', label: t('epstein.jailed'), colour: EPSTEIN_COLOURS.jailed, help: t('epstein.jailed.help') },
  ],
  charts: [
    {
      title: t('epstein.chart'),
      lines: [
        { series: 'active', label: t('epstein.active'), colour: LINE_COLOURS.active },
        { series: 'jailed', label: t('epstein.jailed'), colour: LINE_COLOURS.jailed },
      ],
    },
  ],
  toCodes(frame) {
    const { width, height } = frame.meta;
    return { width, height, codes: frame.arrays.cells as Uint8Array };
  },
  initialCounts(_frame, map) {
    const n = codeCounts(map.codes);
    return { quiet: n[QUIET], active: n[ACTIVE], jailed: n[JAILED] };
  },
  describe(frame, map) {
    const n = codeCounts(map.codes);
    return t('epstein.describe', { width: map.width, height: map.height, step: frame.step, quiet: n[QUIET], active: n[ACTIVE], jailed: n[JAILED], cops: n[COP], empty: n[EMPTY] });
  },
};

/**
 * The Detained count is non-zero from day 0 because the run starts after a burn-in: `burnInDays` days of
 * collective action and detention run before day 0 (sim/governance/model.ts burnIn), so that a
 * population that starts all quiet does not show an initial burst. The detainees of those days are held
 * on into the run; their detentions are not in the run's totals. The count says so on hover.
 */
export function detainedHelp(burnInDays: number): string {
  const now = t('gov.count.detained.help');
  return burnInDays > 0 ? `${now} ${t('gov.count.detained.burnIn', { days: burnInDays })}` : now;
}

/** Governance grids placed on their layout positions (gridX, gridY): calm, with disputes, or with actives. */
const governance: ModelView = {
  palette: [GOVERNANCE_COLOURS.none, GOVERNANCE_COLOURS.calm, GOVERNANCE_COLOURS.disputes, GOVERNANCE_COLOURS.actives],
  town: true,
  legend: [
    { label: t('gov.legend.calm'), colour: GOVERNANCE_COLOURS.calm, help: t('gov.legend.calm.help') },
    { label: t('gov.legend.disputes'), colour: GOVERNANCE_COLOURS.disputes, help: t('gov.legend.disputes.help') },
    { label: t('gov.legend.actives'), colour: GOVERNANCE_COLOURS.actives, help: t('gov.legend.actives.help') },
    { label: t('gov.legend.villageBar', { resolver: resolver(CH_VILLAGE) }), colour: TOWN_COLOURS.village, help: t('gov.legend.bar.help') },
    { label: t('gov.legend.bar', { resolver: resolver(CH_NGO) }), colour: TOWN_COLOURS.ngo, help: t('gov.legend.bar.help') },
    { label: t('gov.legend.bar', { resolver: resolver(CH_TOWN) }), colour: TOWN_COLOURS.town, help: t('gov.legend.bar.help') },
    { label: t('gov.legend.bar', { resolver: resolver(CH_POLICE) }), colour: TOWN_COLOURS.police, help: t('gov.legend.bar.help') },
    { label: t('gov.legend.bar', { resolver: resolver(CH_COURT) }), colour: TOWN_COLOURS.court, help: t('gov.legend.bar.help') },
    { label: t('gov.legend.petition'), colour: TOWN_COLOURS.petition, help: `${t('gov.legend.bar.help')} ${t('gov.legend.petition.help')}` },
    { label: t('gov.legend.queue'), colour: TOWN_COLOURS.queue, help: t('gov.legend.queue.help') },
    { label: t('gov.legend.dot'), colour: TOWN_COLOURS.pending, help: t('gov.legend.dot.help') },
  ],
  counts: [
    { series: 'disputesOpen', label: t('gov.count.open'), colour: GOVERNANCE_COLOURS.disputes, help: t('gov.count.open.help') },
    { series: 'actives', label: t('gov.count.active'), colour: GOVERNANCE_COLOURS.actives, help: t('gov.count.active.help') },
    { series: 'detained', label: t('gov.count.detained'), colour: LINE_COLOURS.detained, help: detainedHelp(0) },
  ],
  charts: [
    {
      title: t('gov.chart.disputes'),
      lines: [
        { series: 'disputesOpen', label: t('gov.chart.openNow'), colour: '#000000' },
        { series: 'resolvedGrid', label: level(LEVEL_GRID), colour: '#56b4e9', cumulative: true },
        { series: 'resolvedVillage', label: level(LEVEL_VILLAGE), colour: '#009e73', cumulative: true },
        { series: 'resolvedTown', label: level(LEVEL_TOWN), colour: '#0072b2', cumulative: true },
        { series: 'resolvedCounty', label: level(LEVEL_COUNTY), colour: '#e69f00', cumulative: true },
      ],
    },
    {
      title: t('gov.chart.petitions'),
      lines: [
        { series: 'petitionsFirst', label: t('gov.chart.first'), colour: '#cc79a7', cumulative: true },
        { series: 'petitionsRepeat', label: t('gov.chart.repeat'), colour: '#d55e00', cumulative: true },
        { series: 'petitionsOverLevel', label: t('gov.chart.overLevel'), colour: '#000000', cumulative: true },
        { series: 'petitionsOnline', label: t('gov.chart.online'), colour: '#56b4e9', cumulative: true },
      ],
    },
    {
      title: t('gov.chart.collective'),
      lines: [
        { series: 'actives', label: t('gov.chart.active'), colour: LINE_COLOURS.active },
        { series: 'detained', label: t('gov.chart.detained'), colour: LINE_COLOURS.detained },
        { series: 'massIncidentsActive', label: t('gov.chart.massNow'), colour: '#cc79a7' },
      ],
    },
    {
      title: t('gov.chart.legitimacy'),
      lines: [
        { series: 'meanLegitimacy', label: t('gov.chart.meanLegitimacy'), colour: '#0072b2' },
        { series: 'satisfaction', label: t('gov.chart.satisfaction'), colour: '#009e73' },
      ],
    },
    {
      title: t('gov.chart.cost'),
      lines: [{ series: 'officialPersonDays', label: t('gov.chart.personDays'), colour: '#e69f00', cumulative: true }],
    },
  ],
  toCodes(frame) {
    const gx = frame.arrays.gridX;
    const gy = frame.arrays.gridY;
    const open = frame.arrays.gridOpen;
    const act = frame.arrays.gridActives;
    let width = 1;
    let height = 1;
    for (let g = 0; g < gx.length; g++) {
      if (gx[g] + 1 > width) width = gx[g] + 1;
      if (gy[g] + 1 > height) height = gy[g] + 1;
    }
    const codes = new Uint8Array(width * height);
    for (let g = 0; g < gx.length; g++) {
      codes[gy[g] * width + gx[g]] = act[g] > 0 ? 3 : open[g] > 0 ? 2 : 1;
    }
    return { width, height, codes };
  },
  initialCounts(frame) {
    // The frame does not say how many are detained; that count waits for the first step.
    return { disputesOpen: frame.meta.openCases ?? 0, actives: frame.meta.actives ?? 0 };
  },
  describe(frame, map) {
    const n = [0, 0, 0, 0];
    for (const c of map.codes) n[c]++;
    return t('gov.describe', { grids: n[1] + n[2] + n[3], day: frame.step, disputes: n[2], actives: n[3] });
  },
};

/** A model the page has no picture for: counts and chart only. */
const blank: ModelView = {
  palette: ['#f4f3ef'],
  legend: [],
  counts: [],
  charts: [],
  toCodes: () => ({ width: 1, height: 1, codes: new Uint8Array(1) }),
  initialCounts: () => ({}),
  describe: (frame) => t('blank.describe', { model: frame.model }),
};

const VIEWS: Record<string, ModelView> = { epstein, governance };

/**
 * The view of a model; `scenario` (the raw scenario as run, lever changes applied) lets the view follow
 * the run's options: Epstein's legend shows jailed citizens in their cells only when they stay there.
 */
export function viewFor(model: string, scenario?: unknown): ModelView {
  const view = VIEWS[model] ?? blank;
  if (model === 'epstein') {
    const v = valueAt(scenario, 'params.jailedCellEmpty');
    const dflt = leversOf('epstein').find((s) => s.path === 'params.jailedCellEmpty')?.default;
    return { ...view, legend: epsteinLegend(typeof v === 'boolean' ? v : dflt !== false) };
  }
  if (model === 'governance') {
    const days = valueAt(scenario, 'params.collectiveAction.burnInDays');
    const dflt = leversOf('governance').find((s) => s.path === 'params.collectiveAction.burnInDays')?.default;
    const burnIn = typeof days === 'number' ? days : typeof dflt === 'number' ? dflt : 0;
    return { ...view, counts: view.counts.map((c) => (c.series === 'detained' ? { ...c, help: detainedHelp(burnIn) } : c)) };
  }
  return view;
}
