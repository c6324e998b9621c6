/**
 * The player: one clock over one to four runs, each in its own worker (session.ts). Explore is one pane,
 * compare two to four; both views draw what the player hands them and word its events, and neither
 * steps a model or keeps a clock of its own.
 *
 * - Load: pane A settles the seed (a link may leave it to the preset); every other pane then runs on
 *   that same seed (common random numbers).
 * - Play steps every pane the chosen steps per frame; Step one step; Run to end plays in chunks that
 *   grow to fill a frame budget (chunk-policy.ts), then asks for the outputs (the hash). Reaching the
 *   end by any of them shows the outputs, so the hash on screen never depends on which button was used.
 * - Every load bumps the generation; work begun for an older run drops its result.
 */
import type { Frame } from '../sim/core/model';
import type { RunOutputs } from '../src/output/run';
import type { LoadInfo } from '../src/worker/api';
import { nextChunk, playChunk } from './chunk-policy';
import { SimSession, type Advance } from './session';
import { t } from './i18n';

/** What a pane runs: the raw scenario (lever changes applied) and its name for messages. */
export interface PaneRun {
  raw: unknown;
  source: string;
}

/** What the player uses of a worker session (session.ts). */
export type Session = Pick<SimSession, 'load' | 'advance' | 'outputs' | 'runOnce' | 'close'>;

export interface Loaded {
  load: LoadInfo;
  frame: Frame;
}

/** What the player tells its view; the view words it (status lines) and draws. */
export type PlayerEvent =
  /** Only the buttons may need to change (loaded, end step moved). */
  | { kind: 'changed' }
  | { kind: 'playing' }
  | { kind: 'running' }
  | { kind: 'paused' }
  | { kind: 'stepped' }
  | { kind: 'computing' }
  | { kind: 'finished'; outputs: RunOutputs[] }
  | { kind: 'failed'; message: string; pane: number };

export interface PlayerView {
  /** Every pane is loaded at step 0. */
  loaded(first: Loaded[]): void;
  /** Every pane advanced together to `player.time`; returns nothing, draws. */
  advanced(results: Advance[]): void;
  /** Something the status line or the buttons should show. */
  event(e: PlayerEvent): void;
}

export class Player {
  time = 0;
  endStep = 1;
  seed = 0;
  loaded = false;
  playing = false;
  /** Playing towards the end step as fast as possible, then showing the hash. */
  toEnd = false;
  /** Bumped by every load; async work of an older run drops its result. */
  generation = 0;
  sessions: Session[] = [];
  /** Smoothed round trip to the workers (ms) and frames counted. */
  readonly perf = { worker: 0, frames: 0 };
  /** The chunk Run to end asked for last (steps). */
  chunk = 0;
  private stepping = false;
  /** The generation whose play loop is running, or -1. */
  private loopGeneration = -1;

  /**
   * `speed` is the chosen steps per frame; `fastest` the largest on offer (Run to end starts there).
   * `newSession` makes a pane's worker session (a stand-in in the unit tests).
   */
  constructor(
    private readonly view: PlayerView,
    private readonly speed: () => number,
    private readonly fastest: () => number,
    private readonly newSession: (onFailure: (message: string) => void) => Session = (f) => new SimSession(f),
  ) {}

  isCurrent(gen: number): boolean {
    return gen === this.generation;
  }

  /** Stop and drop every pane (a new run, or leaving). */
  close(): void {
    this.generation++;
    for (const s of this.sessions) s.close();
    this.sessions = [];
    this.loaded = false;
    this.playing = false;
    this.toEnd = false;
    this.stepping = false;
    this.time = 0;
  }

  /**
   * Load every pane in a fresh worker at step 0. `seed` undefined: pane A's scenario's own seed;
   * `steps` undefined: pane A's own step count. False when the load failed or was replaced.
   */
  async load(panes: PaneRun[], seed: number | undefined, steps: number | undefined): Promise<boolean> {
    this.close();
    const gen = this.generation;
    this.sessions = panes.map((_, i) => this.newSession((message) => this.isCurrent(gen) && this.fail(message, i)));
    this.chunk = 0;
    this.perf.frames = 0;
    this.view.event({ kind: 'changed' });
    let i = 0;
    try {
      const a = await this.sessions[0].load(panes[0].raw, seed, panes[0].source);
      if (!this.isCurrent(gen)) return false;
      const rest: Loaded[] = [];
      // One at a time, so a failure names its pane; the workers load in parallel all the same.
      const pending = panes.slice(1).map((p, k) => this.sessions[k + 1].load(p.raw, a.load.seed, p.source));
      for (i = 1; i < panes.length; i++) rest.push(await pending[i - 1]);
      if (!this.isCurrent(gen)) return false;
      this.seed = a.load.seed;
      this.endStep = steps ?? a.load.steps;
      this.time = 0;
      this.loaded = true;
      this.view.loaded([a, ...rest]);
      this.view.event({ kind: 'changed' });
      return true;
    } catch (e) {
      if (this.isCurrent(gen)) this.fail((e as Error).message, i);
      return false;
    }
  }

