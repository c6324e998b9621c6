import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { arrestProbability, grievance, isActive, ratioCode } from '../../../sim/core/activation';
import { collectiveActionStep, presence } from '../../../sim/governance/collective-action';
import { CIT_ACTIVE } from '../../../sim/governance/codes';
import { gridOf } from '../../../sim/governance/hierarchy';
import { grievanceOf, hardshipOf, legitimacyOf, totalGrievance } from '../../../sim/governance/citizen';

describe('collective action', () => {
  it('takes Epstein’s rule from the one shared implementation (sim/core/activation), as sim/epstein does', () => {
    const gov = readFileSync(new URL('../../../sim/governance/collective-action.ts', import.meta.url), 'utf8');
    const ep = readFileSync(new URL('../../../sim/epstein/model.ts', import.meta.url), 'utf8');
    for (const src of [gov, ep]) {
      expect(src).toMatch(/import \{[^}]*\bisActive\b[^}]*\} from '\.\.\/core\/activation'/);
      expect(src).toMatch(/\barrestProbability\b/);
    }
    // No second copy of the rule: the governance model never computes exp(-k ...) itself.
    expect(gov).not.toMatch(/Math\.exp\(-/);
  });

  it('makes exactly the decisions of the core rule for the same inputs', () => {
    const w = smallWorld({ legitimacy: { initialMean: 0.4, initialSpread: 0.3 }, enforcement: { arrestsPerOfficerDay: 0 } });
    const ca = w.params.collectiveAction;
    collectiveActionStep(w); // day 0: from zero actives
    const prev = w.villageActives.slice();
    w.day++;
    // Expected decisions from the core functions, with yesterday's village counts.
    const expected: number[] = [];
    for (let i = 0; i < w.citizens.n; i++) {
      const G = grievance(hardshipOf(w, i), legitimacyOf(w, i)) + ca.grievanceWeight * grievanceOf(w, i);
      const v = w.hierarchy.gridVillage[gridOf(w.hierarchy, i)];
      const self = w.citizens.state[i] === CIT_ACTIVE ? 1 : 0;
      const P = arrestProbability(presence(w, v), prev[v] - self, ca.arrestConstant, ratioCode(ca.ratioRule));
      if (G > ca.threshold && isActive(G, w.citizens.riskAversion[i] / 255, P, ca.threshold)) expected.push(i);
      expect(totalGrievance(w, i)).toBeCloseTo(G, 12);
    }
    collectiveActionStep(w);
    const got: number[] = [];
    for (let i = 0; i < w.citizens.n; i++) if (w.citizens.state[i] === CIT_ACTIVE) got.push(i);
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('a sudden loss of legitimacy produces a mass incident with start, peak and length', () => {
    const m = smallWorld({
      collectiveAction: { massIncidentSize: 20 },
      legitimacy: { shiftSchedule: [{ at: 10, to: -0.6, over: 0 }, { at: 40, to: 0, over: 0 }] },
    });
    // Drive the step alone for 400 days: the coercive detentions of the outburst lower the detainees'
    // legitimacy, so the incident outlasts the shock by months before it ends.
    for (let d = 0; d < 400; d++) {
      m.today.detained = 0;
      collectiveActionStep(m);
      m.legitimacyShift = d + 1 >= 10 && d + 1 < 40 ? -0.6 : 0;
      m.day++;
    }
    expect(m.totals.massIncidents).toBeGreaterThanOrEqual(1);
    expect(m.incidentStarts[0]).toBeGreaterThanOrEqual(10);
    expect(m.incidentSizes[0]).toBeGreaterThan(20);
    expect(m.incidentLengths[0]).toBeGreaterThan(0);
  });

  it('keeps a candidate set smaller than the population when legitimacy is high', () => {
    const w = smallWorld();
    expect(w.candidateCount).toBeGreaterThan(0);
    expect(w.candidateCount).toBeLessThan(w.citizens.n / 5);
    let listed = 0;
    w.candidatesByVillage.forEach((list, v) => {
      listed += list.length;
      for (const i of list) {
        expect(w.citizens.candidate[i]).toBeGreaterThan(0);
        expect(w.hierarchy.gridVillage[gridOf(w.hierarchy, i)]).toBe(v);
      }
    });
    expect(listed).toBe(w.candidateCount);
  });
});
