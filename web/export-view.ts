/**
 * "Save picture (PNG)" of the explore view: one image that stands on its own in a slide or a report. The
 * 3D canvas alone had no title, legend, seed, step or hash, so a saved picture could not be told from
 * another run's. Here the page's own panels are read (the preset's name, seed, step, hash, the legend
 * and counts, the charts and the dispute paths) and drawn with the picture onto one offscreen canvas.
 * Reading the page rather than the run's state keeps this module out of the player's way: whatever
 * draws the charts (canvas or SVG), the export takes what is on screen.
 */
import { downloadCanvas } from './export-png';
import { t } from './i18n';

/** What the export writes above the picture. */
export interface ExportInfo {
  title: string;
  seed: string;
  step: string;
  end: string;
  /** The output hash, or '' before the run reached its end step. */
  hash: string;
  /** The page's address, which reproduces the run. */
  address: string;
}

/** The caption lines under the title: the run's identity, as the page shows it. */
export function exportCaption(info: ExportInfo): string[] {
  return [
    t('export.caption', { seed: info.seed, step: info.step, end: info.end, hash: info.hash ? t('export.hash', { hash: info.hash }) : t('export.noHash') }),
    info.address,
  ];
}

interface Entry {
  colour?: string;
  text: string;
  help?: string;
}

interface Figure {
  caption: string;
  /** The figure's own legend (a chart's lines), drawn under it. */
  keys: Entry[];
  image: CanvasImageSource;
  width: number;
  height: number;
}

const PAD = 16;
const SIDE = 280;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function shown(el: Element): boolean {
  return (el as HTMLElement).offsetParent !== null;
}

/** The colour of an item's swatch: its first child's fill, or its line (a dashed swatch is a border). */
function swatchColour(e: Element): string | undefined {
  const sw = e.querySelector<HTMLElement>('.swatch, .line-swatch, .dash-swatch, [class*="swatch"]');
  if (!sw) return undefined;
  const st = getComputedStyle(sw);
  const fill = st.backgroundColor;
  return fill && fill !== 'rgba(0, 0, 0, 0)' && fill !== 'transparent' ? fill : st.borderTopColor;
}

/** Legend entries and counts as on screen: each item's swatch colour and its text. */
function entries(root: ParentNode, selector: string): Entry[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter(shown).map((e) => {
    const colour = swatchColour(e);
    const next = e.tagName === 'DT' ? e.nextElementSibling : null;
    return { colour, text: next ? `${text(e)}: ${text(next)}` : text(e) };
  });
}

/** An SVG on screen as an image (for charts or diagrams drawn as SVG). */
function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement | undefined> {
  const r = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(r.width));
  copy.setAttribute('height', String(r.height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(undefined);
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url)) as Promise<HTMLImageElement | undefined>;
}

/** The figures on screen under `roots` (charts, the dispute paths): caption and their first canvas or SVG. */
async function figures(roots: readonly Element[]): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const root of roots) {
    for (const fig of root.matches('figure') ? [root] : [...root.querySelectorAll('figure')]) {
      if (!shown(fig)) continue;
      const canvas = fig.querySelector('canvas');
      const svg = fig.querySelector('svg');
      const caption = text(fig.querySelector('figcaption'));
      const keys = entries(fig, 'li');
      if (canvas && canvas.width > 0 && canvas.clientWidth > 0) {
        out.push({ caption, keys, image: canvas, width: canvas.clientWidth, height: canvas.clientHeight });
      } else if (svg) {
        const img = await svgImage(svg);
        const r = svg.getBoundingClientRect();
        if (img && r.width > 0) out.push({ caption, keys, image: img, width: r.width, height: r.height });
      }
    }
  }
  return out;
}

/** Room above a figure for its caption (two lines). */
const FIG_TOP = 34;

/** Rows the figure's legend takes under it at width `w` (12px text, as drawn). */
function keyRows(g: CanvasRenderingContext2D, f: Figure, w: number): number {
  if (!f.keys.length) return 0;
  g.font = `12px ${FONT}`;
  let rows = 1;
  let x = 0;
  for (const k of f.keys) {
    const kw = 16 + g.measureText(k.text).width + 12;
    if (x > 0 && x + kw > w) {
      rows++;
      x = 0;
    }
    x += kw;
  }
  return rows;
}

