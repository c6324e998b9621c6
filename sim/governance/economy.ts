/**
 * Economy (schedule step 1): hardship drifts with the scenario's trajectory and sets the conflict-rate
 * multiplier of the grievance process. The seed's "USD 1,000-3,000 GDP per capita" band (a period when
 * "various conflicts emerge") is a scenario input that multiplies conflict rates while GDP per capita is
 * inside it, not a law. Everything here is O(1) per day: individual hardship H_i is stored once and
 * scaled by the global factor where it is read (lazy drift).
 *
 * Also evaluated here: the scheduled levers (officers per 1,000, legitimacy shift) and the smart
 * platform's roll-out ramp, so every later step of the day sees the same values.
 */
import type { ScheduledChange } from './params';
import { pow } from '../core/dmath';
import type { World } from './world';

/** Value of a scheduled lever at `day`, starting from `base` (same semantics as the Epstein model). */
export function scheduled(base: number, changes: readonly ScheduledChange[], day: number): number {
  let v = base;
  for (const ch of changes) {
    if (day < ch.at) break;
    if (ch.over <= 0 || day >= ch.at + ch.over) v = ch.to;
    else v = v + ((ch.to - v) * (day - ch.at)) / ch.over;
  }
  return v;
}

export function gdpPerCapita(w: World): number {
  const e = w.params.economy;
  return e.gdpPerCapitaUsd * pow(1 + e.gdpGrowthPerYear, w.day / 365);
}

export function economyStep(w: World): void {
  const e = w.params.economy;
  const years = w.day / 365;
  const hf = 1 + e.hardshipDriftPerYear * years;
  // Stryker disable next-line EqualityOperator: at hf = 0 both give 0
  w.hardshipFactor = hf < 0 ? 0 : hf;
  const gdp = gdpPerCapita(w);
  const band = gdp >= e.conflictBandLowUsd && gdp <= e.conflictBandHighUsd ? e.conflictBandMultiplier : 1;
  // Inequality (Gini) and urbanisation raise conflict rates linearly around reference values 0.3 and 0.
  const ineq = Math.max(0.1, 1 + e.inequalityWeight * (e.inequality - 0.3));
  const urb = 1 + e.urbanisationWeight * e.urbanisation;
  w.rateFactor = band * ineq * urb * w.hardshipFactor;
  w.officersPer1000 = scheduled(w.params.enforcement.officersPer1000, w.params.enforcement.officerSchedule, w.day);
  w.legitimacyShift = scheduled(0, w.params.legitimacy.shiftSchedule, w.day);
  const sp = w.params.smartPlatform;
  w.platform = !sp.enabled ? 0 : sp.rampDays <= 0 ? 1 : Math.min(1, (w.day + 1) / sp.rampDays);
}
