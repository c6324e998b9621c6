/**
 * A panel of live time-series charts, one figure per chart spec of the model view; explore and compare
 * both use it. Series rows come from the worker in batches; a line may show its series as a running
 * total ("so far") instead of per day. Comparison panes overlay their runs on the same chart: a chart of
 * one line shows one series per pane in the pane's colour (palette.ts), a chart of several lines shows
 * each pane's lines in their own colours, the panes told apart by dash pattern. Each chart's legend
 * names the series and shows their values under the cursor (chart.ts).
 */
import { type ChartLine, LineChart } from './chart';
import { PANE_COLOURS } from './palette';
import { t } from './i18n';

export interface LineSpec {
  series: string;
  label: string;
  colour: string;
  /** Show the running total of a per-day series. */
  cumulative?: boolean;
  /** What it counts, on hover; by default said from its label and whether it is a running total. */
  help?: string;
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

/** The chart's series: its lines, or for comparison panes each pane's lines (see the file comment). */
export function seriesLines(spec: ChartSpec, paneNames: readonly string[]): ChartLine[] {
  if (!paneNames.length) return spec.lines.map((l) => ({ label: l.label, colour: l.colour, help: lineHelp(l) }));
  const inPane = (l: LineSpec, pane: string) => t('chart.help.pane', { help: lineHelp(l), pane });
  if (spec.lines.length === 1) return paneNames.map((name, p) => ({ label: name, colour: PANE_COLOURS[p % PANE_COLOURS.length], help: inPane(spec.lines[0], name) }));
  return paneNames.flatMap((name, p) =>
    spec.lines.map((l) => ({ label: t('chart.paneLine', { line: l.label, pane: name }), colour: l.colour, dash: DASHES[p % DASHES.length], help: inPane(l, name) })),
  );
}

/** A line's hover text: its own, or what a daily count or a running total of it is. */
export function lineHelp(l: LineSpec): string {
  return l.help ?? t(l.cumulative ? 'chart.help.cumulative' : 'chart.help.daily', { line: l.label });
}

export class ChartPanel {
  private built: Built[] = [];
  private panes = 1;

  constructor(private readonly root: HTMLElement) {}

  /** Build the figures; `paneNames` (comparison) overlays that many runs per chart. */
  reset(specs: readonly ChartSpec[], xMax: number, paneNames: readonly string[] = []): void {
    for (const b of this.built) b.chart.destroy();
    this.panes = Math.max(1, paneNames.length);
    this.built = specs.map((spec, k) => {
      const figure = document.createElement('figure');
      figure.className = 'chart';
      const cap = document.createElement('figcaption');
      cap.textContent = spec.title;
      cap.id = k === 0 ? 'chart-title' : `chart-title-${k}`;
      figure.append(cap);
      return { spec, chart: new LineChart(figure, spec.title), figure, totals: Array.from({ length: this.panes }, () => spec.lines.map(() => 0)) };
    });
    // In the page first, so each chart takes its figure's width.
    this.root.replaceChildren(...this.built.map((b) => b.figure));
    for (const b of this.built) b.chart.reset(seriesLines(b.spec, paneNames), xMax);
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

  /** Redraw every chart (at the next animation frame). */
  draw(): void {
    for (const b of this.built) b.chart.draw();
  }

  /** The charts with their specs (for tests and descriptions). */
  get charts(): readonly { spec: ChartSpec; chart: LineChart }[] {
    return this.built;
  }
}
