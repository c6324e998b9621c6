/**
 * What a lever does, in one paragraph for its help text, from the generated lever-effect table
 * (docs/levers.json, written by `govsim effects`, rebuilt by `npm run levers`; src/batch/effects-doc.ts)
 * and never written by hand: which headline outputs (the cards of web/cards.ts) each end of the lever's
 * range moves beyond seed noise, which way and by how much, and which it leaves within noise. A lever the
 * table does not hold (a society lever, or another model's) says its effect was not measured.
 * Pure functions of the table: the page loads the table (lever-effects-table.ts) and passes it in.
 */
import { CARDS, type CardSpec } from './cards';
import { formatDifference } from './diff-table';
import type { Locale } from './format';

export interface LeverMove {
  metric: string;
  direction: 'raises' | 'lowers';
  meanDiff: number;
  lo: number;
  hi: number;
  n: number;
}

export interface LeverEnd {
  /** low / high end of a number's range, or 'other' (another boolean value or enum option). */
  end: 'low' | 'high' | 'other';
  value: unknown;
  status: 'run' | 'no room' | 'no range' | 'invalid';
  error?: string;
  moves: LeverMove[];
}

export interface LeverEntry {
  kind: string;
  type: string;
  range: [number, number] | null;
  rangeFrom: string | null;
  options: string[] | null;
  base: unknown;
  inert: boolean;
  ends: LeverEnd[];
}

/** docs/levers.json. */
export interface LeverEffectsTable {
  generatedBy: string;
  engineVersion: string;
  scenario: string;
  seeds: string;
  steps: number;
  levers: Record<string, LeverEntry>;
}

/** Said of a lever the table does not hold. */
export const NOT_MEASURED = 'Effect not measured; see govsim effects.';

/** Headline outputs named per end, at most. */
const MAX_NAMED = 4;

const HEADLINE = new Map<string, CardSpec>(CARDS.map((c) => [c.key, c]));

function value(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "Raising it to 3", "Switching it off", "Setting it to reject". */
function action(entry: LeverEntry, end: LeverEnd): string {
  if (entry.type === 'boolean') return end.value === true ? 'Switching it on' : 'Switching it off';
  if (end.end === 'other') return `Setting it to ${value(end.value)}`;
  return `${end.end === 'high' ? 'Raising' : 'Lowering'} it to ${value(end.value)}`;
}

function list(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** One end of the lever in words. */
function endSentence(entry: LeverEntry, end: LeverEnd, locale: Locale): string {
  if (end.status === 'no room') return `It cannot go ${end.end === 'high' ? 'higher' : 'lower'} in its plausible range (the preset already uses ${value(end.value)}).`;
  if (end.status !== 'run') return `${action(entry, end)} was not measured (${end.status === 'invalid' ? 'the schema refuses it' : 'no bound to try'}).`;
  const headline = end.moves.filter((m) => HEADLINE.has(m.metric));
  const shown = headline.slice(0, MAX_NAMED);
  const rest = end.moves.length - shown.length;
  const more = rest ? `${shown.length ? ', and moves ' : ' moves '}${rest} ${shown.length ? 'other ' : ''}output${rest === 1 ? '' : 's'} (docs/LEVERS.md)` : '';
  if (!shown.length) return rest ? `${action(entry, end)}${more} but no headline one.` : `${action(entry, end)} moves nothing beyond seed noise.`;
  // Each moved output with its mean difference in the table's units (pp for shares), grouped by way.
  const words = (dir: LeverMove['direction']) =>
    shown.filter((m) => m.direction === dir).map((m) => `${HEADLINE.get(m.metric)!.label.toLowerCase()} (${formatDifference(HEADLINE.get(m.metric)!, 0, m.meanDiff, locale)})`);
  const ways = (['raises', 'lowers'] as const).map((d) => [d, words(d)] as const).filter(([, w]) => w.length);
  return `${action(entry, end)} ${ways.map(([d, w]) => `${d} ${list(w)}`).join(' and ')}${more}.`;
}

/**
 * The help sentence of the lever at `path` ("params.x.y" or "x.y"), or NOT_MEASURED when the table
 * (or the lever in it) is missing. E.g. "In social-governance (seeds 1..20, 1095 days): Raising it to 3
 * raises ... (+1.2 pp); lowering it ... No effect beyond noise on mass incidents."
 */
export function leverEffectSentence(table: LeverEffectsTable | undefined, path: string, locale: Locale = 'en'): string {
  const entry = table?.levers[path.replace(/^params\./, '')];
  if (!table || !entry) return NOT_MEASURED;
  const where = `In ${table.scenario} (seeds ${table.seeds}, ${table.steps} days, from the preset's ${value(entry.base)}):`;
  if (entry.inert || entry.ends.every((e) => e.status === 'run' && e.moves.length === 0)) {
    return `${where} moves no output beyond seed noise at either end of its range.`;
  }
  const ends = entry.ends.map((e) => endSentence(entry, e, locale));
  const moved = new Set(entry.ends.flatMap((e) => e.moves.map((m) => m.metric)));
  const still = CARDS.filter((c) => !moved.has(c.key) && c.key !== 'riskRejected').map((c) => c.label.toLowerCase());
  const quiet = still.length ? ` No effect beyond noise on ${list(still)}.` : '';
  return `${where} ${ends.join(' ')}${quiet}`;
}
