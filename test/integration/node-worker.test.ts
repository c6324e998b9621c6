/**
 * The worker API over a real Node worker thread (src/worker/node-client.ts): a run in the thread gives
 * the same bytes as the same run in-process, and load / step / frame / seriesSince / outputs work
 * across the thread boundary (typed arrays arrive whole).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/output/run';
import { listPresets, readScenarioRaw } from '../../src/scenario/files';
import { parseScenario } from '../../src/scenario/parse';
import { startSimWorker, type SimWorker } from '../../src/worker/node-client';

/** A small, non-square lattice, so that width * height cannot pass by accident as width^2. */
const epstein = {
  model: 'epstein',
  name: 'node worker test',
  description: 'A small Epstein lattice for the worker-thread test.',
  seed: 3,
  steps: 80,
  params: { width: 30, height: 20, legitimacy: 0.7 },
};

describe('the simulation worker in a Node worker thread', () => {
  let w: SimWorker;

  beforeAll(() => {
    w = startSimWorker();
  });

  afterAll(async () => {
    await w?.terminate();
  });

  it('run() gives the same output hash as runScenario in-process', async () => {
    for (const seed of [7, 8]) {
      const inThread = await w.api.run(epstein, { seed, steps: 60, source: 'node worker test' });
      const inProcess = await runScenario(parseScenario(epstein, 'node worker test'), { seed, steps: 60 });
      expect(inThread.manifest.outputHash).toMatch(/^[0-9a-f]{64}$/);
      expect(inThread.manifest.outputHash).toBe(inProcess.manifest.outputHash);
      expect(inThread.files).toEqual(inProcess.files);
      expect(inThread.manifest).toMatchObject({ seed, steps: 60, model: 'epstein' });
    }
    const seven = await w.api.run(epstein, { seed: 7, steps: 60 });
    const eight = await w.api.run(epstein, { seed: 8, steps: 60 });
    expect(eight.manifest.outputHash).not.toBe(seven.manifest.outputHash);
  });

  it('uses the scenario’s own seed and steps when run() is given none', async () => {
    const inThread = await w.api.run(epstein);
    const inProcess = await runScenario(parseScenario(epstein));
    expect(inThread.manifest).toMatchObject({ seed: 3, steps: 80 });
    expect(inThread.manifest.outputHash).toBe(inProcess.manifest.outputHash);
  });

  it('loads, steps and sends frames and series across the thread', async () => {
    const info = await w.api.load(epstein, { seed: 5, source: 'node worker test' });
    expect(info).toMatchObject({ model: 'epstein', name: 'node worker test', seed: 5, steps: 80 });
    expect(info.series).toEqual(expect.arrayContaining(['step', 'quiet', 'active', 'jailed']));

    const f0 = await w.api.frame();
    expect(f0.model).toBe('epstein');
    expect(f0.step).toBe(0);
    expect(f0.meta).toMatchObject({ width: 30, height: 20 });
    expect(f0.arrays.cells).toBeInstanceOf(Uint8Array);
    expect(f0.arrays.cells.length).toBe(30 * 20);
    let citizens = 0;
    let cops = 0;
    for (const c of f0.arrays.cells) {
      expect(c).toBeLessThanOrEqual(4);
      if (c === 1 || c === 2 || c === 4) citizens++;
      if (c === 3) cops++;
    }
    expect(citizens).toBe(f0.meta.citizens);
    expect(cops).toBe(f0.meta.cops);

    const s1 = await w.api.step(10);
    expect(s1.time).toBe(10);
    expect(Object.keys(s1.latest)).toEqual(info.series);
    const s2 = await w.api.step(5);
    expect(s2.time).toBe(15);
    const f = await w.api.frame();
    expect(f.step).toBe(15);
    expect(f.arrays.cells.length).toBe(30 * 20);

    const rows = await w.api.seriesSince(10);
    expect(rows.active).toBeInstanceOf(Float64Array);
    expect(rows.active.length).toBe(5);
    expect(rows.active[4]).toBe(s2.latest.active);
    expect(rows.quiet[4]).toBe(s2.latest.quiet);

    // Stepping a loaded run in pieces gives the same outputs as one run() to the same step.
    await w.api.step(80 - 15);
    const stepped = await w.api.outputs();
    const whole = await runScenario(parseScenario(epstein), { seed: 5, steps: 80 });
    expect(stepped.manifest.outputHash).toBe(whole.manifest.outputHash);
  });

  it('reports a bad scenario with the field, the value and what is allowed', async () => {
    const bad = { ...epstein, params: { ...epstein.params, citizenDensity: 1.5 } };
    await expect(w.api.load(bad, { source: 'bad.json' })).rejects.toThrow(/bad\.json.*citizenDensity: 1\.5 is too large; allowed: a number at most 1/s);
  });

  it('runs a governance preset in the thread with the same hash as in-process', async () => {
    const name = listPresets().find((p) => p === 'social-governance') ?? listPresets().find((p) => (readScenarioRaw(p).raw as { model?: string }).model === 'governance');
    expect(name, 'a governance preset in scenarios/').toBeDefined();
    const { raw } = readScenarioRaw(name!);
    const inThread = await w.api.run(raw, { seed: 2, steps: 20 });
    const inProcess = await runScenario(parseScenario(raw), { seed: 2, steps: 20 });
    expect(inThread.manifest.outputHash).toBe(inProcess.manifest.outputHash);
  });
});
