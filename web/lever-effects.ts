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
import { langOf, listText, tIn, type Lang, type MessageKey, type Params } from './i18n';
import { OPTIONS_ZH } from './i18n/levers-zh';

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

/** Said of a lever the table does not hold (English; notMeasured() in another language). */
export const NOT_MEASURED = 'Effect not measured; see govsim effects.';

/** NOT_MEASURED in the language of `locale`. */
export function notMeasured(locale: Locale = 'en'): string {
  return tIn(langOf(locale), 'effect.notMeasured', { command: 'govsim effects' });
}

/** Headline outputs named per end, at most. */
const MAX_NAMED = 4;

const HEADLINE = new Map<string, CardSpec>(CARDS.map((c) => [c.key, c]));

function value(v: unknown, l: Lang = 'en'): string {
  // Outside English a switch reads on / off and an option its translation, as the lever form shows them.
  if (l === 'zh' && typeof v === 'boolean') return tIn(l, v ? 'lever.on' : 'lever.off');
  if (l === 'zh' && typeof v === 'string') return `“${OPTIONS_ZH[v] ?? v}”`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The words of one language; every sentence below is built from the message tables (web/i18n/). */
type Say = (key: MessageKey, params?: Params) => string;

/** A card's label in the sentence's language (lower case in English, as a word inside a sentence). */
function metricName(c: CardSpec, l: Lang): string {
  const name = tIn(l, `card.${c.key}` as MessageKey);
  return l === 'en' ? name.toLowerCase() : name;
}

/** "Raising it to 3", "Switching it off", "Setting it to reject". */
function action(say: Say, l: Lang, entry: LeverEntry, end: LeverEnd): string {
  if (entry.type === 'boolean') return say(end.value === true ? 'effect.switchOn' : 'effect.switchOff');
  if (end.end === 'other') return say('effect.setTo', { value: value(end.value, l) });
  return say(end.end === 'high' ? 'effect.raiseTo' : 'effect.lowerTo', { value: value(end.value, l) });
}

/** One end of the lever in words. */
function endSentence(l: Lang, entry: LeverEntry, end: LeverEnd, locale: Locale): string {
  const say: Say = (key, params) => tIn(l, key, params);
  if (end.status === 'no room') return say(end.end === 'high' ? 'effect.noRoomHigher' : 'effect.noRoomLower', { value: value(end.value, l) });
  if (end.status !== 'run') return say(end.status === 'invalid' ? 'effect.notRunInvalid' : 'effect.notRunNoBound', { action: action(say, l, entry, end) });
  const headline = end.moves.filter((m) => HEADLINE.has(m.metric));
  const shown = headline.slice(0, MAX_NAMED);
  const rest = end.moves.length - shown.length;
  const more = rest
    ? say(rest === 1 ? 'effect.moreOne' : 'effect.moreMany', {
        lead: say(shown.length ? 'effect.moreLeadAfter' : 'effect.moreLeadAlone'),
        n: rest,
        other: shown.length ? say('effect.other') : '',
      })
    : '';
  const act = action(say, l, entry, end);
  if (!shown.length) return rest ? say('effect.noHeadline', { action: act, more }) : say('effect.nothing', { action: act });
  // Each moved output with its mean difference in the table's units (pp for shares), grouped by way.
  const words = (dir: LeverMove['direction']) =>
    shown
      .filter((m) => m.direction === dir)
      .map((m) => {
        const c = HEADLINE.get(m.metric)!;
        return say('effect.moved', { metric: metricName(c, l), diff: formatDifference(c, 0, m.meanDiff, locale) });
      });
  const ways = (['raises', 'lowers'] as const)
    .map((d) => [d, words(d)] as const)
    .filter(([, w]) => w.length)
    .map(([d, w]) => say(d === 'raises' ? 'effect.raises' : 'effect.lowers', { list: listText(w, l) }));
  const joined = ways.length === 2 ? say('effect.ways', { first: ways[0], second: ways[1] }) : ways[0];
  return say('effect.end', { action: act, ways: joined, more });
}

/**
 * The help sentence of the lever at `path` ("params.x.y" or "x.y") in the language of `locale`, or the
 * not-measured sentence when the table (or the lever in it) is missing. E.g. "In social-governance
 * (seeds 1..20, 1095 days): Raising it to 3 raises ... (+1.2 pp); lowering it ... No effect beyond noise
 * on mass incidents."
 */
export function leverEffectSentence(table: LeverEffectsTable | undefined, path: string, locale: Locale = 'en'): string {
  const l = langOf(locale);
  const entry = table?.levers[path.replace(/^params\./, '')];
  if (!table || !entry) return notMeasured(locale);
  const where = tIn(l, 'effect.where', { scenario: table.scenario, seeds: table.seeds, steps: table.steps, base: value(entry.base, l) });
  if (entry.inert || entry.ends.every((e) => e.status === 'run' && e.moves.length === 0)) return tIn(l, 'effect.inert', { where });
  const ends = entry.ends.map((e) => endSentence(l, entry, e, locale));
  const moved = new Set(entry.ends.flatMap((e) => e.moves.map((m) => m.metric)));
  const still = CARDS.filter((c) => !moved.has(c.key) && c.key !== 'riskRejected').map((c) => metricName(c, l));
  const quiet = still.length ? tIn(l, 'effect.quiet', { list: listText(still, l) }) : '';
  return tIn(l, 'effect.sentence', { where, ends: ends.join(l === 'en' ? ' ' : ''), quiet });
}
