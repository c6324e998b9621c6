import { describe, expect, it } from 'vitest';
import { quietWorld, smallModel } from './helpers';
import { CH_COURT, CH_GRID, CH_NEGOTIATE, CH_NGO, CH_PET_COUNTY, CH_PET_TOWN, CH_VILLAGE, OUTCOME_ABANDONED, PATH_FIRSTS, PATH_OUTCOMES } from '../../../sim/governance/codes';
import { createRecorder, recordDay, SERIES, summarise } from '../../../sim/governance/metrics';
import type { World } from '../../../sim/governance/world';

function filled(): World {
  const w = quietWorld({ grievances: { decayPerYear: 3.65 }, ngo: { hoursPerMemberDay: 0.5 } });
  const n = w.totals;
  w.day = 800; // two years and 70 days
  n.disputesOpened = 200;
  n.disputesResolved = 120;
  n.resolvedByLevel = [50, 30, 25, 15];
  n.resolvedByChannel = [10, 20, 30, 5, 25, 4, 12, 8, 6];
  n.abandoned = 50;
  n.openCases = 30;
  n.petitions = 40;
  n.petitionsRepeat = 10;
  n.petitionsOverLevel = 8;
  n.petitionsOnline = 16;
  n.massIncidents = 3;
  n.satisfaction = 0.61;
  n.satisfactionSum = 1.5;
  n.surveys = 3;
  n.awareness = 0.55;
  n.participationRate = 0.07;
  n.officialPersonDays = 600;
  n.salariedPersonDays = 500;
  n.detentionPersonDays = 40;
  n.slotDays[CH_VILLAGE] = 80;
  n.busySlotDays[CH_VILLAGE] = 60;
  n.waitsStarted[CH_COURT] = 4;
  n.waitDays[CH_COURT] = 10;
  n.volunteerHours = 12.5;
  n.volunteers = 9;
  n.proposals = 7;
  n.proposalsAssessed = 6;
  n.projectsApproved = 4;
  n.proposalsRejectedOrDelayed = 2;
  n.incidentsFromApprovedProjects = 1;
  n.grievances = 400;
  n.claims = 280;
  n.courtFilings = 20;
  n.served[CH_VILLAGE] = 40;
  n.villageSucceeded = 30;
  n.reachedPetitionOrCounty = 44;
  n.petitionCasesClosed = 25;
  n.petitionCasesSolved = 5;
  n.peakActives = 77;
  n.outbursts = 2;
  n.detentions = 12;
  n.redetentions = 3;
  n.contactNone = 10;
  n.contactNoneL = 7;
  n.contactGood = 20;
  n.contactGoodL = 16;
  n.contactBad = 5;
  n.contactBadL = 2;
  n.latentGrievanceDaySum = 73;
  n.crimes = 9;
  n.accidents = 4;
  n.fraud = 2;
  n.pathCounts[CH_GRID * PATH_OUTCOMES + 1] = 5;
  n.pathCounts[CH_VILLAGE * PATH_OUTCOMES + 0] = 3; // (the cell after grid's last outcome)
  n.pathCounts[(PATH_FIRSTS - 1) * PATH_OUTCOMES + OUTCOME_ABANDONED] = 2;
  w.petitionsByYear = [30];
  w.crimesByYear = [4, 5];
  w.incidentSizes = [60, 80];
  w.townEpisodeStart[0] = 700;
  w.townEpisodePeak[0] = 55;
  w.townEpisodeProject[0] = 1;
  w.resolveDays.fill(0);
  w.resolveDays.set([0, 2, 1, 3], 0); // 6 cases: median day 2 (cumulative 2, 3 >= 3)
  w.totals.sumLegitimacy = 0.6 * 5000;
  return w;
}

