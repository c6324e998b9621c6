/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC: Toni, Welch, Strelkowa, Ipsen &
 * Stumpf 2009, J. R. Soc. Interface 6; the importance weights and kernel of Beaumont, Cornuet, Marin &
 * Robert 2009, Biometrika 96, "ABC population Monte Carlo").
 *
 *   Generation 0: N particles drawn from the prior, each simulated; all with a finite distance are kept,
 *     with equal weights (tolerance infinite).
 *   Generation t = 1, 2, ...: tolerance eps_t = the alpha-quantile (default the median) of the previous
 *     population's distances, weighted (adaptive schedule: Del Moral, Doucet & Jasra 2012; Drovandi &
 *     Pettitt 2011), never below the final tolerance. Proposals: a particle theta_j of the previous
 *     population drawn by its weight, moved by the Gaussian kernel K (covariance twice the previous
 *     weighted covariance, kernel.ts); one outside the prior's support is discarded unsimulated and drawn
 *     again. A proposal is simulated and accepted when its distance is <= eps_t, until N are accepted.
 *     Weights w_i ∝ prior(theta_i) / sum_j W_j K(theta_i | theta_j), normalised.
 *   Stops after the generation whose tolerance reaches the final one, after `generations` generations
 *   past generation 0, when the tolerance stops falling, or when the simulation budget runs out within a
 *   generation (that generation is dropped: the posterior is the last complete population).
 *
 * Proposals are simulated in batches (the batch size depends only on the run so far, never on the number
 * of workers) and accepted in proposal order; proposals in a batch after the N-th acceptance are
 * simulated but not used. Every draw comes from one seeded stream in a fixed order, so the same inputs
 * give the same populations.
 */
import { Stream } from '../../sim/core/random';
import { mahalanobis2, perturb, populationKernel, type Kernel } from './kernel';
import { inSupport, priorDensity, priorWidths, samplePrior, tidy } from './prior';
import type { Factor } from '../sensitivity/types';
import { effectiveSampleSize, normalise, weightedQuantile } from './weighted';

/**
 * Simulate a batch: for each parameter vector its summary statistics (one per target, in order), or
 * null when the simulation failed. `firstId` numbers the batch's first simulation (0, 1, ... over the
 * whole calibration), so a simulator can give each its own seeds.
 */
export type Simulate = (thetas: readonly number[][], firstId: number) => Promise<(number[] | null)[]>;

export interface AbcOptions {
  factors: readonly Factor[];
  simulate: Simulate;
  /** Distance of a simulation's statistics to the targets; Infinity for a failed one. */
  distance: (stats: readonly number[]) => number;
  /** N, the population size. */
  particles: number;
  /** Generations after generation 0 (the prior sample). */
  generations: number;
  /** Final tolerance: stop after the generation that reaches it (0: run every generation). */
  finalEpsilon: number;
  /** Most simulations (particle evaluations, over all generations); Infinity for no limit. */
  maxSimulations: number;
  /** The quantile of the previous distances that sets the next tolerance (0 < alpha < 1). */
  alpha: number;
  sampleSeed: number;
  /** Called as each generation is complete (progress and logging). */
  onGeneration?: (g: Generation) => void;
}

export interface Generation {
  index: number;
  /** Tolerance of the generation (Infinity for generation 0). */
  epsilon: number;
  /** Simulations run in it (surplus of its last batch included). */
  simulations: number;
  /** Proposals accepted among them (including any surplus), over simulations. */
  acceptanceRate: number;
  /** Proposals drawn outside the prior's support and discarded unsimulated. */
  outsideSupport: number;
  ess: number;
}

export interface Population {
  /** N parameter vectors, each in the order of `factors`. */
  thetas: number[][];
  weights: number[];
  distances: number[];
  /** Summary statistics of each particle's accepted simulation. */
  stats: number[][];
}

export interface AbcResult {
  population: Population;
  generations: Generation[];
  simulations: number;
  stopReason: string;
}

interface Candidate {
  theta: number[];
  stats: number[] | null;
  distance: number;
}

