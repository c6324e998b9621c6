/**
 * The batch engine on its own (no CLI): it returns what became of a plan and prints nothing on stdout
 * (the commands word the outcome), shards stop before the aggregates, --resume refuses another plan, and
 * the end of a plan writes the tables --format asks for, and only those.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../src/batch/design';
import { BatchInputError } from '../../src/batch/errors';
import { executePlan } from '../../src/batch/execute';
import { finishPlan } from '../../src/batch/finish';
import type { Job } from '../../src/batch/points';
import { tempDir } from '../helpers/cli';

const scenario = { model: 'epstein', name: 'tiny', steps: 10, params: { width: 10, height: 10 } };

function job(command: string[] = ['batch', 'tiny.json', '--seeds', '1..3'], seeds = [1, 2, 3]): Job {
  const plan: Plan = {
    kind: 'batch',
    command,
    scenarios: [{ ref: 'tiny.json', name: 'tiny', model: 'epstein', scenarioHash: 'h' }],
    sets: [],
    seeds,
    series: true,
    varied: [],
    points: [{ scenario: 0, values: {}, steps: 10 }],
  };
  return { plan, raws: [scenario], sources: ['tiny.json'] };
}

const options = (out: string) => ({ out, workers: 2, resume: false, quiet: true, note: () => undefined });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('executePlan', () => {
  it('runs every run, writes the aggregates and returns them, printing nothing on stdout', async () => {
    const log = vi.spyOn(console, 'log');
    const out = tempDir();
    const outcome = await executePlan(job(), options(out));
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.code).toBe(0);
    expect(outcome.records.map((r) => [r.run, r.seed, r.status])).toEqual([
      [0, 1, 'ok'],
      [1, 2, 'ok'],
      [2, 3, 'ok'],
    ]);
    expect(Object.keys(outcome.files)).toEqual(['runs.csv', 'summary.json', 'manifest.json']);
    expect(readdirSync(join(out, 'series'))).toHaveLength(3);
    expect(log).not.toHaveBeenCalled();
  });

  it('stops a shard before the aggregates and says which runs were its own', async () => {
    const out = tempDir();
    const outcome = await executePlan(job(), { ...options(out), shard: { k: 2, n: 2 } });
    expect(outcome).toMatchObject({ status: 'sharded', code: 0, mine: 1, total: 3, failures: [] });
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    expect(readdirSync(join(out, 'runs'))).toEqual(['000001.json']);
  });

  it('refuses to resume a folder that holds another plan', async () => {
    const out = tempDir();
    await executePlan(job(), { ...options(out), shard: { k: 1, n: 3 } });
    await expect(executePlan(job(undefined, [7, 8]), { ...options(out), resume: true })).rejects.toThrow(BatchInputError);
  });
});

describe('finishPlan', () => {
  it('writes the tables --format asks for (read from the recorded command), and removes the other format’s', async () => {
    const out = tempDir();
    const first = await executePlan(job(['batch', 'tiny.json', '--seeds', '1..3', '--format', 'parquet']), options(out));
    if (first.status !== 'done') throw new Error(first.status);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    expect(['runs.parquet', 'series.parquet'].every((f) => existsSync(join(out, f)))).toBe(true);
    expect(Object.keys(JSON.parse(first.files['manifest.json']).files)).toEqual(['summary.json', 'runs.parquet', 'series.parquet']);
    // The same runs finished again as csv (a --resume with --format csv): the Parquet tables go.
    const again = await finishPlan(job().plan, first.records, out);
    expect(Object.keys(JSON.parse(again.files['manifest.json']).files)).toEqual(['runs.csv', 'summary.json']);
    expect(readdirSync(out).filter((f) => f.endsWith('.parquet'))).toEqual([]);
  });
});
