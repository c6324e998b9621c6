/**
 * The dispute-path diagram: a three-column Sankey drawn on a 2D canvas. Disputes opened flow to where
 * they ended (resolved at the grid, village, town or county level; abandoned; still open), and the
 * resolved ones on to the channel that resolved them. Built from the run's summary (resolvedByLevel,
 * resolvedByChannel, disputesOpened) plus the abandoned total and the open count of the series.
 */
import { TOWN_COLOURS } from './palette';

export interface PathCounts {
  opened: number;
  byLevel: Record<string, number>;
  byChannel: Record<string, number>;
  abandoned: number;
  open: number;
}

const LEVELS: [string, string, string][] = [
  ['grid', 'Grid', '#56b4e9'],
  ['village', 'Village', TOWN_COLOURS.village],
  ['town', 'Town', TOWN_COLOURS.town],
  ['county', 'County', TOWN_COLOURS.court],
];
/** Channels by the level they resolve at. */
const CHANNELS: [string, string, string][] = [
  ['negotiate', 'Negotiated', 'grid'],
  ['grid', 'Grid workers', 'grid'],
  ['village', 'People’s mediation', 'village'],
  ['ngo', 'NGO teams', 'village'],
  ['town', 'Town office', 'town'],
  ['police', 'Police', 'town'],
  ['petitionTown', 'Town petitions', 'town'],
  ['court', 'Court', 'county'],
  ['petitionCounty', 'County petitions', 'county'],
];

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
  return { opened: Number(metrics.disputesOpened) || 0, byLevel: rec('resolvedByLevel'), byChannel: rec('resolvedByChannel'), abandoned, open };
}

export function drawSankey(canvas: HTMLCanvasElement, p: PathCounts | undefined): void {
  const dpr = window.devicePixelRatio || 1;
  const W = canvas.clientWidth || 360;
  const H = canvas.clientHeight || 260;
  canvas.width = Math.round(W * dpr);
  canvas.height = Math.round(H * dpr);
  const g = canvas.getContext('2d');
  if (!g) return;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, W, H);
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
  layout(mid, total);
  layout(right, Math.max(1, resolved));
  const colW = 12;
  const x0 = 4;
  const x1 = Math.round(W * 0.3);
  const x2 = Math.round(W * 0.64);
  // Left node: all opened.
  g.fillStyle = '#444';
  g.fillRect(x0, top, colW, usable);
  // Flows opened -> outcome.
  let ly = top;
  const lscale = usable / total;
  for (const n of mid) {
    if (n.value <= 0) continue;
    const h = n.value * lscale;
    band(g, x0 + colW, ly, h, x1, n.y, n.h, n.colour);
    ly += h;
  }
  // Flows resolved level -> channel.
  const off = mid.map(() => 0);
  for (const r of right) {
    if (r.value <= 0) continue;
    const m = mid[r.level];
    const h = (r.value / Math.max(1, m.value)) * m.h;
    band(g, x1 + colW, m.y + off[r.level], h, x2, r.y, r.h, r.colour);
    off[r.level] += h;
  }
  for (const col of [mid, right]) {
    // Labels never overlap: each goes at least a line below the one before.
    let lastY = -Infinity;
    for (const n of col) {
      if (n.value <= 0) continue;
      const x = col === mid ? x1 : x2;
      g.fillStyle = n.colour;
      g.fillRect(x, n.y, colW, n.h);
      g.fillStyle = '#222';
      g.textBaseline = 'middle';
      const y = Math.min(H - 6, Math.max(n.y + n.h / 2, lastY + 13));
      lastY = y;
      g.fillText(`${n.label} ${n.value.toLocaleString('en')}`, x + colW + 4, y, x === x1 ? x2 - x1 - colW - 8 : W - x2 - colW - 6);
    }
  }
  canvas.setAttribute(
    'aria-label',
    `Dispute paths: ${p.opened} opened; ${mid.filter((n) => n.value > 0).map((n) => `${n.label.toLowerCase()} ${n.value}`).join(', ')}.`,
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