export async function abcSmc(o: AbcOptions): Promise<AbcResult> {
  if (!(Number.isInteger(o.particles) && o.particles >= 2)) throw new Error(`ABC-SMC needs at least 2 particles, got ${o.particles}`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new Error(`the tolerance quantile must be between 0 and 1, got ${o.alpha}`);
  const stream = new Stream(`govsim/calibrate/${o.sampleSeed}`);
  const widths = priorWidths(o.factors);
  const n = o.particles;
  let simulations = 0;
  const generations: Generation[] = [];

  /**
   * Propose, simulate and keep the first N accepted in proposal order; undefined when the budget ends
   * first. `propose` returns a vector inside the support and the number of draws it discarded.
   */
  const fill = async (epsilon: number, propose: () => { theta: number[]; discarded: number }, expectedRate: number) => {
    const accepted: Candidate[] = [];
    let simulated = 0;
    let acceptedAll = 0;
    let outside = 0;
    while (accepted.length < n) {
      const need = n - accepted.length;
      const rate = simulated > 0 && acceptedAll > 0 ? acceptedAll / simulated : expectedRate;
      const left = o.maxSimulations - simulations;
      const size = Math.min(left, Math.max(need, Math.min(4 * n, Math.ceil(need / Math.max(rate, 0.05)))));
      if (size <= 0) return undefined;
      const thetas: number[][] = [];
      for (let i = 0; i < size; i++) {
        const p = propose();
        outside += p.discarded;
        thetas.push(p.theta);
      }
      const results = await o.simulate(thetas, simulations);
      if (results.every((r) => r === null)) throw new Error(`every simulation of a batch of ${size} failed`);
      simulations += size;
      simulated += size;
      results.forEach((stats, i) => {
        const distance = stats ? o.distance(stats) : Infinity;
        if (Number.isFinite(distance) && distance <= epsilon) {
          acceptedAll++;
          if (accepted.length < n) accepted.push({ theta: thetas[i], stats, distance });
        }
      });
    }
    return { accepted, simulated, acceptanceRate: acceptedAll / simulated, outside };
  };

  // Generation 0: the prior.
  const first = await fill(Infinity, () => ({ theta: samplePrior(o.factors, stream), discarded: 0 }), 1);
  if (!first) throw new Error(`the budget of ${o.maxSimulations} simulations ends before generation 0 has ${n} particles with a finite distance`);
  let population: Population = {
    thetas: first.accepted.map((c) => c.theta),
    weights: first.accepted.map(() => 1 / n),
    distances: first.accepted.map((c) => c.distance),
    stats: first.accepted.map((c) => c.stats!),
  };
  let epsilon = Infinity;
  let lastRate = first.acceptanceRate;
  const record = (index: number, eps: number, simulated: number, rate: number, outside: number) => {
    const g: Generation = { index, epsilon: eps, simulations: simulated, acceptanceRate: rate, outsideSupport: outside, ess: effectiveSampleSize(population.weights) };
    generations.push(g);
    o.onGeneration?.(g);
  };
  record(0, Infinity, first.simulated, first.acceptanceRate, 0);

  let stopReason = `ran all ${o.generations} generations`;
  for (let t = 1; t <= o.generations; t++) {
    const next = Math.max(o.finalEpsilon, weightedQuantile(population.distances, population.weights, o.alpha));
    if (!(next < epsilon)) {
      stopReason = `the tolerance stopped falling at generation ${t} (the ${o.alpha}-quantile of the distances is ${next}, the last tolerance ${epsilon})`;
      break;
    }
    const prev = population;
    const kernel = populationKernel(prev.thetas, prev.weights, widths);
    const cumulative = cumulate(prev.weights);
    const propose = () => {
      let discarded = 0;
      for (;;) {
        const j = pick(cumulative, stream.next());
        const theta = perturb(kernel, prev.thetas[j], stream).map(tidy);
        if (inSupport(o.factors, theta)) return { theta, discarded };
        discarded++;
        if (discarded > 1_000_000) throw new Error('ABC-SMC: a million perturbed particles in a row fell outside the prior support');
      }
    };
    const filled = await fill(next, propose, lastRate);
    if (!filled) {
      stopReason = `the budget of ${o.maxSimulations} simulations ran out in generation ${t} (dropped; the posterior is generation ${t - 1})`;
      break;
    }
    epsilon = next;
    population = {
      thetas: filled.accepted.map((c) => c.theta),
      weights: importanceWeights(o.factors, filled.accepted.map((c) => c.theta), prev, kernel),
      distances: filled.accepted.map((c) => c.distance),
      stats: filled.accepted.map((c) => c.stats!),
    };
    lastRate = filled.acceptanceRate;
    record(t, epsilon, filled.simulated, filled.acceptanceRate, filled.outside);
    if (epsilon <= o.finalEpsilon) {
      stopReason = `reached the final tolerance ${o.finalEpsilon} at generation ${t}`;
      break;
    }
  }
  return { population, generations, simulations, stopReason };
}

/**
 * w_i ∝ prior(theta_i) / sum_j W_j K(theta_i | theta_j), computed in logarithms (shifted by the
 * nearest previous particle's term) so that a narrow kernel does not underflow, then normalised.
 */
export function importanceWeights(factors: readonly Factor[], thetas: readonly number[][], prev: Population, kernel: Kernel): number[] {
  const logs = thetas.map((theta) => {
    const q = prev.thetas.map((c) => mahalanobis2(kernel, theta, c));
    const qMin = Math.min(...q);
    let s = 0;
    q.forEach((qj, j) => {
      s += prev.weights[j] * Math.exp(-0.5 * (qj - qMin));
    });
    return Math.log(priorDensity(factors, theta)) + 0.5 * qMin - Math.log(s);
  });
  const top = Math.max(...logs);
  return normalise(logs.map((l) => Math.exp(l - top)));
}

function cumulate(weights: readonly number[]): number[] {
  let c = 0;
  return weights.map((w) => (c += w));
}

/** Index drawn by weight: the first whose cumulative weight exceeds u (times the total). */
function pick(cumulative: readonly number[], u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
