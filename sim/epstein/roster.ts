/**
 * The roster: every agent on the lattice as one entry of three 32-bit words, [cell << 3 | code,
 * hardship, risk aversion] (traits as Float32 bits; a cop's are 0), kept in this step's activation
 * order. The entry, not the cell, is the agent: its traits and state live here and move with it when
 * the list is shuffled, so a move writes nothing but the two cells' codes.
 *
 * Why a roster (bench/epstein.ts): at 1000 x 1000 the agents are activated in random order over a
 * lattice far larger than the core's caches, and each activation paid for memory it only needed to
 * carry traits around: reading its own cell's code before anything else could start, writing its
 * traits into the new cell of an 8 MB per-cell array, and a sweep over every cell to list the agents
 * again each step. The entry is read in sequence and already holds the code and the traits.
 *
 * Codes are those of sim/epstein/lattice.ts (QUIET, ACTIVE, COP); code 0 (EMPTY) marks an entry whose
 * agent was arrested before its turn or has been matched to its arrest (EpsteinModel.jailArrestees);
 * the next shuffle drops it.
 *
 * The shuffle (Rao 1961, Sandelius 1962): each entry draws a uniformly random bucket label, the
 * entries are scattered by label into a second buffer (stable, so each bucket's part of it is written
 * in sequence), and each bucket is shuffled by Fisher-Yates. The labels are independent and uniform and
 * each bucket's shuffle is uniform, so the whole permutation is uniform, as one Fisher-Yates over all
 * entries would give; but every pass now works on memory in sequence or on one bucket of ~4,000 entries
 * (~48 KB, within the core's cache) instead of swapping with random places in a 9 MB list. With the
 * citizens-then-cops order, cops take labels K..2K-1, so the scatter puts all citizens first.
 */
import { COP } from './lattice';

/** 2^-32, as in sim/epstein/fast-random.ts. */
const TWO_POW_M32 = 2.3283064365386963e-10;
/**
 * Entries per bucket the shuffle aims at (a power of two; see the header): ~48 KB of entries, so a
 * bucket's Fisher-Yates works in the nearest caches.
 */
const BUCKET_TARGET = 4096;
/** Up to this many entries (~400 KB) the whole roster is one bucket, shuffled in place without a scatter. */
const ONE_BUCKET = 32768;
/** Most buckets per class (labels must fit a Uint16Array with both classes). */
const MAX_BUCKETS = 1024;

/** The label of an entry the shuffle drops. */
const SKIP = 0xffff;

/** Words per entry. */
export const WORDS = 3;

export class Roster {
  /** The entries, WORDS words each; `floats` is the same memory, for the traits. */
  words: Int32Array;
  floats: Float32Array;
  /** The shuffle's second buffer; the two swap roles each shuffle. */
  private spare: Int32Array;
  private labels: Uint16Array;
  private readonly counts = new Int32Array(2 * MAX_BUCKETS + 1);
  /** Entries in use. */
  n = 0;

  /**
   * `sizes` (for tests): entries per bucket aimed at, and the most entries shuffled as one bucket;
   * both default to the constants above.
   */
  constructor(
    capacity: number,
    private readonly sizes = { bucketTarget: BUCKET_TARGET, oneBucket: ONE_BUCKET },
  ) {
    this.words = new Int32Array(WORDS * Math.max(capacity, 1));
    this.floats = new Float32Array(this.words.buffer);
    this.spare = new Int32Array(this.words.length);
    this.labels = new Uint16Array(Math.max(capacity, 1));
  }

  /** Append an agent (at the end: the next shuffle places it). */
  add(cell: number, code: number, hardship: number, riskAversion: number): void {
    if (WORDS * (this.n + 1) > this.words.length) this.grow();
    const e = WORDS * this.n++;
    this.words[e] = (cell << 3) | code;
    this.floats[e + 1] = hardship;
    this.floats[e + 2] = riskAversion;
  }

  /** Drop the entries `drop` says to (given each entry's cell and code), keeping the others' order. */
  remove(drop: (cell: number, code: number) => boolean): void {
    const w = this.words;
    let kept = 0;
    for (let i = 0; i < this.n; i++) {
      const e = WORDS * i;
      if (drop(w[e] >>> 3, w[e] & 7)) continue;
      const f = WORDS * kept++;
      w[f] = w[e];
      w[f + 1] = w[e + 1];
      w[f + 2] = w[e + 2];
    }
    this.n = kept;
  }

  /**
   * Shuffle the entries into a uniformly random order, drawing from the xoshiro128** state `st`
   * (sim/epstein/fast-random.ts, inlined), and drop those marked EMPTY. With `mixed` false, citizens
   * come first, then cops, each group uniformly shuffled. Returns the number of citizens first (n when
   * mixed).
   */
  shuffle(st: Int32Array, mixed: boolean): number {
    const n = this.n;
    const src = this.words;
    const labels = this.labels;
    const counts = this.counts;
    // K = 2^bits buckets per class: about BUCKET_TARGET entries each.
    let bits = 0;
    const { bucketTarget, oneBucket } = this.sizes;
    if (n > oneBucket) while (bucketTarget << bits < n && 1 << bits < MAX_BUCKETS) bits++;
    const K = 1 << bits;
    const classes = mixed ? 1 : 2;
    if (classes * K === 1) {
      // One bucket: the list fits the cache, so drop the EMPTY entries and shuffle in place.
      const kept = dropEmpty(src, n);
      this.n = kept;
      fisherYates(src, 0, kept, st);
      return kept;
    }
    const dst = this.spare;
    drawLabels(src, n, labels, counts, bits, mixed, st);
    // counts[b] becomes the start of bucket b (and, once the scatter is done, its end).
    for (let b = 1; b <= classes * K; b++) counts[b] += counts[b - 1];
    const live = counts[classes * K];
    const citizens = mixed ? live : counts[K];
    scatter(src, n, labels, counts, dst);
    let start = 0;
    for (let b = 0; b < classes * K; b++) {
      fisherYates(dst, start, counts[b], st);
      start = counts[b];
    }
    this.spare = src;
    this.words = dst;
    this.floats = new Float32Array(dst.buffer);
    this.n = live;
    return citizens;
  }

