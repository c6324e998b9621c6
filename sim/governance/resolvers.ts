/**
 * Resolvers: every dispute-handling body is a queue with servers ("slots"), a service time, a skill and
 * a procedural-fairness score (MODEL.md section 2). One instance per unit of the hierarchy.
 *
 * Capacity is hours (MODEL.md section 8). A channel has staff (per resident), hoursPerDay paid hours a
 * day of each for dispute work, and cases that need hoursPerCase x (0.5 + severity) working hours over
 * serviceDays x (0.5 + severity) calendar days. A slot is one case under way, so an instance has
 *
 *   slots = staff x hoursPerDay x serviceDays / hoursPerCase
 *
 * and serves staff x hoursPerDay / hoursPerCase cases a day (a case of severity 0.5): demand above that
 * makes a queue, waits lengthen and impatient citizens escalate (handling.ts). Utilisation (busy
 * slot-days over staffed slot-days) is counted per channel. The units:
 *
 *   kind          unit     level    staff
 *   grid          grid     grid     grid workers (mediation.grid)
 *   village       village  village  people's mediation committee members (mediation.village)
 *   ngo           town     village  mediation-team members' volunteered case hours (participation.ts)
 *   town          town     town     administrative mediation office (mediation.town)
 *   police        town     town     officers, their dispute hours (enforcement)
 *   court         county   county   judges, their hours on the area's civil disputes (court)
 *   petition-town town     town     petition office staff (petitions)
 *   petition-cty  county   county   petition office staff (petitions)
 *
 * Cost (MODEL.md section 8: staff cost whether busy or idle): every day each official channel costs its
 * staff x hoursPerDay / 8 person-days, busy or idle (accountStaff); detention costs its detainee-days;
 * interception, risk assessments and hearings are charged where they happen. A case's own `cost` column
 * is the working time spent on it (for the inspector), not an addition to those totals.
 *
 * Queues are FIFO linked lists through the case table (prev/next), so a case can leave from the middle
 * when its citizen's patience runs out. Service is event-driven: a case starts service when a slot is
 * free (at arrival or when another case finishes) and its end is a calendar event, so nothing is polled
 * daily. The instances themselves (layout, slots, queue heads) are the table of resolver-table.ts.
 *
 * The risk-assessment office is not a queue here: proposals are rare (a few per town-year) and each
 * assessment is charged a fixed review time and staff effort (projects.ts).
 */
import type { World } from './world';
import type { GovernanceParams } from './params';
import {
  CH_COURT,
  CH_GRID,
  CH_NGO,
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_POLICE,
  CH_TOWN,
  CH_VILLAGE,
  CHANNEL_LEVEL,
  CHANNELS,
  eventCode,
  FLAG_ONLINE,
  K_PATIENCE,
  K_SERVICE_END,
  ST_DELAYED,
  ST_SERVING,
  ST_WAITING,
} from './codes';
import type { Hierarchy } from './hierarchy';

/** Citizen-index range [from, to) of the unit an instance serves (units are contiguous in the index). */
function unitRange(h: Hierarchy, kind: number, u: number): [number, number] {
  const start =
    kind === CH_GRID ? h.gridStart : kind === CH_VILLAGE ? h.villageStart : kind === CH_COURT || kind === CH_PET_COUNTY ? h.countyStart : h.townStart;
  return [start[u], start[u + 1]];
}

/** How an official channel is staffed: staff per resident, paid hours a day, case hours and days. */
export interface Staffing {
  staffPerResident: number;
  hoursPerDay: number;
  hoursPerCase: number;
  serviceDays: number;
}

