/**
 * The lever form, generated from the scenario JSON Schema (lever-spec.ts): one collapsible group per
 * part of the model, one labelled field per lever with its unit, range and help text. A value is checked
 * at the field (type and range), then the whole scenario with the changes is checked by the same parser
 * the worker uses (applyOverrides + parseScenario), so anything refused is refused at its field, with the
 * value and what is allowed. Accepted changes are handed on as `path=value` assignments (the `set.` of a
 * link and the `--set` of the CLI). Each lever's help also says what it does, from the generated
 * lever-effect table (docs/levers.json; lever-effects.ts).
 */
import { applyOverrides } from '../src/scenario/overrides';
import { parseScenario, ScenarioError } from '../src/scenario/parse';
import { browserRefusal } from './bounds';
import { leverEffectSentence, notMeasured } from './lever-effects';
import { loadLeverEffects, TABLE_MODEL } from './lever-effects-table';
import { checkLever, leversOf, valueAt, type LeverProblem, type LeverSpec } from './lever-spec';
import { codeNode, hasKey, lang, listText, locale, type MessageKey, t, tNodes } from './i18n';
import { LEVERS_ZH, OPTIONS_ZH, UNITS_ZH } from './i18n/levers-zh';

/** Groups opened at first: the governance levers a class usually turns first. */
const OPEN_GROUPS = new Set(['general']);

/** A group's heading: lever.group.<name> of the message tables, else made from its name. */
function groupLabel(group: string): string {
  const key = `lever.group.${group}`;
  return hasKey(key) ? t(key) : label('params.x.' + group);
}

/** A lever's label and help in the page's language (web/i18n/levers-zh.ts), else the English ones. */
export function leverTexts(model: string, spec: LeverSpec): { label: string; help: string } {
  const zh = lang() === 'zh' ? LEVERS_ZH[model]?.[spec.path] : undefined;
  return zh ? { label: zh[0], help: zh[1] } : { label: label(spec.path), help: spec.description };
}

/** A unit of the schema in the page's language. */
export function unitText(unit: string): string {
  return (lang() === 'zh' && UNITS_ZH[unit]) || unit;
}

/** An enum option as shown (the value sent stays the option itself). */
function optionText(option: string): string {
  return (lang() === 'zh' && OPTIONS_ZH[option]) || option;
}

/** A bound the schema gives, or undefined when it bounds nothing (zod's int() writes 2^53 − 1). */
function bound(v: number | undefined): number | undefined {
  return v === undefined || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? undefined : v;
}

const num = (v: number) => v.toLocaleString(locale(), { maximumFractionDigits: 20, useGrouping: Math.abs(v) >= 10_000 });

/** What a numeric lever accepts, in the page's language (src/scenario/levers.ts acceptedText, translated). */
function acceptedText(spec: LeverSpec): string {
  const lo = bound(spec.min);
  const hi = bound(spec.max);
  if (lo !== undefined && hi !== undefined) return t('lever.accepted.between', { lo: num(lo), hi: num(hi) });
  if (lo !== undefined) return t('lever.accepted.atLeast', { lo: num(lo) });
  if (hi !== undefined) return t('lever.accepted.atMost', { hi: num(hi) });
  return t(spec.type === 'integer' ? 'lever.accepted.anyInteger' : 'lever.accepted.any');
}

const PROBLEM_KEYS: Record<LeverProblem, MessageKey> = {
  empty: 'lever.problem.empty',
  'not-number': 'lever.problem.notNumber',
  'not-whole': 'lever.problem.notWhole',
  'too-small': 'lever.problem.tooSmall',
  'too-large': 'lever.problem.tooLarge',
  'not-option': 'lever.problem.notOption',
};

/** A refused lever value in the page's language: the field's label, the value and what is allowed (checkLever's English message, worded here). */
export function problemText(spec: LeverSpec, label: string, problem: LeverProblem, value: string): string {
  const unit = spec.unit ? t('lever.allowed.unit', { unit: unitText(spec.unit) }) : '';
  const kind = t(spec.type === 'integer' ? 'lever.allowed.integer' : 'lever.allowed.number');
  const bounded = bound(spec.min) !== undefined && bound(spec.max) !== undefined;
  const allowed =
    problem === 'not-option'
      ? listText((spec.options ?? []).map(optionText))
      : t(bounded ? 'lever.allowed.from' : 'lever.allowed.other', { kind, accepted: acceptedText(spec), unit });
  return t(PROBLEM_KEYS[problem], { label, value, allowed });
}

/** The range a lever's help shows (src/scenario/levers.ts rangeText, in the page's language). */
export function rangeText(spec: LeverSpec): string {
  if (spec.type !== 'integer' && spec.type !== 'number') return '';
  const unit = spec.unit ? ` ${unitText(spec.unit)}` : '';
  const accepted = acceptedText(spec);
  if (spec.range) return t('lever.range.plausible', { lo: num(spec.range[0]), hi: num(spec.range[1]), unit, accepted });
  return t('lever.range.accepted', { accepted, unit });
}

