/** The player's status line (web/player-status.ts): each event in the view's own words, the step where it says one. */
import { describe, expect, it } from 'vitest';
import { COMPARE_STATUS, EXPLORE_STATUS, statusLine } from '../../web/player-status';

const words = EXPLORE_STATUS;

describe('the status line', () => {
  it('says each event with its step: the end step when running, the time otherwise', () => {
    expect(statusLine({ kind: 'running' }, 10, 1095, words)).toContain('1095');
    expect(statusLine({ kind: 'paused' }, 10, 1095, words)).toContain('10');
    expect(statusLine({ kind: 'paused' }, 10, 1095, words)).not.toContain('1095');
    expect(statusLine({ kind: 'finished', outputs: [] }, 1095, 1095, words)).toMatch(/1095/);
    for (const kind of ['playing', 'stepped', 'computing'] as const) expect(statusLine({ kind }, 3, 9, words)?.length).toBeGreaterThan(3);
  });

  it('words compare in its own keys (every pane at once)', () => {
    expect(statusLine({ kind: 'computing' }, 0, 9, COMPARE_STATUS)).not.toBe(statusLine({ kind: 'computing' }, 0, 9, EXPLORE_STATUS));
  });

  it('leaves failures and changes to the view, which words them itself', () => {
    expect(statusLine({ kind: 'failed', message: 'x', pane: 0 }, 0, 9, words)).toBeUndefined();
    expect(statusLine({ kind: 'changed' }, 0, 9, words)).toBeUndefined();
  });
});
