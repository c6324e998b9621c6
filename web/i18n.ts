/**
 * The page's language: English (default) or Simplified Chinese, chosen by the address (`lang=zh`) so a
 * shared link opens in the language it was copied in. t(key, params) gives a message of the current
 * language from the tables in web/i18n/ (typed: a key missing in zh fails the type check), with
 * `{name}` placeholders filled from params. The language is read once, when this module is first
 * imported, so every module that builds text at import time already sees it; tests call setLang().
 *
 * Also here: the locale for Intl number and date formatting (web/format.ts takes it as a parameter),
 * the static text of index.html (elements marked data-i18n), the EN / 中文 switch, and keeping
 * `lang=` in the address whatever else rewrites it.
 */
import { en, type MessageKey } from './i18n/en';
import { zh } from './i18n/zh';

export type { MessageKey } from './i18n/en';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** Every language's table; zh is typed Record<MessageKey, string>, so it has every key of en. */
export const TABLES: Record<Lang, Readonly<Record<MessageKey, string>>> = { en, zh };

/** BCP 47 locale of each language, for Intl (numbers, dates). */
const LOCALES: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/** The language an address asks for, and a message when its `lang` is not one we have. */
export function readLang(search: string): { lang: Lang; problem?: string } {
  const v = new URLSearchParams(search).get('lang');
  if (v === null || v === '') return { lang: 'en' };
  if ((LANGS as readonly string[]).includes(v)) return { lang: v as Lang };
  // Said in both languages: the reader's language is the one we could not read.
  const params = { value: JSON.stringify(v), allowed: LANGS.join(', ') };
  return { lang: 'en', problem: `${fill(en['lang.bad'], params)} / ${fill(zh['lang.bad'], params)}` };
}

const initial = readLang(typeof location === 'undefined' ? '' : location.search);
let current: Lang = initial.lang;

/** The problem with the address's `lang`, if any, for the page's link-problem banner. */
export const LANG_PROBLEM: string | undefined = initial.problem;

export function lang(): Lang {
  return current;
}

/** For tests and tools: switch the language of t() (the page itself reloads to switch). */
export function setLang(l: Lang): void {
  current = l;
}

/** The Intl locale of the current language. */
export function locale(): string {
  return LOCALES[current];
}

export type Params = Readonly<Record<string, string | number>>;

/** `{name}` -> params.name; a placeholder without a value stays as written, so it shows in tests. */
function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The message `key` in the current language, placeholders filled. */
export function t(key: MessageKey, params?: Params): string {
  return tIn(current, key, params);
}

/** The message `key` in language `l` (for pure functions that take a locale rather than the page's). */
export function tIn(l: Lang, key: MessageKey, params?: Params): string {
  return fill(TABLES[l][key] ?? en[key], params);
}

/** The language of a BCP 47 locale: zh for zh, zh-CN, zh-Hans...; else English. */
export function langOf(locale: string): Lang {
  return /^zh\b/i.test(locale) ? 'zh' : 'en';
}

/**
 * The message `key` as DOM pieces: a placeholder whose value is a Node (e.g. a <code> holding a
 * command) is put in as that node, the rest as text. For messages that hold code or a link.
 */
export function tNodes(key: MessageKey, params: Readonly<Record<string, string | number | Node>>): (string | Node)[] {
  const out: (string | Node)[] = [];
  const text = TABLES[current][key] ?? en[key];
  let at = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    const v = params[m[1]];
    if (v === undefined) continue;
    out.push(text.slice(at, m.index));
    out.push(typeof v === 'object' ? v : String(v));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out.filter((x) => x !== '');
}

/** A <code> element that is not for translation (a command, a parameter path, a file name). */
export function codeNode(text: string): HTMLElement {
  const c = document.createElement('code');
  c.textContent = text;
  c.setAttribute('translate', 'no');
  return c;
}

/** Whether `key` is a message key (for keys built from data, e.g. `channel.${code}`). */
export function hasKey(key: string): key is MessageKey {
  return key in en;
}

/** t() of a key built from data, or `fallback` when there is no such key. */
export function tOr(key: string, fallback: string, params?: Params): string {
  return hasKey(key) ? t(key, params) : fallback;
}

/**
 * The label of a code of the governance model's tables (sim/governance/codes.ts) in the page's language:
 * `level`, `layer`, `channel`, `resolver`, `status` or `type`, by the code's number; `fallback` (the
 * model's English label) for a code the tables do not have yet.
 */
