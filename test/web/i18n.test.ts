/**
 * Both languages complete (issue 12 item 5): the English and Chinese message tables have the same keys,
 * no empty value, the same {placeholders} and the same markup tags; every Chinese value is Chinese; every
 * lever, unit, enum option, preset and source has a Chinese text; the code tables of the model, the cards
 * and the lever groups have their keys. And the module's behaviour: lang= from the address (a bad value
 * named with what is allowed), t()'s interpolation, the switch's address keeping every other parameter,
 * the Chinese lever-effect sentences and dates.
 */
import { afterEach, describe, expect, it } from 'vitest';
import levers from '../../docs/levers.json';
import { CHANNEL_LABELS, LEVEL_LABELS, RESOLVER_LABELS, STATUS_LABELS, TYPE_LABELS } from '../../sim/governance/index';
import { CARDS } from '../../web/cards';
import { formatDifference } from '../../web/diff-table';
import { formatCount, formatDate, formatShare, formatSigned } from '../../web/format';
import { hasKey, langOf, listText, locale, readLang, setLang, t, TABLES, urlWithLang, withLang, type MessageKey } from '../../web/i18n';
import { en } from '../../web/i18n/en';
import { LEVERS_ZH, OPTIONS_ZH, UNITS_ZH } from '../../web/i18n/levers-zh';
import { PRESETS_ZH, SOURCES_ZH } from '../../web/i18n/presets-zh';
import { zh } from '../../web/i18n/zh';
import { leverEffectSentence, type LeverEffectsTable } from '../../web/lever-effects';
import { leversOf } from '../../web/lever-spec';
import { localized, PRESETS } from '../../web/presets';
import { parseRich, plainText } from '../../web/rich-text';

/** Han ideographs, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** English values that may be empty: the part after a counter, which English does not need ("Step 3 of 10"). */
const EMPTY_IN_ENGLISH = new Set<string>(['counter.after', 'counter.dayAfter']);
/** Chinese values without Chinese characters on purpose: the name of English, written in English. */
const NOT_CJK = new Set<string>(['lang.en']);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?([a-z]+)/g)].map((m) => m[0]).sort();
const MODELS = ['governance', 'epstein'];

afterEach(() => setLang('en'));

describe('the message tables', () => {
  it('have the same keys in English and Chinese', () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zh).sort();
    expect(zhKeys.filter((k) => !(k in en)), 'keys only in zh').toEqual([]);
    expect(enKeys.filter((k) => !(k in zh)), 'keys missing in zh').toEqual([]);
  });

  it('have no empty value (English may leave a counter suffix empty)', () => {
    for (const [k, v] of Object.entries(en)) if (!EMPTY_IN_ENGLISH.has(k)) expect(v.trim(), `en ${k}`).not.toBe('');
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), `zh ${k}`).not.toBe('');
  });

  it('use the same placeholders and markup tags in both languages', () => {
    for (const k of Object.keys(en) as MessageKey[]) {
      expect(placeholders(zh[k]), `placeholders of ${k}`).toEqual(placeholders(en[k]));
      expect(tags(zh[k]), `tags of ${k}`).toEqual(tags(en[k]));
    }
  });

  it('are Chinese in Chinese (a value that only joins placeholders has no words of its own)', () => {
    for (const [k, v] of Object.entries(zh)) {
      const words = v.replace(/\{\w+\}/g, '');
      if (!NOT_CJK.has(k) && /\S/.test(words)) expect(v, `zh ${k}`).toMatch(CJK);
    }
  });

  it('name every code of the governance model, every card and every lever group', () => {
    const tables: [string, readonly string[]][] = [
      ['channel', CHANNEL_LABELS],
      ['level', LEVEL_LABELS],
      ['layer', LEVEL_LABELS],
      ['status', STATUS_LABELS],
      ['type', TYPE_LABELS],
    ];
    for (const [name, labels] of tables) for (let i = 0; i < labels.length; i++) expect(hasKey(`${name}.${i}`), `${name}.${i}`).toBe(true);
    // Negotiation (code 0) has no resolver, so no label.
    for (let i = 0; i < RESOLVER_LABELS.length; i++) if (RESOLVER_LABELS[i]) expect(hasKey(`resolver.${i}`), `resolver.${i}`).toBe(true);
    for (const c of CARDS) for (const k of [`card.${c.key}`, `card.${c.key}.help`]) expect(hasKey(k), k).toBe(true);
    for (const m of MODELS) for (const s of leversOf(m)) expect(hasKey(`lever.group.${s.group}`), `lever.group.${s.group}`).toBe(true);
  });
});

