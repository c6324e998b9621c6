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
}

export interface ModelView {
  /** Colours by code. */
  palette: readonly string[];
  legend: { label: string; colour: string }[];
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
    { label: 'Quiet citizen', colour: EPSTEIN_COLOURS.quiet },
    { label: 'Active citizen', colour: EPSTEIN_COLOURS.active },
    { label: 'Cop', colour: EPSTEIN_COLOURS.cop },
    ...(jailedCellEmpty
      ? [{ label: 'Empty (jailed citizens leave their cells: not drawn)', colour: EPSTEIN_COLOURS.empty }]
      : [
          { label: 'Jailed (kept in its cell)', colour: EPSTEIN_COLOURS.jailed },
          { label: 'Empty', colour: EPSTEIN_COLOURS.empty },
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
    { series: 'quiet', label: 'Quiet', colour: EPSTEIN_COLOURS.quiet },
    { series: 'active', label: 'Active', colour: EPSTEIN_COLOURS.active },
    { series: 'jailed', label: 'Jailed', colour: EPSTEIN_COLOURS.jailed },
  ],
  charts: [
    {
      title: 'Citizens active and jailed',
      lines: [
        { series: 'active', label: 'Active', colour: LINE_COLOURS.active },
        { series: 'jailed', label: 'Jailed', colour: LINE_COLOURS.jailed },
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
    return (
      `Lattice of ${map.width} by ${map.height} cells at step ${frame.step}: ` +
      `${n[QUIET]} quiet, ${n[ACTIVE]} active, ${n[JAILED]} jailed in their cells, ${n[COP]} cops, ${n[EMPTY]} empty cells.`
    );
  },
};

/** Governance grids placed on their layout positions (gridX, gridY): calm, with disputes, or with actives. */
const governance: ModelView = {
  palette: [GOVERNANCE_COLOURS.none, GOVERNANCE_COLOURS.calm, GOVERNANCE_COLOURS.disputes, GOVERNANCE_COLOURS.actives],
  town: true,
  legend: [
    { label: 'Grid (residents’ quarter), calm', colour: GOVERNANCE_COLOURS.calm },
    { label: 'Grid with open disputes (taller: more)', colour: GOVERNANCE_COLOURS.disputes },
    { label: 'Grid with residents in collective action', colour: GOVERNANCE_COLOURS.actives },
    { label: `Bar: ${RESOLVER_LABELS[CH_VILLAGE]} (height = how busy)`, colour: TOWN_COLOURS.village },
    { label: `Bar: ${RESOLVER_LABELS[CH_NGO]}`, colour: TOWN_COLOURS.ngo },
    { label: `Bar: ${RESOLVER_LABELS[CH_TOWN]}`, colour: TOWN_COLOURS.town },
    { label: `Bar: ${RESOLVER_LABELS[CH_POLICE]}`, colour: TOWN_COLOURS.police },
    { label: `Bar: ${RESOLVER_LABELS[CH_COURT]}`, colour: TOWN_COLOURS.court },
    { label: 'Bar or dot: petition office, petition', colour: TOWN_COLOURS.petition },
    { label: 'Red cap: cases queue here; red ring: mass incident', colour: TOWN_COLOURS.queue },
    { label: 'Dot: open case at the level handling it (grey: not yet picked up)', colour: TOWN_COLOURS.pending },
  ],
  counts: [
    { series: 'disputesOpen', label: 'Open disputes', colour: GOVERNANCE_COLOURS.disputes },
    { series: 'actives', label: 'Active', colour: GOVERNANCE_COLOURS.actives },
    { series: 'detained', label: 'Detained', colour: LINE_COLOURS.detained },
  ],
  charts: [
    {
      title: 'Disputes open now, and resolved so far by level',
      lines: [
        { series: 'disputesOpen', label: 'Open now', colour: '#000000' },
        { series: 'resolvedGrid', label: LEVEL_LABELS[LEVEL_GRID], colour: '#56b4e9', cumulative: true },
        { series: 'resolvedVillage', label: LEVEL_LABELS[LEVEL_VILLAGE], colour: '#009e73', cumulative: true },
        { series: 'resolvedTown', label: LEVEL_LABELS[LEVEL_TOWN], colour: '#0072b2', cumulative: true },
        { series: 'resolvedCounty', label: LEVEL_LABELS[LEVEL_COUNTY], colour: '#e69f00', cumulative: true },
      ],
    },
    {
      title: 'Petitions so far (letters and visits)',
      lines: [
        { series: 'petitionsFirst', label: 'First', colour: '#cc79a7', cumulative: true },
        { series: 'petitionsRepeat', label: 'Repeat', colour: '#d55e00', cumulative: true },
        { series: 'petitionsOverLevel', label: 'Over level', colour: '#000000', cumulative: true },
        { series: 'petitionsOnline', label: 'Online', colour: '#56b4e9', cumulative: true },
      ],
    },
    {
      title: 'Residents in collective action, detained; towns in a mass incident',
      lines: [
        { series: 'actives', label: 'Active', colour: LINE_COLOURS.active },
        { series: 'detained', label: 'Detained', colour: LINE_COLOURS.detained },
        { series: 'massIncidentsActive', label: 'Mass incidents now', colour: '#cc79a7' },
      ],
    },
    {
      title: 'Legitimacy and satisfaction with safety (0 to 1)',
      lines: [
        { series: 'meanLegitimacy', label: 'Mean legitimacy', colour: '#0072b2' },
        { series: 'satisfaction', label: 'Satisfaction (survey)', colour: '#009e73' },
      ],
    },
    {
      title: 'Cost: official person-days so far',
      lines: [{ series: 'officialPersonDays', label: 'Official person-days', colour: '#e69f00', cumulative: true }],
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
    return `Map of ${n[1] + n[2] + n[3]} grids on day ${frame.step}: ${n[2]} with open disputes, ${n[3]} with collective action.`;
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
  describe: (frame) => `No picture for model ${frame.model}.`,
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
  return view;
}
