/**
 * The preset scenarios, bundled at build time from scenarios/*.json. The worker validates a preset when
 * it loads it; here we only read what the picker shows (name, description, sources).
 */
import { browserRefusal } from './bounds';
import { lang } from './i18n';
import { PRESETS_ZH, SOURCES_ZH } from './i18n/presets-zh';

const files = import.meta.glob('../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export interface Preset {
  /** File base name, e.g. "epstein-2002-run1": the `scenario` of the page's URL. */
  id: string;
  model: string;
  /** Name, description and sources in the page's language (web/i18n/presets-zh.ts for lang=zh). */
  name: string;
  description: string;
  /** Sources; in Chinese they may mark citations ⟦…⟧ and code `…` (web/rich-text.ts). */
  sources: string[];
  /** True when name, description or a source is shown in English for want of a translation. */
  untranslated?: boolean;
  /** The scenario as written in its file, passed to the worker's load(). */
  raw: unknown;
}

function text(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

export const PRESETS: Preset[] = Object.entries(files)
  .map(([path, raw]) => ({ id: path.replace(/^.*\//, '').replace(/\.json$/, ''), raw }))
  .filter(({ id, raw }) => id !== 'schema' && typeof raw === 'object' && raw !== null && 'model' in raw)
  .map(({ id, raw }) => {
    const r = raw as Record<string, unknown>;
    return localized({
      id,
      model: text(r.model, '?'),
      name: text(r.name, id),
      description: text(r.description, ''),
      sources: Array.isArray(r.sources) ? r.sources.filter((s): s is string => typeof s === 'string') : [],
      raw,
    });
  })
  .sort((a, b) => (a.model === b.model ? a.id.localeCompare(b.id) : a.model === 'epstein' ? -1 : b.model === 'epstein' ? 1 : a.model.localeCompare(b.model)));

/** A preset's texts in the page's language; English where no translation is found (then marked). */
export function localized(p: Preset, language = lang()): Preset {
  if (language !== 'zh') return p;
  const zh = PRESETS_ZH[p.id];
  const sources = p.sources.map((s) => SOURCES_ZH[s]);
  const untranslated = !zh || sources.some((s) => s === undefined);
  return {
    ...p,
    name: zh?.name ?? p.name,
    description: zh?.description ?? p.description,
    sources: sources.map((s, i) => s ?? p.sources[i]),
    ...(untranslated ? { untranslated } : {}),
  };
}

/** The preset the page opens with when the link names none: the governance town. */
export const DEFAULT_PRESET: Preset | undefined =
  PRESETS.find((p) => p.id === 'social-governance') ?? PRESETS.find((p) => p.id === 'epstein-2002-run1') ?? PRESETS[0];

/** Too large to run in a browser tab (e.g. the 65-million province: web/bounds.ts): run it with the CLI. */
export function headlessOnly(p: Preset): boolean {
  return browserRefusal(p.raw) !== undefined;
}

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