describe('the levers and presets in Chinese', () => {
  it('give every lever of every model a Chinese label and help, and no lever that is gone', () => {
    for (const m of MODELS) {
      const paths = leversOf(m).map((s) => s.path);
      const table = LEVERS_ZH[m];
      expect(paths.filter((p) => !table[p]), `${m} levers without Chinese`).toEqual([]);
      expect(Object.keys(table).filter((p) => !paths.includes(p)), `${m} Chinese texts of no lever`).toEqual([]);
      for (const p of paths) for (const text of table[p]) expect(text, p).toMatch(CJK);
    }
  });

  it('translate every unit and enum option the levers use', () => {
    for (const m of MODELS)
      for (const s of leversOf(m)) {
        if (s.unit) expect(UNITS_ZH[s.unit], `unit ${s.unit}`).toMatch(CJK);
        for (const o of s.options ?? []) expect(OPTIONS_ZH[o], `option ${o}`).toMatch(CJK);
      }
  });

  it('give every preset a Chinese name and description, and every source a Chinese text', () => {
    expect(PRESETS.length).toBeGreaterThan(0);
    for (const p of PRESETS) {
      expect(PRESETS_ZH[p.id]?.name, `name of ${p.id}`).toMatch(CJK);
      expect(PRESETS_ZH[p.id]?.description, `description of ${p.id}`).toMatch(CJK);
      for (const s of p.sources) {
        expect(SOURCES_ZH[s], `source of ${p.id} without Chinese: ${s}`).toBeDefined();
        // Chinese words, unless the source is only a citation (authors, title, journal stay as published).
        const own = parseRich(SOURCES_ZH[s])
          .filter((part) => part.kind === 'text')
          .map((part) => part.text)
          .join('')
          .replace(/doi:\S+|https?:\S+/g, '');
        if (/[A-Za-z]{3,}/.test(own)) expect(own, `source of ${p.id}: ${s}`).toMatch(CJK);
      }
      const zhPreset = localized(p, 'zh');
      expect(zhPreset.untranslated).toBeUndefined();
      expect(zhPreset.name).toBe(PRESETS_ZH[p.id].name);
    }
    const ids = PRESETS.map((p) => p.id);
    expect(Object.keys(PRESETS_ZH).filter((id) => !ids.includes(id)), 'Chinese texts of no preset').toEqual([]);
  });

  it('keep citations and code apart from the translated words', () => {
    const parts = parseRich('见 ⟦Tyler (1990) Why People Obey the Law⟧ 与 `survey.base`。');
    expect(parts.map((p) => p.kind)).toEqual(['text', 'cite', 'text', 'code', 'text']);
    expect(plainText('a ⟦b⟧ `c`')).toBe('a b c');
    // Outside citations and code, a Chinese source has no run of English words.
    for (const s of Object.values(SOURCES_ZH)) {
      const prose = parseRich(s)
        .filter((p) => p.kind === 'text')
        .map((p) => p.text)
        .join(' ');
      expect(prose, s).not.toMatch(/\b[a-z]{4,} [a-z]{4,}\b/);
    }
  });
});

