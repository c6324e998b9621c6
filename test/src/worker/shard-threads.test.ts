import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { params } from '../../sim/governance/helpers';
import { ProvinceModel } from '../../../sim/governance/index';
import { threadHosting } from '../../../src/worker/shard-threads';

const PROVINCE = {
  population: { residents: 12000, counties: 4, townsPerCounty: 2, villagesPerTown: 3, gridsPerVillage: 4 },
  grievances: { ratePerResidentYear: 0.1 },
  survey: { intervalDays: 20, sampleSize: 300 },
  accountability: { enabled: true, discretionaryShare: 0.3 },
  output: { caseLog: true },
};

function fingerprint(m: ProvinceModel): string {
  const h = createHash('sha256');
  const s = m.series();
  for (const n of s.names) h.update(new Uint8Array(s.column(n).buffer));
  h.update(JSON.stringify(m.summary()));
  const log = m.caseLog();
  for (let r = 0; r < log.rows; r++) for (let c = 0; c < log.columns.length; c++) h.update(String(log.value(r, c)));
  return h.digest('hex');
}

describe('a province on worker threads', () => {
  it('gives the same bytes on 1, 2, 3 and 4 threads (series, summary, case log, snapshot)', () => {
    const prints: string[] = [];
    const snaps: string[] = [];
    for (const threads of [1, 2, 3, 4]) {
      const m = new ProvinceModel(params(PROVINCE), 9, threadHosting(threads));
      try {
        m.step(70);
        prints.push(fingerprint(m));
        snaps.push(createHash('sha256').update(JSON.stringify(m.snapshot(), (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v))).digest('hex'));
      } finally {
        m.dispose();
      }
    }
    expect(new Set(prints).size).toBe(1);
    expect(new Set(snaps).size).toBe(1);
  }, 120_000);

  it('restores on threads a snapshot taken in one thread', () => {
    const one = new ProvinceModel(params(PROVINCE), 2);
    one.step(30);
    const snap = one.snapshot();
    one.step(30);
    const two = new ProvinceModel(params(PROVINCE), 2, threadHosting(2));
    try {
      two.restore(snap);
      two.step(30);
      expect(fingerprint(two)).toBe(fingerprint(one));
    } finally {
      two.dispose();
    }
  }, 60_000);

  it('reports an error raised in a thread, naming its shards', () => {
    const g = threadHosting(2).spawn({ model: 'epstein', params: {}, seed: 1, from: 2, to: 4 });
    try {
      expect(() => g.take()).toThrow(/shard thread for shards 2\.\.3: .*epstein.* does not run in shards/);
    } finally {
      g.close();
    }
  }, 60_000);

  it('answers every group after one fails, so the next command finds each in step', () => {
    const m = new ProvinceModel(params(PROVINCE), 1, threadHosting(2));
    try {
      expect(() => m.restore({ model: 'governance', time: 0, state: { province: {}, counties: [{}, {}, {}, {}] } })).toThrow(/snapshot is of model undefined/);
      m.step(5);
      expect(m.time).toBe(5);
    } finally {
      m.dispose();
    }
  }, 60_000);
});