describe('summary', () => {
  it('every share has every opened case in its denominator', () => {
    const s = summarise(filled());
    expect(s.resolutionRate).toBe(0.6);
    expect(s.resolvedAtVillageOrBelowShare).toBe(0.4);
    expect(s.abandonedShare).toBe(0.25);
    expect(s.openAtEndShare).toBe(0.15);
    expect(s.reachedPetitionOrCountyShare).toBe(0.22);
  });

  it('reports rates per resident-year, costs, utilisation and waits', () => {
    const s = summarise(filled());
    expect(s.residents).toBe(5000);
    expect(s.days).toBe(800);
    expect(s.disputesOpened).toBe(200);
    expect(s.disputesResolved).toBe(120);
    expect(s.petitionsPer10k).toBe(36.5); // 40 / 5000 x 10^4 / (800 / 365) years
    expect(s.massIncidents).toBe(3);
    expect(s.massIncidentsPerMillionYear).toBe(273.75);
    expect(s.medianDaysToResolve).toBe(2);
    expect(s.satisfaction).toBe(0.61);
    expect(s.meanSatisfaction).toBe(0.5);
    expect(s.awareness).toBe(0.55);
    expect(s.participationRate).toBe(0.07);
    expect(s.meanLegitimacy).toBe(0.6);
    expect(s.costPerResolvedDispute).toBe(5);
    expect([s.officialPersonDays, s.salariedPersonDays, s.detentionPersonDays]).toEqual([600, 500, 40]);
    expect(s.utilisation).toMatchObject({ village: 0.75, grid: 0, court: 0 });
    expect(Object.keys(s.utilisation as object)).toEqual(['grid', 'village', 'ngo', 'town', 'police', 'court', 'petitionTown', 'petitionCounty']);
    expect(s.meanWaitDays).toMatchObject({ court: 2.5, village: 0 });
    expect([s.volunteerHours, s.volunteers]).toEqual([12.5, 9]);
    expect([s.proposals, s.proposalsAssessed, s.proposalsApproved, s.proposalsRejectedOrDelayed]).toEqual([7, 6, 4, 2]);
    expect(s.incidentsFromApprovedProjects).toBe(2); // one ended, one open
    expect(s.resolvedByLevel).toEqual({ grid: 50, village: 30, town: 25, county: 15 });
    expect(s.resolvedByChannel).toEqual({ negotiate: 10, grid: 20, village: 30, ngo: 5, town: 25, police: 4, court: 12, petitionTown: 8, petitionCounty: 6 });
    expect(s.firstChannelPaths).toEqual({ 'grid>village': 5, 'village>grid': 3, 'gaveUp>abandoned': 2 });
    expect([s.grievances, s.claims, s.disputes, s.courtFilings]).toEqual([400, 700, 500, 50]);
    expect(s.mediationSuccessRate).toBe(0.75);
    expect(s.petitionSolvedShare).toBe(0.2);
    expect([s.repeatPetitionShare, s.overLevelPetitionShare, s.onlinePetitionShare]).toEqual([0.25, 0.2, 0.4]);
    expect(s.petitionsByYear).toEqual([30, 0, 0]); // every started year
    expect(s.massIncidentSizes).toEqual([60, 80, 55]);
    expect([s.peakActives, s.outbursts, s.detentions, s.redetentionShare]).toEqual([77, 2, 12, 0.25]);
    expect([s.legitimacyNoContact, s.legitimacyGoodContact, s.legitimacyBadContact]).toEqual([0.7, 0.8, 0.4]);
    expect(s.contactShare).toBe(0.714286);
    expect(s.meanLatentGrievance).toBe(0.09125);
    expect([s.crimes, s.accidents, s.fraud]).toEqual([9, 4, 2]);
    expect(s.crimesByYear).toEqual([4, 5, 0]);
  });

  it('a share with nothing to divide is 0 (or NaN where no survey answered), never a division by zero', () => {
    const w = quietWorld();
    const s = summarise(w);
    for (const k of ['resolutionRate', 'resolvedAtVillageOrBelowShare', 'abandonedShare', 'openAtEndShare', 'petitionsPer10k', 'massIncidentsPerMillionYear', 'costPerResolvedDispute', 'mediationSuccessRate', 'reachedPetitionOrCountyShare', 'petitionSolvedShare', 'repeatPetitionShare', 'overLevelPetitionShare', 'onlinePetitionShare', 'redetentionShare', 'contactShare', 'meanLatentGrievance', 'claims', 'disputes', 'courtFilings']) {
      expect([k, s[k]]).toEqual([k, 0]);
    }
    // Not finite (NaN before the first survey) is reported as 0 after rounding.
    expect(s.meanSatisfaction).toBe(0);
    expect(s.legitimacyNoContact).toBe(0);
    expect(s.medianDaysToResolve).toBe(0);
    expect(s.petitionsByYear).toEqual([]);
  });

  it('the median of the days to resolve is the first day holding half the cases; a full last bin counts as its day', () => {
    const w = quietWorld();
    w.resolveDays.fill(0);
    w.resolveDays[3] = 1;
    w.resolveDays[5] = 1;
    expect(summarise(w).medianDaysToResolve).toBe(3);
    w.resolveDays[3] = 0;
    w.resolveDays[5] = 0;
    w.resolveDays[w.resolveDays.length - 1] = 4;
    expect(summarise(w).medianDaysToResolve).toBe(w.resolveDays.length - 1);
  });

  it('the contact share counts good and bad contacts over everyone asked', () => {
    const w = quietWorld();
    w.totals.contactBad = 5;
    expect(summarise(w).contactShare).toBe(1);
  });

  it('rounds to six decimals', () => {
    const w = filled();
    w.totals.disputesResolved = 1;
    w.totals.disputesOpened = 3;
    expect(summarise(w).resolutionRate).toBe(0.333333);
  });
});

