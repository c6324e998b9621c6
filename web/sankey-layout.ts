/**
 * The dispute-path diagram's layout, pure (no DOM) so a test can check it: three columns of nodes (the
 * first channel a dispute went to; where it ended: resolved at the grid, village, town or county level,
 * abandoned, still open; and the channel that resolved it), placed by d3-sankey and then sized to their
 * labels. Each column's labels sit right of its nodes, in the gap before the next column, and that gap is
 * as wide as the column's widest label, so no label reaches a node of another column. Nodes in a column
 * are at least a label's height apart (the diagram grows taller with more nodes rather than squeezing),
 * so labels centred on their nodes never overlap.
 */
import { sankey, sankeyLinkHorizontal, type SankeyGraph, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { TOWN_COLOURS } from './palette';
import { codeLabel, locale, t, type MessageKey } from './i18n';
import {
  CH_COURT,
  CH_GRID,
  CH_NEGOTIATE,
  CH_NGO,
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_POLICE,
  CH_TOWN,
  CH_VILLAGE,
  CHANNEL_LEVEL,
  CHANNEL_NAMES,
  LEVEL_LABELS,
  LEVEL_NAMES,
  OUTCOME_ABANDONED,
  OUTCOME_NAMES,
  PATH_FIRST_NAMES,
  PATH_FIRSTS,
} from '../sim/governance/index';

export interface PathCounts {
  opened: number;
  byLevel: Record<string, number>;
  byChannel: Record<string, number>;
  /** Closed cases by `first>outcome` (outcome: grid, village, town, county or abandoned). */
  paths: Record<string, number>;
  abandoned: number;
  open: number;
}

/** Path counts from a summary's metrics and the series totals. */
export function pathCounts(metrics: Record<string, unknown>, abandoned: number, open: number): PathCounts {
  const rec = (k: string) => (metrics[k] && typeof metrics[k] === 'object' ? (metrics[k] as Record<string, number>) : {});
  return {
    opened: Number(metrics.disputesOpened) || 0,
    byLevel: rec('resolvedByLevel'),
    byChannel: rec('resolvedByChannel'),
    paths: rec('firstChannelPaths'),
    abandoned,
    open,
  };
}

/** A channel's name in the summary's keys (resolvedByChannel, firstChannelPaths). */
const ch = (c: number) => CHANNEL_NAMES[c];

/** First channels, in the diagram's order, with their labels (message keys: read when drawn) and colours. */
const FIRSTS: [string, MessageKey, string][] = [
  [ch(CH_NEGOTIATE), 'sankey.negotiation', '#56b4e9'],
  [ch(CH_GRID), 'sankey.gridWorker', '#56b4e9'],
  [ch(CH_VILLAGE), 'sankey.villageCommittee', TOWN_COLOURS.village],
  [ch(CH_NGO), 'sankey.ngoTeam', TOWN_COLOURS.village],
  [ch(CH_TOWN), 'sankey.townOffice', TOWN_COLOURS.town],
  [ch(CH_POLICE), 'sankey.police', TOWN_COLOURS.town],
  [ch(CH_COURT), 'sankey.court', TOWN_COLOURS.court],
  [ch(CH_PET_TOWN), 'sankey.townPetition', '#cc79a7'],
  [ch(CH_PET_COUNTY), 'sankey.countyPetition', '#cc79a7'],
  [PATH_FIRST_NAMES[PATH_FIRSTS - 1], 'sankey.gaveUpAtOnce', '#7a7a7a'],
];
const ABANDONED = OUTCOME_NAMES[OUTCOME_ABANDONED];
const LEVEL_COLOURS = ['#56b4e9', TOWN_COLOURS.village, TOWN_COLOURS.town, TOWN_COLOURS.court];
/** Channels that resolve disputes, with their labels, in the order of the level they resolve at. */
const CHANNELS: [string, MessageKey, number][] = (
  [
    [CH_NEGOTIATE, 'sankey.negotiated'],
    [CH_GRID, 'sankey.gridWorkers'],
    [CH_VILLAGE, 'sankey.peoplesMediation'],
    [CH_NGO, 'sankey.ngoTeams'],
    [CH_TOWN, 'sankey.townOffice'],
    [CH_POLICE, 'sankey.police'],
    [CH_PET_TOWN, 'sankey.townPetitions'],
    [CH_COURT, 'sankey.court'],
    [CH_PET_COUNTY, 'sankey.countyPetitions'],
  ] as const
).map(([c, label]) => [ch(c), label, CHANNEL_LEVEL[c]]);

/** An axis-aligned box in the diagram's pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SankeyNodeOut {
  id: string;
  label: string;
  value: number;
  colour: string;
  /** 0 first channel, 1 where it ended, 2 channel that resolved it. */
  column: number;
  box: Box;
  /** The label's two lines (name, count) and the box they take; text starts at labelBox.x. */
  lines: [string, string];
  labelBox: Box;
}

export interface SankeyLinkOut {
  source: string;
  target: string;
  value: number;
  colour: string;
  /** SVG path of the band's centre line; draw it with stroke width `width`. */
  path: string;
  width: number;
}