  /** Outputs of every pane as they stand; undefined when the run was replaced meanwhile. */
  async outputs(): Promise<RunOutputs[] | undefined> {
    const gen = this.generation;
    const outs = await Promise.all(this.sessions.map((s) => s.outputs()));
    return this.isCurrent(gen) ? outs : undefined;
  }

  togglePlay(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.toEnd = false;
    // The loop says 'paused' once its step in flight has landed, so the status names the last step.
    this.view.event({ kind: 'changed' });
  }

  play(): void {
    this.start(false);
  }

  runToEnd(): void {
    this.start(true);
  }

  /** One step of every pane; further requests while it is in flight are ignored. */
  async step(): Promise<void> {
    if (!this.loaded || this.stepping || this.playing || this.time >= this.endStep) return;
    this.stepping = true;
    const gen = this.generation;
    try {
      if (!(await this.advance(1))) return;
    } finally {
      if (this.isCurrent(gen)) this.stepping = false;
    }
    if (this.time >= this.endStep) await this.finish();
    else this.view.event({ kind: 'stepped' });
  }

  /**
   * A new end step. Beyond the current step the run goes on; before it the caller must reload (the
   * return value says which).
   */
  setEndStep(steps: number): 'extended' | 'reload' {
    if (steps < this.time) return 'reload';
    this.endStep = steps;
    this.view.event({ kind: 'changed' });
    return 'extended';
  }

  get busy(): boolean {
    return this.stepping;
  }

  private start(toEnd: boolean): void {
    if (!this.loaded) return;
    if (toEnd) this.toEnd = true;
    if (this.time >= this.endStep) {
      this.toEnd = false;
      if (toEnd) void this.finish();
      return;
    }
    if (this.playing) {
      // The running loop picks up toEnd; the status says so.
      if (toEnd) this.view.event({ kind: 'running' });
      return;
    }
    this.playing = true;
    this.view.event({ kind: this.toEnd ? 'running' : 'playing' });
    // Paused and played again while the loop still waits for its last step: that loop carries on.
    if (this.loopGeneration !== this.generation) void this.loop();
  }

  private fail(message: string, pane: number): void {
    this.playing = false;
    this.toEnd = false;
    this.view.event({ kind: 'failed', message, pane });
  }

  /** Step every pane `n` times together and hand the results to the view. False when replaced. */
  private async advance(n: number): Promise<boolean> {
    const gen = this.generation;
    let results: Advance[];
    try {
      results = await Promise.all(this.sessions.map((s) => s.advance(n)));
    } catch (e) {
      if (this.isCurrent(gen)) this.fail(t('explore.stepFailed', { message: (e as Error).message }), -1);
      return false;
    }
    if (!this.isCurrent(gen)) return false;
    this.time = results[0].info.time;
    // The panes step in parallel: the slowest is the round trip.
    const ms = Math.max(...results.map((r) => r.workerMs));
    this.perf.worker = this.perf.frames ? this.perf.worker * 0.9 + ms * 0.1 : ms;
    this.perf.frames++;
    this.view.advanced(results);
    return true;
  }

  private async loop(): Promise<void> {
    const gen = this.generation;
    this.loopGeneration = gen;
    try {
      await this.playLoop(gen);
    } finally {
      if (this.loopGeneration === gen) this.loopGeneration = -1;
    }
  }

  private async playLoop(gen: number): Promise<void> {
    while (this.playing && this.isCurrent(gen)) {
      const left = this.endStep - this.time;
      if (left <= 0) break;
      const floor = this.fastest();
      if (this.toEnd && this.chunk < floor) this.chunk = floor;
      const n = this.toEnd ? Math.min(left, this.chunk) : playChunk(this.speed(), left);
      const t0 = performance.now();
      if (!(await this.advance(n))) return;
      await nextFrame();
      // The whole frame counts: round trip, drawing and the wait for the next frame.
      if (this.toEnd && n === this.chunk) this.chunk = nextChunk(this.chunk, performance.now() - t0, floor);
    }
    if (!this.isCurrent(gen)) return;
    const atEnd = this.time >= this.endStep;
    this.playing = false;
    this.toEnd = false;
    if (atEnd) await this.finish();
    else this.view.event({ kind: 'paused' });
  }

  private async finish(): Promise<void> {
    const gen = this.generation;
    this.view.event({ kind: 'computing' });
    let outs: RunOutputs[] | undefined;
    try {
      outs = await this.outputs();
    } catch (e) {
      if (this.isCurrent(gen)) this.fail(t('explore.outputsFailed', { message: (e as Error).message }), -1);
      return;
    }
    if (outs && this.isCurrent(gen)) this.view.event({ kind: 'finished', outputs: outs });
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
