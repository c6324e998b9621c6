/**
 * A fast generator for the two per-agent-per-step streams (activation order and moves), seeded from a
 * named kernel stream.
 *
 * Why: a step draws ~6 numbers per agent (one for the shuffle, ~4.5 probes for a move). The kernel's
 * Alea costs ~6 ns a draw here, a third of the 100 ns per agent-step budget; xoshiro128** (Blackman &
 * Vigna 2018, 32-bit integer ops, period 2^128 - 1) costs ~1.5 ns. Its seed is four 32-bit words drawn
 * from the kernel stream of the same name, so the draws still derive from (seed, stream name) alone and
 * adding a process elsewhere never shifts them. Its state is four integers, carried in snapshots.
 */
import type { Stream } from '../core/random';

const TWO_POW_M32 = 2.3283064365386963e-10;

export class FastRandom {
  /** The state words. Hot loops may hold them in locals and write them back (see xoshiroStep). */
  readonly s = new Int32Array(4);

  constructor(seedFrom: Stream) {
    const s = this.s;
    for (let i = 0; i < 4; i++) s[i] = Math.floor(seedFrom.next() * 4294967296) | 0;
    // The all-zero state is the generator's one fixed point.
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  next32(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  /** A float in [0, 1) with 32 random bits. */
  next(): number {
    return this.next32() * TWO_POW_M32;
  }

  /**
   * An integer in [0, n), n <= 2^32: floor(n x bits / 2^32). Like floor(n x u) with the kernel's 32-bit
   * floats, some values are (at most n / 2^32) likelier than others, negligible for the sizes here.
   */
  below(n: number): number {
    return Math.floor(this.next32() * n * TWO_POW_M32);
  }

  /** Fisher-Yates shuffle of a[from, to). */
  shuffle(a: Int32Array, from: number, to: number): void {
    for (let i = to - 1; i > from; i--) {
      const j = from + this.below(i - from + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  state(): number[] {
    return Array.from(this.s);
  }

  setState(state: readonly number[]): void {
    for (let i = 0; i < 4; i++) this.s[i] = state[i] | 0;
  }
}
