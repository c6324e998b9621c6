/**
 * The generated lever documents of `govsim effects --markdown FILE` (docs/LEVERS.md and its JSON twin
 * docs/levers.json for the governance preset, rebuilt by `npm run levers`).
 *
 * Regenerating them takes thousands of runs, far too many for a test, so the document carries a stamp
 * that a test can recompute cheaply: the scenario and lever selection, the output hash of the scenario
 * at seed 1 for 60 steps (as `govsim run --seed 1 --steps 60` writes it), and every lever with its kind,
 * tried range and base value. Any change to the model's behaviour (almost surely visible in 60 steps),
 * to the preset or to the levers' schema changes the stamp, and test/docs/levers.test.ts then says the
 * document is stale.
 */
import { basename, dirname, extname, join } from 'node:path';
import { runScenario } from '../output/run';
import { readScenarioRaw } from '../scenario/files';
import { leversOf, valueAt, type LeverSpec } from '../scenario/levers';
import { parseScenario } from '../scenario/parse';
import { moved, num, signed, selectLevers, showValue, triedRange, type EffectsReport, type KindFilter, type LeverResult } from './effects';

export const STAMP_START = '<!-- levers-stamp:start -->';
export const STAMP_END = '<!-- levers-stamp:end -->';
export const STAMP_SEED = 1;
export const STAMP_STEPS = 60;
export const STALE_MESSAGE = 'docs/LEVERS.md is stale: run npm run levers';

export interface Selection {
  ref: string;
  globs: string[];
  kind: KindFilter;
}

/** The range a lever is tried over, as the stamp and the document write it. */
export function rangeText(spec: Pick<LeverSpec, 'type' | 'options' | 'range' | 'min' | 'max'>): string {
  if (spec.type === 'boolean') return 'false|true';
  if (spec.type === 'enum') return (spec.options ?? []).join('|');
  const { range, from } = triedRange(spec as LeverSpec);
  return range ? `${range[0]}..${range[1]} (${from})` : 'no range';
}

/** The stamp's text (without markers): cheap to compute, one 60-step run. */
export async function stampText(sel: Selection): Promise<string> {
  const { raw } = readScenarioRaw(sel.ref);
  const scenario = parseScenario(raw, sel.ref);
  const specs = selectLevers(scenario.model, sel.globs, sel.kind);
  const outputs = await runScenario(scenario, { seed: STAMP_SEED, steps: STAMP_STEPS });
  const lines = [
    `scenario ${sel.ref}`,
    `levers ${sel.globs.length ? sel.globs.join(',') : '*'}`,
    `kind ${sel.kind}`,
    `output hash at seed ${STAMP_SEED}, ${STAMP_STEPS} steps: ${outputs.manifest.outputHash}`,
    ...specs.map((s) => `${s.path}  kind=${s.kind ?? 'unknown'}  tried=${rangeText(s)}  base=${showValue((valueAt(scenario, s.path) ?? null) as never)}`),
  ];
  return lines.join('\n');
}

/** The stamp block of a document, or undefined when it has none. */
export function stampInDoc(doc: string): string | undefined {
  const a = doc.indexOf(STAMP_START);
  const b = doc.indexOf(STAMP_END);
  if (a < 0 || b < a) return undefined;
  const m = /```text\n([\s\S]*?)\n```/.exec(doc.slice(a + STAMP_START.length, b));
  return m?.[1];
}

/** The selection a stamp was made with (its first three lines). */
export function selectionOfStamp(stamp: string): Selection | undefined {
  const [s, l, k] = stamp.split('\n');
  const ref = /^scenario (.+)$/.exec(s ?? '')?.[1];
  const levers = /^levers (.+)$/.exec(l ?? '')?.[1];
  const kind = /^kind (policy|society|all)$/.exec(k ?? '')?.[1] as KindFilter | undefined;
  if (!ref || !levers || !kind) return undefined;
  return { ref, globs: levers === '*' ? [] : levers.split(','), kind };
}

/** Whether a document's stamp is what the current code gives; `expected` and `found` for the message. */
export async function checkStamp(doc: string): Promise<{ fresh: boolean; found?: string; expected?: string }> {
  const found = stampInDoc(doc);
  const sel = found === undefined ? undefined : selectionOfStamp(found);
  if (!found || !sel) return { fresh: false, found };
  let expected: string;
  try {
    expected = await stampText(sel);
  } catch (e) {
    // A lever or preset the document names no longer exists: stale as well.
    return { fresh: false, found, expected: `(cannot recompute: ${(e as Error).message})` };
  }
  return { fresh: expected === found, found, expected };
}

/** The JSON twin of a markdown document: docs/LEVERS.md -> docs/levers.json. */
export function jsonTwinPath(markdownPath: string): string {
  return join(dirname(markdownPath), `${basename(markdownPath, extname(markdownPath)).toLowerCase()}.json`);
}

function endLabel(e: LeverResult['ends'][number]): string {
  return e.end === 'other' ? `set to ${showValue(e.value)}` : `at ${e.end} (${showValue(e.value)})`;
}

