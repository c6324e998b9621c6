/**
 * The page's address holds the run: ?scenario=<preset file base name>&seed=N&steps=N plus one
 * set.<path>=<value> per changed lever (as `govsim run --set <path>=<value>`), or a comparison
 * ?compare=<a>,<b>[,<c>,<d>]&seed=N&steps=N. Reading a link gives the run to show plus messages for
 * anything unusable in it.
 */
import { nearest } from '../src/scenario/nearest';
import { applyOverrides } from '../src/scenario/overrides';
import { parseScenario, ScenarioError } from '../src/scenario/parse';
import { PRESETS, DEFAULT_PRESET, findPreset, type Preset } from './presets';
import { SEED_RULE, STEPS_RULE, parseWholeNumber } from './whole-number';

export interface RunRequest {
  preset: Preset;
  /** undefined: the preset's own seed. */
  seed?: number;
  /** undefined: the preset's own step count. */
  steps?: number;
  /** Lever changes, `params.x=v`, applied to the preset before it is parsed. */
  sets?: string[];
}

export interface LinkReading {
  request: RunRequest | undefined;
  /** Presets to compare side by side (2 to 4), when the link asks for a comparison. */
  compare?: Preset[];
  /** Another view than explore or compare, when the link asks for one (?view=sensitivity). */
  view?: 'sensitivity';
  problems: string[];
}

export const VIEWS = ['sensitivity'] as const;

export function readLink(search: string): LinkReading {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  let preset = DEFAULT_PRESET;
  const name = q.get('scenario');
  if (name !== null) {
    const found = findPreset(name);
    if (found) preset = found;
    else problems.push(unknownPreset(name, `Showing ${preset ? preset.id : 'nothing'} instead.`));
  }
  const seed = readNumber(q.get('seed'), SEED_RULE, "the preset's own seed", problems);
  const steps = readNumber(q.get('steps'), STEPS_RULE, "the preset's own step count", problems);
  let sets: string[] = [];
  for (const [k, v] of q) if (k.startsWith('set.')) sets.push(`${k.slice(4)}=${v}`);
  if (sets.length && preset) {
    try {
      parseScenario(applyOverrides(preset.raw, sets, 'link'), 'link');
    } catch (e) {
      const list = e instanceof ScenarioError ? e.problems : [(e as Error).message];
      problems.push(`In the link's lever settings: ${list.join('; ')}. Using the preset's own values instead.`);
      sets = [];
    }
  }
  let compare: Preset[] | undefined;
  const cmp = q.get('compare');
  if (cmp !== null) {
    const ids = cmp.split(',').map((s) => s.trim()).filter(Boolean);
    const found: Preset[] = [];
    for (const id of ids) {
      const p = findPreset(id);
      if (p) found.push(p);
      else problems.push(unknownPreset(id, 'Left out of the comparison.'));
    }
    if (found.length > 4) problems.push(`The link compares ${found.length} presets; allowed: 2 to 4. Comparing the first 4.`);
    if (found.length >= 2) compare = found.slice(0, 4);
    else problems.push(`The link's comparison needs 2 to 4 presets; it names ${found.length} known one(s). Showing one run instead.`);
  }
  let view: LinkReading['view'];
  const v = q.get('view');
  if (v !== null) {
    if ((VIEWS as readonly string[]).includes(v)) view = v as LinkReading['view'];
    else problems.push(`The link asks for the view ${JSON.stringify(v)}; allowed: ${VIEWS.join(', ')} (or none: explore). Showing the explore view.`);
  }
  return { request: preset ? { preset, seed, steps, sets } : undefined, compare, view, problems };
}

function unknownPreset(name: string, then: string): string {
  const hint = nearest(name, PRESETS.map((p) => p.id));
  return (
    `The link asks for scenario ${JSON.stringify(name)}, which is not a preset${hint ? ` (did you mean ${hint}?)` : ''}; ` +
    `allowed: ${PRESETS.map((p) => p.id).join(', ')}. ${then}`
  );
}

function readNumber(text: string | null, rule: typeof SEED_RULE, fallback: string, problems: string[]): number | undefined {
  if (text === null) return undefined;
  const r = parseWholeNumber(text, rule);
  if (r.ok) return r.value;
  problems.push(`In the link: ${r.message} Using ${fallback} instead.`);
  return undefined;
}

/** The query string of a run: preset, seed and end step explicit, then the lever changes. */
export function linkFor(presetId: string, seed: number, steps: number, sets: readonly string[] = []): string {
  const q = new URLSearchParams({ scenario: presetId, seed: String(seed), steps: String(steps) });
  for (const a of sets) {
    const eq = a.indexOf('=');
    q.append(`set.${a.slice(0, eq)}`, a.slice(eq + 1));
  }
  return `?${q}`;
}

/** The query string of a comparison. */
export function compareLinkFor(ids: readonly string[], seed: number, steps: number): string {
  return `?${new URLSearchParams({ compare: ids.join(','), seed: String(seed), steps: String(steps) })}`;
}

/** The `govsim run` command that gives the same numbers. */
export function cliCommand(presetId: string, seed: number, steps: number, sets: readonly string[] = []): string {
  return `npx govsim run ${presetId} --seed ${seed} --steps ${steps}${sets.map((s) => ` --set ${s}`).join('')}`;
}
