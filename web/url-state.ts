/**
 * The page's address holds every run on screen, so a copied link reproduces it:
 *
 *   explore a preset   ?scenario=<preset>&seed=N&steps=N&set.<path>=<value>...
 *   explore a file     ?file=<file name>&data=<scenario>&seed=N&steps=N&set.<path>=<value>...
 *   compare 2 to 4     ?compare=<a>,<b>[,<c>,<d>]&seed=N&steps=N, and per pane (A, B, C, D):
 *                      A.set.<path>=<value>... for its lever changes; a pane that runs a file is
 *                      written `file` in the list, with A.file=<file name>&A.data=<scenario>
 *
 * set. assignments are `govsim run --set <path>=<value>`. <scenario> is the file's JSON compressed
 * with deflate-raw and written in base64url. An address that would be too long for a link keeps the
 * file's name without its data and says so (the caller shows it on screen). Reading a link gives the
 * runs to show plus messages for anything unusable in it.
 */
import { readJsonText } from '../src/scenario/json-text';
import { nearest } from '../src/scenario/nearest';
import { applyOverrides } from '../src/scenario/overrides';
import { parseScenario, ScenarioError } from '../src/scenario/parse';
import { fileNameOf, filePreset } from './file-preset';
import { PRESETS, DEFAULT_PRESET, findPreset, type Preset } from './presets';
import { SEED_RULE, STEPS_RULE, parseWholeNumber } from './whole-number';
import { listText, locale, t } from './i18n';

export interface RunRequest {
  preset: Preset;
  /** undefined: the preset's own seed. */
  seed?: number;
  /** undefined: the preset's own step count. */
  steps?: number;
  /** Lever changes, `params.x=v`, applied to the preset before it is parsed. */
  sets?: string[];
}

/** One pane of a comparison: what it runs and its own lever changes (seed and steps are shared). */
export interface PaneRequest {
  preset: Preset;
  sets: string[];
}

export interface LinkReading {
  request: RunRequest | undefined;
  /** Panes to compare side by side (2 to 4), when the link asks for a comparison. */
  compare?: PaneRequest[];
  /** Another view than explore or compare, when the link asks for one (?view=sensitivity). */
  view?: 'sensitivity';
  problems: string[];
}

/** A written address: the query string, and why it leaves the scenario out when it must. */
export interface Address {
  search: string;
  /** Set when a file's scenario is too long to carry: say so on screen, the link alone will not do. */
  problem?: string;
}

export const VIEWS = ['sensitivity'] as const;
export const PANE_LETTERS = ['A', 'B', 'C', 'D'] as const;
/** The compare list's word for a pane that runs a file (no preset is called so). */
export const FILE_PANE = 'file';
/**
 * The longest query string written. Browsers take far longer addresses, but servers commonly refuse a
 * request line over 8 KB (Node's limit is 16 KB for all headers) and chat tools cut long links.
 */
export const MAX_QUERY_CHARS = 8000;

// ---- reading -----------------------------------------------------------------------------------

