/**
 * `govsim validate --lhs D | --posterior FILE`: the validation suite at the preset's values and at every
 * draw of society (draws.ts), and per check the share of draws in which it PASSes (FAILs, is
 * INCONCLUSIVE), the share in which its point estimate meets the claim, and the median and 5-95% range of
 * its effect (checks.ts `effect`).
 *
 * The draws apply to every experiment of the governance model (every preset, ablation and halving of
 * staff gets the same society values at a draw, so each contrast is between policies on one society);
 * the Epstein experiments (another model, with no society parameters) run once and are shared by every
 * draw. All runs of all draws go to one worker pool together. At each draw the suite is judged as
 * `govsim validate` judges it (Holm's correction over that draw's checks); `--seeds` are the seeds of
 * each draw, so fewer seeds per draw leave more verdicts INCONCLUSIVE, which the shares show.
 */
import { tableCsv } from '../output/csv';
import type { Verdict } from '../validate/checks';
import type { Pattern } from '../validate/patterns';
import { experimentsFor } from '../validate/patterns';
import { judge, type PatternVerdict } from '../validate/report';
import { type Experiment, type Results, runExperiments } from '../validate/runner';
import { readScenarioRaw } from '../scenario/files';
import { type Draw, type DrawSet, PRESET_DRAW, drawAssignments, drawsRecord } from './draws';
import { alignRows, distribution, type DistributionSummary, num, pct, weightedShare } from './summary';

/** The model whose society the draws describe: every regime preset is a governance scenario. */
export const VALIDATE_MODEL = 'governance';

/** Experiments with the user's --set (governance model only) and --steps (where an experiment sets none). */
export function withRunOptions(experiments: readonly Experiment[], sets: readonly string[], steps: number | undefined): Experiment[] {
  return experiments.map((e) => (isDrawModel(e) ? { ...e, sets: [...sets, ...(e.sets ?? [])], steps: e.steps ?? steps } : e));
}

function isDrawModel(e: Experiment): boolean {
  return (readScenarioRaw(e.scenario).raw as { model?: unknown }).model === VALIDATE_MODEL;
}

export interface CheckAcrossDraws {
  pattern: number;
  title: string;
  role: 'calibration' | 'validation';
  check: string;
  criterion: string;
  effectName: string;
  /** At the preset's values. */
  preset: { verdict: Verdict; effect: number; holds: boolean } | null;
  draws: number;
  shares: { pass: number; fail: number; inconclusive: number; estimateHolds: number };
  effect: DistributionSummary;
  /** Per draw, in draw order: the verdict (FAIL when its pattern could not be evaluated) and the effect. */
  perDraw: { draw: number; weight: number; verdict: Verdict; effect: number; holds: boolean }[];
}

export interface ValidationAcrossDraws {
  checks: CheckAcrossDraws[];
  /** Patterns that could not be evaluated at some draw, with the reason. */
  errors: { draw: number; pattern: number; error: string }[];
}

/** Run the suite at the preset and at every draw, jointly in one pool, and judge each draw. */
export async function validateAcrossDraws(
  patterns: readonly Pattern[],
  draws: DrawSet,
  seeds: readonly number[],
  opts: { workers: number; quiet?: boolean; sets?: readonly string[]; steps?: number },
): Promise<{ preset: PatternVerdict[]; perDraw: PatternVerdict[][] }> {
  const base = experimentsFor(patterns);
  const all: Experiment[] = [];
  const points = [PRESET_DRAW, ...draws.draws];
  const key = (e: Experiment, d: Draw) => (isDrawModel(e) ? `draw ${d.index}/${e.key}` : `shared/${e.key}`);
  for (const e of base) {
    if (!isDrawModel(e)) {
      all.push({ ...e, key: key(e, PRESET_DRAW) });
      continue;
    }
    // The user's --set, then the draw's society values, then the experiment's own (policy) settings;
    // the draws leave out every path --set fixes, so the order never decides a value.
    for (const d of points) all.push({ ...e, key: key(e, d), sets: [...(opts.sets ?? []), ...drawAssignments(d), ...(e.sets ?? [])], steps: e.steps ?? opts.steps });
  }
  const results = await runExperiments(all, seeds, opts);
  const judged = points.map((d) => {
    const r: Results = new Map(base.map((e) => [e.key, results.get(key(e, d))!]));
    return judge(patterns, (p) => p.evaluate(r));
  });
  return { preset: judged[0], perDraw: judged.slice(1) };
}