export interface SankeyLayoutOut {
  width: number;
  height: number;
  nodes: SankeyNodeOut[];
  links: SankeyLinkOut[];
  /** One sentence for the accessible name. */
  description: string;
}

export interface SankeyOptions {
  /** Width of a text in the diagram's font, in pixels; defaults to a generous estimate (see estimateWidth). */
  measure?: (text: string) => number;
  /** Line height of a label line, px. */
  lineHeight?: number;
  /** Height given to the flows themselves (the nodes' total height in the tallest column), px. */
  flowHeight?: number;
}

export const SANKEY_FONT_PX = 12;
const NODE_W = 12;
/** Space between a node and its label, and between a label and the next column. */
const LABEL_GAP = 5;
const COLUMN_GAP = 14;

/**
 * Width of `text` at 12 px in a sans-serif font, erring wide: about 0.6 em per character (wide letters
 * count more), so a layout made with it has room for the browser's real glyphs.
 */
export function estimateWidth(text: string): number {
  let em = 0;
  for (const c of text) em += /[MWmw@%]/.test(c) ? 0.9 : /[A-Z]/.test(c) ? 0.68 : /[ilj.,:;'’|!()]/.test(c) ? 0.3 : 0.58;
  return Math.ceil(em * SANKEY_FONT_PX);
}

interface NodeIn {
  id: string;
  label: string;
  colour: string;
  column: number;
}
interface LinkIn {
  source: string;
  target: string;
  value: number;
  colour: string;
}
type N = SankeyNode<NodeIn, LinkIn>;
type L = SankeyLink<NodeIn, LinkIn>;

/** The diagram's nodes and flows from the counts; nodes without any flow are left out. */
function graphOf(p: PathCounts): { nodes: NodeIn[]; links: LinkIn[] } {
  const nodes: NodeIn[] = [];
  const links: LinkIn[] = [];
  const link = (source: string, target: string, value: number, colour: string) => {
    if (value > 0) links.push({ source, target, value, colour });
  };
  for (const [k, label, colour] of FIRSTS) nodes.push({ id: `first:${k}`, label: t(label), colour, column: 0 });
  nodes.push({ id: 'first:open', label: t('sankey.stillOpen'), colour: '#000000', column: 0 });
  nodes.push({ id: 'first:other', label: t('sankey.other'), colour: '#bbbbbb', column: 0 });
  LEVEL_NAMES.forEach((k, l) => {
    nodes.push({ id: `end:${k}`, label: t('sankey.resolvedAt', { level: codeLabel('level', l, LEVEL_LABELS[l]).toLowerCase() }), colour: LEVEL_COLOURS[l], column: 1 });
  });
  nodes.push({ id: `end:${ABANDONED}`, label: t('sankey.abandoned'), colour: '#7a7a7a', column: 1 });
  nodes.push({ id: 'end:open', label: t('sankey.stillOpen'), colour: '#000000', column: 1 });
  nodes.push({ id: 'end:other', label: t('sankey.otherLaw'), colour: '#bbbbbb', column: 1 });
  for (const [k, label, level] of CHANNELS) nodes.push({ id: `by:${k}`, label: t(label), colour: LEVEL_COLOURS[level], column: 2 });

  // First channel -> where it ended, from the closed cases' paths.
  const inflow = new Map<string, number>();
  for (const [k, , colour] of FIRSTS) {
    for (const o of [...LEVEL_NAMES, ABANDONED]) {
      const v = p.paths[`${k}>${o}`] ?? 0;
      link(`first:${k}`, `end:${o}`, v, colour);
      inflow.set(o, (inflow.get(o) ?? 0) + Math.max(0, v));
    }
  }
  link('first:open', 'end:open', p.open, '#000000');
  // Whatever the paths do not cover (none in a consistent summary) flows from "Other", so each outcome
  // still shows its own count.
  const resolved = LEVEL_NAMES.reduce((s, k) => s + (p.byLevel[k] ?? 0), 0);
  const targets: [string, number][] = [
    ...LEVEL_NAMES.map((k): [string, number] => [k, p.byLevel[k] ?? 0]),
    [ABANDONED, p.abandoned],
    ['other', Math.max(0, p.opened - resolved - p.abandoned - p.open)],
  ];
  for (const [o, want] of targets) link('first:other', `end:${o}`, want - (inflow.get(o) ?? 0), '#bbbbbb');
  // Resolved at a level -> the channel that resolved it.
  for (const [k, , level] of CHANNELS) link(`end:${LEVEL_NAMES[level]}`, `by:${k}`, p.byChannel[k] ?? 0, LEVEL_COLOURS[level]);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: nodes.filter((n) => used.has(n.id)), links };
}

