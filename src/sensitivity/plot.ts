/**
 * sensitivity.svg, written by hand (no plotting package): one panel per plotted metric, two panels a row.
 *   Morris  mu* (importance) against sigma (interaction or nonlinearity), one dot per parameter, the
 *           most important labelled; a dashed line marks the seed-noise spread of an elementary effect.
 *   Sobol   the most important parameters (by ST) as pairs of bars, S1 (dark) and ST (light), each with
 *           its 95% interval as a whisker; a dashed line marks the seed-noise share, the level every ST
 *           sits at when the parameter does nothing.
 */
import type { MetricResult, SensitivityResult } from './analyse';
import { ranked } from './analyse';

const PANEL_W = 520;
const COLS = 2;
const TOP = 12;
const LABELS = 8;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1e4 || Math.abs(x) < 1e-3 ? x.toExponential(1) : String(Number(x.toPrecision(3))));
const px = (x: number) => Number(x.toFixed(1));

function morrisPanel(r: SensitivityResult, m: MetricResult, h: number): string {
  const ix = m.morris ?? [];
  const order = ranked(m);
  // 8% headroom so that the largest dot and its label stay inside the panel.
  const xMax = 1.08 * (Math.max(...ix.map((i) => (Number.isFinite(i.muStarCi[1]) ? i.muStarCi[1] : 0)), Number.isFinite(m.eeNoise) ? m.eeNoise! : 0) || 1);
  const yMax = 1.08 * (Math.max(...ix.map((i) => (Number.isFinite(i.sigma) ? i.sigma : 0))) || 1);
  const L = 56;
  const R = PANEL_W - 16;
  const T = 34;
  const B = h - 36;
  const x = (v: number) => px(L + (v / xMax) * (R - L));
  const y = (v: number) => px(B - (v / yMax) * (B - T));
  const parts: string[] = [];
  parts.push(`<line x1="${L}" y1="${B}" x2="${R}" y2="${B}" class="axis"/><line x1="${L}" y1="${B}" x2="${L}" y2="${T}" class="axis"/>`);
  parts.push(`<text x="${L}" y="${B + 14}" class="tick">0</text><text x="${R}" y="${B + 14}" class="tick" text-anchor="end">${fmt(xMax)}</text>`);
  parts.push(`<text x="${L - 4}" y="${T + 4}" class="tick" text-anchor="end">${fmt(yMax)}</text><text x="${L - 4}" y="${B}" class="tick" text-anchor="end">0</text>`);
  parts.push(`<text x="${(L + R) / 2}" y="${B + 28}" class="label" text-anchor="middle">mu* (mean |elementary effect|)</text>`);
  parts.push(`<text x="14" y="${(T + B) / 2}" class="label" text-anchor="middle" transform="rotate(-90 14 ${(T + B) / 2})">sigma</text>`);
  if (Number.isFinite(m.eeNoise) && m.eeNoise! > 0) {
    parts.push(`<line x1="${x(m.eeNoise!)}" y1="${T}" x2="${x(m.eeNoise!)}" y2="${B}" class="noise"/><text x="${x(m.eeNoise!) + 3}" y="${T + 10}" class="tick">seed noise</text>`);
  }
  const top = new Set(order.slice(0, LABELS));
  ix.forEach((i, p) => {
    if (!Number.isFinite(i.muStar) || !Number.isFinite(i.sigma)) return;
    parts.push(`<line x1="${x(i.muStarCi[0])}" y1="${y(i.sigma)}" x2="${x(i.muStarCi[1])}" y2="${y(i.sigma)}" class="ci"/>`);
    parts.push(`<circle cx="${x(i.muStar)}" cy="${y(i.sigma)}" r="3" class="${top.has(p) ? 'dot top' : 'dot'}"><title>${esc(r.parameters[p])}: mu* ${fmt(i.muStar)}, sigma ${fmt(i.sigma)}</title></circle>`);
    // Labels right of their dot, or left of it in the right third of the panel.
    const left = x(i.muStar) > L + 0.66 * (R - L);
    if (top.has(p)) parts.push(`<text x="${x(i.muStar) + (left ? -5 : 5)}" y="${y(i.sigma) - 4}" class="name"${left ? ' text-anchor="end"' : ''}>${esc(r.parameters[p])}</text>`);
  });
  return parts.join('\n');
}

