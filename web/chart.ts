/**
 * A small live line chart on a 2D canvas: a few series against the step, drawn again in full on each
 * update. Long runs are drawn as a min-max band per pixel column, so the cost is bounded by the width.
 */
import { prepare2d } from './canvas-2d';

export interface ChartLine {
  label: string;
  colour: string;
}

const PAD = { left: 44, right: 10, top: 10, bottom: 22 };

export class LineChart {
  private steps: Float64Array = new Float64Array(256);
  private values: Float64Array[] = [];
  private n = 0;
  private lines: ChartLine[] = [];
  private xMax = 1;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** Start over with these lines; the x axis runs to at least `xMax`. */
  reset(lines: ChartLine[], xMax: number): void {
    this.lines = lines;
    this.values = lines.map(() => new Float64Array(this.steps.length));
    this.n = 0;
    this.xMax = Math.max(1, xMax);
    this.draw();
  }

  setXMax(xMax: number): void {
    this.xMax = Math.max(1, xMax);
    this.draw();
  }

  /** Append rows: `steps[i]` with `columns[line][i]`, one column per line. */
  append(steps: ArrayLike<number>, columns: ArrayLike<number>[]): void {
    const k = steps.length;
    if (this.n + k > this.steps.length) {
      let cap = this.steps.length;
      while (cap < this.n + k) cap *= 2;
      this.steps = grow(this.steps, cap);
      this.values = this.values.map((v) => grow(v, cap));
    }
    for (let i = 0; i < k; i++) {
      this.steps[this.n + i] = steps[i];
      for (let l = 0; l < this.values.length; l++) this.values[l][this.n + i] = columns[l][i];
    }
    this.n += k;
  }

  /** Latest and peak value of line `l`. */
  stats(l: number): { latest: number; peak: number } {
    let peak = 0;
    const v = this.values[l];
    for (let i = 0; i < this.n; i++) if (v[i] > peak) peak = v[i];
    return { latest: this.n ? v[this.n - 1] : 0, peak };
  }

  /** Dashed lines, by line index (overlaid comparison panes). */
  dashes: (number[] | undefined)[] = [];

  /** The canvas, for export. */
  get element(): HTMLCanvasElement {
    return this.canvas;
  }

  draw(): void {
    const ready = prepare2d(this.canvas, 320, 160);
    if (!ready) return;
    const { g, w: cssW, h: cssH } = ready;
    const plotW = cssW - PAD.left - PAD.right;
    const plotH = cssH - PAD.top - PAD.bottom;
    let yMax = 1;
    for (let l = 0; l < this.values.length; l++) yMax = Math.max(yMax, this.stats(l).peak);
    yMax = niceCeil(yMax);
    const xMax = Math.max(this.xMax, this.n ? this.steps[this.n - 1] : 0);

    // Axes and labels.
    g.strokeStyle = '#8a8a8a';
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(PAD.left + 0.5, PAD.top);
    g.lineTo(PAD.left + 0.5, PAD.top + plotH + 0.5);
    g.lineTo(PAD.left + plotW, PAD.top + plotH + 0.5);
    g.stroke();
    g.fillStyle = '#333';
    g.font = '12px system-ui, sans-serif';
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    g.fillText(yMax < 10 ? String(+yMax.toPrecision(3)) : yMax.toLocaleString('en'), PAD.left - 6, PAD.top + 4);
    g.fillText('0', PAD.left - 6, PAD.top + plotH);
    g.textAlign = 'left';
    g.textBaseline = 'top';
    g.fillText('0', PAD.left, PAD.top + plotH + 5);
    g.textAlign = 'right';
    g.fillText(`step ${xMax}`, PAD.left + plotW, PAD.top + plotH + 5);

    const x = (s: number) => PAD.left + (s / xMax) * plotW;
    const y = (v: number) => PAD.top + plotH - (v / yMax) * plotH;
    g.lineWidth = 2;
    g.lineJoin = 'round';
    for (let l = 0; l < this.values.length; l++) {
      const v = this.values[l];
      g.strokeStyle = this.lines[l].colour;
      g.setLineDash(this.dashes[l] ?? []);
      g.beginPath();
      if (this.n <= plotW * 2) {
        // Not-a-number (e.g. before the first survey) leaves a gap.
        let pen = false;
        for (let i = 0; i < this.n; i++) {
          if (!Number.isFinite(v[i])) {
            pen = false;
            continue;
          }
          if (!pen) g.moveTo(x(this.steps[i]), y(v[i]));
          else g.lineTo(x(this.steps[i]), y(v[i]));
          pen = true;
        }
      } else {
        // One vertical stroke from min to max per pixel column.
        let col = -1;
        let lo = 0;
        let hi = 0;
        const flush = () => {
          if (col < 0) return;
          g.moveTo(PAD.left + col + 0.5, y(lo));
          g.lineTo(PAD.left + col + 0.5, y(hi) - 0.5);
        };
        for (let i = 0; i < this.n; i++) {
          if (!Number.isFinite(v[i])) continue;
          const cx = Math.floor((this.steps[i] / xMax) * plotW);
          if (cx !== col) {
            flush();
            col = cx;
            lo = hi = v[i];
          } else {
            if (v[i] < lo) lo = v[i];
            if (v[i] > hi) hi = v[i];
          }
        }
        flush();
      }
      g.stroke();
    }
  }
}

function grow(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

/** A round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at least v. */
function niceCeil(v: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