/** What a lever's end does, in words: "raises satisfaction (+0.012 [0.008, 0.016]), lowers ...". */
function endWords(e: LeverResult['ends'][number], seedCount: number, top = 8): string {
  if (e.status === 'no room') return 'no room: the preset already uses this value';
  if (e.status === 'no range') return 'no bound in the schema';
  if (e.status === 'invalid') return `refused by the schema: ${e.error}`;
  const m = moved(e);
  const failed = e.failedRuns ? ` (${e.failedRuns} of ${seedCount} seeds failed)` : '';
  if (!m.length) return `nothing beyond seed noise${failed}`;
  const words = m.slice(0, top).map((x) => `${x.meanDiff > 0 ? 'raises' : 'lowers'} ${x.metric} (${signed(x.meanDiff)} [${num(x.lo)}, ${num(x.hi)}])`);
  return `${words.join(', ')}${m.length > top ? `, and ${m.length - top} more` : ''}${failed}`;
}

/** docs/LEVERS.md: how it was made, the stamp, then one section per lever group. */
export function leversMarkdown(report: EffectsReport, stamp: string, twin: string): string {
  const out: string[] = [];
  out.push(`# What each lever does: ${report.scenario}`, '');
  out.push(
    `Generated by \`govsim ${report.command.join(' ')}\` with govsim engine ${report.engineVersion}: do not edit by hand ` +
      `(\`npm run levers\` rebuilds it, and test/docs/levers.test.ts fails when the stamp below no longer matches the code).`,
    '',
    `Each lever was set to the low and the high end of its range (its plausible range where the schema gives one, ` +
      `else the schema's bounds; booleans to the other value, enums to each other option) and run on seeds ${report.seeds} ` +
      `for ${report.steps} steps beside the unchanged preset on the same seeds (common random numbers). ` +
      `An output is listed when the 95% t interval of the paired difference (lever run minus preset run, per seed) excludes 0; ` +
      `figures are mean difference [95% interval], largest |t| first. The JSON twin (\`${twin}\` beside this file) holds the same per lever for the app.`,
    '',
    STAMP_START,
    '```text',
    stamp,
    '```',
    STAMP_END,
    '',
  );
  const inert = report.levers.filter((l) => l.inert);
  out.push('## Inert levers', '');
  if (!inert.length) out.push('None: every lever moves at least one output beyond seed noise.', '');
  else {
    for (const k of ['policy', 'society', 'unknown'] as const) {
      const names = report.inert[k];
      if (names.length) out.push(`- ${k === 'unknown' ? 'kind not marked' : k}: ${names.map((n) => `\`${n}\``).join(', ')}`);
    }
    out.push('');
  }
  const describe = new Map(leversOf(report.model).map((spec) => [spec.path, spec.description]));
  const groups = [...new Set(report.levers.map((l) => l.group))];
  for (const g of groups) {
    out.push(`## ${g}`, '');
    for (const l of report.levers.filter((x) => x.group === g)) {
      out.push(`### \`${l.lever}\``, '');
      const kind = l.kind === 'unknown' ? 'Kind not marked' : l.kind[0].toUpperCase() + l.kind.slice(1);
      const tried = l.options
        ? l.options.join(', ')
        : l.range
          ? `${l.range[0]} to ${l.range[1]} (${l.rangeFrom === 'range' ? 'plausible range' : "the schema's bounds"})`
          : 'no range';
      out.push(`${kind}; tried ${tried}; preset value ${showValue(l.base)}.`, '');
      // An inert lever's description says where it acts by design (another preset, more proposals).
      if (l.inert) out.push(`Inert in this preset. Its description: “${describe.get(l.path) ?? 'none'}”`, '');
      for (const e of l.ends) out.push(`- ${endLabel(e)}: ${endWords(e, report.seedCount)}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** docs/levers.json: per lever, the outputs it moves, which way and by how much (for the app's help). */
export function leversJson(report: EffectsReport): string {
  const levers: Record<string, unknown> = {};
  for (const l of report.levers) {
    levers[l.lever] = {
      kind: l.kind,
      type: l.type,
      range: l.range,
      rangeFrom: l.rangeFrom,
      options: l.options,
      base: l.base,
      inert: l.inert,
      ends: l.ends.map((e) => ({
        end: e.end,
        value: e.value,
        status: e.status,
        ...(e.error ? { error: e.error } : {}),
        moves: moved(e).map((m) => ({ metric: m.metric, direction: m.meanDiff > 0 ? 'raises' : 'lowers', meanDiff: m.meanDiff, lo: m.lo, hi: m.hi, n: m.n })),
      })),
    };
  }
  const doc = {
    generatedBy: `govsim ${report.command.join(' ')}`,
    engineVersion: report.engineVersion,
    scenario: report.scenario,
    seeds: report.seeds,
    steps: report.steps,
    levers,
  };
  return JSON.stringify(doc, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
