/**
 * The files of a sensitivity analysis: sensitivity.csv (one row per metric x parameter), sensitivity.json
 * (the design, then per metric its variance, seed noise and per parameter its indices with 95%
 * intervals) and sensitivity.svg (plot.ts). Built only from the plan and the run records, so a resumed,
 * sharded-and-merged or re-run analysis writes the same bytes. Numbers that do not exist (the indices
 * of a metric that never varies) are empty in the CSV and null in the JSON.
 */
import { tableCsv } from '../output/csv';
import { formatSeeds } from '../batch/seeds';
import { ENGINE_VERSION } from '../version';
import type { MetricResult, SensitivityResult } from './analyse';
import { sensitivitySvg } from './plot';

export const MORRIS_COLUMNS = ['metric', 'parameter', 'mu', 'muStar', 'muStarLo', 'muStarHi', 'sigma', 'effects', 'eeNoise', 'variance', 'seedNoiseShare'] as const;
export const SOBOL_COLUMNS = ['metric', 'parameter', 'S1', 'S1Lo', 'S1Hi', 'ST', 'STLo', 'STHi', 'rows', 'variance', 'seedNoiseShare'] as const;

const fin = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);

function rowsOf(r: SensitivityResult, m: MetricResult): Record<string, unknown>[] {
  return r.parameters.map((parameter, i) => {
    const base = { metric: m.metric, parameter, variance: fin(m.variance), seedNoiseShare: fin(m.seedNoiseShare) };
    if (r.design.method === 'morris') {
      const ix = m.morris?.[i];
      return {
        ...base,
        mu: fin(ix?.mu),
        muStar: fin(ix?.muStar),
        muStarLo: fin(ix?.muStarCi[0]),
        muStarHi: fin(ix?.muStarCi[1]),
        sigma: fin(ix?.sigma),
        effects: ix?.effects ?? 0,
        eeNoise: fin(m.eeNoise),
      };
    }
    const ix = m.sobol?.[i];
    return { ...base, S1: fin(ix?.s1), S1Lo: fin(ix?.s1Ci[0]), S1Hi: fin(ix?.s1Ci[1]), ST: fin(ix?.st), STLo: fin(ix?.stCi[0]), STHi: fin(ix?.stCi[1]), rows: ix?.rows ?? 0 };
  });
}

export interface ReportHead {
  scenario: string;
  name: string;
  model: string;
  scenarioHash: string;
  command: string[];
  /** Metrics drawn in the SVG. */
  plotted: string[];
}

export function sensitivityFiles(r: SensitivityResult, head: ReportHead): Record<string, string> {
  const rows = r.metrics.flatMap((m) => rowsOf(r, m));
  const csv = tableCsv(r.design.method === 'morris' ? MORRIS_COLUMNS : SOBOL_COLUMNS, rows);
  const d = r.design;
  const report = {
    engine: 'govsim',
    engineVersion: ENGINE_VERSION,
    ...head,
    method: d.method,
    ...(d.method === 'sobol'
      ? { n: d.n, estimators: { S1: 'Saltelli et al. 2010', ST: 'Jansen 1999' }, sampling: 'Saltelli (A, B, AB_i) on a digitally shifted Sobol sequence' }
      : { r: d.r, levels: d.levels, delta: d.levels! / (2 * (d.levels! - 1)), sampling: 'Morris trajectories (not Campolongo-optimised)' }),
    intervals: '95% percentile bootstrap',
    sampleSeed: d.sampleSeed,
    seeds: formatSeeds(r.seeds),
    seedCount: r.seeds.length,
    points: r.runs / r.seeds.length,
    runs: r.runs,
    failedRuns: r.failedRuns,
    parameters: d.factors.map((f, i) => ({ name: r.parameters[i], ...f })),
    metrics: Object.fromEntries(
      r.metrics.map((m) => [
        m.metric,
        {
          points: m.points,
          variance: fin(m.variance),
          seedNoiseVariance: fin(m.seedNoiseVariance),
          seedNoiseShare: fin(m.seedNoiseShare),
          ...(d.method === 'morris' ? { eeNoise: fin(m.eeNoise) } : {}),
          indices: Object.fromEntries(
            rowsOf(r, m).map((row) => {
              const { metric: _m, parameter, variance: _v, seedNoiseShare: _s, eeNoise: _e, ...rest } = row;
              return [parameter as string, rest];
            }),
          ),
        },
      ]),
    ),
  };
  return {
    'sensitivity.csv': csv,
    'sensitivity.json': JSON.stringify(report, null, 2) + '\n',
    'sensitivity.svg': sensitivitySvg(r, head.plotted, head.name),
  };
}
