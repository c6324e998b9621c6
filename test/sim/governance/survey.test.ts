import { describe, expect, it } from 'vitest';
import { smallModel, smallWorld } from './helpers';
import { scripted } from './scripted';
import { surveyStep } from '../../../sim/governance/survey';
import type { World } from '../../../sim/governance/world';

/** 60 residents: 2 villages (residents 0-29 and 30-59) of one town. */
const TINY = { residents: 60, villagesPerTown: 2, gridsPerVillage: 3 };

/** A tiny town on the last day of the first 30-day interval, every respondent neutral: satisfied with probability `base`. */
function neutral(survey: Record<string, number> = {}): World {
  const w = smallWorld({
    population: TINY,
    survey: { intervalDays: 30, sampleSize: 1, base: 0.5, legitimacyWeight: 0.4, victimWeight: 0.3, grievanceWeight: 0.2, incidentWeight: 0.1, crimeWeight: 0, ...survey },
    ruleOfLaw: { legalAwarenessGrowthPerYear: 0 },
  });
  const c = w.citizens;
  c.legitimacy.fill(0.5);
  c.grievance.fill(0);
  c.victimDay.fill(0);
  c.contactDay.fill(0);
  c.contactBad.fill(0);
  c.volunteer.fill(0);
  c.awareness.fill(0);
  w.legitimacyShift = 0;
  w.townLastIncident.fill(-100000);
  w.crimesSinceSurvey = 0;
  w.day = 29;
  return w;
}

/** The draw that picks respondent i of 60. */
const pick = (i: number) => (i + 0.5) / 60;

/** Whether respondent i, asked with satisfaction draw u, was satisfied. */
function asks(w: World, i: number, u: number): boolean {
  w.streams.survey = scripted([pick(i), u]);
  surveyStep(w);
  return w.totals.satisfaction === 1;
}

