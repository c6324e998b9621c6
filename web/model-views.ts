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
    { label: 'Quiet citizen', colour: EPSTEIN_COLOURS.quiet, help: 'A cell holding a citizen who is not rebelling now (grievance minus net risk at or below the threshold).' },
    { label: 'Active citizen', colour: EPSTEIN_COLOURS.active, help: 'A cell holding a citizen in open rebellion now.' },
    { label: 'Cop', colour: EPSTEIN_COLOURS.cop, help: 'A cell holding a cop; cops arrest active citizens in their vision.' },
    ...(jailedCellEmpty
      ? [{ label: 'Empty (jailed citizens leave their cells: not drawn)', colour: EPSTEIN_COLOURS.empty, help: 'A cell with nobody in it. Jailed citizens leave the lattice in this run, so they are counted (Jailed, beside) but not drawn.' }]
      : [
          { label: 'Jailed (kept in its cell)', colour: EPSTEIN_COLOURS.jailed, help: 'A cell whose citizen is in jail: in this run a jailed citizen keeps its cell until released.' },
          { label: 'Empty', colour: EPSTEIN_COLOURS.empty, help: 'A cell with nobody in it.' },
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
    { series: 'quiet', label: 'Quiet', colour: EPSTEIN_COLOURS.quiet, help: 'Citizens not rebelling now, out of all citizens (jailed ones excluded).' },
    { series: 'active', label: 'Active', colour: EPSTEIN_COLOURS.active, help: 'Citizens in open rebellion now, out of all citizens.' },
    { series: 'jailed', label: 'Jailed', colour: EPSTEIN_COLOURS.jailed, help: 'Citizens in jail now, out of all citizens; each serves a random term up to the maximum jail term.' },
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

/** How a resolver's bar is measured, for every bar of the legend. */
const BAR_HELP = 'One bar per office or team. Height: cases it handles now plus cases queuing, divided by its handlers (slots), capped at 2; a bar at the floor is idle.';

/**
 * The Detained count is non-zero from day 0 because the run starts after a burn-in: `burnInDays` days of
 * collective action and detention run before day 0 (sim/governance/model.ts burnIn), so that a
 * population that starts all quiet does not show an initial burst. The detainees of those days are held
 * on into the run; their detentions are not in the run's totals. The count says so on hover.
 */
export function detainedHelp(burnInDays: number): string {
  const now = 'Residents held in detention now (detained after collective action or an intercepted petition), out of all residents.';
  return burnInDays > 0
    ? `${now} It is above zero from day 0: the run starts after ${burnInDays} days of collective action and detention run before day 0 (the burn-in, so that the run does not open with everyone activating at once), and those detainees are still held. Their detentions are not counted in the run’s totals.`
    : now;
}

/** Governance grids placed on their layout positions (gridX, gridY): calm, with disputes, or with actives. */
const governance: ModelView = {
  palette: [GOVERNANCE_COLOURS.none, GOVERNANCE_COLOURS.calm, GOVERNANCE_COLOURS.disputes, GOVERNANCE_COLOURS.actives],
  town: true,
  legend: [
    { label: 'Grid (residents’ quarter), calm', colour: GOVERNANCE_COLOURS.calm, help: 'One tile per grid, the smallest unit of residents a grid worker looks after: calm means no open dispute of its residents and none of them in collective action now.' },
    {
      label: 'Grid with open disputes (taller: more)',
      colour: GOVERNANCE_COLOURS.disputes,
      help: 'A grid whose residents have open individual disputes now, counted by the claimant’s home grid; the tile grows with the count (up to 4) and with its actives.',
    },
    { label: 'Grid with residents in collective action', colour: GOVERNANCE_COLOURS.actives, help: 'A grid with at least one resident in collective action (active) now; this colour wins over open disputes.' },
    { label: `Bar: ${RESOLVER_LABELS[CH_VILLAGE]} (height = how busy)`, colour: TOWN_COLOURS.village, help: BAR_HELP },
    { label: `Bar: ${RESOLVER_LABELS[CH_NGO]}`, colour: TOWN_COLOURS.ngo, help: BAR_HELP },
    { label: `Bar: ${RESOLVER_LABELS[CH_TOWN]}`, colour: TOWN_COLOURS.town, help: BAR_HELP },
    { label: `Bar: ${RESOLVER_LABELS[CH_POLICE]}`, colour: TOWN_COLOURS.police, help: BAR_HELP },
    { label: `Bar: ${RESOLVER_LABELS[CH_COURT]}`, colour: TOWN_COLOURS.court, help: BAR_HELP },
    { label: 'Bar or dot: petition office, petition', colour: TOWN_COLOURS.petition, help: `${BAR_HELP} A pink dot is an open case now in the letters-and-visits (petition) channel.` },
    {
      label: 'Red cap: cases queue here; red ring: mass incident',
      colour: TOWN_COLOURS.queue,
      help: 'A red cap sits on a resolver with cases waiting in its queue now (more cases than handlers). A red ring round a town marks a mass incident going on there now.',
    },
    {
      label: 'Dot: open case at the level handling it (grey: not yet picked up)',
      colour: TOWN_COLOURS.pending,
      help: 'One dot per open dispute now (at most the frame’s case cap, 5,000 by default), tied to its home grid by a line; grey until a resolver first takes it up.',
    },
  ],
  counts: [
    { series: 'disputesOpen', label: 'Open disputes', colour: GOVERNANCE_COLOURS.disputes, help: 'Disputes open now (claimed, not yet resolved or given up), in the whole town.' },
    { series: 'actives', label: 'Active', colour: GOVERNANCE_COLOURS.actives, help: 'Residents in collective action now, out of all residents.' },
    { series: 'detained', label: 'Detained', colour: LINE_COLOURS.detained, help: detainedHelp(0) },
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
  if (model === 'governance') {
    const days = valueAt(scenario, 'params.collectiveAction.burnInDays');
    const dflt = leversOf('governance').find((s) => s.path === 'params.collectiveAction.burnInDays')?.default;
    const burnIn = typeof days === 'number' ? days : typeof dflt === 'number' ? dflt : 0;
    return { ...view, counts: view.counts.map((c) => (c.series === 'detained' ? { ...c, help: detainedHelp(burnIn) } : c)) };
  }
  return view;
}
