/**
 * Validation of whole-number fields (seed, end step) typed by a person or read from a link. A message
 * names the field, the value found and what is allowed, as everywhere in govsim, in the page's language.
 */
import { t } from './i18n';

export const SEED_MAX = 4294967295; // 2^32 - 1, as the scenario schema allows
export const STEPS_MAX = 10_000_000;

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface WholeNumberRule {
  /** Field name as the person sees it, e.g. "Seed". */
  what: string;
  min: number;
  max: number;
}

// The field names are read when a message is made (getters), in the page's language.
export const SEED_RULE: WholeNumberRule = {
  get what() {
    return t('field.seed');
  },
  min: 0,
  max: SEED_MAX,
};
export const STEPS_RULE: WholeNumberRule = {
  get what() {
    return t('field.endStep');
  },
  min: 1,
  max: STEPS_MAX,
};

/** Digits only (no sign, point or exponent), within [min, max]. */
export function parseWholeNumber(text: string, rule: WholeNumberRule): Parsed {
  const what = rule.what;
  const allowed = t('number.allowed', { min: rule.min, max: rule.max });
  const typed = text.trim();
  if (typed === '') return { ok: false, message: t('number.empty', { what, allowed }) };
  const value = JSON.stringify(typed.length > 40 ? typed.slice(0, 37) + '...' : typed);
  if (/^-\d+$/.test(typed)) return { ok: false, message: t('number.tooSmall', { what, value, allowed }) };
  if (!/^\d+$/.test(typed)) return { ok: false, message: t('number.notWhole', { what, value, allowed }) };
  const n = Number(typed);
  if (n < rule.min) return { ok: false, message: t('number.tooSmall', { what, value, allowed }) };
  if (n > rule.max) return { ok: false, message: t('number.tooLarge', { what, value, allowed }) };
  return { ok: true, value: n };
}
