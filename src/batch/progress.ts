/**
 * Progress of a batch on stderr (stdout stays for results): on a terminal one line redrawn in place
 * with \r; otherwise (a log file, CI, Slurm's output) a plain line at about every 10% so logs stay
 * short; nothing with --quiet.
 */
export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean };
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
}

export class Progress {
  private done: number;
  private failed = 0;
  private readonly startDone: number;
  private readonly t0: number;
  private nextPlain: number;
  private lastDraw = -Infinity;
  private readonly stream: NonNullable<ProgressOptions['stream']>;
  private readonly tty: boolean;
  private readonly now: () => number;

  /** `total` runs, of which `already` were done before (e.g. found on --resume). */
  constructor(
    private readonly total: number,
    already: number,
    private readonly opts: ProgressOptions = {},
  ) {
    this.done = this.startDone = already;
    this.stream = opts.stream ?? process.stderr;
    this.tty = !!this.stream.isTTY;
    this.now = opts.now ?? (() => performance.now());
    this.t0 = this.now();
    this.nextPlain = this.nextStep(already);
  }

  /** One more run finished. */
  tick(failed = false): void {
    this.done++;
    if (failed) this.failed++;
    if (this.opts.quiet) return;
    if (this.tty) {
      // Redraw at most ~10 times a second: fast batches would otherwise spend their time on the terminal.
      const t = this.now();
      if (t - this.lastDraw >= 100 || this.done === this.total) {
        this.lastDraw = t;
        this.stream.write(`\r${this.line()}\x1b[K`);
      }
    } else if (this.done >= this.nextPlain || this.done === this.total) {
      this.nextPlain = this.nextStep(this.done);
      this.stream.write(`${this.line()}\n`);
    }
  }

  /** End the in-place line so later messages start on a fresh one. */
  finish(): void {
    if (!this.opts.quiet && this.tty && this.done > this.startDone) this.stream.write('\n');
  }

  line(): string {
    const pct = this.total ? Math.floor((100 * this.done) / this.total) : 100;
    const seconds = (this.now() - this.t0) / 1000;
    const ran = this.done - this.startDone;
    const rate = seconds > 0 ? ran / seconds : 0;
    const left = this.total - this.done;
    const eta = rate > 0 ? formatDuration(left / rate) : '?';
    const bar = this.tty ? `[${'#'.repeat(Math.round(pct / 5)).padEnd(20, '.')}] ` : '';
    const fails = this.failed ? `, ${this.failed} failed` : '';
    return `${bar}${this.done}/${this.total} runs (${pct}%${fails}), ${rate.toFixed(rate < 10 ? 2 : 1)} runs/s, ETA ${eta}`;
  }

  private nextStep(done: number): number {
    const step = Math.max(1, Math.ceil(this.total / 10));
    return (Math.floor(done / step) + 1) * step;
  }
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}