describe('survey', () => {
  it('runs every intervalDays and reports shares in [0, 1]', () => {
    const m = smallModel({ survey: { intervalDays: 30, sampleSize: 500 } });
    m.step(29);
    expect(Number.isNaN(m.series().column('satisfaction')[28])).toBe(true);
    m.step(1);
    const s = m.series().column('satisfaction')[29];
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(1);
    expect(m.w.totals.surveys).toBe(1);
  });

  it('satisfaction falls with legitimacy', () => {
    const hi = smallModel({ legitimacy: { initialMean: 0.9 }, survey: { sampleSize: 2000 } });
    const lo = smallModel({ legitimacy: { initialMean: 0.3 }, survey: { sampleSize: 2000 }, collectiveAction: { threshold: 1 } });
    hi.step(30);
    lo.step(30);
    expect(hi.summary().satisfaction as number).toBeGreaterThan((lo.summary().satisfaction as number) + 0.1);
  });

  it('is due on the last day of each interval only, and then draws its sample', () => {
    const w = neutral();
    w.streams.survey = scripted([]);
    w.day = 28;
    expect(surveyStep(w)).toBe(false);
    w.day = 30;
    expect(surveyStep(w)).toBe(false);
    expect(w.totals.surveys).toBe(0);
    w.day = 59;
    w.streams.survey = scripted([pick(0), 0.1]);
    expect(surveyStep(w)).toBe(true);
    expect(w.totals.surveys).toBe(1);
  });

  it('never runs with a non-positive interval (0 = no survey)', () => {
    const neg = neutral();
    neg.params.survey.intervalDays = -30; // outside the scenario's range, but still no survey
    neg.streams.survey = scripted([]);
    expect(surveyStep(neg)).toBe(false);
  });

  it('never runs with intervalDays 0', () => {
    const w = neutral({ intervalDays: 0 });
    w.streams.survey = scripted([]);
    for (const d of [0, 29, 364]) {
      w.day = d;
      expect(surveyStep(w)).toBe(false);
    }
  });

  it('a neutral respondent is satisfied with probability base', () => {
    expect(asks(neutral(), 3, 0.49)).toBe(true);
    expect(asks(neutral(), 3, 0.5)).toBe(false);
  });

  it('legitimacy above 0.5 raises it by legitimacyWeight x (L - 0.5)', () => {
    const w = neutral();
    w.citizens.legitimacy[3] = 0.75; // 0.5 + 0.4 x 0.25 = 0.6
    expect(asks(w, 3, 0.59)).toBe(true);
    w.totals.satisfaction = NaN;
    expect(asks(w, 3, 0.61)).toBe(false);
  });

  it('the victimisation term lowers satisfaction for a crime victim of the last 365 days', () => {
    const w = neutral();
    w.citizens.victimDay[3] = 1; // a victim on day 0, 29 days before the survey: 0.5 - 0.3 = 0.2
    expect(asks(w, 3, 0.25)).toBe(false);
    expect(asks(w, 3, 0.19)).toBe(true);
    // The survey of day 389 (the 13th): victimDay is 1 + the day of the crime.
    const old = neutral();
    old.day = 389;
    old.citizens.victimDay[3] = 25; // 365 days before the survey's day + 1: no longer counts
    expect(asks(old, 3, 0.25)).toBe(true);
    const recent = neutral();
    recent.day = 389;
    recent.citizens.victimDay[3] = 26; // 364 days: counts
    expect(asks(recent, 3, 0.25)).toBe(false);
    // victimDay 0 means never a victim
    expect(asks(neutral(), 3, 0.25)).toBe(true);
  });

  it('accumulated grievance lowers it by grievanceWeight x g', () => {
    const w = neutral();
    w.citizens.grievance[3] = 0.5; // 0.5 - 0.2 x 0.5 = 0.4
    w.citizens.grievanceDay[3] = w.day;
    expect(asks(w, 3, 0.41)).toBe(false);
    expect(asks(w, 3, 0.39)).toBe(true);
  });

  it('a mass incident in the town within the interval lowers it by incidentWeight', () => {
    const w = neutral();
    w.townLastIncident[0] = 0; // 29 days ago, inside the 30-day interval: 0.5 - 0.1 = 0.4
    expect(asks(w, 3, 0.45)).toBe(false);
    w.townLastIncident[0] = -1; // 30 days ago: the previous interval
    expect(asks(w, 3, 0.45)).toBe(true);
  });

  it('crimes since the last survey lower it by crimeWeight per crime per 1,000 residents a year, and are then reset', () => {
    const w = neutral({ crimeWeight: 0.0003 });
    // 3 crimes in 30 days among 60 residents: 3 / 60 x 1000 x 365 / 30 = 608.33 a year per 1,000; 0.5 - 0.1825 = 0.3175
    w.crimesSinceSurvey = 3;
    expect(asks(w, 3, 0.3)).toBe(true);
    expect(w.crimesSinceSurvey).toBe(0);
    w.crimesSinceSurvey = 3;
    expect(asks(w, 3, 0.33)).toBe(false);
    w.crimesSinceSurvey = 0;
    expect(asks(w, 3, 0.33)).toBe(true);
  });

  it('all harms add up (no term replaces another)', () => {
    const w = neutral({ crimeWeight: 0.0003, base: 1.2 });
    w.citizens.legitimacy[3] = 0.75; // +0.1
    w.citizens.victimDay[3] = 10; // -0.3
    w.citizens.grievance[3] = 0.5; // -0.1
    w.citizens.grievanceDay[3] = w.day;
    w.townLastIncident[0] = 20; // -0.1
    w.crimesSinceSurvey = 3; // -0.1825: 1.2 + 0.1 - 0.3 - 0.1 - 0.1 - 0.1825 = 0.6175
    expect(asks(w, 3, 0.61)).toBe(true);
    w.crimesSinceSurvey = 3;
    expect(asks(w, 3, 0.625)).toBe(false);
  });

  it('counts shares of the sample: satisfied, aware (awareness >= 0.5 or a member), participating (members)', () => {
    const w = neutral({ sampleSize: 4 });
    const c = w.citizens;
    c.volunteer[1] = 2;
    c.awareness[2] = 128; // 0.502
    c.awareness[3] = 127; // 0.498
    w.streams.survey = scripted([pick(1), 0.1, pick(2), 0.9, pick(3), 0.2, pick(40), 0.7]);
    expect(surveyStep(w)).toBe(true);
    expect(w.totals.satisfaction).toBe(0.5);
    expect(w.totals.awareness).toBe(0.5);
    expect(w.totals.participationRate).toBe(0.25);
    expect(w.totals.surveys).toBe(1);
    expect(w.totals.satisfactionSum).toBe(0.5);
    // Per village (0: residents 0-29, 1: 30-59): asked and not satisfied, for accountability.
    expect(Array.from(w.villageAsked)).toEqual([3, 1]);
    expect(Array.from(w.villageUnhappy)).toEqual([1, 1]);
    // The next survey starts its village counts afresh and adds to the run's sum.
    w.day = 59;
    w.streams.survey = scripted([pick(5), 0.1, pick(6), 0.1, pick(7), 0.1, pick(8), 0.1]);
    surveyStep(w);
    expect(Array.from(w.villageAsked)).toEqual([4, 0]);
    expect(Array.from(w.villageUnhappy)).toEqual([0, 0]);
    expect(w.totals.satisfactionSum).toBe(1.5);
    expect(w.totals.surveys).toBe(2);
  });

  it('aware means legal awareness of at least 0.5 (with law education), or a member', () => {
    const w = neutral({ sampleSize: 1, intervalDays: 731 });
    w.params.ruleOfLaw.legalAwarenessGrowthPerYear = 0.25;
    w.day = 730; // two years of growth: awareness 0 + 0.25 x 2 = 0.5 exactly
    w.streams.survey = scripted([pick(3), 0.1]);
    surveyStep(w);
    expect(w.totals.awareness).toBe(1);
  });

  it('a respondent with no encounter at all counts as none, even early in the run', () => {
    const w = neutral({ sampleSize: 1 });
    w.streams.survey = scripted([pick(3), 0.1]);
    surveyStep(w);
    expect([w.totals.contactNone, w.totals.contactGood, w.totals.contactBad]).toEqual([1, 0, 0]);
  });

  it('asks at most every resident (a sample larger than the town is the town)', () => {
    const w = neutral({ sampleSize: 1000 });
    const draws: number[] = [];
    for (let i = 0; i < 60; i++) draws.push(pick(i), 0.1);
    const s = scripted(draws);
    w.streams.survey = s;
    surveyStep(w);
    expect(s.left()).toBe(0);
    expect(w.totals.satisfaction).toBe(1);
  });

  it("groups respondents by their last encounter in the past year (Skogan 2006): none, fair, unfair, with their legitimacy", () => {
    const w = neutral({ sampleSize: 4 });
    w.day = 389; // the 13th survey (day + 1 = 390)
    const c = w.citizens;
    c.legitimacy[1] = 0.6;
    c.legitimacy[2] = 0.3;
    c.legitimacy[3] = 0.8;
    c.legitimacy[4] = 0.7;
    c.contactDay[1] = 26; // 364 days before the survey: fair
    c.contactDay[2] = 200;
    c.contactBad[2] = 1; // unfair
    c.contactDay[3] = 25; // 365 days before: too long ago, counts as none
    c.contactBad[3] = 1;
    // respondent 4: contactDay 0, no encounter
    w.streams.survey = scripted([pick(1), 0.1, pick(2), 0.1, pick(3), 0.1, pick(4), 0.1]);
    surveyStep(w);
    const t = w.totals;
    expect([t.contactNone, t.contactGood, t.contactBad]).toEqual([2, 1, 1]);
    expect(t.contactGoodL).toBeCloseTo(0.6, 6);
    expect(t.contactBadL).toBeCloseTo(0.3, 6);
    expect(t.contactNoneL).toBeCloseTo(1.5, 6);
  });
});