function fieldId(path: string, prefix = 'lever-'): string {
  return prefix + path.replace(/\./g, '-');
}

function label(path: string): string {
  const parts = path.split('.').slice(2);
  const words = (parts.length ? parts : path.split('.').slice(1)).join(' ');
  return words
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());
}

function shown(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

export class LeverForm {
  /** Accepted changes against the preset, by path, as text (what the link holds). */
  readonly sets = new Map<string, string>();
  private raw: unknown = {};
  private model = '';
  private specs: LeverSpec[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: (sets: string[]) => void,
    /** Field ids start with it: several forms on one page (compare's panes) need their own. */
    private readonly idPrefix = 'lever-',
  ) {}

  /** Build the form for a preset's raw scenario with these accepted assignments applied. */
  build(raw: unknown, model: string, sets: readonly string[]): void {
    this.raw = raw;
    this.sets.clear();
    for (const a of sets) {
      const eq = a.indexOf('=');
      this.sets.set(a.slice(0, eq), a.slice(eq + 1));
    }
    this.model = model;
    this.specs = leversOf(model);
    const groups = new Map<string, HTMLDetailsElement>();
    for (const spec of this.specs) {
      let g = groups.get(spec.group);
      if (!g) {
        g = document.createElement('details');
        g.className = 'lever-group';
        g.open = OPEN_GROUPS.has(spec.group);
        const s = document.createElement('summary');
        s.textContent = groupLabel(spec.group);
        g.append(s);
        groups.set(spec.group, g);
      }
      g.append(this.field(spec));
    }
    this.root.replaceChildren(...groups.values());
    this.markChanged();
    this.showEffects(model);
  }

  /** Fill each lever's effect sentence, from the lever-effect table (loaded once, after the form). */
  private showEffects(model: string): void {
    const spans = () => this.root.querySelectorAll<HTMLElement>('.lever-effect');
    if (model !== TABLE_MODEL) {
      for (const s of spans()) s.replaceChildren(...tNodes('effect.notMeasured', { command: codeNode('govsim effects') }));
      return;
    }
    const specs = this.specs;
    void loadLeverEffects().then((table) => {
      if (this.specs !== specs) return; // the form was rebuilt meanwhile
      const none = notMeasured(locale());
      for (const s of spans()) {
        const text = leverEffectSentence(table, s.dataset.path!, locale());
        // Not measured: said with the command as code, as above.
        if (text === none) s.replaceChildren(...tNodes('effect.notMeasured', { command: codeNode('govsim effects') }));
        else s.textContent = text;
      }
    });
  }

  /** The assignments in force, sorted by path (stable links). */
  assignments(): string[] {
    return [...this.sets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, v]) => `${p}=${v}`);
  }

  private field(spec: LeverSpec): HTMLElement {
    const id = fieldId(spec.path, this.idPrefix);
    const texts = leverTexts(this.model, spec);
    const wrap = document.createElement('div');
    wrap.className = 'lever';
    wrap.dataset.path = spec.path;
    const lab = document.createElement('label');
    lab.htmlFor = id;
    lab.textContent = texts.label;
    // The kind badge sits beside the label, not in it, so the field's label stays the lever's name.
    let badge: HTMLElement | null = null;
    if (spec.kind) {
      // Society (who the people are: the same in every regime preset) or policy (what a government
      // chooses): design/MODEL.md section 7.
      const kind = document.createElement('span');
      kind.className = `lever-kind lever-kind-${spec.kind}`;
      kind.textContent = t(`lever.kind.${spec.kind}`);
      // Screen readers hear the kind in the help text below.
      kind.setAttribute('aria-hidden', 'true');
      kind.title = t(`lever.kind.${spec.kind}.title`);
      badge = kind;
    }
    const help = document.createElement('p');
    help.className = 'lever-help';
    help.id = `${id}-help`;
    const range = rangeText(spec) ? ` ${rangeText(spec)}` : '';
    const kindText = spec.kind === 'society' ? t('lever.kind.society.help') : spec.kind === 'policy' ? t('lever.kind.policy.help') : '';
    help.textContent = texts.help + range + kindText + ' ';
    const effect = document.createElement('span');
    effect.className = 'lever-effect';
    effect.dataset.path = spec.path;
    help.append(effect);
    const err = document.createElement('p');
    err.className = 'field-error';
    err.id = `${id}-error`;
    err.setAttribute('aria-live', 'polite');
    const current = this.sets.get(spec.path) ?? shown(valueAt(this.raw, spec.path) ?? spec.default);
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.type === 'boolean') {
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.checked = current === 'true';
      input = cb;
    } else if (spec.type === 'enum') {
      const sel = document.createElement('select');
      for (const o of spec.options!) sel.append(new Option(optionText(o), o));
      sel.value = current;
      input = sel;
    } else {
      const t = document.createElement('input');
      t.type = 'text';
      t.inputMode = 'decimal';
      t.autocomplete = 'off';
      t.spellcheck = false;
      t.value = current;
      input = t;
    }
    input.id = id;
    input.setAttribute('aria-describedby', `${id}-error ${id}-help`);
    const apply = () => this.accept(spec, input, err);
    input.addEventListener('change', apply);
    if (input instanceof HTMLInputElement && input.type === 'text') {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') apply();
      });
    }
    const row = document.createElement('div');
    row.className = 'lever-row';
    row.append(input);
    // A slider beside the box for bounded numbers (the box stays the exact, typed value).
    if ((spec.type === 'number' || spec.type === 'integer') && spec.min !== undefined && spec.max !== undefined && spec.max - spec.min <= 100) {
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.min = String(spec.min);
      slider.max = String(spec.max);
      slider.step = spec.type === 'integer' ? '1' : String((spec.max - spec.min) / 100);
      slider.value = current;
      slider.className = 'lever-slider';
      slider.setAttribute('aria-label', t('lever.slider', { label: texts.label }));
      slider.addEventListener('input', () => (input.value = String(+Number(slider.value).toPrecision(6))));
      slider.addEventListener('change', apply);
      input.addEventListener('input', () => (slider.value = input.value));
      row.append(slider);
    }
    if (spec.unit) {
      const u = document.createElement('span');
      u.className = 'unit';
      u.textContent = unitText(spec.unit);
      row.append(u);
    }
    if (badge) {
      const head = document.createElement('div');
      head.className = 'lever-head';
      head.append(lab, badge);
      wrap.append(head, row, err, help);
    } else wrap.append(lab, row, err, help);
    return wrap;
  }

  private accept(spec: LeverSpec, input: HTMLInputElement | HTMLSelectElement, err: HTMLElement): void {
    const texts = leverTexts(this.model, spec);
    const text = input instanceof HTMLInputElement && input.type === 'checkbox' ? String(input.checked) : input.value;
    const r = checkLever(spec, text);
    if (!r.ok) {
      // checkLever names the lever by its path, in English (as the command line does); the page names it
      // by the label the student sees beside the field, in the page's language.
      this.refuse(input, err, problemText(spec, texts.label, r.problem, r.text));
      return;
    }
    const valueText = typeof r.value === 'string' ? r.value : JSON.stringify(r.value);
    const next = new Map(this.sets);
    const original = valueAt(this.raw, spec.path) ?? spec.default;
    if (valueText === (typeof original === 'string' ? original : JSON.stringify(original))) next.delete(spec.path);
    else next.set(spec.path, valueText);
    // The whole scenario, as the worker will check it (cross-field rules too).
    const sets = [...next.entries()].map(([p, v]) => `${p}=${v}`);
    let changed: unknown;
    try {
      changed = applyOverrides(this.raw, sets, 'lever');
      parseScenario(changed, 'lever');
    } catch (e) {
      const problems = e instanceof ScenarioError ? e.problems : [(e as Error).message];
      this.refuse(input, err, problems.join(' '));
      return;
    }
    // Too large for a tab (web/bounds.ts): refused here, with the fields that drive it.
    const refusal = browserRefusal(changed);
    if (refusal) {
      this.refuse(input, err, t('lever.tooLarge', { refusal }));
      return;
    }
    err.textContent = '';
    input.setAttribute('aria-invalid', 'false');
    this.sets.clear();
    for (const [p, v] of next) this.sets.set(p, v);
    this.markChanged();
    this.onChange(this.assignments());
  }

  private refuse(input: HTMLElement, err: HTMLElement, message: string): void {
    err.textContent = t('lever.notApplied', { message });
    input.setAttribute('aria-invalid', 'true');
  }

  /** Show a problem from the worker at the field it names (or return false). */
  showProblem(message: string): boolean {
    const spec = this.specs.find((s) => message.includes(s.path));
    if (!spec) return false;
    const err = document.getElementById(`${fieldId(spec.path, this.idPrefix)}-error`);
    if (err) err.textContent = message;
    return !!err;
  }

  private markChanged(): void {
    for (const el of this.root.querySelectorAll<HTMLElement>('.lever')) el.classList.toggle('changed', this.sets.has(el.dataset.path!));
    for (const d of this.root.querySelectorAll<HTMLDetailsElement>('details')) {
      const n = d.querySelectorAll('.lever.changed').length;
      d.classList.toggle('changed', n > 0);
      if (n > 0) d.open = true;
    }
  }
}
