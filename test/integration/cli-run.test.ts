import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govsim, scenarioFile, tempDir } from '../helpers/cli';

const small = { model: 'epstein', name: 'small', steps: 60, params: { width: 20, height: 20 } };

function runTo(args: string[]): { dir: string; files: Record<string, string> } {
  const dir = tempDir();
  const r = govsim(['run', ...args, '--out', dir]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const files: Record<string, string> = {};
  for (const f of ['timeseries.csv', 'summary.json', 'manifest.json']) files[f] = readFileSync(join(dir, f), 'utf8');
  return { dir, files };
}

describe('govsim run', () => {
  const file = scenarioFile(small);

  it('writes the time series, summary and manifest', () => {
    const { files } = runTo([file, '--seed', '3']);
    const lines = files['timeseries.csv'].trim().split('\n');
    expect(lines[0].startsWith('step,quiet,active,jailed')).toBe(true);
    expect(lines).toHaveLength(61);
    const summary = JSON.parse(files['summary.json']);
    for (const k of ['meanActiveFraction', 'meanJailed', 'peakActive', 'outbursts']) expect(typeof summary.metrics[k]).toBe('number');
    const manifest = JSON.parse(files['manifest.json']);
    expect(manifest).toMatchObject({ engine: 'govsim', seed: 3, steps: 60, model: 'epstein' });
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.outputHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives byte-identical outputs for the same seed, and different ones for another seed', () => {
    const a = runTo([file, '--seed', '5']).files;
    const b = runTo([file, '--seed', '5']).files;
    const c = runTo([file, '--seed', '6']).files;
    expect(b).toEqual(a);
    expect(c['timeseries.csv']).not.toEqual(a['timeseries.csv']);
  });

  it('applies --steps and --set, and the scenario hash follows the effective scenario', () => {
    const a = runTo([file, '--steps', '10']).files;
    const b = runTo([file, '--steps', '10', '--set', 'params.legitimacy=0.5']).files;
    expect(a['timeseries.csv'].trim().split('\n')).toHaveLength(11);
    expect(JSON.parse(b['manifest.json']).scenarioHash).not.toBe(JSON.parse(a['manifest.json']).scenarioHash);
  });

  it('runs a preset by name', () => {
    const { files } = runTo(['epstein-2002-run1', '--steps', '5']);
    expect(JSON.parse(files['manifest.json']).steps).toBe(5);
  });
});

describe('govsim on bad input', () => {
  const file = scenarioFile(small);
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['run', file, '--sead', '1'], /unknown flag --sead; did you mean --seed\?/],
    ['a bad seed', ['run', file, '--seed', 'abc'], /--seed: "abc" is not allowed; allowed: a whole number from 0 to 4294967295/],
    ['zero steps', ['run', file, '--steps', '0'], /--steps: "0" is not allowed/],
    ['an unknown --set path', ['run', file, '--set', 'params.legitimcy=0.5'], /did you mean params\.legitimacy\?/],
    ['a bad --set value', ['run', file, '--set', 'params.legitimacy=2'], /params\.legitimacy: 2 is too large; allowed: a number at most 1/],
    ['a missing file', ['run', 'no/such/file.json'], /no such file, and no preset of that name/],
    ['a misspelt preset', ['run', 'epstein-2002-rn1'], /did you mean epstein-2002-run1\?/],
    ['an unknown command', ['rnu'], /unknown command "rnu"; did you mean run\?/],
    ['a missing argument', ['run'], /missing arguments; usage: govsim run/],
    ['more days than the governance model holds', ['run', 'social-governance', '--steps', '70000'], /steps: 70000 is too large; allowed: at most 65,535 for the governance model/],
    [
      'a lattice over --max-memory',
      ['run', file, '--set', 'params.width=10000', '--set', 'params.height=10000', '--max-memory', '1GB'],
      /needs memory ~ \d\.\d GB, more than the limit of 1 GB \(--max-memory 1GB; .*params\.width x params\.height = 10,000 x 10,000 = 100,000,000 cells/,
    ],
    [
      'more grids than the model can number (not "Invalid typed array length")',
      ['run', 'social-governance', '--set', 'params.population.counties=1000', '--set', 'params.population.townsPerCounty=200', '--set', 'params.population.villagesPerTown=500', '--set', 'params.population.gridsPerVillage=200', '--max-memory', '100TB'],
      /too large: params\.population\.counties x townsPerCounty x villagesPerTown x gridsPerVillage = 1,000 x 200 x 500 x 200 = 20,000,000,000 grids/,
    ],
    ['a bad --max-memory', ['run', file, '--max-memory', '4gigs'], /--max-memory: "4gigs" is not a size; allowed: bytes, or a number with KB, MB, GB or TB/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits non-zero with a one-line reason for ${what}`, () => {
      const r = govsim(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('never writes a partial output directory for a refused run', () => {
    const dir = join(tempDir(), 'out');
    govsim(['run', file, '--set', 'params.width=-1', '--out', dir]);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('govsim check', () => {
  it('prints every problem of a bad scenario and exits 1', () => {
    const bad = scenarioFile({ model: 'epstein', name: 'bad', params: { width: 0, ratioRule: 'ceil', citizenDensty: 1 } });
    const r = govsim(['check', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('params.width: 0 is too small');
    expect(r.stderr).toContain('params.ratioRule: "ceil" is not allowed');
    expect(r.stderr).toContain('did you mean "citizenDensity"');
  });

  it('accepts every preset', () => {
    const r = govsim(['check', ...['epstein-2002-run1', 'epstein-netlogo', 'epstein-mesa']]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints what a scenario will need: memory, work and its time, output', () => {
    const r = govsim(['check', 'social-governance']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/memory ~ [\d.]+ MB, work ~ 8\.1e7 resident-days \(.* on one core\), output ~ \d+ KB \(mostly citizens: params\.population\.residents = 74,000\)/);
  });

  it('refuses what run refuses, with the same message, and accepts it under a larger --max-memory', () => {
    const huge = scenarioFile({ model: 'epstein', name: 'huge', params: { width: 10000, height: 10000 } });
    const c = govsim(['check', huge, '--max-memory', '2GB']);
    const r = govsim(['run', huge, '--max-memory', '2GB', '--out', join(tempDir(), 'out')]);
    expect(c.status).toBe(1);
    expect(r.status).toBe(2);
    const problem = c.stderr.split('\n')[1].trim();
    expect(problem).toMatch(/^needs memory ~ .*params\.width x params\.height = 10,000 x 10,000/);
    expect(r.stderr).toBe(`govsim: ${huge}: ${problem}\n`);
    expect(govsim(['check', huge, '--max-memory', '64GB']).status).toBe(0);
  });
});

describe('govsim batch, sweep and compare under a memory limit', () => {
  it('count one run per worker, and refuse a sweep point before anything runs', () => {
    const out = join(tempDir(), 'b');
    const b = govsim(['batch', 'epstein-2002-run1', '--seeds', '1..4', '--workers', '2', '--max-memory', '500KB', '--out', out]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/x 2 runs at once \(--workers 2\), more than the limit of 500 KB/);
    expect(existsSync(out)).toBe(false);
    const s = govsim(['sweep', 'social-governance', '--grid', 'params.population.residents=1000,50000000', '--seeds', '1', '--workers', '1', '--max-memory', '1GB', '--out', out]);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/^govsim: social-governance at params\.population\.residents=50000000: needs memory ~ /);
    expect(existsSync(out)).toBe(false);
  });
});

describe('govsim run --cases', () => {
  it('writes one row per case event, hashed in the manifest', () => {
    const dir = tempDir();
    const r = govsim(['run', 'social-governance', '--steps', '30', '--cases', '--out', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = readFileSync(join(dir, 'cases.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('caseId,day,event,channel,level,type,parties,size');
    expect(lines.length).toBeGreaterThan(10);
    const events = new Set(lines.slice(1).map((l) => l.split(',')[2]));
    expect(events.has('opened')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toContain('cases.csv');
  });

  it('is refused for a model without a case log', () => {
    const r = govsim(['run', scenarioFile(small), '--cases']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--cases: the epstein model keeps no case log/);
  });
});
