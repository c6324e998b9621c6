/**
 * A preset's sources written for people. The scenario files keep their sources as the modeller wrote
 * them: the seed document by its project file id, and what each figure sets as parameter paths after
 * "->" (`participation.initialShare 0.068`). A student reading the page needs the work (title, year,
 * author where known) and the setting in words; the path stays one hover away. Pure: no DOM.
 */
import { leverName, leversOf, type LeverSpec } from '../src/scenario/levers';
import { lang, t, type MessageKey } from './i18n';
import { LEVERS_ZH } from './i18n/levers-zh';

/** One piece of a source as shown: plain text, the cited work, or a parameter named in words. */
export type SourcePart =
  | { kind: 'text'; text: string }
  | { kind: 'work'; text: string }
  | { kind: 'param'; text: string; path: string; help: string };

/**
 * The seed document, cited by its project file id in the scenario files. Its author is not given in the
 * edition the project holds (docs/ODD.md, references), so it is cited by title, edition and year.
 */
const SEED_WORK = 'Social Governance in China through Zhejiang (透过浙江看中国的社会治理), English edition, 2018';
const SEED = /^(Ablation of )?Seed document \([^)]*\): '([^']+)'[,:]?\s*/;

/** The project's own documents, named for a reader who has not cloned the repository. */
const DOCS: [RegExp, MessageKey][] = [
  [/docs\/calibration\/[\w./-]+/g, 'source.doc.calibration'],
  [/scenarios\/calibration\/[\w./-]+/g, 'source.doc.targets'],
  [/(?:design\/)?MODEL\.md(?: (section|pattern) ([\d.]+))?/g, 'source.doc.model'],
  [/docs\/ODD\.md(?: (section|pattern) ([\d.]+))?/g, 'source.doc.odd'],
];

/** "MODEL.md section 7" -> "section 7 of the model specification". */
function nameDocs(text: string): string {
  let out = text;
  for (const [re, key] of DOCS) {
    const words = t(key);
    out = out.replace(re, (_m, what?: string, n?: string) => (what ? t(what === 'section' ? 'source.doc.section' : 'source.doc.pattern', { n: n ?? '', doc: words }) : words));
  }
  return out;
}

/** "grandMediation.priorityToMediation" -> "grand mediation: priority to mediation". */
export function pathWords(name: string): string {
  const words = (s: string) =>
    s
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([a-zA-Z])(\d)/g, '$1 $2')
      .toLowerCase();
  const parts = name.replace(/^params\./, '').split('.');
  if (parts[parts.length - 1] === '*') return t('source.allSettings', { name: words(parts.slice(0, -1).join(' ')) });
  return parts.length > 1 ? `${words(parts.slice(0, -1).join(' '))}: ${words(parts[parts.length - 1])}` : words(parts[0]);
}

interface Names {
  byName: Map<string, LeverSpec>;
  /** Last segment -> lever, only where the segment names one lever of the model. */
  byLeaf: Map<string, LeverSpec>;
  groups: Set<string>;
}

const namesCache = new Map<string, Names>();
function namesOf(model: string): Names {
  const hit = namesCache.get(model);
  if (hit) return hit;
  const specs = leversOf(model);
  const byName = new Map(specs.map((s) => [leverName(s), s]));
  const leafCount = new Map<string, LeverSpec[]>();
  for (const s of specs) {
    const leaf = s.path.split('.').pop()!;
    leafCount.set(leaf, [...(leafCount.get(leaf) ?? []), s]);
  }
  const byLeaf = new Map([...leafCount].filter(([, v]) => v.length === 1).map(([k, v]) => [k, v[0]]));
  const groups = new Set(specs.map((s) => leverName(s).split('.')[0]));
  const names = { byName, byLeaf, groups };
  namesCache.set(model, names);
  return names;
}

/**
 * Parameter paths in `text` (dotted, `mediation.*`, or a camelCase name that one lever of the model
 * ends in) as parts with their words and the schema's description; the rest stays text.
 */
function splitParams(text: string, model: string): SourcePart[] {
  const names = namesOf(model);
  const out: SourcePart[] = [];
  const token = /\b(?:params\.)?[a-z][A-Za-z0-9]*(?:\.(?:[a-z][A-Za-z0-9]*|\*))*/g;
  let last = 0;
  for (const m of text.matchAll(token)) {
    const name = m[0].replace(/^params\./, '');
    // A single plain word ("legitimacy", "economy") stays a word; a camelCase name is a parameter's.
    const single = !name.includes('.');
    if (single && !/[A-Z]/.test(name)) continue;
    const spec = names.byName.get(name) ?? (single ? names.byLeaf.get(name) : undefined);
    const group = name.endsWith('.*') && names.groups.has(name.slice(0, -2));
    if (!spec && !group) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    const path = spec ? leverName(spec) : name;
    // In Chinese the lever's own label and help (web/i18n/levers-zh.ts), else words made from its path.
    const zh = spec && lang() === 'zh' ? LEVERS_ZH[model]?.[spec.path] : undefined;
    out.push({
      kind: 'param',
      text: zh ? zh[0] : pathWords(path),
      path,
      help: spec ? t('source.paramHelp', { help: zh ? zh[1] : spec.description, path }) : t('source.groupHelp', { group: name.slice(0, -2) }),
    });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** One source string of a scenario file, as parts to show. */
export function readableSource(source: string, model: string): SourcePart[] {
  let text = source;
  const parts: SourcePart[] = [];
  const seed = SEED.exec(text);
  if (seed) {
    if (seed[1]) parts.push({ kind: 'text', text: t('source.leftOut') });
    // The title in the file is the same work; the edition and year come from the references.
    parts.push({ kind: 'work', text: SEED_WORK });
    parts.push({ kind: 'text', text: seed[1] ? t('list.sep') : t('source.colon') });
    text = text.slice(seed[0].length);
  }
  text = nameDocs(text);
  // "figure -> what it sets": the arrow becomes words, the paths become lever names.
  const arrow = text.indexOf(' -> ');
  if (arrow >= 0) {
    parts.push({ kind: 'text', text: text.slice(0, arrow) });
    parts.push({ kind: 'text', text: t('source.usedFor') });
    text = text.slice(arrow + 4);
  }
  for (const p of splitParams(text, model)) parts.push(p);
  // Merge neighbouring text parts, so the page gets one text node per run of text.
  return parts.reduce<SourcePart[]>((acc, p) => {
    const prev = acc[acc.length - 1];
    if (p.kind === 'text' && prev?.kind === 'text') prev.text += p.text;
    else if (p.text) acc.push({ ...p });
    return acc;
  }, []);
}

/** The plain text of a source as shown (for tests and the PNG export). */
export function sourceText(parts: readonly SourcePart[]): string {
  return parts.map((p) => p.text).join('');
}