export async function readLink(search: string): Promise<LinkReading> {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  let preset = DEFAULT_PRESET;
  const name = q.get('scenario');
  const file = q.get('file');
  if (file !== null) {
    const p = await readFile(file, q.get('data'), problems, (preset ? t('link.showingInstead', { id: preset.id }) : t('link.showingNothing')));
    if (p) preset = p;
  } else if (name !== null) {
    const found = findPreset(name);
    if (found) preset = found;
    else problems.push(unknownPreset(name, (preset ? t('link.showingInstead', { id: preset.id }) : t('link.showingNothing'))));
  }
  const seed = readNumber(q.get('seed'), SEED_RULE, t('link.ownSeed'), problems);
  const steps = readNumber(q.get('steps'), STEPS_RULE, t('link.ownSteps'), problems);
  const sets = preset ? readSets(q, 'set.', preset, t('link.setsWhere'), problems) : [];
  let compare: PaneRequest[] | undefined;
  const cmp = q.get('compare');
  if (cmp !== null) {
    const ids = cmp.split(',').map((s) => s.trim());
    if (ids.length > 4) problems.push(t('link.tooMany', { n: ids.length }));
    const found: PaneRequest[] = [];
    for (const [i, id] of ids.slice(0, 4).entries()) {
      const L = PANE_LETTERS[i];
      let p: Preset | undefined;
      if (id === FILE_PANE) p = await readFile(q.get(`${L}.file`) ?? '', q.get(`${L}.data`), problems, t('link.paneLeftOut', { letter: L }));
      else {
        p = findPreset(id);
        if (!p) problems.push(unknownPreset(id, t('link.paneLeftOut', { letter: L })));
      }
      if (p) found.push({ preset: p, sets: readSets(q, `${L}.set.`, p, t('link.setsWherePane', { letter: L }), problems) });
    }
    if (found.length >= 2) compare = found;
    else problems.push(t('link.tooFew', { n: found.length }));
  }
  let view: LinkReading['view'];
  const v = q.get('view');
  if (v !== null) {
    if ((VIEWS as readonly string[]).includes(v)) view = v as LinkReading['view'];
    else problems.push(t('link.badView', { view: JSON.stringify(v), allowed: VIEWS.join(', ') }));
  }
  return { request: preset ? { preset, seed, steps, sets } : undefined, compare, view, problems };
}

/** Lever changes under `prefix`, kept only when the scenario with all of them is valid. */
function readSets(q: URLSearchParams, prefix: string, preset: Preset, where: string, problems: string[]): string[] {
  const sets: string[] = [];
  for (const [k, v] of q) if (k.startsWith(prefix)) sets.push(`${k.slice(prefix.length)}=${v}`);
  if (!sets.length) return sets;
  try {
    parseScenario(applyOverrides(preset.raw, sets, 'link'), 'link');
    return sets;
  } catch (e) {
    const list = e instanceof ScenarioError ? e.problems : [(e as Error).message];
    problems.push(t('link.badSets', { where, problems: list.join(t('link.problemSep')) }));
    return [];
  }
}

async function readFile(name: string, data: string | null, problems: string[], then: string): Promise<Preset | undefined> {
  const shown = JSON.stringify(name.slice(0, 80));
  if (data === null || data === '') {
    problems.push(t('link.fileNotHeld', { file: shown, then }));
    return undefined;
  }
  try {
    return filePreset(name, readJsonText(await unpackText(data), name));
  } catch (e) {
    const list = e instanceof ScenarioError ? e.problems : [(e as Error).message];
    problems.push(t('link.fileUnreadable', { file: shown, problems: list.join(t('link.problemSep')), then }));
    return undefined;
  }
}

function unknownPreset(name: string, then: string): string {
  const hint = nearest(name, PRESETS.map((p) => p.id));
  return t('link.unknownPreset', {
    name: JSON.stringify(name),
    hint: hint ? t('link.didYouMean', { hint }) : '',
    allowed: PRESETS.map((p) => p.id).join(', '),
    then,
  });
}

function readNumber(text: string | null, rule: typeof SEED_RULE, fallback: string, problems: string[]): number | undefined {
  if (text === null) return undefined;
  const r = parseWholeNumber(text, rule);
  if (r.ok) return r.value;
  problems.push(t('link.badNumber', { message: r.message, fallback }));
  return undefined;
}

// ---- writing -----------------------------------------------------------------------------------

/** The address of one run: its scenario (a preset's name, or a file's name and content), seed, end step, levers. */
export async function linkFor(preset: Preset, seed: number, steps: number, sets: readonly string[] = []): Promise<Address> {
  const q = new URLSearchParams();
  const file = fileNameOf(preset);
  if (file === undefined) q.set('scenario', preset.id);
  else {
    q.set('file', file);
    q.set('data', await packedOf(preset));
  }
  q.set('seed', String(seed));
  q.set('steps', String(steps));
  appendSets(q, 'set.', sets);
  return fitted(q, file === undefined ? [] : [['data', file]]);
}

