/**
 * Reading scenario JSON (files, dropped files, `--set` values) with limits JSON.parse does not have:
 *   - size: a text over MAX_JSON_BYTES is refused before anything is built from it;
 *   - depth: nesting over MAX_JSON_DEPTH is refused by a scanner that keeps its own stack, so no deep
 *     value ever reaches the recursion of JSON.stringify, structuredClone or zod;
 *   - duplicate keys: JSON.parse keeps the last silently, so `{"steps": 10, "steps": 1e6}` would run
 *     what the reader of the file did not see first; refused with the key's path;
 *   - numbers out of double range (`1e400`): JSON.parse makes them Infinity, which later reads as
 *     "null is not allowed"; named as such with their path;
 *   - a UTF-8 byte order mark at the start is stripped (editors on Windows write one).
 * Problems are ScenarioErrors naming the source; echoed keys are escaped and cut (display.ts).
 */
import { escapeEcho } from './display';
import { ScenarioError } from './error';

export const MAX_JSON_BYTES = 10 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;
/** Problems listed before "and more" (a file with a million duplicate keys gives a short message). */
const MAX_PROBLEMS = 20;

/** Parse scenario JSON text with the limits above; throws a ScenarioError naming every problem. */
export function readJsonText(text: string, source: string): unknown {
  if (text.length > MAX_JSON_BYTES) throw new ScenarioError(source, [tooLarge(text.length)]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(body);
  if (scan.depthAt !== undefined) {
    throw new ScenarioError(source, [`${scan.depthAt}: nested more than ${MAX_JSON_DEPTH} levels deep; a scenario needs at most a few`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new ScenarioError(source, [`not valid JSON: ${escapeEcho((e as Error).message, 200)}`]);
  }
  if (scan.problems.length) {
    const more = scan.problems.length > MAX_PROBLEMS ? [`... and ${scan.problems.length - MAX_PROBLEMS} more`] : [];
    throw new ScenarioError(source, [...scan.problems.slice(0, MAX_PROBLEMS), ...more]);
  }
  return value;
}

export function tooLarge(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes is too large for a scenario; allowed: at most ${MAX_JSON_BYTES.toLocaleString('en')} bytes (10 MB)`;
}

interface Frame {
  kind: 'object' | 'array';
  /** Path of this container, e.g. params.mediation. */
  path: string;
  keys?: Set<string>;
  /** Key (object) or index (array) of the value being read. */
  at: string;
  index: number;
  /** Object: the next string is a key. */
  expectKey: boolean;
}

/**
 * One pass over the text without recursion. Stops at the first syntax it does not understand and
 * leaves the message to JSON.parse. Returns the path where nesting first exceeds the limit, if it does,
 * and the duplicate keys and out-of-range numbers found.
 */
export function scanJson(text: string): { depthAt?: string; problems: string[] } {
  const problems: string[] = [];
  const stack: Frame[] = [];
  const here = (): string => {
    const f = stack[stack.length - 1];
    if (!f) return '(top level)';
    return f.path ? `${f.path}.${f.at}` : f.at;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace, commas and colons: structure the parser checks; only keys and indices matter here
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3a) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 0x2c) {
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.at = String(++top.index);
      i++;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_JSON_DEPTH) return { depthAt: here(), problems };
      const path = stack.length ? here() : '';
      stack.push(c === 0x7b ? { kind: 'object', path, keys: new Set(), at: '', index: 0, expectKey: true } : { kind: 'array', path, at: '0', index: 0, expectKey: false });
      i++;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      stack.pop();
      i++;
      continue;
    }
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      if (top?.kind === 'object' && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          break;
        }
        top.expectKey = false;
        top.at = escapeEcho(key);
        if (top.keys!.has(key)) problems.push(`${here()}: this key appears twice in one object; JSON keeps only the last, so say it once`);
        else top.keys!.add(key);
      }
      i = end;
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n && /[0-9eE.+-]/.test(text[j])) j++;
      const token = text.slice(i, j);
      const v = Number(token);
      if (!Number.isFinite(v) && !Number.isNaN(v)) {
        problems.push(`${here()}: ${escapeEcho(token, 40)} is out of range: a number must be within ±1.7976931348623157e308 (a double)`);
      }
      i = j;
      continue;
    }
    // true, false, null (or something the parser will name)
    if (c === 0x74 || c === 0x66 || c === 0x6e) {
      while (i < n && /[a-z]/.test(text[i])) i++;
      continue;
    }
    break;
  }
  return { problems };
}

/** Index just past the closing quote of the string starting at `start`, or -1 if it never closes. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return -1;
}
