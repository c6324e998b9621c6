/**
 * Validation of whole-number fields (seed, end step) typed by a person or read from a link. A message
 * names the field, the value found and what is allowed, as everywhere in govsim.
 */

export const SEED_MAX = 4294967295; // 2^32 - 1, as the scenario schema allows
export const STEPS_MAX = 10_000_000;

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface WholeNumberRule {
  /** Field name as the person sees it, e.g. "Seed". */
  what: string;
  min: number;
  max: number;
}

export const SEED_RULE: WholeNumberRule = { what: 'Seed', min: 0, max: SEED_MAX };
export const STEPS_RULE: WholeNumberRule = { what: 'End step', min: 1, max: STEPS_MAX };

/** Digits only (no sign, point or exponent), within [min, max]. */
export function parseWholeNumber(text: string, rule: WholeNumberRule): Parsed {
  const allowed = `allowed: a whole number from ${rule.min} to ${rule.max}`;
  const t = text.trim();
  if (t === '') return { ok: false, message: `${rule.what} is empty; ${allowed}.` };
  const shown = JSON.stringify(t.length > 40 ? t.slice(0, 37) + '...' : t);
  if (/^-\d+$/.test(t)) return { ok: false, message: `${rule.what} ${shown} is too small; ${allowed}.` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `${rule.what} ${shown} is not a whole number; ${allowed}.` };
  const value = Number(t);
  if (value < rule.min) return { ok: false, message: `${rule.what} ${shown} is too small; ${allowed}.` };
  if (value > rule.max) return { ok: false, message: `${rule.what} ${shown} is too large; ${allowed}.` };
  return { ok: true, value };
}
