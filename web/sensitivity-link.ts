/**
 * The Sensitivity view's address: ?view=sensitivity plus the scenario of a run (scenario, seed,
 * set.params.x=v, as url-state.ts reads them) and the screening settings
 *   kind=policy|society|all  params=a,b,c (parameter names without "params.")  r=N (trajectories)
 *   result=<same-origin URL of a sensitivity.json to open>; steps=N is each run's length (read by url-state.ts).
 * Pure: no DOM, so it is unit-tested in Node. Messages are in the page's language (web/i18n.ts).
 */
import { t } from './i18n';
import { KIND_CHOICES, type KindChoice } from './sensitivity-kinds';

export const R_MIN = 2;
export const R_MAX = 20;
export const DEFAULT_R = 4;
export const DEFAULT_SCREEN_STEPS = 365;

export interface ScreenLink {
  kind?: KindChoice;
  params?: string[];
  r?: number;
  result?: string;
}

/** The screening settings of a link, with a message for each unusable one (that setting then takes its default). */
export function readScreenLink(search: string): { link: ScreenLink; problems: string[] } {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const link: ScreenLink = {};
  const kind = q.get('kind');
  if (kind !== null) {
    if ((KIND_CHOICES as readonly string[]).includes(kind)) link.kind = kind as KindChoice;
    else problems.push(t('sensLink.badKind', { value: JSON.stringify(kind), allowed: KIND_CHOICES.join(', ') }));
  }
  const params = q.get('params');
  if (params !== null) {
    const list = params
      .split(',')
      .map((s) => s.trim().replace(/^params\./, ''))
      .filter(Boolean);
    if (list.length) link.params = list;
  }
  const r = q.get('r');
  if (r !== null) {
    const n = Number(r);
    if (/^\d+$/.test(r.trim()) && n >= R_MIN && n <= R_MAX) link.r = n;
    else problems.push(t('sensLink.badR', { value: JSON.stringify(r), min: R_MIN, max: R_MAX, r: DEFAULT_R }));
  }
  const result = q.get('result');
  if (result !== null && result.trim() !== '') link.result = result.trim();
  return { link, problems };
}

export interface SensitivityLinkState {
  presetId: string;
  seed?: number;
  steps?: number;
  sets?: readonly string[];
  kind?: KindChoice;
  params?: readonly string[];
  r?: number;
  result?: string;
}

/** The query string of the Sensitivity view. */
export function sensitivityLinkFor(s: SensitivityLinkState): string {
  const q = new URLSearchParams({ view: 'sensitivity', scenario: s.presetId });
  if (s.seed !== undefined) q.set('seed', String(s.seed));
  if (s.steps !== undefined) q.set('steps', String(s.steps));
  for (const a of s.sets ?? []) {
    const eq = a.indexOf('=');
    q.append(`set.${a.slice(0, eq)}`, a.slice(eq + 1));
  }
  if (s.kind) q.set('kind', s.kind);
  if (s.params?.length) q.set('params', s.params.join(','));
  if (s.r !== undefined) q.set('r', String(s.r));
  if (s.result) q.set('result', s.result);
  return `?${q}`;
}

/**
 * A `result=` address resolved against the page, allowed only on the page's own origin (a link must
 * not make the page fetch from elsewhere; fetching another site would also need that site's consent).
 */
export function sameOriginUrl(text: string, page: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text, page);
  } catch {
    return { ok: false, message: t('sensLink.notAddress', { value: JSON.stringify(text) }) };
  }
  const origin = new URL(page).origin;
  if (url.origin !== origin) {
    return { ok: false, message: t('sensLink.otherSite', { url: url.href, origin }) };
  }
  return { ok: true, url: url.href };
}
