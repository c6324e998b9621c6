/**
 * One live time-series chart, drawn by uPlot: a few series against the step, with the values under the
 * cursor in the legend, drag across the plot to zoom into some steps and double-click to see the whole
 * run again. Rows arrive in batches while the run plays; redrawing waits for the next animation frame so a
 * burst of batches costs one drawing. uPlot draws dense series as one min-max stroke per pixel column,
 * so a long run costs what the width costs; zooming shows the steps behind a dense stretch.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { locale, t } from './i18n';

export interface ChartLine {
  label: string;
  colour: string;
  /** Dash pattern (comparison panes told apart when a chart has several lines per pane). */
  dash?: number[];
  /** What the line counts, shown on hover over its legend entry. */
  help?: string;
}

const HEIGHT = 170;

/** A value under the cursor: whole numbers grouped, small fractions to three significant digits. */
export function formatValue(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '–';
  if (Number.isInteger(v) || Math.abs(v) >= 100) return Math.round(v).toLocaleString(locale());
  return String(+v.toPrecision(3));
}

export class LineChart {
  private xs: number[] = [];
  private ys: (number | null)[][] = [];
  private xMax = 1;
  private plot: uPlot | undefined;
  /** The reader dragged a range: keep it while rows arrive, until a double-click. */
  private zoomed = false;
  private pending = 0;
  private readonly resize: ResizeObserver | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly title = '',
  ) {
    this.resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.fit()) : undefined;
    this.resize?.observe(host);
  }

  /** Start over with these lines; the x axis runs to at least `xMax`. */
  reset(lines: ChartLine[], xMax: number): void {
    this.xs = [];
    this.ys = lines.map(() => []);
    this.xMax = Math.max(1, xMax);
    this.zoomed = false;
    this.plot?.destroy();
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      title: undefined,
      legend: { live: true },
      cursor: {
        drag: { x: true, y: false, setScale: true },
        bind: {
          // Double-click shows the whole run (0 to the end step), not just the steps done so far.
          dblclick: () => () => {
            this.zoomed = false;
            this.render();
            return null;
          },
        },
      },
      scales: { x: { time: false, range: (_u, min, max) => [min ?? 0, max ?? this.xMax] } },
      axes: [{ label: undefined }, { size: 50 }],
      series: [
        { label: t('chart.stepLabel'), value: (_u, v) => formatValue(v) },
        ...lines.map((l) => ({
          label: l.label,
          stroke: l.colour,
          width: 1.5,
          dash: l.dash,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => formatValue(v),
        })),
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width > 0) this.zoomed = true;
          },
        ],
      },
    };
    this.plot = new uPlot(opts, [[], ...lines.map(() => [])] as unknown as uPlot.AlignedData, this.host);
    this.plot.root.setAttribute('role', 'img');
    this.plot.root.setAttribute('aria-label', t('chart.aria', { title: this.title }));
    // Every count on screen says on hover what it counts: the legend's rows are the x series, then the lines.
    const rows = this.plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    rows[0]?.setAttribute('title', t('chart.help.step'));
    lines.forEach((l, k) => {
      if (l.help) rows[k + 1]?.setAttribute('title', l.help);
    });
    this.draw();
  }

  setXMax(xMax: number): void {
    this.xMax = Math.max(1, xMax);
    this.draw();
  }

  /** Append rows: `steps[i]` with `columns[line][i]`, one column per line; NaN leaves a gap. */
  append(steps: ArrayLike<number>, columns: ArrayLike<number>[]): void {
    for (let i = 0; i < steps.length; i++) {
      this.xs.push(steps[i]);
      for (let l = 0; l < this.ys.length; l++) {
        const v = columns[l]?.[i];
        this.ys[l].push(v !== undefined && Number.isFinite(v) ? v : null);
      }
    }
  }

  /** Latest and peak value of line `l`. */
  stats(l: number): { latest: number; peak: number } {
    let peak = 0;
    const v = this.ys[l] ?? [];
    for (const x of v) if (x !== null && x > peak) peak = x;
    return { latest: v.length ? (v[v.length - 1] ?? NaN) : 0, peak };
  }

  /** How many rows the chart holds. */
  get length(): number {
    return this.xs.length;
  }

  /** The chart's element (uPlot's root: plot and legend). */
  get element(): HTMLElement {
    return this.plot?.root ?? this.host;
  }

  /** Redraw with the rows so far, at the next animation frame. */
  draw(): void {
    if (this.pending || typeof requestAnimationFrame !== 'function') return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.render();
    });
  }

  private render(): void {
    const u = this.plot;
    if (!u) return;
    u.setData([this.xs, ...this.ys] as unknown as uPlot.AlignedData, false);
    const last = this.xs.length ? this.xs[this.xs.length - 1] : 0;
    const whole = { min: Math.min(0, this.xs[0] ?? 0), max: Math.max(this.xMax, last) };
    // Setting x also ranges y to the data in view, so a zoomed chart fits its own values.
    u.setScale('x', this.zoomed ? { min: u.scales.x.min ?? whole.min, max: u.scales.x.max ?? whole.max } : whole);
  }

  private width(): number {
    return Math.max(200, Math.floor(this.host.clientWidth || 320));
  }

  private fit(): void {
    const u = this.plot;
    if (!u || !this.host.clientWidth) return;
    const w = this.width();
    if (w !== u.width) u.setSize({ width: w, height: HEIGHT });
  }

  destroy(): void {
    this.resize?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }
}