/** The address of a comparison: its panes (each with its lever changes), the shared seed and end step. */
export async function compareLinkFor(panes: readonly PaneRequest[], seed: number, steps: number): Promise<Address> {
  const q = new URLSearchParams();
  q.set('compare', panes.map((p) => (fileNameOf(p.preset) === undefined ? p.preset.id : FILE_PANE)).join(','));
  q.set('seed', String(seed));
  q.set('steps', String(steps));
  const files: [string, string][] = [];
  for (const [i, p] of panes.entries()) {
    const L = PANE_LETTERS[i];
    const file = fileNameOf(p.preset);
    if (file !== undefined) {
      q.set(`${L}.file`, file);
      q.set(`${L}.data`, await packedOf(p.preset));
      files.push([`${L}.data`, file]);
    }
    appendSets(q, `${L}.set.`, p.sets);
  }
  return fitted(q, files);
}

function appendSets(q: URLSearchParams, prefix: string, sets: readonly string[]): void {
  for (const a of sets) {
    const eq = a.indexOf('=');
    q.append(`${prefix}${a.slice(0, eq)}`, a.slice(eq + 1));
  }
}

/** Drop files' data, largest first, until the query fits; say which files a link cannot carry. */
function fitted(q: URLSearchParams, files: [string, string][]): Address {
  const dropped: string[] = [];
  const bySize = [...files].sort((a, b) => (q.get(b[0])?.length ?? 0) - (q.get(a[0])?.length ?? 0));
  for (const [key, name] of bySize) {
    if (q.toString().length <= MAX_QUERY_CHARS) break;
    const len = q.get(key)?.length ?? 0;
    q.delete(key);
    dropped.push(t('link.droppedFile', { file: name, n: len.toLocaleString(locale()) }));
  }
  const search = `?${q}`;
  if (!dropped.length) return { search };
  return {
    search,
    problem: t('link.tooLong', { files: listText(dropped), max: MAX_QUERY_CHARS.toLocaleString(locale()) }),
  };
}

// ---- the scenario in the address ---------------------------------------------------------------

const packed = new WeakMap<object, Promise<string>>();

/** A file preset's scenario, compressed for the address (computed once per loaded file). */
function packedOf(preset: Preset): Promise<string> {
  const key = preset.raw as object;
  let p = packed.get(key);
  if (!p) {
    p = packText(JSON.stringify(preset.raw));
    packed.set(key, p);
  }
  return p;
}

/** Text compressed with deflate-raw, in base64url (RFC 4648 section 5, no padding). */
export async function packText(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of packText; a damaged value is refused with a message saying so. */
export async function unpackText(data: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]*$/.test(data)) throw new Error(t('link.dataNotBase64Chars'));
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const bin = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
    bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    throw new Error(t('link.dataNotBase64'));
  }
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    throw new Error(t('link.dataNoDecompress'));
  }
}

// ---- the command line --------------------------------------------------------------------------

/** A word the shell passes through as it is: quoted when it holds anything but safe characters. */
export function shellWord(s: string): string {
  return /^[\w./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `govsim run` command that gives the same numbers: a preset by its name, a loaded file by its
 * file name (run in the folder that holds the file).
 */
export function cliCommand(presetId: string, seed: number, steps: number, sets: readonly string[] = []): string {
  const file = presetId.startsWith('file:') ? presetId.slice(5) : undefined;
  // `govsim run x.json` would run the preset x when no file x.json is found; ./ makes it a path.
  const ref = file === undefined ? presetId : file.includes('/') ? file : `./${file}`;
  return `npx govsim run ${shellWord(ref)} --seed ${seed} --steps ${steps}${sets.map((s) => ` --set ${shellWord(s)}`).join('')}`;
}