  /** A copy of the entries in use. */
  snapshot(): Int32Array {
    return this.words.slice(0, WORDS * this.n);
  }

  restore(words: Int32Array): void {
    this.n = words.length / WORDS;
    while (this.words.length < words.length) this.grow();
    this.words.set(words);
  }

  byteLength(): number {
    return this.words.byteLength + this.spare.byteLength + this.labels.byteLength + this.counts.byteLength;
  }

  private grow(): void {
    const capacity = Math.max(16, Math.ceil((this.words.length / WORDS) * 1.5));
    const words = new Int32Array(WORDS * capacity);
    words.set(this.words.subarray(0, WORDS * this.n));
    this.words = words;
    this.floats = new Float32Array(words.buffer);
    this.spare = new Int32Array(words.length);
    this.labels = new Uint16Array(capacity);
  }
}

/**
 * The shuffle's first pass: a uniformly random label in [0, 2^bits) per entry (plus 2^bits for a cop
 * when not `mixed`), SKIP for an EMPTY entry, and counts[label + 1] of each. Each pass of the shuffle
 * is a function of its own: one function with several long loops was compiled on stack replacement
 * loop by loop and thrown away each time it reached a loop not yet run (measured: 3x slower).
 */
function drawLabels(
  src: Int32Array,
  n: number,
  labels: Uint16Array,
  counts: Int32Array,
  bits: number,
  mixed: boolean,
  st: Int32Array,
): void {
  const K = 1 << bits;
  counts.fill(0, 0, (mixed ? 1 : 2) * K + 1);
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  for (let i = 0; i < n; i++) {
    const code = src[WORDS * i] & 7;
    if (code === 0) {
      labels[i] = SKIP;
      continue;
    }
    let label = 0;
    if (bits > 0) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const sh = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= sh;
      s3 = (s3 << 11) | (s3 >>> 21);
      label = r >>> (32 - bits);
    }
    if (!mixed && code === COP) label += K;
    labels[i] = label;
    counts[label + 1]++;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
}

/** Drop the EMPTY entries of w[0, n) in place, keeping the order; returns how many are left. */
function dropEmpty(w: Int32Array, n: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const e = WORDS * i;
    if ((w[e] & 7) === 0) continue;
    if (kept !== i) copyEntry(w, e, w, WORDS * kept);
    kept++;
  }
  return kept;
}

/** The second pass: each labelled entry to the next place of its bucket (counts[label], advanced). */
function scatter(src: Int32Array, n: number, labels: Uint16Array, counts: Int32Array, dst: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label !== SKIP) copyEntry(src, WORDS * i, dst, WORDS * counts[label]++);
  }
}

function copyEntry(from: Int32Array, e: number, to: Int32Array, f: number): void {
  to[f] = from[e];
  to[f + 1] = from[e + 1];
  to[f + 2] = from[e + 2];
}

/**
 * Fisher-Yates over entries [from, to) of `w`, from the end down, drawing from the xoshiro128** state
 * `st` (held in locals, written back). While fewer than 2^16 entries are left, each 32-bit draw gives
 * two 16-bit halves, and a half v picks (v len) >>> 16, exactly uniform after rejecting the
 * (65536 mod len) lowest products (Lemire 2019), which is computed only when the product's low half
 * is below len (one time in 16 for a bucket of ~4,096); above 2^16, j = FastRandom.below(len).
 */
function fisherYates(w: Int32Array, from: number, to: number, st: Int32Array): void {
  let s0 = st[0];
  let s1 = st[1];
  let s2 = st[2];
  let s3 = st[3];
  let spare = -1;
  for (let i = to - 1; i > from; ) {
    const len = i - from + 1;
    let half = spare;
    let r = 0;
    if (half < 0 || len >= 65536) {
      const m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      const sh = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= sh;
      s3 = (s3 << 11) | (s3 >>> 21);
      half = r & 0xffff;
      spare = r >>> 16;
    } else spare = -1;
    let j: number;
    if (len < 65536) {
      const product = half * len;
      const low = product & 0xffff;
      if (low < len && low < 65536 % len) continue;
      j = from + (product >>> 16);
    } else {
      spare = -1;
      j = from + Math.floor((r >>> 0) * len * TWO_POW_M32);
    }
    const e = WORDS * i;
    const f = WORDS * j;
    const a0 = w[e];
    const a1 = w[e + 1];
    const a2 = w[e + 2];
    w[e] = w[f];
    w[e + 1] = w[f + 1];
    w[e + 2] = w[f + 2];
    w[f] = a0;
    w[f + 1] = a1;
    w[f + 2] = a2;
    i--;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
}