/** The staffing of official channel `kind` (null: not staffed, or not official: negotiation, NGO). */
export function staffingOf(p: GovernanceParams, officersPer1000: number, kind: number): Staffing | null {
  switch (kind) {
    case CH_GRID:
    case CH_VILLAGE:
    case CH_TOWN: {
      const m = kind === CH_GRID ? p.mediation.grid : kind === CH_VILLAGE ? p.mediation.village : p.mediation.town;
      if (!m.staffed) return null;
      return { staffPerResident: m.staffPer1000 / 1000, hoursPerDay: m.hoursPerDay, hoursPerCase: m.hoursPerCase, serviceDays: m.serviceDays };
    }
    case CH_POLICE: {
      const e = p.enforcement;
      return { staffPerResident: officersPer1000 / 1000, hoursPerDay: e.disputeHoursPerDay, hoursPerCase: e.hoursPerCase, serviceDays: e.serviceDays };
    }
    case CH_COURT: {
      const c = p.court;
      return { staffPerResident: c.judgesPer100k / 1e5, hoursPerDay: c.hoursPerDay, hoursPerCase: c.mediationHours, serviceDays: c.serviceDays };
    }
    case CH_PET_TOWN:
    case CH_PET_COUNTY: {
      const q = p.petitions;
      return { staffPerResident: q.staffPer100k / 1e5, hoursPerDay: q.hoursPerDay, hoursPerCase: q.hoursPerCase, serviceDays: q.serviceDays };
    }
    default:
      return null;
  }
}

/**
 * Residents of the area before citizen index `i`, weighted by the accountability attention of their
 * village for the grid and village levels (accountability.ts; attention is 1 without it).
 */
