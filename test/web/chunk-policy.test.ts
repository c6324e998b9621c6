/** How many steps a frame asks for (web/chunk-policy.ts): Run to end is never slower than Play. */
import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_MS, MAX_CHUNK, nextChunk, playChunk } from '../../web/chunk-policy';

describe('the chunk policy', () => {
  it('plays the chosen steps per frame, at least 1, never past the end', () => {
    expect(playChunk(50, 1000)).toBe(50);
    expect(playChunk(50, 7)).toBe(7);
    expect(playChunk(0, 10)).toBe(1);
    expect(playChunk(Number.NaN, 10)).toBe(1);
    expect(playChunk(2.7, 10)).toBe(2);
    expect(playChunk(5, 0)).toBe(0);
  });

  it('doubles while a frame is under budget, even when a round trip has a large fixed cost', () => {
    // The measured case of issue 12: ~57 ms a round trip whatever the chunk; the old rule (n x 40 / ms) never grew.
    let chunk = 50;
    const seen = [chunk];
    for (let i = 0; i < 5; i++) {
      chunk = nextChunk(chunk, 57, 50);
      seen.push(chunk);
    }
    expect(seen).toEqual([50, 100, 200, 400, 800, 1600]);
  });

  it('keeps the chunk within budget, halves it far over budget, never below the fastest Play', () => {
    expect(nextChunk(800, FRAME_BUDGET_MS * 1.5, 50)).toBe(800);
    expect(nextChunk(800, FRAME_BUDGET_MS * 3, 50)).toBe(400);
    expect(nextChunk(60, FRAME_BUDGET_MS * 10, 50)).toBe(50);
    expect(nextChunk(1, FRAME_BUDGET_MS * 10, 50)).toBe(50);
    expect(nextChunk(10, 1, 0)).toBe(20);
  });

  it('stops growing at the largest chunk', () => {
    expect(nextChunk(MAX_CHUNK, 1, 50)).toBe(MAX_CHUNK);
    expect(nextChunk(MAX_CHUNK - 1, 1, 50)).toBe(MAX_CHUNK);
  });

  it('reaches the default 1,095-day run in a few frames from the fastest Play', () => {
    let chunk = 50;
    let t = 0;
    let frames = 0;
    while (t < 1095) {
      t += Math.min(chunk, 1095 - t);
      chunk = nextChunk(chunk, 60, 50);
      frames++;
    }
    expect(frames).toBeLessThanOrEqual(5);
  });
});
