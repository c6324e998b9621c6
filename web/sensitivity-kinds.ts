/**
 * Which parameters a screening may vary: a kind (policy, society or all) and the numeric parameters of
 * that kind, as the CLI's `--kind` and `--params` select them (src/sensitivity/factors.ts). Pure.
 */
import { leverName, leversOf, type LeverSpec } from '../src/scenario/levers';

export const KIND_CHOICES = ['policy', 'society', 'all'] as const;
export type KindChoice = (typeof KIND_CHOICES)[number];

/** Parameters offered first when the kind has them: a few levers the model's docs discuss most. */
const FIRST_PICKS = ['mediation.grid.skill', 'ngo.support', 'court.judgesPer100k', 'petitions.onlineShare'];
const DEFAULT_PICK_COUNT = 4;

/** Numeric parameters of `model` of `kind` that have a range to sample (schema order). */
export function screenable(model: string, kind: KindChoice): LeverSpec[] {
  return leversOf(model).filter(
    (s) =>
      s.kind !== 'output' &&
      (kind === 'all' || s.kind === kind) &&
      (s.type === 'number' || s.type === 'integer') &&
      (s.range !== undefined || (Number.isFinite(s.min) && Number.isFinite(s.max))),
  );
}

/** The kinds that have at least one screenable parameter for `model`. */
export function kindsOf(model: string): KindChoice[] {
  return KIND_CHOICES.filter((k) => screenable(model, k).length > 0);
}

/** The parameters ticked by default: the first picks the kind has, else its first few. */
export function defaultPicks(model: string, kind: KindChoice): string[] {
  const names = screenable(model, kind).map(leverName);
  const picks = FIRST_PICKS.filter((n) => names.includes(n));
  return picks.length ? picks : names.slice(0, DEFAULT_PICK_COUNT);
}
