/**
 * The dispute-path diagram: a three-column Sankey drawn on a 2D canvas. Disputes flow from the first
 * channel they went to (negotiation, a grid worker, the village committee, an NGO team, ..., or giving
 * up at once) to where they ended (resolved at the grid, village, town or county level; abandoned;
 * still open), and the resolved ones on to the channel that resolved them. Built from the run's summary
 * (firstChannelPaths, resolvedByLevel, resolvedByChannel) plus the open count of the series.
 */
import { prepare2d } from './canvas-2d';
import { TOWN_COLOURS } from './palette';
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

/** A channel's name in the summary's keys (resolvedByChannel, firstChannelPaths). */
const ch = (c: number) => CHANNEL_NAMES[c];

/** First channels, in the diagram's order, with their labels and colours. */
const FIRSTS: [string, string, string][] = [
  [ch(CH_NEGOTIATE), 'Negotiation', '#56b4e9'],
  [ch(CH_GRID), 'Grid worker', '#56b4e9'],
  [ch(CH_VILLAGE), 'Village committee', TOWN_COLOURS.village],
  [ch(CH_NGO), 'NGO team', TOWN_COLOURS.village],
  [ch(CH_TOWN), 'Town office', TOWN_COLOURS.town],
  [ch(CH_POLICE), 'Police', TOWN_COLOURS.town],
  [ch(CH_COURT), 'Court', TOWN_COLOURS.court],
  [ch(CH_PET_TOWN), 'Town petition', '#cc79a7'],
  [ch(CH_PET_COUNTY), 'County petition', '#cc79a7'],
  [PATH_FIRST_NAMES[PATH_FIRSTS - 1], 'Gave up at once', '#7a7a7a'],
];
const OUTCOMES: readonly string[] = OUTCOME_NAMES;
const ABANDONED = OUTCOME_NAMES[OUTCOME_ABANDONED];

const LEVEL_COLOURS = ['#56b4e9', TOWN_COLOURS.village, TOWN_COLOURS.town, TOWN_COLOURS.court];
const LEVELS: [string, string, string][] = LEVEL_NAMES.map((name, l) => [name, LEVEL_LABELS[l], LEVEL_COLOURS[l]]);
/** Channels by the level they resolve at. */
const CHANNELS: [string, string, string][] = (
  [
    [CH_NEGOTIATE, 'Negotiated'],
    [CH_GRID, 'Grid workers'],
    [CH_VILLAGE, 'People’s mediation'],
    [CH_NGO, 'NGO teams'],
    [CH_TOWN, 'Town office'],
    [CH_POLICE, 'Police'],
    [CH_PET_TOWN, 'Town petitions'],
    [CH_COURT, 'Court'],
    [CH_PET_COUNTY, 'County petitions'],
  ] as const
).map(([c, label]) => [ch(c), label, LEVEL_NAMES[CHANNEL_LEVEL[c]]]);

