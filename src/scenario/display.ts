/**
 * Echoing what a user typed or a file holds back in a message, safely: control characters (ESC, BEL,
 * CR, NUL, DEL, the C1 range with its CSI) and invisible format characters (bidi overrides, zero
 * widths) are shown as \u001b and the like, so a key or a name cannot move the cursor, recolour or
 * rewrite the terminal; and long strings are cut to a readable length with an ellipsis, so a 10 MB key
 * gives a one-line message.
 */

/** Longest echo, in characters, before the ellipsis. */
export const ECHO_MAX = 80;

// C0 controls, DEL, C1 controls, soft hyphen, and the zero-width / bidi / line-separator format characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's purpose
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `s` with unsafe characters escaped and cut to `max` characters (plus an ellipsis and the full length). */
export function escapeEcho(s: string, max = ECHO_MAX): string {
  // Cut first, on the raw text (so a huge string is never copied whole and no escape is cut in half).
  const cut = s.length > max;
  const head = (cut ? s.slice(0, max) : s).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return cut ? `${head}… (${s.length.toLocaleString('en')} characters)` : head;
}

/** A user string in quotes, escaped and cut: for values, keys and names in messages. */
export function quoteEcho(s: string, max = ECHO_MAX): string {
  return `"${escapeEcho(s, max).replace(/"/g, '\\"')}"`;
}
