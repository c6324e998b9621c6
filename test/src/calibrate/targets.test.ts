/** The targets file (named problems), the distance (scaled, bounds one-sided) and weighted quantiles. */
import { describe, expect, it } from 'vitest';
import { distance, scaledDeviations } from '../../../src/calibrate/distance';
import { statistics } from '../../../src/calibrate/simulator';
import { parseTargets, readTargets } from '../../../src/calibrate/targets';
import { effectiveSampleSize, weightedQuantile } from '../../../src/calibrate/weighted';

describe('calibration targets', () => {
  it('the shipped governance targets parse, hold only calibration targets, and name a source each', () => {
    const t = readTargets('scenarios/calibration/governance-targets.json');
    expect(t.targets.map((x) => x.metric)).toEqual([
      'mediatedPer1000Year',
      'claims',
      'disputes',
      'mediationSuccessRate',
      'resolvedAtVillageOrBelowShare',
      'reachedPetitionOrCountyShare',
      'satisfaction',
      'proposalsRejectedOrDelayed/proposalsAssessed',
    ]);
    for (const x of t.targets) expect(x.source.length).toBeGreaterThan(20);
    // Validation targets of MODEL.md section 9 (checked by govsim validate) must not be calibrated to.
    for (const v of ['massIncidents', 'petitionsPer10k', 'meanLegitimacy', 'repeatPetitionShare', 'legitimacyBadContact', 'resolutionRate']) {
      expect(t.targets.some((x) => x.metric.includes(v))).toBe(false);
    }
  });

  it('reports every problem at once, naming the entry and what is allowed', () => {
    expect(() => parseTargets({ targets: [{ metric: '1x', target: 'a', scale: -1, source: 's', extra: 1 }] }, 'f.json')).toThrow(
      /--targets f.json: 4 problems: targets.0.metric: must be a summary metric name.*targets.0.target: .*targets.0.scale: must be above 0.*Unrecognized key.*allowed: \{"targets"/,
    );
    expect(() => parseTargets({ targets: [] }, 'f.json')).toThrow(/targets: must hold at least one target/);
    const dup = { metric: 'claims', target: 1, scale: 1, source: 's' };
    expect(() => parseTargets({ targets: [dup, dup] }, 'f.json')).toThrow(/metric claims is targeted twice/);
  });

  it('distance: RMS of scaled deviations; a bound counts only its forbidden side; a non-number is infinitely far', () => {
    const targets = [
      { metric: 'a', target: 10, scale: 2, source: 's' },
      { metric: 'b', target: 0.9, scale: 0.05, side: 'above' as const, source: 's' },
      { metric: 'c', target: 0.05, scale: 0.01, side: 'below' as const, source: 's' },
    ];
    expect(scaledDeviations(targets, [14, 0.95, 0.03])).toEqual([2, 0, 0]);
    expect(scaledDeviations(targets, [10, 0.8, 0.07]).map((x) => Number(x.toFixed(9)))).toEqual([0, 2, 2]);
    expect(distance(targets, [14, 0.8, 0.07])).toBeCloseTo(2, 9);
    expect(distance(targets, [Number.NaN, 0.9, 0.05])).toBe(Infinity);
  });

  it('statistics: the mean over runs; a ratio target is the ratio of the means', () => {
    const runs = [
      { claims: 600, proposalsRejectedOrDelayed: 1, proposalsAssessed: 10, utilisation: { grid: 0.4 } },
      { claims: 800, proposalsRejectedOrDelayed: 0, proposalsAssessed: 30, utilisation: { grid: 0.6 } },
    ];
    const t = (metric: string) => ({ metric, target: 0, scale: 1, source: 's' });
    expect(statistics([t('claims'), t('proposalsRejectedOrDelayed/proposalsAssessed'), t('utilisation.grid')], runs)).toEqual([700, 1 / 40, 0.5]);
  });

  it('weighted quantiles and the effective sample size', () => {
    expect(weightedQuantile([3, 1, 2], [1 / 3, 1 / 3, 1 / 3], 0.5)).toBe(2);
    expect(weightedQuantile([1, 2], [0.5, 0.5], 0.5)).toBe(1.5);
    // Midpoints on the cumulative scale: 1 at 0.05, 2 at 0.15, 3 at 0.6; the median interpolates between 2 and 3.
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.5)).toBeCloseTo(2 + 0.35 / 0.45, 12);
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0.95)).toBe(3);
    expect(weightedQuantile([1, 2, 3], [0.1, 0.1, 0.8], 0)).toBe(1);
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBe(4);
    expect(effectiveSampleSize([1, 0, 0])).toBe(1);
  });
});
