/**
 * A scripted random stream for unit tests: the draws a step makes are given, in order, so a test can
 * put a draw just below or just above a probability and assert exact outcomes. Calls past the script
 * throw, so a mechanism that draws more (or fewer, checked with `left`) than its rule says is caught.
 */
import type { Stream } from '../../../sim/core/random';

export interface Scripted extends Stream {
  /** Draws not yet used. */
  left(): number;
  /** Means passed to poisson(), in order (when poisson is scripted by `counts`). */
  lambdas: number[];
}

/** A stream whose next() returns `draws` in order; poisson() returns `counts` in order when given. */
export function scripted(draws: number[], counts?: number[]): Scripted {
  let k = 0;
  let m = 0;
  const lambdas: number[] = [];
  const next = (): number => {
    if (k >= draws.length) throw new Error(`scripted stream: draw ${k + 1} asked, ${draws.length} scripted`);
    return draws[k++];
  };
  const s = {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    exponential: (rate: number) => -Math.log(1 - next()) / rate,
    normal: () => next(),
    poisson: (lambda: number) => {
      lambdas.push(lambda);
      if (!counts) throw new Error('scripted stream: poisson() not scripted');
      if (m >= counts.length) throw new Error(`scripted stream: poisson ${m + 1} asked, ${counts.length} scripted`);
      return counts[m++];
    },
    left: () => draws.length - k,
    lambdas,
  };
  return s as unknown as Scripted;
}
