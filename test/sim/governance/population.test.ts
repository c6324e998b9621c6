import { describe, expect, it } from 'vitest';
import { params, scripted } from './helpers';
import { TEAM_CORRECTION, TEAM_COUNSELLING, TEAM_MEDIATION, TEAM_PATROLS, TEAM_WORTHIES } from '../../../sim/governance/codes';
import { allocateCitizens, BYTES_PER_CITIZEN, enabledTeams, initCitizens } from '../../../sim/governance/population';

/** One citizen's traits from the given eight draws. */
function traits(over: Parameters<typeof params>[0], draws: number[]) {
  const c = allocateCitizens(1);
  initCitizens(c, params(over), scripted(draws));
  return c;
}

describe('population', () => {
  it('inverse-lookup trait draws equal round(255 u^a), a = 1 / mean - 1', () => {
    const means = { hardshipMean: 0.15, riskAversionMean: 0.5, legalAwarenessMean: 0.7, tiesMean: 0.3 };
    const a = (m: number) => 1 / m - 1;
    const n = 400;
    const u = Array.from({ length: n }, (_, j) => (j + 0.37) / n);
    const draws: number[] = [];
    for (const x of u) draws.push(x, x, 0.5, x, x, 0.5, 0.9, 0.5);
    const c = allocateCitizens(n);
    initCitizens(c, params({ population: means }), scripted(draws));
    for (let j = 0; j < n; j++) {
      expect([j, c.hardship[j]]).toEqual([j, Math.round(255 * u[j] ** a(0.15))]);
      expect([j, c.riskAversion[j]]).toEqual([j, Math.round(255 * u[j] ** a(0.5))]);
      expect([j, c.awareness[j]]).toEqual([j, Math.round(255 * u[j] ** a(0.7))]);
      expect([j, c.ties[j]]).toEqual([j, Math.round(255 * u[j] ** a(0.3))]);
    }
    // The extremes: u = 0 gives 0, u near 1 gives 255.
    const lo = traits({}, [0, 0, 0.5, 0, 0, 0.5, 0.9, 0]);
    expect([lo.hardship[0], lo.riskAversion[0], lo.awareness[0], lo.ties[0]]).toEqual([0, 0, 0, 0]);
    const hi = traits({}, [0.9999999, 0.9999999, 0.5, 0.9999999, 0.9999999, 0.5, 0.9, 0]);
    expect([hi.hardship[0], hi.riskAversion[0], hi.awareness[0], hi.ties[0]]).toEqual([255, 255, 255, 255]);
  });

  it('clamps a trait mean to [0.01, 0.99] before taking its power', () => {
    const u = 0.6;
    const zero = traits({ population: { hardshipMean: 0 } }, [u, 0.5, 0.5, 0.5, 0.5, 0.5, 0.9, 0]);
    expect(zero.hardship[0]).toBe(Math.round(255 * u ** 99));
    const one = traits({ population: { hardshipMean: 1 } }, [u, 0.5, 0.5, 0.5, 0.5, 0.5, 0.9, 0]);
    expect(one.hardship[0]).toBe(Math.round(255 * u ** (1 / 0.99 - 1)));
  });

  it('draws legitimacy and the joining threshold uniformly around their means, clamped to [0, 1]', () => {
    const over = { legitimacy: { initialMean: 0.6, initialSpread: 0.2 }, participation: { thresholdMean: 0.3, thresholdSpread: 0.2 } };
    const c = traits(over, [0.5, 0.5, 0.75, 0.5, 0.5, 0.25, 0.9, 0]);
    expect(c.legitimacy[0]).toBeCloseTo(0.7, 6);
    expect(c.threshold[0]).toBe(Math.round(255 * 0.2));
    const wide = { legitimacy: { initialMean: 0.5, initialSpread: 0.6 }, participation: { thresholdMean: 0.5, thresholdSpread: 0.8 } };
    const top = traits(wide, [0.5, 0.5, 0.9999999, 0.5, 0.5, 0.9999999, 0.9, 0]);
    expect([top.legitimacy[0], top.threshold[0]]).toEqual([1, 255]);
    const bottom = traits(wide, [0.5, 0.5, 0, 0.5, 0.5, 0, 0.9, 0]);
    expect([bottom.legitimacy[0], bottom.threshold[0]]).toEqual([0, 0]);
  });

  it('a citizen joins an enabled team with probability initialShare, the team drawn uniformly', () => {
    const over = { participation: { initialShare: 0.1 }, ngo: { support: 1, teams: { mediation: true, worthies: false, patrols: true, correction: false, counselling: true } } };
    expect(traits(over, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0]).volunteer[0]).toBe(0);
    expect(traits(over, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1 - 1e-9, 0]).volunteer[0]).toBe(TEAM_MEDIATION);
    expect(traits(over, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0.5]).volunteer[0]).toBe(TEAM_PATROLS);
    expect(traits(over, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0.9999]).volunteer[0]).toBe(TEAM_COUNSELLING);
    // Without NGO support nobody joins, and the draws are taken all the same.
    const none = { participation: { initialShare: 0.1 }, ngo: { support: 0 } };
    const c = allocateCitizens(2);
    initCitizens(c, params(none), scripted([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0, 0.9999999, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 0]));
    expect(Array.from(c.volunteer)).toEqual([0, 0]);
    expect(c.hardship[1]).toBe(255);
  });

  it('enables the teams the scenario switches on, in fixed order, and none without support', () => {
    const all = { mediation: true, worthies: true, patrols: true, correction: true, counselling: true };
    expect(enabledTeams(params({ ngo: { support: 1, teams: all } }))).toEqual([TEAM_MEDIATION, TEAM_WORTHIES, TEAM_PATROLS, TEAM_CORRECTION, TEAM_COUNSELLING]);
    expect(enabledTeams(params({ ngo: { support: 0.5, teams: { ...all, mediation: false, patrols: false } } }))).toEqual([TEAM_WORTHIES, TEAM_CORRECTION, TEAM_COUNSELLING]);
    expect(enabledTeams(params({ ngo: { support: 0, teams: all } }))).toEqual([]);
    expect(enabledTeams(params({ ngo: { support: 1, teams: { ...all, worthies: false, counselling: false } } }))).toEqual([TEAM_MEDIATION, TEAM_PATROLS, TEAM_CORRECTION]);
  });

  it('allocates every column for n citizens within the documented bytes', () => {
    const c = allocateCitizens(7);
    let bytes = 0;
    for (const v of Object.values(c)) if (ArrayBuffer.isView(v)) {
      expect((v as Uint8Array).length).toBe(7);
      bytes += (v as Uint8Array).byteLength;
    }
    expect(c.n).toBe(7);
    expect(bytes).toBe(7 * BYTES_PER_CITIZEN);
  });
});