describe('series', () => {
  it('counts the towns in an episode now, one started on day 0 included', () => {
    const w = quietWorld({ population: { residents: 8000, counties: 1, townsPerCounty: 3, villagesPerTown: 1, gridsPerVillage: 1 } });
    w.townEpisodeStart.set([0, -1, 5]);
    const m = createRecorder();
    recordDay(w, m);
    expect(m.column('massIncidentsActive')[0]).toBe(2);
  });

  it('records one row of the day’s counts and the states now, in SERIES order', () => {
    const w = quietWorld({ grievances: { decayPerYear: 3.65 }, ngo: { hoursPerMemberDay: 0.5 } });
    const d = w.today;
    const n = w.totals;
    w.day = 17;
    d.grievances = 1;
    d.claims = 2;
    d.disputesOpened = 3;
    n.openCases = 4;
    n.queued = 5;
    d.resolved = 6;
    d.resolvedByLevel = [7, 8, 9, 10];
    d.resolvedByChannel[CH_NEGOTIATE] = 11;
    d.resolvedByChannel[CH_NGO] = 12;
    d.resolvedByChannel[CH_COURT] = 13;
    d.resolvedByChannel[CH_PET_TOWN] = 6;
    d.resolvedByChannel[CH_PET_COUNTY] = 8;
    d.abandoned = 15;
    d.petitionsFirst = 16;
    d.petitionsRepeat = 17;
    d.petitionsOverLevel = 18;
    d.petitionsOnline = 19;
    n.actives = 20;
    n.detainedNow = 21;
    d.detained = 22;
    w.townEpisodeStart[0] = 3;
    d.crimes = 24;
    d.accidents = 25;
    d.fraud = 26;
    n.sumLegitimacy = 0.5 * 5000;
    n.volunteers = 28;
    d.officialPersonDays = 29;
    n.satisfaction = 0.3;
    n.awareness = 0.4;
    n.participationRate = 0.05;
    d.proposals = 34;
    d.proposalsRejectedOrDelayed = 35;
    n.sumGrievance = 500;
    n.latentGrievanceDaySum = 1;
    w.candidateCount = 3;
    const m = createRecorder();
    recordDay(w, m);
    const row = SERIES.map((name) => m.column(name)[0]);
    expect(row).toEqual([17, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 1, 24, 25, 26, 0.5, 28, 29, 14, 0.3, 0.4, 0.05, 34, 35, 0.1, 3]);
    expect(n.latentGrievanceDaySum).toBeCloseTo(1.1, 12);
    // The row only reads the sum of grievance: it decays with everyone's at the day's end (model.ts endDay).
    expect(n.sumGrievance).toBe(500);
  });

  it("decays the sum of grievance with everyone's at the day's end, after the row", () => {
    const m = smallModel({ grievances: { decayPerYear: 3.65 } });
    m.w.totals.sumGrievance = 500;
    m.endDay();
    expect(m.w.totals.sumGrievance).toBeCloseTo(500 * Math.exp(-0.01), 9);
  });
});
