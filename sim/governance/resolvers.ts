/**
 * Resolvers: every dispute-handling body is a queue with servers ("slots"), a service time, a skill and
 * a procedural-fairness score (MODEL.md section 2). One instance per unit of the hierarchy:
 *
 *   kind          unit     level    slots
 *   grid          grid     grid     grid workers x caseload x hours/8
 *   village       village  village  people's mediation committee members x caseload x hours/8
 *   ngo           town     village  members of mediating NGO teams x casesPerMember (set daily by participation)
 *   town          town     town     administrative mediation office staff x caseload x hours/8
 *   police        town     town     officers x caseload (dispute work only)
 *   court         county   county   judges x caseload
 *   petition-town town     town     petition office staff x caseload
 *   petition-cty  county   county   petition office staff x caseload
 *
 * Queues are FIFO linked lists through the case table (prev/next), so a case can leave from the middle
 * when its citizen's patience runs out. Service is event-driven: a case starts service when a slot is
 * free (at arrival or when another case finishes) and its end is a calendar event, so nothing is polled
 * daily. Official effort (person-days) is charged per service: serviceDays / caseload, i.e. the share of
 * a staff member's time the case takes; NGO work is counted in volunteer hours instead.
 *
 * The instances themselves (layout, slots, queue heads) are the table of resolver-table.ts; this file
 * staffs them, gives each channel its service time, skill and fairness, and runs the queues.
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

/**
 * Staffed slots of an official instance at the current officer level (NGO slots come from members).
 *
 * Slots are apportioned over units by residents: a unit gets round(k * residents before and through
 * it) - round(k * residents before it), with k the slots per resident. Totals over the area are then
 * exact at any staffing level, and a thinly staffed network leaves some units without a mediator
 * (their cases wait and escalate) instead of granting every unit a whole one: without that, capacity
 * could never fall below demand and the capacity knee (MODEL.md pattern 7) could not appear.
 */
export function officialSlots(w: World, inst: number): number {
  const p = w.params;
  const kind = w.resolvers.kind[inst];
  const [from, to] = unitRange(w.hierarchy, kind, w.resolvers.unit[inst]);
  let staffPerResident = 0;
  let load = 1;
  switch (kind) {
    case CH_GRID:
    case CH_VILLAGE:
    case CH_TOWN: {
      const m = kind === CH_GRID ? p.mediation.grid : kind === CH_VILLAGE ? p.mediation.village : p.mediation.town;
      if (!m.staffed) return 0;
      staffPerResident = m.staffPer1000 / 1000;
      load = (m.caseload * m.hoursPerDay) / 8;
      break;
    }
    case CH_POLICE:
      staffPerResident = w.officersPer1000 / 1000;
      load = p.enforcement.caseload;
      break;
    case CH_COURT:
      staffPerResident = p.court.judgesPer100k / 1e5;
      load = p.court.caseload;
      break;
    case CH_PET_TOWN:
    case CH_PET_COUNTY:
      staffPerResident = p.petitions.staffPer100k / 1e5;
      load = p.petitions.caseload;
      break;
    default:
      return 0;
  }
  const k = staffPerResident * load;
  return Math.round(k * to) - Math.round(k * from);
}

/** Mean service days of a channel (at 8 hours a day for mediators). */
export function serviceDays(p: GovernanceParams, kind: number): number {
  switch (kind) {
    case CH_GRID:
      return (p.mediation.grid.serviceDays * 8) / p.mediation.grid.hoursPerDay;
    case CH_VILLAGE:
      return (p.mediation.village.serviceDays * 8) / p.mediation.village.hoursPerDay;
    case CH_TOWN:
      return (p.mediation.town.serviceDays * 8) / p.mediation.town.hoursPerDay;
    case CH_NGO:
      return p.ngo.serviceDays;
    case CH_POLICE:
      return p.enforcement.serviceDays;
    case CH_COURT:
      return p.court.serviceDays;
    default:
      return p.petitions.serviceDays;
  }
}

/** Official person-days one service takes (0 for NGO volunteers, counted in hours). */
export function effortDays(p: GovernanceParams, kind: number): number {
  switch (kind) {
    case CH_GRID:
      return p.mediation.grid.serviceDays / p.mediation.grid.caseload;
    case CH_VILLAGE:
      return p.mediation.village.serviceDays / p.mediation.village.caseload;
    case CH_TOWN:
      return p.mediation.town.serviceDays / p.mediation.town.caseload;
    case CH_POLICE:
      return p.enforcement.serviceDays / p.enforcement.caseload;
    case CH_COURT:
      return p.court.serviceDays / p.court.caseload;
    case CH_PET_TOWN:
    case CH_PET_COUNTY:
      return p.petitions.serviceDays / p.petitions.caseload;
    default:
      return 0;
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
    case CH_NGO:
      return p.ngo.fairness;
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
    if (p < 0 && next < 0) r.serveBy[i] = i;
    else if (p < 0 || (next >= 0 && next - i < i - p)) r.serveBy[i] = next;
  }
}

/** Set every official instance's slots from the staffing levers and pool the unstaffed units. */
export function assignOfficialSlots(w: World): void {
  for (let inst = 0; inst < w.resolvers.count; inst++) {
    if (w.resolvers.kind[inst] !== CH_NGO) setSlots(w, inst, officialSlots(w, inst));
  }
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

/** Start serving case `row` at its instance: occupies a slot until a calendar SERVICE_END. */
export function startService(w: World, row: number, days?: number): void {
  const k = w.cases.cols;
  const inst = k.inst[row];
  const kind = w.resolvers.kind[inst];
  w.resolvers.busy[inst]++;
  k.status[row] = ST_SERVING;
  let mean = days ?? serviceDays(w.params, kind);
  if (k.flags[row] & FLAG_ONLINE) mean *= w.params.petitions.onlineServiceFactor; // online petition: no travel
  const dur = 1 + Math.floor(w.streams.service.exponential(1 / Math.max(0.01, mean - 0.5)));
  k.due[row] = w.day + dur;
  const effort = effortDays(w.params, kind);
  k.cost[row] += effort;
  w.today.officialPersonDays += effort;
  w.totals.served[kind]++;
  w.cal.schedule(k.due[row], eventCode(K_SERVICE_END, k.id[row]), row);
}

/** Free the slot case `row` held and start the next waiting case, if any. */
export function releaseSlot(w: World, inst: number): void {
  w.resolvers.busy[inst]--;
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
    k.next[row] = -1;
    r.len[inst]--;
    w.totals.queued--;
    startService(w, row);
  }
}

/** Change an instance's slots (officer schedule, NGO membership) and start waiting cases if it grew. */
export function setSlots(w: World, inst: number, slots: number): void {
  w.resolvers.slots[inst] = slots;
  pump(w, inst);
}
