/**
 * Citizens as typed-array columns (never one object per citizen). 28 bytes per citizen:
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
 *   firmSlot      Uint16  its place in its village's firm block while FIRM (collective-action.ts)
 *   victimDay     Uint16  1 + day of last victimisation by crime (0 = never), for the survey
 *   candidate     Uint8   1 when in the collective-action candidate set
 *   project       Uint8   1 when burdened by an approved project whose collective dispute is open
 *   detentions    Uint8   times detained in this run (capped at 255), for the redetention share
 *   contactDay    Uint16  1 + day of the last encounter with an authority (0 = none yet), for the survey
 *   contactBad    Uint8   1 when that encounter was unfair (procedural fairness below 0.5)
 *
 * The home grid is not stored: citizens are contiguous by grid (see hierarchy.ts).
 * Initial distributions use u^a with a = 1/mean - 1, a [0,1] variable with the given mean that keeps
 * most mass low for small means (hardship is concentrated in a few). Traits are stored as 0..255, so
 * round(255 u^a) is drawn by inverse lookup in the 255 thresholds ((k + 0.5) / 255)^(1/a): the same
 * level without a power function per citizen (deterministic and fast at 65 million citizens).
 */
import { pow } from '../core/dmath';
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
  firmSlot: Uint16Array;
  victimDay: Uint16Array;
  candidate: Uint8Array;
  project: Uint8Array;
  detentions: Uint8Array;
  contactDay: Uint16Array;
  contactBad: Uint8Array;
}

export const BYTES_PER_CITIZEN = 28;

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
    firmSlot: new Uint16Array(n),
    victimDay: new Uint16Array(n),
    candidate: new Uint8Array(n),
    project: new Uint8Array(n),
    detentions: new Uint8Array(n),
    contactDay: new Uint16Array(n),
    contactBad: new Uint8Array(n),
  };
}

function powerFor(mean: number): number {
  const m = Math.min(0.99, Math.max(0.01, mean));
  return 1 / m - 1;
}

/** Buckets of u for the level lookup: each bucket holds at most a few thresholds. */
const BUCKETS = 4096;

/**
 * Thresholds of u at which round(255 u^a) steps up, ((k + 0.5) / 255)^(1/a) for k = 0..254, with the
 * level at the start of each of BUCKETS equal slices of [0, 1): level() starts there and steps up over
 * the few thresholds in its slice, not a binary search over all 255 (the same count, found faster: it
 * runs four times per citizen, 260 million times at province scale).
 */
interface Levels {
  t: Float64Array;
  start: Uint8Array;
}

function levelThresholds(a: number): Levels {
  const t = new Float64Array(255);
  // Stryker disable next-line EqualityOperator: a write past the 255 thresholds is dropped
  for (let k = 0; k < 255; k++) t[k] = pow((k + 0.5) / 255, 1 / a);
  const start = new Uint8Array(BUCKETS);
  let k = 0;
  for (let b = 0; b < BUCKETS; b++) {
    while (k < 255 && t[k] <= b / BUCKETS) k++;
    start[b] = k;
  }
  return { t, start };
}

/** round(255 u^a) for u in [0, 1): how many thresholds u reaches. */
function level(l: Levels, u: number): number {
  const t = l.t;
  let k = l.start[Math.floor(u * BUCKETS)];
  while (k < 255 && u >= t[k]) k++;
  return k;
}