describe('t() and the language of the address', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(t('explore.loaded', { name: 'Social control', seed: 7 })).toBe('Loaded Social control, seed 7.');
    expect(t('explore.loaded', { seed: 7 })).toBe('Loaded {name}, seed 7.');
    setLang('zh');
    expect(t('explore.loaded', { name: '社会控制', seed: 7 })).toBe('已加载 社会控制，随机种子 7。');
    expect(TABLES.zh['explore.loaded']).toBe(zh['explore.loaded']);
  });

  it('reads lang= from the address: en by default, zh when asked, and names a bad value with what is allowed', () => {
    expect(readLang('')).toEqual({ lang: 'en' });
    expect(readLang('?scenario=social-control')).toEqual({ lang: 'en' });
    expect(readLang('?lang=zh&seed=3')).toEqual({ lang: 'zh' });
    const bad = readLang('?lang=fr');
    expect(bad.lang).toBe('en');
    expect(bad.problem).toContain('lang');
    expect(bad.problem).toContain('"fr"');
    expect(bad.problem).toContain('en, zh');
  });

  it('switches the address language and keeps every other parameter in order', () => {
    const q = '?scenario=social-control&seed=3&steps=200&set.ngo.support=0.5';
    expect(withLang(q, 'zh')).toBe(`${q}&lang=zh`);
    expect(withLang(`${q}&lang=zh`, 'en')).toBe(q);
    expect(withLang('?lang=zh&compare=a,b&seed=1', 'zh')).toBe('?lang=zh&compare=a%2Cb&seed=1');
    expect(urlWithLang('./?view=sensitivity&scenario=x#top', 'zh')).toBe('./?view=sensitivity&scenario=x&lang=zh#top');
    expect(urlWithLang('/govsim/', 'zh')).toBe('/govsim/?lang=zh');
    expect(urlWithLang('/govsim/?lang=zh', 'en')).toBe('/govsim/');
  });

  it('lists in each language', () => {
    expect(listText(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(listText(['甲', '乙', '丙'], 'zh')).toBe('甲、乙和丙');
    expect(langOf('zh-CN')).toBe('zh');
    expect(langOf('en')).toBe('en');
  });
});

describe('generated texts in Chinese', () => {
  it('says what a lever does in Chinese, with the same numbers as in English', () => {
    const table = levers as unknown as LeverEffectsTable;
    const path = Object.keys(table.levers).find((p) => table.levers[p].ends.some((e) => e.moves.length > 0))!;
    const english = leverEffectSentence(table, path, 'en');
    const chinese = leverEffectSentence(table, path, 'zh-CN');
    expect(chinese).toMatch(CJK);
    expect(chinese).not.toMatch(/\b(Raising|Lowering|raises|lowers|No effect)\b/);
    // Units and option values in Chinese too: no pp, person-days, true or an English option name.
    expect(chinese).not.toMatch(/\bpp\b|person-days|per 10,000|\btrue\b|\bfalse\b/);
    const regime = leverEffectSentence(table, 'params.petitions.regime', 'zh-CN');
    expect(regime).toContain('维稳优先');
    expect(regime).not.toMatch(/stability-first|reformed|suppression/);
    // The differences shown are the same numbers with the same signs (U+2212 minus).
    const numbers = (s: string) => [...s.matchAll(/[+\u2212]\d[\d,.]*/g)].map((m) => m[0]);
    expect(numbers(chinese)).toEqual(numbers(english));
    expect(leverEffectSentence(undefined, path, 'zh-CN')).toBe('效果未经测量；可用 govsim effects 测量。');
  });

  it('formats numbers per language, with the minus sign U+2212 in both', () => {
    expect(formatCount(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatSigned(-0.25, 1, 'zh-CN')).toBe('\u22120.3');
    expect(formatShare(0.9658, 2, 'zh-CN')).toBe('96.58%');
    setLang('zh');
    expect(formatDifference({ share: true, decimals: 1 }, 0.5, 0.524, locale())).toBe('+2.4 个百分点');
    expect(formatDifference({ share: true, decimals: 1 }, 0.5, 0.524)).toBe('+2.4 pp');
  });

  it('formats dates per language', () => {
    expect(formatDate('2026-11-27T10:00:00Z', 'zh-CN')).toBe('2026年11月27日');
    expect(formatDate('2026-11-27T10:00:00Z', 'en')).toBe('Nov 27, 2026');
    expect(formatDate('not a date', 'en')).toBe('–');
  });
});
