/**
 * The player (web/player.ts) with stand-in worker sessions: one clock over every pane, Play at the
 * chosen speed, Run to end from the fastest Play upwards, Pause after the step in flight, a new load
 * dropping the old run's late answers, and pane A's seed for every pane.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOutputs } from '../../src/output/run';
import { Player, type PlayerEvent, type Session } from '../../web/player';
import type { Advance } from '../../web/session';

/** A session that steps instantly, or when `gate` lets it; it records what it was asked. */
class FakeSession {
  time = 0;
  seed: number | undefined;
  asked: number[] = [];
  closed = false;
  gate: Promise<void> | undefined;

  constructor(private readonly ownSeed: number) {}

  async load(raw: unknown, seed: number | undefined) {
    this.seed = seed ?? this.ownSeed;
    const steps = (raw as { steps: number }).steps;
    return { load: { model: 'governance', name: 'x', seed: this.seed, steps, series: [] }, frame: { step: 0, meta: {}, arrays: {} } };
  }

  async advance(n: number): Promise<Advance> {
    this.asked.push(n);
    if (this.gate) await this.gate;
    this.time += n;
    return { info: { time: this.time, latest: {} }, frame: { step: this.time, meta: {}, arrays: {} }, rows: {}, workerMs: 1 } as unknown as Advance;
  }

  async outputs(): Promise<RunOutputs> {
    return { files: {}, manifest: { outputHash: `hash-${this.seed}-${this.time}` } } as unknown as RunOutputs;
  }

  async runOnce(): Promise<RunOutputs> {
    return this.outputs();
  }

  close(): void {
    this.closed = true;
  }
}

function setup(opts: { speed?: number; seeds?: number[] } = {}) {
  const made: FakeSession[] = [];
  const events: PlayerEvent[] = [];
  const advanced: number[] = [];
  let seedAt = 0;
  const player = new Player(
    { loaded: () => undefined, advanced: () => advanced.push(player.time), event: (e) => events.push(e) },
    () => opts.speed ?? 5,
    () => 50,
    () => {
      const s = new FakeSession(opts.seeds?.[seedAt++ % opts.seeds.length] ?? 42);
      made.push(s);
      return s as unknown as Session;
    },
  );
  const kinds = () => events.map((e) => e.kind).filter((k) => k !== 'changed');
  const until = async (kind: PlayerEvent['kind']) => {
    for (let i = 0; i < 1000 && !events.some((e) => e.kind === kind); i++) await new Promise((r) => setTimeout(r, 1));
    const e = events.find((x) => x.kind === kind);
    if (!e) throw new Error(`no ${kind} event; got ${kinds().join(', ')}`);
    return e;
  };
  return { player, made, events, advanced, kinds, until };
}

const run = (steps: number) => ({ raw: { steps }, source: 'test' });

describe('the player', () => {
  const raf = globalThis.requestAnimationFrame;
  beforeAll(() => {
    globalThis.requestAnimationFrame = ((cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 0)) as unknown as typeof requestAnimationFrame;
  });
  afterAll(() => {
    globalThis.requestAnimationFrame = raf;
  });

  it('plays every pane the chosen steps per frame, to the end, then hands over the outputs', async () => {
    const t = setup({ speed: 5 });
    expect(await t.player.load([run(12), run(99)], 7, undefined)).toBe(true);
    expect(t.player.endStep).toBe(12);
    t.player.play();
    const fin = await t.until('finished');
    expect(t.made.map((s) => s.asked)).toEqual([
      [5, 5, 2],
      [5, 5, 2],
    ]);
    expect(t.advanced).toEqual([5, 10, 12]);
    expect(t.kinds()).toEqual(['playing', 'computing', 'finished']);
    expect(fin.kind === 'finished' && fin.outputs.map((o) => o.manifest.outputHash)).toEqual(['hash-7-12', 'hash-7-12']);
    expect(t.player.playing).toBe(false);
  });

  it("runs to the end from the fastest Play's chunk, doubling while frames are short", async () => {
    const t = setup({ speed: 1 });
    await t.player.load([run(1095)], 1, undefined);
    t.player.runToEnd();
    await t.until('finished');
    expect(t.made[0].asked).toEqual([50, 100, 200, 400, 345]);
    expect(t.kinds()).toEqual(['running', 'computing', 'finished']);
  });

  it('switches from Play to Run to end without a second loop', async () => {
    const t = setup({ speed: 1 });
    await t.player.load([run(300)], 1, undefined);
    t.player.play();
    t.player.runToEnd();
    await t.until('finished');
    const asked = t.made[0].asked;
    expect(asked.reduce((a, b) => a + b, 0)).toBe(300);
    // Play's first step was already asked for; from then on, Run to end's chunks.
    expect(asked[0]).toBe(1);
    expect(asked.slice(1, -1)).toEqual([50, 100]);
    expect(t.kinds()).toEqual(['playing', 'running', 'computing', 'finished']);
  });

  it('pauses after the step in flight and names that step', async () => {
    const t = setup({ speed: 1 });
    await t.player.load([run(1000)], 1, undefined);
    let open!: () => void;
    t.made[0].gate = new Promise<void>((r) => (open = r));
    t.player.play();
    await new Promise((r) => setTimeout(r, 5));
    t.player.pause();
    expect(t.kinds()).toEqual(['playing']);
    open();
    await t.until('paused');
    expect(t.player.time).toBe(1);
    expect(t.made[0].asked).toEqual([1]);
    await new Promise((r) => setTimeout(r, 10));
    expect(t.made[0].asked).toEqual([1]);
  });

  it('steps once per click, ignoring clicks while a step is in flight, and finishes at the end', async () => {
    const t = setup();
    await t.player.load([run(2)], 1, undefined);
    await Promise.all([t.player.step(), t.player.step()]);
    expect(t.made[0].asked).toEqual([1]);
    await t.player.step();
    await t.until('finished');
    expect(t.player.time).toBe(2);
    await t.player.step();
    expect(t.made[0].asked).toEqual([1, 1]);
  });

  it("drops the late answers of a run replaced by a new load, and closes the old run's workers", async () => {
    const t = setup({ speed: 1 });
    await t.player.load([run(100)], 1, undefined);
    const old = t.made[0];
    let open!: () => void;
    old.gate = new Promise<void>((r) => (open = r));
    t.player.play();
    await new Promise((r) => setTimeout(r, 5));
    await t.player.load([run(50)], 2, undefined);
    expect(old.closed).toBe(true);
    open();
    await new Promise((r) => setTimeout(r, 10));
    expect(t.advanced).toEqual([]);
    expect(t.player.time).toBe(0);
    expect(t.player.endStep).toBe(50);
    expect(t.player.playing).toBe(false);
  });

  it("runs every pane on pane A's seed when the link leaves the seed to the scenario", async () => {
    const t = setup({ seeds: [11, 22, 33] });
    await t.player.load([run(10), run(10), run(10)], undefined, 5);
    expect(t.player.seed).toBe(11);
    expect(t.made.map((s) => s.seed)).toEqual([11, 11, 11]);
    expect(t.player.endStep).toBe(5);
  });

  it('keeps the run when the end step moves past the clock, and asks for a reload when it moves before', async () => {
    const t = setup({ speed: 4 });
    await t.player.load([run(8)], 1, undefined);
    t.player.play();
    await t.until('finished');
    expect(t.player.setEndStep(12)).toBe('extended');
    t.player.play();
    await new Promise((r) => setTimeout(r, 20));
    expect(t.player.time).toBe(12);
    expect(t.player.setEndStep(3)).toBe('reload');
    expect(t.player.endStep).toBe(12);
  });
});