/** Draw every citizen's traits from the 'population' stream. */
export function initCitizens(c: Citizens, p: GovernanceParams, rng: Stream): void {
  const u = rng.next;
  const tH = levelThresholds(powerFor(p.population.hardshipMean));
  const tR = levelThresholds(powerFor(p.population.riskAversionMean));
  const tA = levelThresholds(powerFor(p.population.legalAwarenessMean));
  const tT = levelThresholds(powerFor(p.population.tiesMean));
  const lm = p.legitimacy.initialMean;
  const ls = p.legitimacy.initialSpread;
  const tm = p.participation.thresholdMean;
  const ts = p.participation.thresholdSpread;
  const share = p.participation.initialShare;
  const teams = enabledTeams(p);
  // Stryker disable next-line EqualityOperator: writes past the last citizen are dropped
  for (let i = 0; i < c.n; i++) {
    c.hardship[i] = level(tH, u());
    c.riskAversion[i] = level(tR, u());
    const l = lm + ls * (2 * u() - 1);
    // Stryker disable next-line EqualityOperator: at exactly 0 or 1 the clamp gives the same value
    c.legitimacy[i] = l < 0 ? 0 : l > 1 ? 1 : l;
    c.awareness[i] = level(tA, u());
    c.ties[i] = level(tT, u());
    // Uniform threshold around the mean (Granovetter 1978 uses a distribution of thresholds).
    const th = tm + ts * (2 * u() - 1);
    // Stryker disable next-line EqualityOperator: at exactly 0 or 1 the clamp gives the same value
    c.threshold[i] = Math.round(255 * (th < 0 ? 0 : th > 1 ? 1 : th));
    // Both draws are taken whatever the policy, so that every citizen's later traits (and every other
    // regime's citizens) come from the same numbers: common random numbers across presets.
    const join = u();
    const team = u();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no team, teams[0] is undefined and stores 0 (no team) anyway
    if (teams.length > 0 && join < share) c.volunteer[i] = teams[Math.floor(team * teams.length)];
  }
}

/**
 * Citizens whose review could ever change anything, in index order: a joining threshold below 1, or a
 * member at the start (who may leave). A non-member at threshold 1 joins only when the whole grid
 * takes part, which cannot happen while they are out (participation.ts).
 *
 * With `cut` below 1 only the reviewers at or below it (and the members at the start) are listed: the
 * rest, non-members whose threshold is above `cut`, are listed grid by grid by highReviewers and
 * reviewed only in grids whose share could reach them.
 */
export function reviewableCitizens(c: Citizens, cut = 1): Int32Array {
  return splitReviewers(c, Int32Array.of(0, c.n), cut).reviewers;
}

/**
 * The other reviewers: non-members at the start whose threshold is above `cut` and below 1, in index
 * order, with the start of each grid's run in `start` (grid g's are list[start[g]] .. list[start[g+1]-1]).
 */
export function highReviewers(c: Citizens, gridStart: Int32Array, cut: number): { list: Int32Array; start: Int32Array } {
  return splitReviewers(c, gridStart, cut).high;
}

/** Both lists in two passes over the citizens (a count, then a fill): world creation's cost at province scale. */
export function splitReviewers(c: Citizens, gridStart: Int32Array, cut: number): { reviewers: Int32Array; high: { list: Int32Array; start: Int32Array } } {
  const lim = 255 * cut;
  const volunteer = c.volunteer;
  const threshold = c.threshold;
  const grids = gridStart.length - 1;
  const start = new Int32Array(grids + 1);
  let low = 0;
  let high = 0;
  for (let g = 0; g < grids; g++) {
    start[g] = high;
    for (let i = gridStart[g]; i < gridStart[g + 1]; i++) {
      const t = threshold[i];
      if (volunteer[i] !== 0) low++;
      else if (t < 255) {
        if (t <= lim) low++;
        else high++;
      }
    }
  }
  start[grids] = high;
  const reviewers = new Int32Array(low);
  const list = new Int32Array(high);
  low = 0;
  high = 0;
  for (let i = 0; i < c.n; i++) {
    const t = threshold[i];
    if (volunteer[i] !== 0) reviewers[low++] = i;
    else if (t < 255) {
      if (t <= lim) reviewers[low++] = i;
      else list[high++] = i;
    }
  }
  return { reviewers, high: { list, start } };
}

/**
 * What each team type does (five mechanisms; participation.ts keeps the counts):
 *   mediation    members' case hours are the NGO resolver's capacity (participation.ts)
 *   worthies     raise the success of village mediation in their village (handling.ts)
 *   patrols      enforcement presence (collective-action.ts) and fewer crimes (safety.ts)
 *   correction   relieve a released detainee's grievance in their village (detention.ts)
 *   counselling  relieve grievance kept from lumped or abandoned disputes in their village (citizen.ts)
 *
 * Returns the NGO team types switched on by the scenario, in fixed order.
 */
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
