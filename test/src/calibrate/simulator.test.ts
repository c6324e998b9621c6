/** How particles become runs: their seeds (fresh per simulation, or common) and their --set assignments. */
import { describe, expect, it } from 'vitest';
import { calibrationFactors } from '../../../src/calibrate/parameters';
import { assignmentsOf, seedsFor } from '../../../src/calibrate/simulator';
import { parsePriors } from '../../../src/sensitivity/priors';
import { leversOf } from '../../../src/scenario/levers';

describe('calibration simulator inputs', () => {
  it('fresh seeds never repeat across simulations; common seeds are the same for all', () => {
    expect(seedsFor({ kind: 'fresh', count: 2 }, 0)).toEqual([1, 2]);
    expect(seedsFor({ kind: 'fresh', count: 2 }, 5)).toEqual([11, 12]);
    expect(seedsFor({ kind: 'common', seeds: [3, 4] }, 7)).toEqual([3, 4]);
  });

  it('sets values by path, rounding whole-number parameters', () => {
    const { factors } = calibrationFactors('governance', { globs: [], named: ['survey.base', 'legitimacy.neighbours'] });
    expect(assignmentsOf(factors, [0.8123, 2.6])).toEqual(['params.survey.base=0.8123', 'params.legitimacy.neighbours=3']);
  });

  it('priors: the schema range by default, a priors file where it says; sourced parameters noted', () => {
    const specs = leversOf('governance').filter((s) => s.type === 'number' || s.type === 'integer');
    const priors = parsePriors({ 'survey.base': { dist: 'normal', mean: 0.8, sd: 0.05 } }, specs, 'p.json');
    const { factors, notes } = calibrationFactors('governance', { globs: ['survey.base', 'grievances.claimProbability'], priors });
    expect(factors.map((f) => [f.path, f.dist, f.from])).toEqual([
      ['params.grievances.claimProbability', 'uniform', 'range'],
      ['params.survey.base', 'normal', 'priors'],
    ]);
    expect(notes).toEqual([expect.stringMatching(/^grievances.claimProbability has a source in the ODD \(Miller & Sarat/)]);
    expect(() => calibrationFactors('governance', { globs: [] })).toThrow(/no parameters to calibrate/);
  });
});