function sobolPanel(r: SensitivityResult, m: MetricResult, h: number): string {
  const ix = m.sobol ?? [];
  const shown = ranked(m)
    .filter((p) => Number.isFinite(ix[p].st))
    .slice(0, TOP);
  const lo = Math.min(0, ...shown.map((p) => ix[p].s1Ci[0]).filter(Number.isFinite));
  const hi = Math.max(0.05, ...shown.map((p) => ix[p].stCi[1]).filter(Number.isFinite));
  const L = 200;
  const R = PANEL_W - 16;
  const T = 30;
  const B = h - 30;
  const x = (v: number) => px(L + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (R - L));
  const row = (B - T) / TOP;
  const parts: string[] = [];
  parts.push(`<line x1="${x(0)}" y1="${T}" x2="${x(0)}" y2="${B}" class="axis"/><line x1="${L}" y1="${B}" x2="${R}" y2="${B}" class="axis"/>`);
  parts.push(`<text x="${L}" y="${B + 14}" class="tick">${fmt(lo)}</text><text x="${R}" y="${B + 14}" class="tick" text-anchor="end">${fmt(hi)}</text>`);
  parts.push(`<text x="${(L + R) / 2}" y="${B + 14}" class="label" text-anchor="middle"><tspan class="s1">■</tspan> S1  <tspan class="st">■</tspan> ST  (95% intervals)</text>`);
  if (Number.isFinite(m.seedNoiseShare) && m.seedNoiseShare > 0) {
    parts.push(`<line x1="${x(m.seedNoiseShare)}" y1="${T}" x2="${x(m.seedNoiseShare)}" y2="${B}" class="noise"><title>seed-noise share ${fmt(m.seedNoiseShare)}</title></line>`);
  }
  shown.forEach((p, k) => {
    const i = ix[p];
    const y0 = T + k * row;
    const bar = (v: number, ci: [number, number], yy: number, cls: string) => {
      const a = Math.min(x(0), x(v));
      const w = Math.abs(x(v) - x(0));
      return `<rect x="${a}" y="${px(yy)}" width="${px(w)}" height="${px(row * 0.36)}" class="${cls}"/><line x1="${x(ci[0])}" y1="${px(yy + row * 0.18)}" x2="${x(ci[1])}" y2="${px(yy + row * 0.18)}" class="ci"/>`;
    };
    parts.push(`<text x="${L - 6}" y="${px(y0 + row * 0.6)}" class="name" text-anchor="end">${esc(r.parameters[p])}</text>`);
    parts.push(bar(i.s1, i.s1Ci, y0 + row * 0.08, 's1'));
    parts.push(bar(i.st, i.stCi, y0 + row * 0.48, 'st'));
  });
  return parts.join('\n');
}

export function sensitivitySvg(r: SensitivityResult, plotted: readonly string[], title: string): string {
  const metrics = plotted.map((n) => r.metrics.find((m) => m.metric === n)).filter((m): m is MetricResult => !!m);
  const h = r.design.method === 'morris' ? 300 : 320;
  const rows = Math.max(1, Math.ceil(metrics.length / COLS));
  const W = PANEL_W * Math.min(COLS, Math.max(1, metrics.length));
  const H = 40 + rows * h;
  const d = r.design;
  const what =
    d.method === 'morris'
      ? `Morris screening, r = ${d.r}, ${d.levels} levels, ${d.factors.length} parameters`
      : `Sobol indices, N = ${d.n}, ${d.factors.length} parameters`;
  const panels = metrics.map((m, i) => {
    const gx = (i % COLS) * PANEL_W;
    const gy = 40 + Math.floor(i / COLS) * h;
    // One seed a point measures no seed noise: that is not "does not vary".
    const noise = Number.isFinite(m.seedNoiseShare) ? `seed noise ${fmt(100 * m.seedNoiseShare)}% of variance` : m.variance > 0 ? 'seed noise not measured (1 seed)' : 'does not vary';
    const body = !(m.variance > 0) ? `<text x="20" y="60" class="label">no variation over the design</text>` : d.method === 'morris' ? morrisPanel(r, m, h) : sobolPanel(r, m, h);
    return `<g transform="translate(${gx} ${gy})">\n<text x="12" y="16" class="title">${esc(m.metric)}</text><text x="${PANEL_W - 16}" y="16" class="tick" text-anchor="end">${noise}</text>\n${body}\n</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<style>
.axis{stroke:#444;stroke-width:1}.tick{font-size:10px;fill:#555}.label{font-size:11px;fill:#333}.title{font-size:13px;font-weight:bold;fill:#111}
.name{font-size:10px;fill:#222}.dot{fill:#9ab}.dot.top{fill:#c33}.ci{stroke:#222;stroke-width:1}.noise{stroke:#888;stroke-dasharray:4 3}
.s1{fill:#2a5599}.st{fill:#9cc0ea}
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="24" font-size="14" fill="#111">${esc(title)}: ${esc(what)}, ${r.seeds.length} seeds a point</text>
${panels.join('\n')}
</svg>
`;
}
