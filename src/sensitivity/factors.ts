/**
 * The parameters a sensitivity analysis varies (its factors) and how a point of the unit hypercube
 * becomes their values. By default every numeric parameter of one kind (`society`: what a government
 * does not choose), each uniform over the schema's documented plausible range (`range`), or over its
 * validity limits when it documents none; a priors file (priors.ts) can give another range or a
 * distribution. Booleans and enums have no range to sample and are left out (the CLI says which).
 *
 * u -> value: uniform min + u (max - min); loguniform exp(ln min + u (ln max - ln min)); triangular by
 * its inverse CDF; normal mean + sd Φ⁻¹(u), u kept inside [0.001, 0.999] (Morris's grid reaches u = 0
 * and 1) and the value clipped to the schema's limits. Integers are rounded. Values keep 12 significant
 * digits, so runs.csv shows 0.3 rather than 0.30000000000000004.
 */
import { BatchInputError } from '../batch/errors';
import { globRegExp, leverName, leversOf, type LeverKind, type LeverSpec } from '../scenario/levers';
import { nearest } from '../scenario/nearest';
import type { Factor } from './types';

export interface Selection {
  /** Numeric parameters chosen. */
  specs: LeverSpec[];
  /** Matching parameters left out because they are booleans or enums. */
  skipped: string[];
}

/**
 * The numeric parameters of `model` that match any of `globs` (every one when none) and are of `kind`
 * ('all': any kind). A glob that matches nothing, or a selection with no numeric parameter, is refused.
 */
export function selectParameters(model: string, globs: readonly string[], kind: LeverKind | 'all'): Selection {
  const all = leversOf(model).filter((s) => s.kind !== 'output');
  const res = globs.map(globRegExp);
  globs.forEach((g, i) => {
    if (!all.some((s) => res[i].test(leverName(s)))) {
      const hint = nearest(g.replace(/^params\./, ''), all.map(leverName));
      throw new BatchInputError(
        `--params ${JSON.stringify(g)}: matches no parameter of the ${model} model${hint ? `; did you mean ${hint}?` : ''}; allowed: globs on parameter paths without "params.", e.g. population.* or economy.inequality`,
      );
    }
  });
  const chosen = all.filter((s) => (!globs.length || res.some((r) => r.test(leverName(s)))) && (kind === 'all' || s.kind === kind));
  const numeric = chosen.filter((s) => s.type === 'number' || s.type === 'integer');
  if (!numeric.length) {
    throw new BatchInputError(
      `--kind ${kind}${globs.length ? ` with --params ${globs.join(',')}` : ''}: no numeric parameter is selected (${chosen.length} selected, none a number); allowed kinds: society, policy or all`,
    );
  }
  return { specs: numeric, skipped: chosen.filter((s) => !numeric.includes(s)).map(leverName) };
}

/** A parameter's default factor: uniform over the plausible range, else the validity limits. */
export function defaultFactor(spec: LeverSpec): Factor {
  const type = spec.type as Factor['type'];
  if (spec.range) return { path: spec.path, type, dist: 'uniform', min: spec.range[0], max: spec.range[1], from: 'range' };
  if (spec.min !== undefined && spec.max !== undefined && Number.isFinite(spec.min) && Number.isFinite(spec.max)) {
    return { path: spec.path, type, dist: 'uniform', min: spec.min, max: spec.max, from: 'schema' };
  }
  throw new BatchInputError(
    `${leverName(spec)}: the schema gives it no range to sample; give one in a --priors file, e.g. {"${leverName(spec)}": {"min": 0, "max": 1}}, or leave it out with --params`,
  );
}

/** Lower and upper limits a value of `spec` may take (the schema's validity range). */
export function limitsOf(spec: LeverSpec): [number, number] {
  return [spec.min ?? -Infinity, spec.max ?? Infinity];
}

const U_NORMAL = [0.001, 0.999] as const;

/** The value of factor `f` at unit coordinate `u` in [0, 1]. */
export function factorValue(f: Factor, u: number): number {
  const t = Math.min(1, Math.max(0, u));
  let x: number;
  switch (f.dist) {
    case 'uniform':
      x = f.min + t * (f.max - f.min);
      break;
    case 'loguniform':
      x = Math.exp(Math.log(f.min) + t * (Math.log(f.max) - Math.log(f.min)));
      break;
    case 'triangular': {
      const { min: a, max: b } = f;
      const c = f.mode!;
      const fc = (c - a) / (b - a);
      x = t < fc ? a + Math.sqrt(t * (b - a) * (c - a)) : b - Math.sqrt((1 - t) * (b - a) * (b - c));
      break;
    }
    case 'normal':
      x = f.mean! + f.sd! * normalQuantile(Math.min(U_NORMAL[1], Math.max(U_NORMAL[0], t)));
      break;
  }
  x = Math.min(f.max, Math.max(f.min, x));
  if (f.type === 'integer') x = Math.min(Math.floor(f.max), Math.max(Math.ceil(f.min), Math.round(x)));
  return Number(x.toPrecision(12));
}

/**
 * Φ⁻¹(p), the standard normal quantile: Acklam's rational approximation (relative error below 1.2e-9),
 * plenty for turning a design coordinate into a value.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** A factor as short text: `uniform 0.05..0.4 (range)`. */
export function describeFactor(f: Factor): string {
  const body =
    f.dist === 'normal' ? `normal(${f.mean}, ${f.sd}) in ${f.min}..${f.max}` : f.dist === 'triangular' ? `triangular ${f.min}..${f.mode}..${f.max}` : `${f.dist} ${f.min}..${f.max}`;
  return `${body} (${f.from})`;
}
