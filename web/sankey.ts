/**
 * The dispute-path diagram drawn as SVG from its pure layout (sankey-layout.ts): disputes flow from the
 * first channel they went to, to where they ended, and the resolved ones on to the channel that resolved
 * them. The SVG is as tall as its content; when the panel is narrower than the diagram it scales down as
 * a whole, so labels keep their distances. Labels are measured with the page's own font.
 */
import { SANKEY_FONT_PX, sankeyLayout, type PathCounts, type SankeyLayoutOut } from './sankey-layout';

export { pathCounts, type PathCounts } from './sankey-layout';
import { locale, t } from './i18n';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = `${SANKEY_FONT_PX}px system-ui, sans-serif`;

let ctx: CanvasRenderingContext2D | null | undefined;
/** Width of a text in the diagram's font, measured by the browser (with a pixel to spare). */
function measure(text: string): number {
  if (ctx === undefined) {
    ctx = document.createElement('canvas').getContext('2d');
    if (ctx) ctx.font = FONT;
  }
  return ctx ? Math.ceil(ctx.measureText(text).width) + 1 : text.length * 8;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** Draw the diagram into `host` (its contents are replaced); `p` undefined before the first dispute. */
export function drawSankey(host: HTMLElement, p: PathCounts | undefined): SankeyLayoutOut | undefined {
  const layout = sankeyLayout(p, { measure });
  if (!layout) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = t('sankey.none');
    host.replaceChildren(note);
    host.setAttribute('aria-label', t('sankey.noneAria'));
    return undefined;
  }
  const svg = el('svg', { viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height, 'aria-hidden': 'true' });
  svg.classList.add('sankey-svg');
  svg.style.maxWidth = '100%';
  svg.style.height = 'auto';
  const flows = el('g', { fill: 'none', 'stroke-opacity': 0.35 });
  for (const l of layout.links) {
    const path = el('path', { d: l.path, stroke: l.colour, 'stroke-width': l.width });
    const title = el('title', {});
    title.textContent = l.value.toLocaleString(locale());
    path.append(title);
    flows.append(path);
  }
  const nodes = el('g', {});
  const labels = el('g', { 'font-size': SANKEY_FONT_PX, 'font-family': 'system-ui, sans-serif', fill: '#222' });
  for (const n of layout.nodes) {
    const rect = el('rect', { x: n.box.x, y: n.box.y, width: n.box.w, height: Math.max(1, n.box.h), fill: n.colour, 'data-node': n.id });
    const title = el('title', {});
    title.textContent = `${n.label}: ${n.lines[1]}`;
    rect.append(title);
    nodes.append(rect);
    // Two lines centred on the node: its name, then its count; a white halo keeps them readable on flows.
    const text = el('text', { x: n.labelBox.x, y: n.labelBox.y, 'dominant-baseline': 'hanging', 'data-node': n.id });
    text.classList.add('sankey-label');
    const lh = n.labelBox.h / 2;
    n.lines.forEach((line, i) => {
      const span = el('tspan', { x: n.labelBox.x, y: n.labelBox.y + i * lh + 1 });
      if (i === 1) span.setAttribute('font-weight', '600');
      span.textContent = line;
      text.append(span);
    });
    labels.append(text);
  }
  svg.append(flows, nodes, labels);
  host.replaceChildren(svg);
  host.setAttribute('aria-label', layout.description);
  return layout;
}
