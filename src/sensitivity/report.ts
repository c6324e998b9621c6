/**
 * The end of a sensitivity analysis, shared by `govsim sensitivity` and `govsim merge`: the indices of
 * the chosen metrics from a finished plan's runs, the files, and a short printed summary. Which metrics
 * are analysed does not define the runs, so it is not in plan.json; merge reads `--metrics` back from the
 * recorded command line.
 */
import type { Plan } from '../batch/design';
import { BatchInputError } from '../batch/errors';
import type { RunRecord } from '../batch/record';
import { nearest } from '../scenario/nearest';
import { analyseSensitivity, ranked, scalarMetricNames, type MetricResult, type SensitivityResult } from './analyse';
import { sensitivityFiles } from './files';

/** The outputs plotted by default when the model has them: MODEL.md's headline outcomes. */
export const HEADLINE_METRICS = ['resolutionRate', 'resolvedAtVillageOrBelowShare', 'petitionsPer10k', 'massIncidentsPerMillionYear', 'satisfaction', 'meanLegitimacy'];
const MAX_PLOTTED = 6;

/** `--metrics a,b` as recorded in a plan's command line, or undefined. */
export function metricsFromCommand(command: readonly string[]): string[] | undefined {
  const i = command.indexOf('--metrics');
  return i >= 0 && i + 1 < command.length ? splitList(command[i + 1]) : undefined;
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface Finished {
  result: SensitivityResult;
  files: Record<string, string>;
  summary: string;
}

export function finishSensitivity(plan: Plan, records: readonly RunRecord[], metrics: readonly string[] | undefined, opts: { resamples?: number } = {}): Finished {
  const available = scalarMetricNames(records);
  for (const m of metrics ?? []) {
    if (!available.includes(m)) {
      const hint = nearest(m, available);
      throw new BatchInputError(`--metrics ${JSON.stringify(m)}: not a summary metric of these runs${hint ? `; did you mean ${hint}?` : ''}; allowed: ${available.join(', ')}`);
    }
  }
  const result = analyseSensitivity(plan, records, { metrics: metrics ?? available, resamples: opts.resamples });
  const varying = result.metrics.filter((m) => m.variance > 0).map((m) => m.metric);
  const plotted = (metrics?.length ? metrics : HEADLINE_METRICS.filter((m) => varying.includes(m))).slice(0, MAX_PLOTTED);
  if (!plotted.length) plotted.push(...varying.slice(0, 4));
  const s = plan.scenarios[0];
  const files = sensitivityFiles(result, { scenario: s.ref, name: s.name, model: s.model, scenarioHash: s.scenarioHash, command: plan.command, plotted });
  return { result, files, summary: summaryText(result, plotted) };
}

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : '-');

function topLine(r: SensitivityResult, m: MetricResult, top: number): string {
  return ranked(m)
    .slice(0, top)
    .map((p) => {
      if (m.morris) {
        const i = m.morris[p];
        return `${r.parameters[p]} ${fmt(i.muStar)} [${fmt(i.muStarCi[0])}, ${fmt(i.muStarCi[1])}]`;
      }
      const i = m.sobol![p];
      return `${r.parameters[p]} ST ${fmt(i.st)} [${fmt(i.stCi[0])}, ${fmt(i.stCi[1])}] S1 ${fmt(i.s1)}`;
    })
    .join(', ');
}

/** Per plotted metric: its seed-noise share and its most important parameters. */
export function summaryText(r: SensitivityResult, plotted: readonly string[], top = 5): string {
  const lines = [r.design.method === 'morris' ? 'top parameters by mu* [95% CI]:' : 'top parameters by ST [95% CI]:'];
  for (const name of plotted) {
    const m = r.metrics.find((x) => x.metric === name);
    if (!m) continue;
    if (!(m.variance > 0)) {
      lines.push(`  ${name}: does not vary over the design`);
      continue;
    }
    const noise = `seed noise ${fmt(100 * m.seedNoiseShare)}% of variance${m.eeNoise !== undefined ? `, EE noise ${fmt(m.eeNoise)}` : ''}`;
    lines.push(`  ${name} (${noise}): ${topLine(r, m, top)}`);
  }
  return lines.join('\n');
}
