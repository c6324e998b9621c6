import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/batch/design';
import { RunStore, samePlan, type RunRecord } from '../../src/batch/store';
import { recordedCommand } from '../../src/cli/batch-flags';

const record = (run: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  run,
  point: 0,
  seed: run + 1,
  params: {},
  steps: 5,
  key: 'key-a',
  status: 'ok',
  metrics: { m: run },
  outputHash: 'h',
  ...extra,
});

describe('RunStore', () => {
  it('counts a run as done only when saved, ok, of the same definition, and with its series when needed', () => {
    const store = new RunStore(mkdtempSync(join(tmpdir(), 'govsim-store-')));
    expect(store.isDone(0, 'key-a', false)).toBe(false);
    store.save(record(0));
    expect(store.isDone(0, 'key-a', false)).toBe(true);
    expect(store.isDone(0, 'key-b', false)).toBe(false); // another batch's run 0
    expect(store.isDone(0, 'key-a', true)).toBe(false); // saved without its series
    store.save(record(1, { status: 'failed', error: 'x', metrics: undefined }));
    expect(store.isDone(1, 'key-a', false)).toBe(false); // failed runs are retried
    store.save(record(2), 'step\n1\n');
    expect(store.isDone(2, 'key-a', true)).toBe(true);
    writeFileSync(store.runPath(3), '{"run": 3, "trunc');
    expect(store.load(3)).toBeUndefined();
  });

  it('accepts a run file only when its checksum holds, and says why it refuses one', () => {
    const store = new RunStore(mkdtempSync(join(tmpdir(), 'govsim-store-')));
    store.save(record(0));
    expect(store.read(0)).toEqual({ record: { ...record(0), checksum: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const edited = JSON.parse(readFileSync(store.runPath(0), 'utf8'));
    edited.metrics.m = 42;
    writeFileSync(store.runPath(0), JSON.stringify(edited, null, 2));
    expect(store.read(0)).toEqual({ problem: expect.stringMatching(/does not match its checksum/) });
    expect(store.isDone(0, 'key-a', false)).toBe(false);
    const { checksum: _, ...old } = edited;
    writeFileSync(store.runPath(0), JSON.stringify(old));
    expect(store.read(0)).toEqual({ problem: expect.stringMatching(/has no checksum/) });
    expect(store.read(7)).toEqual({ missing: true });
  });

  it('removes the temporary files a killed writer leaves behind, and nothing else', () => {
    const store = new RunStore(mkdtempSync(join(tmpdir(), 'govsim-store-')));
    store.save(record(0));
    writeFileSync(`${store.runPath(1)}.4242.tmp`, '{');
    store.removeStaleTemporaries();
    expect(readdirSync(join(store.dir, 'runs'))).toEqual(['000000.json']);
    expect(existsSync(store.runPath(0))).toBe(true);
  });
});

describe('the recorded command line', () => {
  it('leaves out flags that do not change results and spells --flag=value as --flag value', () => {
    const argv = ['s.json', '--seeds=1..5', '--workers', '4', '--quiet', '--out=o', '--shard', '1/2', '--resume', '--set', 'params.x=1'];
    expect(recordedCommand('batch', argv)).toEqual(['batch', 's.json', '--seeds', '1..5', '--set', 'params.x=1']);
  });

  it('compares plans without their command line', () => {
    const plan = { kind: 'batch', command: ['batch', 'a'], seeds: [1] } as unknown as Plan;
    expect(samePlan(plan, { ...plan, command: ['batch', 'b'] })).toBe(true);
    expect(samePlan(plan, { ...plan, seeds: [2] })).toBe(false);
  });
});