/** The layout of the diagram for these counts, or undefined when no dispute has opened yet. */
export function sankeyLayout(p: PathCounts | undefined, opts: SankeyOptions = {}): SankeyLayoutOut | undefined {
  if (!p || p.opened <= 0) return undefined;
  const measure = opts.measure ?? estimateWidth;
  const lineH = opts.lineHeight ?? 15;
  const labelH = 2 * lineH;
  const { nodes, links } = graphOf(p);
  if (!links.length) return undefined;
  const perColumn = [0, 1, 2].map((c) => nodes.filter((n) => n.column === c).length);
  const most = Math.max(...perColumn);
  // Nodes at least a label apart; half a label of margin above and below for the outermost labels.
  const pad = labelH + 2;
  const flowH = opts.flowHeight ?? 180;
  const margin = Math.ceil(labelH / 2) + 1;
  const innerH = flowH + (most - 1) * pad;

  const graph: SankeyGraph<NodeIn, LinkIn> = { nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) };
  sankey<NodeIn, LinkIn>()
    .nodeId((n) => n.id)
    .nodeAlign((n) => (n as N).column)
    .nodeSort(null as unknown as undefined) // keep the input order in each column (the legend's order)
    .nodeWidth(NODE_W)
    .nodePadding(pad)
    .extent([
      [0, margin],
      [600, margin + innerH],
    ])(graph);

  // d3-sankey moves colliding nodes apart only part of the way on its last pass; finish the job so the
  // gaps are exact, growing the diagram downward when needed.
  const gns = graph.nodes as N[];
  let bottom = margin + innerH;
  for (let c = 0; c < 3; c++) {
    const col = gns.filter((n) => n.column === c).sort((a, b) => a.y0! - b.y0!);
    let y = margin;
    for (const n of col) {
      const shift = Math.max(0, y - n.y0!);
      n.y0! += shift;
      n.y1! += shift;
      y = n.y1! + pad;
      bottom = Math.max(bottom, n.y1!);
    }
  }

  // Columns placed left to right, each followed by room for its widest label.
  const fmt = (v: number) => Math.round(v).toLocaleString(locale());
  const linesOf = (n: N): [string, string] => [n.label, fmt(n.value ?? 0)];
  const labelW = [0, 1, 2].map((c) => Math.max(0, ...gns.filter((n) => n.column === c).flatMap((n) => linesOf(n).map(measure))));
  const colX: number[] = [];
  let x = 1;
  for (let c = 0; c < 3; c++) {
    colX.push(x);
    x += NODE_W + LABEL_GAP + labelW[c] + (c < 2 ? COLUMN_GAP : 2);
  }
  for (const n of gns) {
    n.x0 = colX[n.column];
    n.x1 = n.x0 + NODE_W;
  }
  sankey<NodeIn, LinkIn>().update(graph); // the flows' ends follow the moved nodes
  const path = sankeyLinkHorizontal<NodeIn, LinkIn>();

  const outNodes: SankeyNodeOut[] = gns.map((n) => {
    const lines = linesOf(n);
    const cy = (n.y0! + n.y1!) / 2;
    return {
      id: n.id,
      label: n.label,
      value: n.value ?? 0,
      colour: n.colour,
      column: n.column,
      box: { x: n.x0!, y: n.y0!, w: NODE_W, h: n.y1! - n.y0! },
      lines,
      labelBox: { x: n.x1! + LABEL_GAP, y: cy - labelH / 2, w: Math.max(...lines.map(measure)), h: labelH },
    };
  });
  const outLinks: SankeyLinkOut[] = (graph.links as L[]).map((l) => ({
    source: (l.source as N).id,
    target: (l.target as N).id,
    value: l.value,
    colour: l.colour,
    path: path(l) ?? '',
    width: Math.max(1, l.width ?? 1),
  }));
  const listed = (c: number) =>
    outNodes
      .filter((n) => n.column === c)
      .map((n) => `${n.label.toLowerCase()} ${n.value}`)
      .join(t('list.sep'));
  return {
    width: Math.ceil(x),
    height: Math.ceil(bottom + margin),
    nodes: outNodes,
    links: outLinks,
    description: t('sankey.aria', { opened: p.opened, first: listed(0), ended: listed(1) }),
  };
}

/** True when two boxes share some area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Every pair of things that overlap in a layout: two labels, or a label and a node of another column. */
export function layoutOverlaps(l: SankeyLayoutOut): string[] {
  const found: string[] = [];
  for (let i = 0; i < l.nodes.length; i++) {
    const a = l.nodes[i];
    for (let j = i + 1; j < l.nodes.length; j++) {
      const b = l.nodes[j];
      if (boxesOverlap(a.labelBox, b.labelBox)) found.push(`label "${a.label}" overlaps label "${b.label}"`);
    }
    for (const b of l.nodes) {
      if (b.column !== a.column && boxesOverlap(a.labelBox, b.box)) found.push(`label "${a.label}" overlaps node "${b.label}"`);
    }
    const inside = a.labelBox.x >= 0 && a.labelBox.y >= 0 && a.labelBox.x + a.labelBox.w <= l.width && a.labelBox.y + a.labelBox.h <= l.height;
    if (!inside) found.push(`label "${a.label}" leaves the ${l.width}x${l.height} diagram`);
  }
  return found;
}
