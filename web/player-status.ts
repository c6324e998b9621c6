/**
 * The status line under the player's buttons for each of its events, in the page's language: explore
 * (one run) and compare (its panes) say the same things in their own words.
 */
import { type MessageKey, t } from './i18n';
import type { PlayerEvent } from './player';

/** The message keys of a view's status line. */
export interface StatusWords {
  playing: MessageKey;
  runningTo: MessageKey;
  paused: MessageKey;
  step: MessageKey;
  computing: MessageKey;
  finished: MessageKey;
}

/** Explore's words: one run. */
export const EXPLORE_STATUS: StatusWords = {
  playing: 'explore.playing',
  runningTo: 'explore.runningTo',
  paused: 'explore.paused',
  step: 'explore.step',
  computing: 'explore.computingHash',
  finished: 'explore.finished',
};

/** Compare's words: every pane at once. */
export const COMPARE_STATUS: StatusWords = {
  playing: 'compare.playing',
  runningTo: 'compare.runningTo',
  paused: 'compare.paused',
  step: 'compare.step',
  computing: 'compare.computingHashes',
  finished: 'compare.finished',
};

/** The status line for event `e` at `time` of a run ending at `endStep`; undefined where the view says it itself. */
export function statusLine(e: PlayerEvent, time: number, endStep: number, words: StatusWords): string | undefined {
  switch (e.kind) {
    case 'playing':
      return t(words.playing);
    case 'running':
      return t(words.runningTo, { step: endStep });
    case 'paused':
      return t(words.paused, { step: time });
    case 'stepped':
      return t(words.step, { step: time });
    case 'computing':
      return t(words.computing);
    case 'finished':
      return t(words.finished, { step: time });
    default:
      return undefined;
  }
}
