/**
 * Seed noise: the spread of a metric over seeds, and whether a difference between two policies run on
 * the same seeds (paired, common random numbers) is larger than seed noise (its 95% confidence interval
 * excludes zero). Pure functions.
 */

export function spread(values: readonly (number | undefined)[]): { mean: number; min: number; max: number } | undefined {
  const v = values.filter((x): x is number => x !== undefined && Number.isFinite(x));
  if (!v.length) return undefined;
  return { mean: v.reduce((s, x) => s + x, 0) / v.length, min: Math.min(...v), max: Math.max(...v) };
}

/** Student t quantile (0.975) for small degrees of freedom, then the normal value. */
function t975(df: number): number {
  const table = [NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086];
  return df < table.length ? table[df] : 1.96 + 2.5 / df;
}

export function pairedDifference(
  a: readonly (number | undefined)[],
  b: readonly (number | undefined)[],
): { mean: number; lo: number; hi: number; beyondNoise: boolean } | undefined {
  const d: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) d.push(y - x);
  }
  if (d.length < 2) return undefined;
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
  const half = (t975(d.length - 1) * sd) / Math.sqrt(d.length);
  return { mean, lo: mean - half, hi: mean + half, beyondNoise: mean - half > 0 || mean + half < 0 };
}
