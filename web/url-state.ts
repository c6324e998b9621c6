/**
 * The page's address holds the run: ?scenario=<preset file base name>&seed=N&steps=N, so a link
 * reproduces it. Reading a link gives the run to show plus messages for anything unusable in it.
 */
import { nearest } from '../src/scenario/nearest';
import { PRESETS, DEFAULT_PRESET, findPreset, type Preset } from './presets';
import { SEED_RULE, STEPS_RULE, parseWholeNumber } from './whole-number';

export interface RunRequest {
  preset: Preset;
  /** undefined: the preset's own seed. */
  seed?: number;
  /** undefined: the preset's own step count. */
  steps?: number;
}

export interface LinkReading {
  request: RunRequest | undefined;
  problems: string[];
}

export function readLink(search: string): LinkReading {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  let preset = DEFAULT_PRESET;
  const name = q.get('scenario');
  if (name !== null) {
    const found = findPreset(name);
    if (found) preset = found;
    else {
      const hint = nearest(name, PRESETS.map((p) => p.id));
      problems.push(
        `The link asks for scenario ${JSON.stringify(name)}, which is not a preset${hint ? ` (did you mean ${hint}?)` : ''}; ` +
          `allowed: ${PRESETS.map((p) => p.id).join(', ')}. Showing ${preset ? preset.id : 'nothing'} instead.`,
      );
    }
  }
  const seed = readNumber(q.get('seed'), SEED_RULE, "the preset's own seed", problems);
  const steps = readNumber(q.get('steps'), STEPS_RULE, "the preset's own step count", problems);
  return { request: preset ? { preset, seed, steps } : undefined, problems };
}

function readNumber(text: string | null, rule: typeof SEED_RULE, fallback: string, problems: string[]): number | undefined {
  if (text === null) return undefined;
  const r = parseWholeNumber(text, rule);
  if (r.ok) return r.value;
  problems.push(`In the link: ${r.message} Using ${fallback} instead.`);
  return undefined;
}

/** The query string of a run: all three fields explicit, so the link keeps meaning the same run. */
export function linkFor(presetId: string, seed: number, steps: number): string {
  return `?${new URLSearchParams({ scenario: presetId, seed: String(seed), steps: String(steps) })}`;
}