/** Per check: shares over the draws and the distribution of its effect. */
export function summariseValidation(draws: DrawSet, preset: PatternVerdict[], perDraw: PatternVerdict[][]): ValidationAcrossDraws {
  const id = (pattern: number, check: string) => `${pattern}\u0000${check}`;
  const checks = new Map<string, CheckAcrossDraws>();
  const errors: ValidationAcrossDraws['errors'] = [];
  const note = (v: PatternVerdict, c: PatternVerdict['checks'][number]) => {
    const k = id(v.id, c.check);
    if (!checks.has(k)) {
      checks.set(k, {
        pattern: v.id,
        title: v.title,
        role: c.role ?? 'validation',
        check: c.check,
        criterion: c.criterion,
        effectName: c.effect?.name ?? '',
        preset: null,
        draws: draws.draws.length,
        shares: { pass: NaN, fail: NaN, inconclusive: NaN, estimateHolds: NaN },
        effect: { n: 0, median: NaN, p5: NaN, p95: NaN },
        perDraw: [],
      });
    }
    return checks.get(k)!;
  };
  for (const v of preset) for (const c of v.checks) note(v, c).preset = { verdict: c.verdict, effect: c.effect?.value ?? NaN, holds: c.effect?.holds ?? false };
  perDraw.forEach((verdicts, i) => {
    for (const v of verdicts) {
      if (v.error !== undefined) errors.push({ draw: draws.draws[i].index, pattern: v.id, error: v.error });
      for (const c of v.checks) note(v, c);
    }
  });
  for (const entry of checks.values()) {
    entry.perDraw = perDraw.map((verdicts, i) => {
      const d = draws.draws[i];
      const c = verdicts.find((v) => v.id === entry.pattern)?.checks.find((x) => x.check === entry.check);
      return { draw: d.index, weight: d.weight, verdict: c?.verdict ?? 'FAIL', effect: c?.effect?.value ?? NaN, holds: c?.effect?.holds ?? false };
    });
    const w = entry.perDraw.map((p) => p.weight);
    const share = (v: Verdict) => weightedShare(entry.perDraw.map((p) => p.verdict === v), w);
    entry.shares = { pass: share('PASS'), fail: share('FAIL'), inconclusive: share('INCONCLUSIVE'), estimateHolds: weightedShare(entry.perDraw.map((p) => p.holds), w) };
    entry.effect = distribution(entry.perDraw.map((p) => p.effect), w);
  }
  const list = [...checks.values()];
  return { checks: [...list.filter((c) => c.role === 'calibration'), ...list.filter((c) => c.role === 'validation')], errors };
}

/** MODEL.md section 9: a validation target must hold in at least this share of the draws. */
export const REQUIRED_SHARE = 0.9;

/** The files and the terminal table. */
export function validationAcrossOutputs(
  summary: ValidationAcrossDraws,
  draws: DrawSet,
  meta: Record<string, unknown>,
): { files: Record<string, string>; table: string } {
  const rows = summary.checks.map((c) => ({
    role: c.role,
    pattern: c.pattern,
    check: c.check,
    draws: c.draws,
    pass_share: c.shares.pass,
    fail_share: c.shares.fail,
    inconclusive_share: c.shares.inconclusive,
    estimate_holds_share: c.shares.estimateHolds,
    effect: c.effectName,
    effect_median: c.effect.median,
    effect_p5: c.effect.p5,
    effect_p95: c.effect.p95,
    preset_verdict: c.preset?.verdict ?? '',
    preset_effect: c.preset?.effect ?? NaN,
  }));
  const columns = Object.keys(rows[0] ?? { role: 0 });
  const json = { ...meta, draws: drawsRecord(draws), requiredShare: REQUIRED_SHARE, checks: summary.checks, errors: summary.errors };
  return {
    files: {
      'validation-draws.csv': tableCsv(columns, rows),
      'validation-draws.json': `${JSON.stringify(json, null, 2)}\n`,
      'draws.csv': drawsCsv(draws),
    },
    table: validationAcrossTable(summary, draws),
  };
}

/** One row per draw: its index, weight, posterior particle and values. */
export function drawsCsv(draws: DrawSet): string {
  const columns = ['draw', 'weight', ...(draws.method === 'posterior' ? ['particle'] : []), ...draws.paths];
  return tableCsv(
    columns,
    draws.draws.map((d) => ({ draw: d.index, weight: d.weight, particle: d.particle, ...d.values })),
  );
}

function validationAcrossTable(summary: ValidationAcrossDraws, draws: DrawSet): string {
  const head = ['pattern', 'check', 'preset', 'PASS', 'FAIL', 'INCONCL.', 'est. holds', 'effect median [5%, 95%]'];
  const part = (role: 'calibration' | 'validation') => {
    const mine = summary.checks.filter((c) => c.role === role);
    const body = mine.map((c) => [
      String(c.pattern),
      c.check.length > 70 ? `${c.check.slice(0, 67)}...` : c.check,
      c.preset?.verdict ?? '-',
      pct(c.shares.pass),
      pct(c.shares.fail),
      pct(c.shares.inconclusive),
      pct(c.shares.estimateHolds),
      `${num(c.effect.median)} [${num(c.effect.p5)}, ${num(c.effect.p95)}]`,
    ]);
    if (!mine.length) return ['(none among the patterns run)'];
    const held = mine.filter((c) => c.shares.pass >= REQUIRED_SHARE).length;
    return [...alignRows([head, ...body], 3), `${held} of ${mine.length} checks PASS in at least ${pct(REQUIRED_SHARE)} of the draws`];
  };
  const errors = summary.errors.length
    ? ['', `patterns that could not be evaluated (counted FAIL): ${summary.errors.map((e) => `draw ${e.draw} pattern ${e.pattern}: ${e.error}`).join('; ')}`]
    : [];
  return [
    `Across ${draws.draws.length} draws of society (${draws.method === 'lhs' ? 'Latin hypercube' : 'posterior'}); shares of draws${draws.draws.some((d) => d.weight !== 1) ? ', weighted' : ''}; preset = the verdict at the preset's values; est. holds = the point estimate meets the claim (no test); effect = the quantity the claim is about`,
    '',
    'Calibration targets (calibrated to: values were chosen to match these)',
    ...part('calibration'),
    '',
    'Validation targets (validated against: never used to choose a value)',
    ...part('validation'),
    ...errors,
  ].join('\n');
}
