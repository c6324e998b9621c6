/**
 * How many steps one frame of Play or Run to end asks the workers for.
 *
 * Play takes the steps per frame the user chose. Run to end starts at the fastest Play (the largest
 * choice on offer), so it is never slower than Play, and doubles its chunk while a frame (the round
 * trip to the workers plus drawing) stays under the frame budget: a fixed cost per round trip (the
 * frame's arrays, the series, the drawing; ~57 ms measured on a 2-core machine) is then paid once per
 * thousands of steps instead of once per step. A frame far over budget halves the chunk, never below
 * the start, so Pause still answers within a few frames.
 */

/** A frame of Run to end may take this long before the chunk stops growing (ms). */
export const FRAME_BUDGET_MS = 100;
/** Far over budget: twice the budget. */
export const OVER_BUDGET_FACTOR = 2;
/** No single request steps more than this (one round trip of a very fast model). */
export const MAX_CHUNK = 1 << 20;

/** The steps a frame of Play asks for: the chosen speed, at least 1, never past the end. */
export function playChunk(speed: number, left: number): number {
  const n = Number.isFinite(speed) && speed >= 1 ? Math.floor(speed) : 1;
  return Math.max(0, Math.min(n, left));
}

/**
 * The next chunk of Run to end after a frame of `chunk` steps took `frameMs`; `floor` is the fastest
 * Play's steps per frame.
 */
export function nextChunk(chunk: number, frameMs: number, floor: number, budgetMs = FRAME_BUDGET_MS): number {
  const start = Math.max(1, Math.floor(floor));
  const c = Math.max(start, Math.floor(chunk));
  if (frameMs < budgetMs) return Math.min(MAX_CHUNK, c * 2);
  if (frameMs > budgetMs * OVER_BUDGET_FACTOR) return Math.max(start, Math.floor(c / 2));
  return c;
}
