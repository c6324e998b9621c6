/**
 * Major decisions (schedule step 3): the government proposes projects (land requisition, factories,
 * infrastructure) at proposalsPer100kYear; each burdens an affected group (Poisson, mean affectedMean,
 * contiguous residents of one village) with a true social risk r = u^riskShape in [0, 1] (most projects
 * are benign, a few are explosive).
 *
 * With risk assessment on (the seed's first strategy), a public hearing and expert review estimate r
 * with Gaussian error (errorSd) from the 'risk-assessment' stream; above `threshold` the project is
 * rejected, or delayed by delayDays and redesigned (its risk multiplied by redesignFactor) and then
 * approved. Each assessment costs staffDaysPerAssessment official person-days and hearingDays of
 * review time. Proposals are drawn from the 'projects' stream only, so the same projects arrive with or
 * without assessment (the counterfactual of pattern 5 uses the same seed).
 *
 * An approved project opens one collective dispute (size = affected group, severity = r, FLAG_PROJECT)
 * and adds r x burden to each member's accumulated grievance; resolving the dispute removes it again
 * (cases.ts). Seed: Zhejiang 2010-2016 assessed 31,835 proposals and rejected or delayed 1,008 (3.16%);
 * none of the approved caused a mass incident.
 */
import { pow } from '../core/dmath';
import type { World } from './world';
import { eventCode, FLAG_PROJECT, K_PROJECT, PARTIES_GOVERNMENT, TYPE_ENVIRONMENT, TYPE_LAND } from './codes';
import { addGrievance } from './citizen';
import { openDispute } from './intake';

export function projectsStep(w: World): void {
  const ra = w.params.riskAssessment;
  const s = w.streams.projects;
  const h = w.hierarchy;
  const lambda = ((ra.proposalsPer100kYear * h.residents) / 1e5 / 365) * w.rateFactor;
  const count = s.poisson(lambda);
  for (let q = 0; q < count; q++) {
    // Every draw about the project itself comes from 'projects', before any policy decision.
    const risk = pow(s.next(), ra.riskShape);
    const v = s.int(h.villages);
    const size = Math.max(2, s.poisson(ra.affectedMean));
    const noise = w.streams.riskAssessment.normal();
    const id = w.projects.risk.length;
    w.projects.risk.push(risk);
    w.projects.size.push(size);
    w.projects.village.push(v);
    w.today.proposals++;
    if (!ra.enabled) {
      approveProject(w, id);
      continue;
    }
    w.totals.proposalsAssessed++;
    w.today.officialPersonDays += ra.staffDaysPerAssessment;
    const estimate = risk + ra.errorSd * noise;
    if (estimate > ra.threshold) {
      w.today.proposalsRejectedOrDelayed++;
      if (ra.outcome === 'delay') {
        w.projects.risk[id] = risk * ra.redesignFactor;
        w.cal.schedule(w.day + Math.max(1, ra.delayDays + ra.hearingDays), eventCode(K_PROJECT, 0), id);
      }
      continue;
    }
    if (ra.hearingDays > 0) w.cal.schedule(w.day + ra.hearingDays, eventCode(K_PROJECT, 0), id);
    else approveProject(w, id);
  }
}

/** An approved project opens its collective dispute and burdens the affected group. */
export function approveProject(w: World, id: number): void {
  const h = w.hierarchy;
  const ra = w.params.riskAssessment;
  const risk = w.projects.risk[id];
  const v = w.projects.village[id];
  const a = h.villageStart[v];
  const res = h.villageStart[v + 1] - a;
  const size = Math.min(res, w.projects.size[id]);
  w.totals.projectsApproved++;
  if (w.params.riskAssessment.enabled) w.totals.proposalsApproved++;
  // The affected group: the first `size` residents of the village (contiguous grids).
  for (let i = a; i < a + size; i++) {
    w.citizens.project[i] = 1;
    addGrievance(w, i, risk * ra.burden);
  }
  const type = risk > 0.5 ? TYPE_ENVIRONMENT : TYPE_LAND;
  openDispute(w, a, size, type, PARTIES_GOVERNMENT, Math.max(0.01, risk), FLAG_PROJECT);
}