export function codeLabel(table: 'level' | 'layer' | 'channel' | 'resolver' | 'status' | 'type', code: number, fallback = '?'): string {
  return tOr(`${table}.${code}`, fallback);
}

/** "a, b and c" in language `l` (zh: "a、b和c"). */
export function listText(items: readonly string[], l: Lang = current): string {
  if (items.length <= 1) return items.join('');
  return tIn(l, 'list.pair', { a: items.slice(0, -1).join(tIn(l, 'list.sep')), b: items[items.length - 1] });
}

/** `search` with `lang` set to `l` (removed for English, the default), every other parameter kept in order. */
export function withLang(search: string, l: Lang = current): string {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  if (l === 'en') q.delete('lang');
  else q.set('lang', l);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** An address (absolute, or relative like "?a=1" or "./?a=1") with the current language kept in it. */
export function urlWithLang(url: string, l: Lang = current): string {
  const at = url.indexOf('?');
  const hash = url.indexOf('#');
  const end = hash >= 0 ? hash : url.length;
  const base = at >= 0 && at < end ? url.slice(0, at) : url.slice(0, end);
  const search = at >= 0 && at < end ? url.slice(at, end) : '';
  return base + withLang(search, l) + url.slice(end);
}

/**
 * Static text of the page: [data-i18n] sets textContent, [data-i18n-html] sets markup from the table
 * (the tables are ours, never a link's), [data-i18n-attr="aria-label:key;title:key"] sets attributes.
 */
export function localizePage(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n!;
    if (hasKey(key)) el.textContent = t(key);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-html]')) {
    const key = el.dataset.i18nHtml!;
    if (hasKey(key)) el.innerHTML = t(key);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr!.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key && hasKey(key)) el.setAttribute(attr, t(key));
    }
  }
}

/**
 * The EN / 中文 switch: links to this address in the other language. The href is computed when it is
 * used, because the page rewrites its address as the run changes (seed, levers, panes).
 */
export function buildSwitch(container: HTMLElement): void {
  const group = document.createElement('span');
  group.className = 'lang-switch';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('lang.switch'));
  const links = LANGS.map((l, i) => {
    const a = document.createElement('a');
    a.lang = l === 'zh' ? 'zh-CN' : 'en';
    a.hreflang = a.lang;
    a.dataset.lang = l;
    a.textContent = t(l === 'zh' ? 'lang.zh' : 'lang.en');
    // The other language's name is a proper name in any language: not for translation.
    a.setAttribute('translate', 'no');
    if (l === current) a.setAttribute('aria-current', 'true');
    const refresh = () => (a.href = urlWithLang(location.pathname + location.search + location.hash, l));
    refresh();
    for (const ev of ['focus', 'pointerenter', 'pointerdown']) a.addEventListener(ev, refresh);
    a.addEventListener('click', (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      e.preventDefault();
      if (l !== current) location.assign(refresh());
    });
    return i ? [' / ', a] : [a];
  });
  group.append(...links.flat());
  container.append(group);
}

/**
 * Keep `lang=` in the address and in the page's own links, whoever writes them: main.ts, compare.ts and
 * sensitivity.ts rewrite the address with history.replaceState as a run changes, and build links from
 * url-state.ts, none of which know the language. Doing it here, once, means no writer can drop it.
 * English is the default and adds nothing.
 */
export function keepLangInAddress(): void {
  if (current === 'en') return;
  for (const name of ['replaceState', 'pushState'] as const) {
    const original = history[name].bind(history);
    history[name] = (data: unknown, unused: string, url?: string | URL | null) =>
      original(data, unused, url === undefined || url === null ? url : urlWithLang(String(url)));
  }
  // Links of this page (?… or ./?…), when followed: the href is rewritten at the click, so links built
  // later need no care.
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.dataset.lang || a.download) return;
      const href = a.getAttribute('href')!;
      if (href.startsWith('?') || href.startsWith('./')) a.setAttribute('href', urlWithLang(href));
    },
    true,
  );
}

/**
 * Start the page's language: the document's lang and title, the static text, the switch (in the top
 * navigation) and the address keeper. Returns the problem with `lang=`, if any, for the link banner.
 */
export function startLanguage(): string | undefined {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('page.title');
  localizePage();
  const nav = document.querySelector<HTMLElement>('nav.nav');
  if (nav) buildSwitch(nav);
  keepLangInAddress();
  return LANG_PROBLEM;
}
