/**
 * What the page shows for each model: which series are counted and charted, and how a frame becomes a
 * map of colour codes for the lattice view. Pure functions of a frame; no DOM.
 */
import type { Frame } from '../sim/core/model';
import { EPSTEIN_COLOURS, GOVERNANCE_COLOURS, LINE_COLOURS } from './palette';

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
  chart: { title: string; lines: (SeriesShown & { colour: string })[] };
  toCodes(frame: Frame): CodeMap;
  /**
   * The counted series as a frame shows them, for the moment before the first step (no series row
   * yet); a series the frame cannot tell is left out.
   */
  initialCounts(frame: Frame, map: CodeMap): Record<string, number>;
  /** One sentence for the canvas's accessible name. */
  describe(frame: Frame, map: CodeMap): string;
}

const epstein: ModelView = {
  palette: [EPSTEIN_COLOURS.empty, EPSTEIN_COLOURS.quiet, EPSTEIN_COLOURS.active, EPSTEIN_COLOURS.cop, EPSTEIN_COLOURS.jailed],
  legend: [
    { label: 'Quiet citizen', colour: EPSTEIN_COLOURS.quiet },
    { label: 'Active citizen', colour: EPSTEIN_COLOURS.active },
    { label: 'Cop', colour: EPSTEIN_COLOURS.cop },
    { label: 'Jailed (kept in its cell)', colour: EPSTEIN_COLOURS.jailed },
    { label: 'Empty', colour: EPSTEIN_COLOURS.empty },
  ],
  counts: [
    { series: 'quiet', label: 'Quiet', colour: EPSTEIN_COLOURS.quiet },
    { series: 'active', label: 'Active', colour: EPSTEIN_COLOURS.active },
    { series: 'jailed', label: 'Jailed', colour: EPSTEIN_COLOURS.jailed },
  ],
  chart: {
    title: 'Citizens active and jailed',
    lines: [
      { series: 'active', label: 'Active', colour: LINE_COLOURS.active },
      { series: 'jailed', label: 'Jailed', colour: LINE_COLOURS.jailed },
    ],
  },
  toCodes(frame) {
    const { width, height } = frame.meta;
    return { width, height, codes: frame.arrays.cells as Uint8Array };
  },
  initialCounts(_frame, map) {
    const n = [0, 0, 0, 0, 0];
    for (const c of map.codes) n[c]++;
    return { quiet: n[1], active: n[2], jailed: n[4] };
  },
  describe(frame, map) {
    const n = [0, 0, 0, 0, 0];
    for (const c of map.codes) n[c]++;
    return (
      `Lattice of ${map.width} by ${map.height} cells at step ${frame.step}: ` +
      `${n[1]} quiet, ${n[2]} active, ${n[4]} jailed in their cells, ${n[3]} cops, ${n[0]} empty cells.`
    );
  },
};

/** Governance grids placed on their layout positions (gridX, gridY): calm, with disputes, or with actives. */
const governance: ModelView = {
  palette: [GOVERNANCE_COLOURS.none, GOVERNANCE_COLOURS.calm, GOVERNANCE_COLOURS.disputes, GOVERNANCE_COLOURS.actives],
  legend: [
    { label: 'Grid, no open dispute', colour: GOVERNANCE_COLOURS.calm },
    { label: 'Grid with open disputes', colour: GOVERNANCE_COLOURS.disputes },
    { label: 'Grid with collective action', colour: GOVERNANCE_COLOURS.actives },
  ],
  counts: [
    { series: 'disputesOpen', label: 'Open disputes', colour: GOVERNANCE_COLOURS.disputes },
    { series: 'actives', label: 'Active', colour: GOVERNANCE_COLOURS.actives },
    { series: 'detained', label: 'Detained', colour: LINE_COLOURS.detained },
  ],
  chart: {
    title: 'Residents in collective action and detained',
    lines: [
      { series: 'actives', label: 'Active', colour: LINE_COLOURS.active },
      { series: 'detained', label: 'Detained', colour: LINE_COLOURS.detained },
    ],
  },
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
  chart: { title: 'No chart for this model', lines: [] },
  toCodes: () => ({ width: 1, height: 1, codes: new Uint8Array(1) }),
  initialCounts: () => ({}),
  describe: (frame) => `No picture for model ${frame.model}.`,
};

const VIEWS: Record<string, ModelView> = { epstein, governance };

export function viewFor(model: string): ModelView {
  return VIEWS[model] ?? blank;
}