function weightedBefore(w: World, kind: number, i: number, hint = -1): number {
  if (kind !== CH_GRID && kind !== CH_VILLAGE) return i;
  const h = w.hierarchy;
  const cum = w.attentionBefore;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the search below gives the same sum at the end of the index
  if (i >= h.residents) return cum[h.villages];
  // The village holding index i (villages are contiguous): the hinted one or the next, else a binary
  // search in villageStart.
  if (hint >= 0 && h.villageStart[hint] <= i) {
    if (i < h.villageStart[hint + 1]) return cum[hint] + (i - h.villageStart[hint]) * w.attention[hint];
    if (hint + 1 < h.villages && i < h.villageStart[hint + 2]) return cum[hint + 1] + (i - h.villageStart[hint + 1]) * w.attention[hint + 1];
  }
  let lo = 0;
  // Stryker disable next-line ArithmeticOperator: villageStart past the last village is the residents count, above any i, so a wider range finds the same village
  let hi = h.villages - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // Stryker disable next-line EqualityOperator: at a village boundary both villages give the same weighted count (attentionBefore is cumulative)
    if (h.villageStart[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return cum[lo] + (i - h.villageStart[lo]) * w.attention[lo];
}

/**
 * Staffed slots of an official instance at the current officer level (NGO slots come from members).
 *
 * Slots are apportioned over units by residents: a unit gets round(k * residents before and through
 * it) - round(k * residents before it), with k the slots per resident. Totals over the area are then
 * exact at any staffing level, and a thinly staffed network leaves some units without a mediator
 * (their cases wait and escalate) instead of granting every unit a whole one: without that, capacity
 * could never fall below demand and the capacity knee (MODEL.md pattern 7) could not appear.
 */
export function officialSlots(w: World, inst: number, k = slotsPerResident(w, w.resolvers.kind[inst])): number {
  if (k <= 0) return 0;
  const kind = w.resolvers.kind[inst];
  const unit = w.resolvers.unit[inst];
  const [from, to] = unitRange(w.hierarchy, kind, unit);
  const hint = kind === CH_GRID ? w.hierarchy.gridVillage[unit] : kind === CH_VILLAGE ? unit : -1;
  return Math.round(k * weightedBefore(w, kind, to, hint)) - Math.round(k * weightedBefore(w, kind, from, hint));
}

/**
 * Whole slots per (attention-weighted) resident of channel `kind`, and the channel's stretch: the
 * exact capacity x = staff x hoursPerDay x serviceDays / hoursPerCase over the area is held as
 * S = max(1, round(x)) whole slots (none when x is 0) whose service days are scaled by S / x, so that
 * throughput is exactly the staffed hours (a small town's level of a fraction of a slot still works,
 * slowly, and a large one loses nothing to rounding).
 */
function slotsPerResident(w: World, kind: number): number {
  const s = staffingOf(w.params, w.officersPer1000, kind);
  const x = s ? (s.staffPerResident * w.hierarchy.residents * s.hoursPerDay * s.serviceDays) / s.hoursPerCase : 0;
  if (!(x > 0)) {
    w.resolvers.stretch[kind] = 1;
    return 0;
  }
  const whole = Math.max(1, Math.round(x));
  w.resolvers.stretch[kind] = whole / x;
  return whole / weightedBefore(w, kind, w.hierarchy.residents);
}

/** Mean calendar days of a service at channel `kind` for a case of severity 0.5. */
export function serviceDays(p: GovernanceParams, kind: number): number {
  switch (kind) {
    case CH_NGO:
      return p.ngo.serviceDays;
    case CH_GRID:
      return p.mediation.grid.serviceDays;
    case CH_VILLAGE:
      return p.mediation.village.serviceDays;
    case CH_TOWN:
      return p.mediation.town.serviceDays;
    case CH_POLICE:
      return p.enforcement.serviceDays;
    case CH_COURT:
      return p.court.serviceDays;
    default:
      return p.petitions.serviceDays;
  }
}

/** Working hours of a service at channel `kind` for a case of severity 0.5. */
export function caseHours(p: GovernanceParams, kind: number): number {
  switch (kind) {
    case CH_NGO:
      return p.ngo.hoursPerCase;
    case CH_GRID:
      return p.mediation.grid.hoursPerCase;
    case CH_VILLAGE:
      return p.mediation.village.hoursPerCase;
    case CH_TOWN:
      return p.mediation.town.hoursPerCase;
    case CH_POLICE:
      return p.enforcement.hoursPerCase;
    case CH_COURT:
      return p.court.mediationHours;
    default:
      return p.petitions.hoursPerCase;
  }
}

/**
 * The day's staff accounting (model.ts, once a day): salaried dispute staff cost their paid hours busy
 * or idle; detainees cost detentionCostPerDay each; every channel's busy and staffed slots are added up
 * for its utilisation.
 */
export function accountStaff(w: World): void {
  const p = w.params;
  const residents = w.hierarchy.residents;
  let salaried = 0;
  // Stryker disable next-line EqualityOperator: staffingOf(CHANNELS) is null, so one more kind adds nothing
  for (let kind = 1; kind < CHANNELS; kind++) {
    const s = staffingOf(p, w.officersPer1000, kind);
    if (s) salaried += (s.staffPerResident * residents * s.hoursPerDay) / 8;
  }
  // Town and county petition offices are both staffed at staffPer100k (counted above once each).
  const detention = w.totals.detainedNow * p.enforcement.detentionCostPerDay;
  w.today.salariedPersonDays += salaried;
  w.today.detentionPersonDays += detention;
  w.today.officialPersonDays += salaried + detention;
  const r = w.resolvers;
  for (let kind = 1; kind < CHANNELS; kind++) {
    w.totals.busySlotDays[kind] += r.busyByChannel[kind];
    w.totals.slotDays[kind] += r.slotsByChannel[kind];
  }
}

/** Skill of a channel today: the level's skill grown by professionalisation, capped below 1. */
export function skillOf(w: World, kind: number): number {
  const p = w.params;
  let s: number;
  switch (kind) {
    case CH_GRID:
      s = p.mediation.grid.skill;
      break;
    case CH_VILLAGE:
      s = p.mediation.village.skill;
      break;
    case CH_TOWN:
      s = p.mediation.town.skill;
      break;
    case CH_NGO:
      s = p.ngo.skill;
      break;
    case CH_POLICE:
      s = p.enforcement.skill;
      break;
    case CH_COURT:
      s = p.ruleOfLaw.courtSkill;
      break;
    default:
      s = 0;
  }
  const grown = s * (1 + p.professionalisation.skillGrowthPerYear * (w.day / 365));
  // Stryker disable next-line EqualityOperator: at exactly 0.999 both branches give 0.999
  return grown > 0.999 ? 0.999 : grown;
}

/** Procedural fairness of an encounter with a channel; coercion lowers police and petition fairness. */
export function fairnessOf(p: GovernanceParams, kind: number): number {
  switch (kind) {
    case CH_GRID:
      return p.mediation.grid.fairness;
    case CH_VILLAGE:
      return p.mediation.village.fairness;
    case CH_TOWN:
      return p.mediation.town.fairness;
    case CH_COURT:
      return p.ruleOfLaw.courtFairness;
    case CH_POLICE:
    case CH_PET_TOWN:
    case CH_PET_COUNTY:
      return p.ruleOfLaw.baselineFairness * (1 - p.enforcement.coercion);
    default:
      return p.ruleOfLaw.baselineFairness;
  }
}

/** Instance of channel `kind` serving citizen `i` (whose grid is `g`). */
export function instanceFor(w: World, kind: number, g: number): number {
  const h = w.hierarchy;
  const v = h.gridVillage[g];
  const t = h.villageTown[v];
  const c = h.townCounty[t];
  const b = w.resolvers.base[kind];
  switch (kind) {
    case CH_GRID:
      return w.resolvers.serveBy[b + g];
    case CH_VILLAGE:
      return w.resolvers.serveBy[b + v];
    case CH_COURT:
    case CH_PET_COUNTY:
      return w.resolvers.serveBy[b + c];
    default:
      return w.resolvers.serveBy[b + t];
  }
}

/**
 * Point every unstaffed instance of `kind` at the nearest staffed one (ties to the lower index); with
 * no staffed instance at all, each serves itself and the channel is unavailable. Two linear passes.
 */
export function poolUnstaffed(w: World, kind: number): void {
  const r = w.resolvers;
  const from = r.base[kind];
  const to = r.base[kind + 1];
  let prev = -1;
  for (let i = from; i < to; i++) {
    if (r.slots[i] > 0) prev = i;
    r.serveBy[i] = prev;
  }
  let next = -1;
  for (let i = to - 1; i >= from; i--) {
    if (r.slots[i] > 0) next = i;
    const p = r.serveBy[i];
    // Stryker disable next-line EqualityOperator: next is 0 only at i = 0, where p is 0 (p < 0 is false either way)
    if (p < 0 && next < 0) r.serveBy[i] = i;
    // Stryker disable next-line EqualityOperator: next is 0 only at i = 0, where p is 0 and the instance already serves itself
    else if (p < 0 || (next >= 0 && next - i < i - p)) r.serveBy[i] = next;
  }
}

/** Set every official instance's slots from the staffing levers and pool the unstaffed units. */
export function assignOfficialSlots(w: World): void {
  // Slots per resident once per channel (it also sets the channel's stretch), not once per unit.
  const perResident = new Float64Array(CHANNELS);
  for (let kind = 1; kind < CHANNELS; kind++) if (kind !== CH_NGO) perResident[kind] = slotsPerResident(w, kind);
  // Stryker disable next-line EqualityOperator: one step past the table writes nothing (typed arrays drop out-of-range writes)
  for (let inst = 0; inst < w.resolvers.count; inst++) {
    const kind = w.resolvers.kind[inst];
    if (kind !== CH_NGO) setSlots(w, inst, officialSlots(w, inst, perResident[kind]));
  }
  // Stryker disable next-line EqualityOperator: pooling kind CHANNELS covers no instance
  for (let kind = 1; kind < CHANNELS; kind++) if (kind !== CH_NGO) poolUnstaffed(w, kind);
}

/**
 * Put case `row` into instance `inst`'s queue, starting service at once if a slot is free. A waiting
 * case gets a patience deadline (a calendar event); see handling.ts for what happens when it passes.
 */
export function enqueue(w: World, row: number, inst: number): void {
  const k = w.cases.cols;
  const r = w.resolvers;
  const kind = r.kind[inst];
  k.channel[row] = kind;
  k.level[row] = CHANNEL_LEVEL[kind];
  k.inst[row] = inst;
  k.queuedAt[row] = w.day;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: pump() never leaves a slot free while cases wait, so a non-empty queue always has every slot busy
  if (r.busy[inst] < r.slots[inst] && r.head[inst] < 0) {
    startService(w, row);
    return;
  }
  k.status[row] = ST_WAITING;
  k.prev[row] = r.tail[inst];
  k.next[row] = -1;
  if (r.tail[inst] >= 0) k.next[r.tail[inst]] = row;
  else r.head[inst] = row;
  r.tail[inst] = row;
  r.len[inst]++;
  w.totals.queued++;
  const patience = 1 + Math.floor(w.streams.patience.exponential(1 / w.params.handling.patienceDays));
  k.due[row] = w.day + patience;
  w.cal.schedule(k.due[row], eventCode(K_PATIENCE, k.id[row]), row);
}

/** Take a waiting case out of its queue (patience ran out). */
export function unqueue(w: World, row: number): void {
  const k = w.cases.cols;
  const r = w.resolvers;
  const inst = k.inst[row];
  const pr = k.prev[row];
  const nx = k.next[row];
  if (pr >= 0) k.next[pr] = nx;
  else r.head[inst] = nx;
  if (nx >= 0) k.prev[nx] = pr;
  else r.tail[inst] = pr;
  k.prev[row] = -1;
  k.next[row] = -1;
  r.len[inst]--;
  w.totals.queued--;
  k.status[row] = ST_DELAYED;
}

/**
 * Start serving case `row` at its instance: occupies a slot until a calendar SERVICE_END, for
 * serviceDays x (0.5 + severity) days on average (exponential), times onlineServiceFactor for an online
 * petition (no travel, no visit). `days` overrides the mean (the court's adjudication phase).
 */
export function startService(w: World, row: number, days?: number): void {
  const k = w.cases.cols;
  const r = w.resolvers;
  const inst = k.inst[row];
  const kind = r.kind[inst];
  r.busy[inst]++;
  r.busyByChannel[kind]++;
  k.status[row] = ST_SERVING;
  const scale = 0.5 + k.severity[row];
  const online = (k.flags[row] & FLAG_ONLINE) !== 0 ? w.params.petitions.onlineServiceFactor : 1;
  const mean = (days ?? serviceDays(w.params, kind) * r.stretch[kind] * scale) * online;
  const dur = 1 + Math.floor(w.streams.service.exponential(1 / Math.max(0.01, mean - 0.5)));
  k.due[row] = w.day + dur;
  if (days === undefined) {
    k.cost[row] += (caseHours(w.params, kind) * scale * online) / 8;
    w.totals.served[kind]++;
    const wait = w.day - k.queuedAt[row];
    w.totals.waitsStarted[kind]++;
    w.totals.waitDays[kind] += wait;
  }
  w.cal.schedule(k.due[row], eventCode(K_SERVICE_END, k.id[row]), row);
}

/** Free the slot case `row` held and start the next waiting case, if any. */
export function releaseSlot(w: World, inst: number): void {
  w.resolvers.busy[inst]--;
  w.resolvers.busyByChannel[w.resolvers.kind[inst]]--;
  pump(w, inst);
}

/** Start waiting cases while slots are free. */
export function pump(w: World, inst: number): void {
  const r = w.resolvers;
  const k = w.cases.cols;
  while (r.busy[inst] < r.slots[inst] && r.head[inst] >= 0) {
    const row = r.head[inst];
    const nx = k.next[row];
    r.head[inst] = nx;
    if (nx >= 0) k.prev[nx] = -1;
    else r.tail[inst] = -1;
    // Stryker disable next-line UnaryOperator: enqueue() resets next before the row is linked into a queue again
    k.next[row] = -1;
    r.len[inst]--;
    w.totals.queued--;
    startService(w, row);
  }
}

/** Change an instance's slots (officer schedule, NGO membership) and start waiting cases if it grew. */
export function setSlots(w: World, inst: number, slots: number): void {
  const r = w.resolvers;
  r.slotsByChannel[r.kind[inst]] += slots - r.slots[inst];
  r.slots[inst] = slots;
  pump(w, inst);
}