/** Lines of `s` no wider than `width` in the context's current font. */
function wrap(g: CanvasRenderingContext2D, s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Words split at spaces; Chinese, which has none, may break after any of its characters.
  for (const word of s.split(/ |(?<=[\u3000-\u9fff\uff00-\uffef])(?=.)/u)) {
    const next = line ? `${line}${/[\u3000-\u9fff\uff00-\uffef]$/u.test(line) ? '' : ' '}${word}` : word;
    if (line && g.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ViewParts {
  info: ExportInfo;
  picture: HTMLCanvasElement;
  legend: Entry[];
  counts: Entry[];
  figures: Figure[];
}

/** Draw the whole view onto a new canvas, at the picture's device-pixel scale. */
export function composeView(parts: ViewParts): HTMLCanvasElement {
  const pic = parts.picture;
  const picW = pic.clientWidth || pic.width;
  const picH = pic.clientHeight || pic.height;
  const scale = Math.max(1, pic.width / picW);
  const width = Math.max(PAD * 2 + picW + PAD + SIDE, 720);
  const measure = document.createElement('canvas').getContext('2d')!;
  // Header: title and caption, wrapped to the width.
  measure.font = `12px ${FONT}`;
  const caption = exportCaption(parts.info).flatMap((l) => wrap(measure, l, width - 2 * PAD));
  const headerH = PAD + 26 + caption.length * 16 + 8;
  // Side column: legend then counts, wrapped.
  measure.font = `13px ${FONT}`;
  const side = [...parts.legend.map((e) => ({ ...e, lines: wrap(measure, e.text, SIDE - 24) })), ...parts.counts.map((e) => ({ ...e, lines: wrap(measure, e.text, SIDE - 24) }))];
  const sideH = side.reduce((h, e) => h + e.lines.length * 16 + 4, 0) + 24;
  const bodyH = Math.max(picH, sideH);
  // Figures flow in rows under the picture.
  const placed: { f: Figure; x: number; y: number }[] = [];
  let x = PAD;
  let y = headerH + bodyH + PAD;
  let rowH = 0;
  for (const f of parts.figures) {
    const w = Math.min(f.width, width - 2 * PAD);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += rowH + PAD;
      rowH = 0;
    }
    placed.push({ f, x, y });
    x += w + PAD;
    rowH = Math.max(rowH, FIG_TOP + (f.height * w) / f.width + keyRows(measure, f, w) * 16 + 4);
  }
  const height = y + rowH + PAD;

  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const g = out.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.textBaseline = 'top';
  g.fillStyle = '#1d1d1f';
  g.font = `bold 20px ${FONT}`;
  g.fillText(parts.info.title, PAD, PAD);
  g.font = `12px ${FONT}`;
  g.fillStyle = '#444';
  caption.forEach((l, i) => {
    g.fillText(l, PAD, PAD + 28 + i * 16);
  });
  g.drawImage(pic, PAD, headerH, picW, picH);
  g.strokeStyle = '#d0d4da';
  g.strokeRect(PAD + 0.5, headerH + 0.5, picW - 1, picH - 1);
  // Legend and counts beside the picture.
  let sy = headerH;
  const sx = PAD + picW + PAD;
  g.font = `13px ${FONT}`;
  side.forEach((e, i) => {
    if (i === parts.legend.length && i > 0) sy += 12; // a gap between the legend and the counts
    if (e.colour) {
      g.fillStyle = e.colour;
      g.fillRect(sx, sy + 1, 14, 14);
      g.strokeStyle = '#777';
      g.strokeRect(sx + 0.5, sy + 1.5, 13, 13);
    }
    g.fillStyle = '#1d1d1f';
    e.lines.forEach((l, k) => {
      g.fillText(l, sx + 22, sy + k * 16);
    });
    sy += e.lines.length * 16 + 4;
  });
  for (const { f, x: fx, y: fy } of placed) {
    const w = Math.min(f.width, width - 2 * PAD);
    const h = (f.height * w) / f.width;
    g.font = `bold 12px ${FONT}`;
    g.fillStyle = '#1d1d1f';
    wrap(g, f.caption, w)
      .slice(0, 2)
      .forEach((l, i) => {
        g.fillText(l, fx, fy + i * 15);
      });
    g.drawImage(f.image, fx, fy + FIG_TOP, w, h);
    // The chart's legend under it: swatch and name, flowing in rows.
    g.font = `12px ${FONT}`;
    let kx = fx;
    let ky = fy + FIG_TOP + h + 4;
    for (const k of f.keys) {
      const kw = 16 + g.measureText(k.text).width + 12;
      if (kx > fx && kx + kw > fx + w) {
        kx = fx;
        ky += 16;
      }
      if (k.colour) {
        g.fillStyle = k.colour;
        g.fillRect(kx, ky + 5, 12, 4);
      }
      g.fillStyle = '#1d1d1f';
      g.fillText(k.text, kx + 16, ky);
      kx += kw;
    }
  }
  return out;
}

/** Read the explore page and save the composed view as `name`. */
export async function saveViewPng(picture: HTMLCanvasElement, name: string, doc: Document = document): Promise<void> {
  const byId = (id: string) => doc.getElementById(id);
  const hash = text(byId('output-hash'));
  const info: ExportInfo = {
    title: text(byId('preset-name')) || 'govsim',
    seed: (byId('seed') as HTMLInputElement | null)?.value ?? '',
    step: text(byId('step-counter')),
    end: text(byId('end-step')),
    hash: /^[0-9a-f]{64}$/.test(hash) ? hash : '',
    address: location.href,
  };
  const roots = [byId('sankey-box'), byId('charts')].filter((e): e is HTMLElement => !!e);
  const canvas = composeView({
    info,
    picture,
    legend: entries(doc, '#legend li'),
    counts: entries(doc, '#counts dt'),
    figures: await figures(roots),
  });
  downloadCanvas(canvas, name);
}
