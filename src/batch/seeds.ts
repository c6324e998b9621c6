/**
 * Seed lists: `1..100` (inclusive), `1,5,9`, `3`, or a mix (`1..10,20,30..32`). Seeds are the random
 * seeds of runs, so each must be a whole number in 0..2^32-1, and each may appear once: a repeated seed
 * would silently double-count one run in the statistics.
 */
import { BatchInputError } from './errors';

export const MAX_SEED = 2 ** 32 - 1;
/** A guard against typos such as 1..1000000000, which would otherwise try to allocate the whole list. */
export const MAX_SEEDS = 10_000_000;

export function parseSeeds(text: string, flag = '--seeds'): number[] {
  const bad = (why: string) => new BatchInputError(`${flag} ${JSON.stringify(text)}: ${why}; allowed: a..b, a,b,c or a mix, e.g. 1..100 or 1,5,9`);
  if (text.trim() === '') throw bad('no seeds given');
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') throw bad('empty item');
    const dots = item.indexOf('..');
    if (dots >= 0) {
      const a = seedNumber(item.slice(0, dots), bad);
      const b = seedNumber(item.slice(dots + 2), bad);
      if (a > b) throw bad(`the range runs backwards (${a} > ${b}); write ${b}..${a}`);
      if (seeds.length + (b - a + 1) > MAX_SEEDS) throw bad(`more than ${MAX_SEEDS} seeds`);
      for (let s = a; s <= b; s++) seeds.push(s);
    } else {
      seeds.push(seedNumber(item, bad));
    }
  }
  const seen = new Set<number>();
  for (const s of seeds) {
    if (seen.has(s)) throw bad(`seed ${s} is listed twice`);
    seen.add(s);
  }
  return seeds;
}

function seedNumber(s: string, bad: (why: string) => Error): number {
  const t = s.trim();
  if (!/^\d+$/.test(t)) throw bad(`${JSON.stringify(t)} is not a whole number${/^-\d+$/.test(t) ? ' (seeds are not negative)' : ''}`);
  const n = Number(t);
  if (n > MAX_SEED) throw bad(`${t} is out of range 0..${MAX_SEED}`);
  return n;
}

/** The shortest `a..b,c` text of a seed list (for manifests and messages). */
export function formatSeeds(seeds: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seeds.length; ) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j] + 1) j++;
    parts.push(j === i ? String(seeds[i]) : j === i + 1 ? `${seeds[i]},${seeds[j]}` : `${seeds[i]}..${seeds[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The largest bare count `--seeds N` (seeds 1..N) accepted where a count is allowed. */
export const MAX_SEED_COUNT = 100_000;

/**
 * `--seeds` where a bare count is also allowed (validate, effects): `20` means seeds 1..20, anything else
 * is a seed list as parseSeeds reads it (`31..60`, `1,5,9`, `1..10,20..25`), so held-out seeds can be
 * chosen. At least `min` seeds, since an interval needs two.
 */
export function parseSeedCountOrList(text: string, flag = '--seeds', min = 2): number[] {
  let seeds: number[];
  if (/^\s*\d+\s*$/.test(text)) {
    const n = Number(text);
    if (n > MAX_SEED_COUNT) throw new BatchInputError(`${flag} ${JSON.stringify(text)} is too many; allowed: a count from ${min} to ${MAX_SEED_COUNT}, or a list such as 1..20`);
    seeds = Array.from({ length: n }, (_, i) => i + 1);
  } else {
    seeds = parseSeeds(text, flag);
  }
  if (seeds.length < min) {
    throw new BatchInputError(
      `${flag} ${JSON.stringify(text)}: ${seeds.length} seed${seeds.length === 1 ? '' : 's'}; allowed: at least ${min} seeds (a count such as 20, or a list such as 1..20), since an interval needs two`,
    );
  }
  return seeds;
}