interface Node {
  label: string;
  value: number;
  colour: string;
  y: number;
  h: number;
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

export function drawSankey(canvas: HTMLCanvasElement, p: PathCounts | undefined): void {
  const ready = prepare2d(canvas, 360, 260);
  if (!ready) return;
  const { g, w: W, h: H } = ready;
  g.font = '12px system-ui, sans-serif';
  g.fillStyle = '#333';
  if (!p || p.opened <= 0) {
    g.fillText('No disputes yet: step the run.', 8, 20);
    canvas.setAttribute('aria-label', 'Dispute paths: no disputes yet.');
    return;
  }
  const resolved = LEVELS.reduce((s, [k]) => s + (p.byLevel[k] ?? 0), 0);
  const other = Math.max(0, p.opened - resolved - p.abandoned - p.open);
  const mid: Node[] = [
    ...LEVELS.map(([k, label, colour]) => ({ label: `Resolved: ${label.toLowerCase()}`, value: p.byLevel[k] ?? 0, colour, y: 0, h: 0 })),
    { label: 'Abandoned', value: p.abandoned, colour: '#7a7a7a', y: 0, h: 0 },
    { label: 'Still open', value: p.open, colour: '#000000', y: 0, h: 0 },
    ...(other > 0 ? [{ label: 'Other (e.g. to the law)', value: other, colour: '#bbbbbb', y: 0, h: 0 }] : []),
  ];
  const right: (Node & { level: number })[] = CHANNELS.map(([k, label, lev]) => ({
    label,
    value: p.byChannel[k] ?? 0,
    colour: LEVELS.find(([l]) => l === lev)![2],
    level: LEVELS.findIndex(([l]) => l === lev),
    y: 0,
    h: 0,
  }));
  const total = Math.max(1, mid.reduce((s, n) => s + n.value, 0));
  const top = 6;
  const gap = 5;
  const usable = H - top * 2;
  const layout = (nodes: Node[], sum: number) => {
    const shown = nodes.filter((n) => n.value > 0);
    const scale = (usable - gap * Math.max(0, shown.length - 1)) / Math.max(1, sum);
    let y = top;
    for (const n of nodes) {
      n.y = y;
      n.h = n.value > 0 ? Math.max(1, n.value * scale) : 0;
      if (n.value > 0) y += n.h + gap;
    }
    return scale;
  };
  // Left column: first channels of the closed cases, plus the cases still open (and any cases the
  // path counts do not cover) so that both columns hold the same total.
  const closedByPath = Object.values(p.paths).reduce((a, b) => a + b, 0);
  const left: Node[] = [
    ...FIRSTS.map(([k, label, colour]) => ({
      label,
      value: OUTCOMES.reduce((a, o) => a + (p.paths[`${k}>${o}`] ?? 0), 0),
      colour,
      y: 0,
      h: 0,
    })),
    { label: 'Still open', value: p.open, colour: '#000000', y: 0, h: 0 },
    { label: 'Other', value: Math.max(0, total - closedByPath - p.open), colour: '#bbbbbb', y: 0, h: 0 },
  ];
  layout(left, total);
  layout(mid, total);
  layout(right, Math.max(1, resolved));
  const colW = 12;
  const x0 = 4;
  const x1 = Math.round(W * 0.36);
  const x2 = Math.round(W * 0.68);
  // Flows first channel -> outcome, stacked in order on both sides.
  const midIndex = (o: string) => (o === ABANDONED ? LEVELS.length : LEVELS.findIndex(([l]) => l === o));
  const inOff = mid.map(() => 0);
  FIRSTS.forEach(([k], fi) => {
    const from = left[fi];
    let outOff = 0;
    for (const o of OUTCOMES) {
      const v = p.paths[`${k}>${o}`] ?? 0;
      if (v <= 0) continue;
      const mi = midIndex(o);
      const to = mid[mi];
      const ha = (v / Math.max(1, from.value)) * from.h;
      const hb = (v / Math.max(1, to.value)) * to.h;
      band(g, x0 + colW, from.y + outOff, ha, x1, to.y + inOff[mi], hb, from.colour);
      outOff += ha;
      inOff[mi] += hb;
    }
  });
  const openMid = LEVELS.length + 1;
  const openLeft = left[FIRSTS.length];
  if (openLeft.value > 0) band(g, x0 + colW, openLeft.y, openLeft.h, x1, mid[openMid].y, mid[openMid].h, openLeft.colour);
  // Flows resolved level -> channel.
  const off = mid.map(() => 0);
  for (const r of right) {
    if (r.value <= 0) continue;
    const m = mid[r.level];
    const h = (r.value / Math.max(1, m.value)) * m.h;
    band(g, x1 + colW, m.y + off[r.level], h, x2, r.y, r.h, r.colour);
    off[r.level] += h;
  }
  for (const col of [left, mid, right]) {
    // Labels never overlap: each goes at least a line below the one before.
    let lastY = -Infinity;
    for (const n of col) {
      if (n.value <= 0) continue;
      const x = col === left ? x0 : col === mid ? x1 : x2;
      g.fillStyle = n.colour;
      g.fillRect(x, n.y, colW, n.h);
      g.fillStyle = '#222';
      g.textBaseline = 'middle';
      const y = Math.min(H - 6, Math.max(n.y + n.h / 2, lastY + 13));
      lastY = y;
      const room = x === x0 ? x1 - x0 - colW - 8 : x === x1 ? x2 - x1 - colW - 8 : W - x2 - colW - 6;
      g.fillText(`${n.label} ${n.value.toLocaleString('en')}`, x + colW + 4, y, room);
    }
  }
  canvas.setAttribute(
    'aria-label',
    `Dispute paths: ${p.opened} opened; first went to ${left.filter((n) => n.value > 0).map((n) => `${n.label.toLowerCase()} ${n.value}`).join(', ')}; ` +
      `ended ${mid.filter((n) => n.value > 0).map((n) => `${n.label.toLowerCase()} ${n.value}`).join(', ')}.`,
  );
}

function band(g: CanvasRenderingContext2D, xa: number, ya: number, ha: number, xb: number, yb: number, hb: number, colour: string): void {
  const mx = (xa + xb) / 2;
  g.globalAlpha = 0.35;
  g.fillStyle = colour;
  g.beginPath();
  g.moveTo(xa, ya);
  g.bezierCurveTo(mx, ya, mx, yb, xb, yb);
  g.lineTo(xb, yb + hb);
  g.bezierCurveTo(mx, yb + hb, mx, ya + ha, xa, ya + ha);
  g.closePath();
  g.fill();
  g.globalAlpha = 1;
}
