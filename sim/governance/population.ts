/**
 * Citizens as typed-array columns (never one object per citizen). 24 bytes per citizen:
 *
 *   hardship      Uint8   H in [0,1], quantised /255 (Epstein's perceived hardship, before economy drift)
 *   riskAversion  Uint8   R in [0,1], /255
 *   legitimacy    Float32 L_i in [0,1], the citizen's own perceived legitimacy (before the global shift)
 *   awareness     Uint8   legal awareness in [0,1], /255 (grows with the rule-of-law lever, lazily)
 *   ties          Uint8   social ties in the grid, /255
 *   threshold     Uint8   Granovetter joining threshold (share of grid neighbours taking part), /255
 *   volunteer     Uint8   0 = none, else NGO team type (TEAM_* of codes.ts)
 *   grievance     Float32 accumulated unresolved grievance, valid at day grievanceDay, decays lazily
 *   grievanceDay  Uint16  day at which `grievance` was last written
 *   state         Uint8   CIT_* of codes.ts (quiet, in dispute, petitioning, active, detained)
 *   openCases     Uint8   disputes open for this citizen
 *   detainedUntil Uint16  day of release when detained
 *   victimDay     Uint16  1 + day of last victimisation by crime (0 = never), for the survey
 *   candidate     Uint8   1 when in the collective-action candidate set
 *   project       Uint8   1 when burdened by an approved project whose collective dispute is open
 *
 * The home grid is not stored: citizens are contiguous by grid (see hierarchy.ts).
 * Initial distributions use u^a with a = 1/mean - 1, a [0,1] variable with the given mean that keeps
 * most mass low for small means (hardship is concentrated in a few).
 */
import type { Stream } from '../core/random';
import type { GovernanceParams } from './params';
import { TEAM_CORRECTION, TEAM_COUNSELLING, TEAM_MEDIATION, TEAM_PATROLS, TEAM_WORTHIES } from './codes';

export interface Citizens {
  n: number;
  hardship: Uint8Array;
  riskAversion: Uint8Array;
  legitimacy: Float32Array;
  awareness: Uint8Array;
  ties: Uint8Array;
  threshold: Uint8Array;
  volunteer: Uint8Array;
  grievance: Float32Array;
  grievanceDay: Uint16Array;
  state: Uint8Array;
  openCases: Uint8Array;
  detainedUntil: Uint16Array;
  victimDay: Uint16Array;
  candidate: Uint8Array;
  project: Uint8Array;
}

export const BYTES_PER_CITIZEN = 24;

export function allocateCitizens(n: number): Citizens {
  return {
    n,
    hardship: new Uint8Array(n),
    riskAversion: new Uint8Array(n),
    legitimacy: new Float32Array(n),
    awareness: new Uint8Array(n),
    ties: new Uint8Array(n),
    threshold: new Uint8Array(n),
    volunteer: new Uint8Array(n),
    grievance: new Float32Array(n),
    grievanceDay: new Uint16Array(n),
    state: new Uint8Array(n),
    openCases: new Uint8Array(n),
    detainedUntil: new Uint16Array(n),
    victimDay: new Uint16Array(n),
    candidate: new Uint8Array(n),
    project: new Uint8Array(n),
  };
}

function powerFor(mean: number): number {
  const m = Math.min(0.99, Math.max(0.01, mean));
  return 1 / m - 1;
}

/** Draw every citizen's traits from the 'population' stream. */
export function initCitizens(c: Citizens, p: GovernanceParams, rng: Stream): void {
  const u = rng.next;
  const aH = powerFor(p.population.hardshipMean);
  const aR = powerFor(p.population.riskAversionMean);
  const aA = powerFor(p.population.legalAwarenessMean);
  const aT = powerFor(p.population.tiesMean);
  const lm = p.legitimacy.initialMean;
  const ls = p.legitimacy.initialSpread;
  const tm = p.participation.thresholdMean;
  const ts = p.participation.thresholdSpread;
  const share = p.participation.initialShare;
  const teams = enabledTeams(p);
  for (let i = 0; i < c.n; i++) {
    c.hardship[i] = Math.round(255 * Math.pow(u(), aH));
    c.riskAversion[i] = Math.round(255 * Math.pow(u(), aR));
    let l = lm + ls * (2 * u() - 1);
    c.legitimacy[i] = l < 0 ? 0 : l > 1 ? 1 : l;
    c.awareness[i] = Math.round(255 * Math.pow(u(), aA));
    c.ties[i] = Math.round(255 * Math.pow(u(), aT));
    // Uniform threshold around the mean (Granovetter 1978 uses a distribution of thresholds).
    let th = tm + ts * (2 * u() - 1);
    c.threshold[i] = Math.round(255 * (th < 0 ? 0 : th > 1 ? 1 : th));
    // Both draws are taken whatever the policy, so that every citizen's later traits (and every other
    // regime's citizens) come from the same numbers: common random numbers across presets.
    const join = u();
    const team = u();
    if (teams.length > 0 && join < share) c.volunteer[i] = teams[Math.floor(team * teams.length)];
  }
}

/** NGO team types switched on by the scenario, in fixed order. */
export function enabledTeams(p: GovernanceParams): number[] {
  const t = p.ngo.teams;
  const out: number[] = [];
  if (p.ngo.support <= 0) return out;
  if (t.mediation) out.push(TEAM_MEDIATION);
  if (t.worthies) out.push(TEAM_WORTHIES);
  if (t.patrols) out.push(TEAM_PATROLS);
  if (t.correction) out.push(TEAM_CORRECTION);
  if (t.counselling) out.push(TEAM_COUNSELLING);
  return out;
}

/** Teams whose members mediate (add NGO resolver capacity). */
export function mediatingTeam(team: number): boolean {
  return team === TEAM_MEDIATION || team === TEAM_WORTHIES || team === TEAM_COUNSELLING;
}

/** Teams whose members deter (patrols; community correction lowers reoffending). */
export function deterringTeam(team: number): boolean {
  return team === TEAM_PATROLS || team === TEAM_CORRECTION;
}
