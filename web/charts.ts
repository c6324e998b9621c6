/**
 * A panel of live line charts, one figure per chart spec of the model view. Series rows come from the
 * worker in batches; a line may show its series as a running total ("so far") instead of per day.
 * Comparison panes overlay their runs on the same charts: one line per pane and series, the panes told
 * apart by dash pattern and named in the legend.
 */
import { LineChart } from './chart';
import { PANE_COLOURS } from './palette';

export interface LineSpec {
  series: string;
  label: string;
  colour: string;
  /** Show the running total of a per-day series. */
  cumulative?: boolean;
}

export interface ChartSpec {
  title: string;
  lines: LineSpec[];
}

const DASHES: (number[] | undefined)[] = [undefined, [7, 4], [2, 3], [10, 3, 2, 3]];

interface Built {
  spec: ChartSpec;
  chart: LineChart;
  figure: HTMLElement;
  /** Running totals per pane and line. */
  totals: number[][];
}

export class ChartPanel {
  private built: Built[] = [];
  private panes = 1;

  constructor(private readonly root: HTMLElement) {}

  /** Build the figures; `paneNames` (comparison) overlays that many runs per chart. */
  reset(specs: readonly ChartSpec[], xMax: number, paneNames: readonly string[] = []): void {
    this.panes = Math.max(1, paneNames.length);
    this.built = specs.map((spec, k) => {
      const figure = document.createElement('figure');
      figure.className = 'chart';
      const cap = document.createElement('figcaption');
      cap.textContent = spec.title;
      cap.id = k === 0 ? 'chart-title' : `chart-title-${k}`;
      const canvas = document.createElement('canvas');
      canvas.id = k === 0 ? 'chart' : `chart-${k}`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Chart: ${spec.title}, over time`);
      const legend = document.createElement('ul');
      legend.className = 'legend';
      const byPane = paneNames.length > 0 && spec.lines.length === 1;
      for (const l of byPane ? [] : spec.lines) {
        const li = document.createElement('li');
        const sw = document.createElement('span');
        sw.className = 'line-swatch';
        sw.style.background = l.colour;
        li.append(sw, l.label);
        legend.append(li);
      }
      if (paneNames.length && !byPane) {
        paneNames.forEach((name, p) => {
          const li = document.createElement('li');
          const sw = document.createElement('span');
          sw.className = byPane ? 'line-swatch' : `dash-swatch dash-${p}`;
          if (byPane) sw.style.background = PANE_COLOURS[p];
          li.append(sw, name);
          legend.append(li);
        });
      }
      figure.append(cap, canvas, legend);
      const chart = new LineChart(canvas);
      const lines = paneNames.length ? paneNames.flatMap((_, p) => spec.lines.map((l) => ({ ...l, colour: byPane ? PANE_COLOURS[p] : l.colour }))) : spec.lines;
      chart.dashes = paneNames.length && !byPane ? paneNames.flatMap((_, p) => spec.lines.map(() => DASHES[p])) : [];
      chart.reset(lines, xMax);
      return { spec, chart, figure, totals: Array.from({ length: this.panes }, () => spec.lines.map(() => 0)) };
    });
    this.root.replaceChildren(...this.built.map((b) => b.figure));
  }

  setXMax(xMax: number): void {
    for (const b of this.built) b.chart.setXMax(xMax);
  }

  /** Append rows for these steps: one record of columns per pane (one for a single run). */
  append(steps: ArrayLike<number>, rowsByPane: readonly Record<string, Float64Array>[]): void {
    for (const b of this.built) {
      const cols: Float64Array[] = [];
      for (let p = 0; p < this.panes; p++) {
        const rows = rowsByPane[p] ?? {};
        b.spec.lines.forEach((l, i) => {
          const src = rows[l.series];
          const out = new Float64Array(steps.length);
          if (!src) out.fill(NaN);
          else if (l.cumulative) {
            let t = b.totals[p][i];
            for (let k = 0; k < steps.length; k++) out[k] = t += Number.isFinite(src[k]) ? src[k] : 0;
            b.totals[p][i] = t;
          } else out.set(src.subarray(0, steps.length));
          cols.push(out);
        });
      }
      b.chart.append(steps, cols);
    }
  }

  draw(): void {
    for (const b of this.built) b.chart.draw();
  }

  /** Latest value of each line of each chart (for tests and descriptions). */
  get charts(): readonly { spec: ChartSpec; chart: LineChart }[] {
    return this.built;
  }
}
