/**
 * Scenario params of the governance model (design/MODEL.md sections 2-5 and 7-8): every parameter with
 * its default, validity range, plausible range, unit, kind and a one-line meaning (shown in the JSON
 * Schema, docs/ODD.md's parameter table, docs/LEVERS.md and the browser's controls).
 *
 * Kinds (MODEL.md section 7):
 *   society  who the people are and what they live through, the same whoever governs. Every regime
 *            preset uses the same society block (the schema defaults); test/scenario/presets.test.ts
 *            fails if a regime preset sets one.
 *   policy   what a government chooses: channels and their staffing, procedural rules, enforcement,
 *            petitions, support for NGOs, risk assessment, the smart platform, accountability.
 *   output   what a run records; changes no model result.
 *
 * `range` is the plausible range of a value (for `govsim effects` and sensitivity analysis), inside the
 * validity limits `min`..`max` that a scenario file may use. Defaults are the social-governance preset
 * at a Fengqiao-sized town (about 74,000 residents, Zhejiang around 2017); presets in scenarios/ name
 * the sources of their values.
 */
import * as z from 'zod';
import type { GovernanceParams } from '../../sim/governance/params';
import { RATIO_RULES } from '../../sim/core/activation';
import { scheduledChanges } from './fields';

export type ParamKind = 'society' | 'policy' | 'output';

interface Meta {
  unit?: string;
  /** Plausible [low, high] when narrower than the validity limits. */
  range?: [number, number];
}

/** Field builders that stamp every field with its kind. */
function fields(kind: ParamKind) {
  const meta = (m: Meta) => ({ kind, ...(m.unit ? { unit: m.unit } : {}), ...(m.range ? { range: m.range } : {}) });
  const num = (def: number, min: number, max: number, describe: string, unit?: string, range?: [number, number]) =>
    z.number().min(min).max(max).default(def).describe(describe).meta(meta({ unit, range }));
  const int = (def: number, min: number, max: number, describe: string, unit?: string, range?: [number, number]) =>
    z.number().int().min(min).max(max).default(def).describe(describe).meta(meta({ unit, range }));
  return {
    num,
    int,
    share: (def: number, describe: string, range?: [number, number]) => num(def, 0, 1, describe, 'share', range),
    prob: (def: number, describe: string, range?: [number, number]) => num(def, 0, 1, describe, 'probability', range),
    flag: (def: boolean, describe: string) => z.boolean().default(def).describe(describe).meta({ kind }),
    choice: <T extends readonly [string, ...string[]]>(options: T, def: T[number], describe: string) =>
      z.enum(options).default(def as never).describe(describe).meta({ kind }),
    schedule: (what: string, value: z.ZodNumber) => scheduledChanges(what, value).meta({ kind }),
  };
}
const society = fields('society');
const policy = fields('policy');
const output = fields('output');

/** One level of the mediation network (grid, village or town): all policy. */
function mediationLevel(
  name: string,
  d: { staffPer1000: number; hoursPerDay: number; hoursPerCase: number; serviceDays: number; skill: number; fairness: number; staffRange: [number, number] },
) {
  return z
    .object(levelFields(name, d))
    .strict()
    .prefault({});
}

function levelFields(
  name: string,
  d: { staffPer1000: number; hoursPerDay: number; hoursPerCase: number; serviceDays: number; skill: number; fairness: number; staffRange: [number, number] },
) {
  return {
      staffed: policy.flag(true, `Whether the ${name} level of the mediation network is staffed.`),
      staffPer1000: policy.num(d.staffPer1000, 0, 100, `${name} mediators per 1,000 residents.`, 'per 1,000 residents', d.staffRange),
      hoursPerDay: policy.num(
        d.hoursPerDay,
        0,
        24,
        `Hours a day each ${name} mediator gives to dispute work, paid whether busy or idle (the rest of a part-timer's day is other work).`,
        'hours per staff-day',
        [d.hoursPerDay / 4, d.hoursPerDay * 4],
      ),
      hoursPerCase: policy.num(d.hoursPerCase, 0.1, 1000, `Working hours a ${name} mediation of severity 0.5 takes (x (0.5 + severity) for others).`, 'hours', [d.hoursPerCase / 2, d.hoursPerCase * 2]),
      serviceDays: policy.num(d.serviceDays, 0.5, 365, `Calendar days a ${name} mediation is under way once started.`, 'days', [d.serviceDays / 2, d.serviceDays * 2]),
      skill: policy.prob(d.skill, `Base success probability of ${name} mediation for a well-fitting, mild case.`, [0.5, 0.999]),
      fairness: policy.share(d.fairness, `Procedural fairness of a ${name} mediation encounter (what legitimacy moves toward).`, [0.3, 1]),
  };
}

export const governanceParams = z
  .object({
    population: z
      .object({
        residents: society.int(74000, 10, 100_000_000, 'Residents of the modelled area (Fengqiao town: 74,000).', 'residents', [20000, 150000]),
        counties: society.int(1, 1, 1000, 'Counties in the modelled area.', 'counties', [1, 2]),
        townsPerCounty: society.int(1, 1, 200, 'Towns (sub-districts) per county.', 'towns', [1, 4]),
        villagesPerTown: society.int(28, 1, 500, 'Villages (neighbourhoods) per town.', 'villages', [10, 60]),
        gridsPerVillage: society.int(10, 1, 200, 'Grids (residential quarters) per village.', 'grids', [4, 20]),
        hardshipMean: society.share(0.15, 'Mean perceived hardship H of citizens (0..1).', [0.05, 0.4]),
        riskAversionMean: society.share(0.5, 'Mean risk aversion R of citizens (0..1; 0.5 = uniform as in Epstein 2002).', [0.3, 0.7]),
        legalAwarenessMean: society.share(0.5, 'Mean legal awareness of citizens at the start (0..1).', [0.2, 0.8]),
        tiesMean: society.share(0.5, 'Mean strength of social ties in the grid (0..1).', [0.2, 0.8]),
      })
      .strict()
      .prefault({}),
    economy: z
      .object({
        gdpPerCapitaUsd: society.num(13600, 50, 200000, 'GDP per capita at the start (Zhejiang 2017 about USD 13,600).', 'USD', [200, 30000]),
        gdpGrowthPerYear: society.num(0.07, -0.5, 0.5, 'Yearly growth of GDP per capita.', 'per year', [-0.05, 0.12]),
        conflictBandLowUsd: society.num(
          1000,
          0,
          200000,
          'Lower end of the GDP-per-capita band in which conflicts multiply (seed: USD 1,000). Acts only while GDP per capita is inside the band, not at the 2017 town of the regime presets.',
          'USD',
          [500, 2000],
        ),
        conflictBandHighUsd: society.num(3000, 0, 200000, 'Upper end of that band (seed: USD 3,000); acts only while GDP per capita is inside the band.', 'USD', [2000, 5000]),
        conflictBandMultiplier: society.num(1.5, 0, 10, 'Multiplier of grievance rates while GDP per capita is inside the band; acts only then.', 'factor', [1, 3]),
        inequality: society.share(0.4, 'Income inequality (Gini coefficient).', [0.25, 0.55]),
        inequalityWeight: society.num(1, 0, 10, 'Grievance-rate change per unit of Gini above 0.3.', 'factor', [0, 3]),
        urbanisation: society.share(0.68, 'Urban share of residents (Zhejiang 2017: 68%).', [0.2, 0.9]),
        urbanisationWeight: society.num(0.3, 0, 10, 'Grievance-rate increase per unit of urbanisation (density).', 'factor', [0, 1]),
        hardshipDriftPerYear: society.num(-0.02, -1, 1, 'Relative yearly change of every citizen’s hardship.', 'per year', [-0.1, 0.1]),
      })
      .strict()
      .prefault({}),
    grievances: z
      .object({
        ratePerResidentYear: society.num(0.0179, 0, 10, 'Injurious events (perceived grievances) per resident per year, before multipliers. Calibrated: the posterior median of docs/calibration/social-governance-society/posterior.json (ABC-SMC to 6.5-11 mediated disputes per 1,000 residents a year, China 2017, and the other targets of scenarios/calibration/governance-society.json; 90% interval 0.012-0.026).', 'per resident-year', [0.01, 0.04]),
        hardshipWeight: society.num(2, 0, 100, 'Relative increase of a citizen’s grievance rate per unit of hardship.', 'factor', [0, 5]),
        typeMix: z
          .object({
            neighbourFamily: society.num(0.45, 0, 1, 'Weight of neighbour and family disputes.', 'weight', [0.25, 0.6]),
            landHousing: society.num(0.16, 0, 1, 'Weight of land and housing disputes.', 'weight', [0.05, 0.3]),
            labourWages: society.num(0.12, 0, 1, 'Weight of labour and wage disputes.', 'weight', [0.05, 0.25]),
            contractsConsumers: society.num(0.18, 0, 1, 'Weight of contract and consumer disputes.', 'weight', [0.05, 0.3]),
            environment: society.num(0.04, 0, 1, 'Weight of environmental disputes.', 'weight', [0.01, 0.1]),
            administrative: society.num(0.05, 0, 1, 'Weight of disputes with the administration.', 'weight', [0.01, 0.15]),
          })
          .strict()
          .prefault({})
          .describe('Mix of dispute types (relative weights).'),
        claimProbability: society.prob(0.596, 'Share of grievances voiced as claims at awareness and legitimacy 0.5. Calibrated: the posterior median of docs/calibration/social-governance-society/posterior.json (about 700 claims per 1,000 grievances: Miller & Sarat 1980-81; 90% interval 0.48-0.69).', [0.45, 0.75]),
        claimAwarenessWeight: society.share(0.3, 'How much legal awareness moves the claim probability (0 = not at all).', [0, 0.6]),
        claimLegitimacyWeight: society.share(
          0.3,
          'How much trust in authorities (legitimacy) moves the claim probability: people who expect a fair hearing voice more grievances (0 = not at all).',
          [0, 0.6],
        ),
        rejectionProbability: society.prob(0.619, 'Share of claims rejected, becoming disputes. Calibrated: the posterior median of docs/calibration/social-governance-society/posterior.json (450 disputes of 700 claims: Miller & Sarat 1980-81; 90% interval 0.51-0.77).', [0.5, 0.8]),
        severityMean: society.num(0.3, 0.01, 1, 'Mean severity of a grievance (exponential, capped at 1).', 'severity', [0.15, 0.5]),
        lumpedWeight: society.num(0.2, 0, 10, 'Grievance kept per unit severity when a grievance is not voiced.', 'grievance per severity', [0.05, 0.5]),
        openWeight: society.num(0.3, 0, 10, 'Grievance added per unit severity while a dispute is open (removed on resolution).', 'grievance per severity', [0.1, 0.6]),
        abandonWeight: society.num(0.5, 0, 10, 'Grievance added per unit severity when a dispute is given up (stays latent).', 'grievance per severity', [0.2, 1]),
        decayPerYear: society.num(1, 0, 50, 'Exponential decay rate of accumulated grievance.', 'per year', [0.3, 3]),
      })
      .strict()
      .prefault({}),
    safety: z
      .object({
        crimesPer10kYear: society.num(110, 0, 10000, 'Base criminal cases per 10,000 residents per year with no police (fraud included).', 'per 10,000 residents-year', [60, 200]),
        fraudShare: society.share(0.2, 'Share of the base crime rate that is telecom fraud.', [0.1, 0.4]),
        accidentsPer10kYear: society.num(20, 0, 10000, 'Base accidents (work and traffic) per 10,000 residents per year.', 'per 10,000 residents-year', [10, 40]),
        policeEffect: society.num(0.5, 0, 10, 'Crime reduction per officer per 1,000 residents at full public cooperation (exponent).', 'per officer per 1,000', [0.2, 1]),
        cooperationWeight: society.share(
          0.5,
          'How much public cooperation with the police (reporting, witnesses) depends on mean legitimacy: police effect x (1 - w + w L / 0.75).',
          [0, 0.8],
        ),
        patrolEffect: society.num(0.05, 0, 10, 'Crime reduction per patrol volunteer per 1,000 residents (exponent).', 'per member per 1,000', [0, 0.15]),
        trendPerYear: society.num(-0.05, -0.9, 1, 'Yearly relative trend of crime and accident rates.', 'per year', [-0.15, 0.05]),
      })
      .strict()
      .prefault({}),
    enforcement: z
      .object({
        officersPer1000: policy.num(1.2, 0, 50, 'Police officers per 1,000 residents (Epstein’s cops).', 'per 1,000 residents', [0.6, 3]),
        officerSchedule: policy.schedule('officers per 1,000 residents', z.number().min(0).max(50)),
        detentionDays: policy.int(15, 1, 3650, 'Detention term: a detained active is held this many days, then released.', 'days', [5, 365]),
        detentionCostPerDay: policy.num(0.25, 0, 10, 'Official person-days one detainee costs per day held (guards, administration).', 'person-days per detainee-day', [0.1, 0.5]),
        coercion: policy.share(0.1, 'Coercion of enforcement: lowers the procedural fairness of police and petition encounters.', [0, 0.6]),
        claimSuppression: policy.share(0, 'Share of would-be claims deterred by coercion (control regime: grievances suppressed).', [0, 0.4]),
        arrestsPerOfficerDay: policy.num(1, 0, 100, 'Actives one officer can detain a day.', 'per officer-day', [0.25, 2]),
        contactsPerOfficerDay: policy.num(
          0.5,
          0,
          50,
          'Routine police-public contacts (stops, calls, checks) per officer per day; each is an encounter of police fairness. 0.5 at 1.2 per 1,000 gives one resident in five a contact a year (police-public contact surveys).',
          'contacts per officer-day',
          [0.1, 2],
        ),
        disputeHoursPerDay: policy.num(0.25, 0, 24, 'Hours a day each officer gives to dispute work (paid whether busy or idle).', 'hours per officer-day', [0.05, 1]),
        hoursPerCase: policy.num(6, 0.1, 1000, 'Working hours a police handling of a dispute takes (severity 0.5).', 'hours', [3, 12]),
        serviceDays: policy.num(2, 0.5, 365, 'Calendar days the police take over a dispute.', 'days', [1, 5]),
        skill: policy.prob(0.6, 'Base success probability of police handling of a dispute.', [0.3, 0.8]),
      })
      .strict()
      .prefault({}),
    mediation: z
      .object({
        grid: z
          .object({
            ...levelFields('grid', { staffPer1000: 4, hoursPerDay: 0.04, hoursPerCase: 6, serviceDays: 3, skill: 0.9, fairness: 0.9, staffRange: [1, 8] }),
            visitsPerDay: policy.num(
              1,
              0,
              50,
              'Household visits each grid worker makes a day (information, services, early warning): each is an encounter of grid fairness for one resident.',
              'visits per worker-day',
              [0.25, 3],
            ),
          })
          .strict()
          .prefault({}),
        village: mediationLevel('village', { staffPer1000: 1.5, hoursPerDay: 0.15, hoursPerCase: 16, serviceDays: 7, skill: 0.99, fairness: 0.9, staffRange: [0.5, 3] }),
        town: mediationLevel('town', { staffPer1000: 0.1, hoursPerDay: 0.65, hoursPerCase: 24, serviceDays: 15, skill: 0.85, fairness: 0.8, staffRange: [0.02, 0.3] }),
      })
      .strict()
      .prefault({}),
    grandMediation: z
      .object({
        referral: policy.flag(true, 'Grand mediation: a failed case is referred one level up with its history (else the citizen chooses again).'),
      })
      .strict()
      .prefault({}),
    court: z
      .object({
        judgesPer100k: policy.num(8, 0, 1000, 'Judges per 100,000 residents (China about 8.6).', 'per 100,000 residents', [3, 15]),
        hoursPerDay: policy.num(0.6, 0, 24, 'Hours a day each judge gives to the area’s civil disputes (paid whether busy or idle).', 'hours per judge-day', [0.5, 6]),
        mediationHours: policy.num(12, 0.1, 1000, 'Judge hours of a judicial mediation (severity 0.5).', 'hours', [6, 24]),
        adjudicationHours: policy.num(30, 0.1, 1000, 'Further judge hours to adjudicate a case not settled by mediation (the case keeps its slot for as many days at the court’s pace: serviceDays per mediationHours).', 'hours', [15, 60]),
        serviceDays: policy.num(45, 1, 3650, 'Calendar days of judicial mediation (or of case preparation).', 'days', [20, 90]),
        priorityToMediation: policy.flag(true, 'Priority to mediation: the court mediates before it adjudicates.'),
        mediationSkill: policy.prob(0.6, 'Success probability of judicial mediation for a well-fitting, mild case.', [0.3, 0.8]),
        petitionAfterJudgement: society.prob(0.1, 'Probability that a citizen dissatisfied with a judgement petitions.', [0.02, 0.3]),
      })
      .strict()
      .prefault({}),
    ngo: z
      .object({
        support: policy.share(1, 'Policy support for NGOs and public participation (recruitment, hearings, funding; 0 = no NGO allowed): scales every citizen’s willingness to join a team.', [0.2, 1]),
        teams: z
          .object({
            mediation: policy.flag(true, 'Mediation teams (e.g. the Fengqiao Aunts) exist: their members’ hours are NGO mediation capacity.'),
            worthies: policy.flag(true, 'Societies of village worthies exist: respected members raise the success of mediation in their village.'),
            patrols: policy.flag(true, 'Volunteer security patrols (e.g. Hongfeng Vigilantes) exist: enforcement presence and fewer crimes.'),
            correction: policy.flag(true, 'Community-correction volunteers exist: a released detainee is met and helped back, relieving part of the grievance that would draw them back into protest.'),
            counselling: policy.flag(true, 'Counselling (psychological intervention) volunteers exist: less grievance is kept from a dispute given up or a grievance not voiced.'),
          })
          .strict()
          .prefault({}),
        hoursPerMemberDay: society.num(0.3, 0, 24, 'Volunteer hours a member gives per day (about two a week).', 'hours per member-day', [0.1, 0.6]),
        caseHoursShare: society.share(0.009, 'Share of a mediation-team member’s volunteer hours that go to cases (the rest: visits, training, events; calibrated so that NGO teams run at about 60% utilisation in the governance preset).', [0.004, 0.03]),
        hoursPerCase: society.num(8, 0.1, 1000, 'Volunteer hours an NGO mediation takes (severity 0.5).', 'hours', [4, 16]),
        serviceDays: society.num(5, 0.5, 365, 'Calendar days an NGO mediation is under way.', 'days', [2, 10]),
        skill: society.prob(0.9, 'Base success probability of NGO mediation.', [0.6, 0.95]),
        worthyEffect: society.num(0.05, 0, 10, 'Share of the remaining failure of village mediation that each village worthy per 1,000 residents of the village removes.', 'per worthy per 1,000', [0, 0.15]),
        correctionRelief: society.share(0.5, 'Share of a released detainee’s accumulated grievance that community correction relieves.', [0, 0.8]),
        counsellingRelief: society.share(0.3, 'Share of the grievance kept from a lumped or abandoned dispute that counselling removes where a counsellor serves the grid’s village.', [0, 0.6]),
      })
      .strict()
      .prefault({}),
    participation: z
      .object({
        initialShare: society.share(0.068, 'Share of residents inclined to volunteer who are in a team at the start, where the policy allows teams (Fengqiao: over 5,000 of 74,000).', [0.02, 0.12]),
        thresholdMean: society.num(1.36, 0, 3, 'Centre of the uniform Granovetter thresholds (share of grid taking part needed to join).', 'share', [1, 1.8]),
        thresholdSpread: society.num(1.5, 0, 3, 'Half-width of the uniform thresholds (thresholds below 0 are instigators).', 'share', [1, 2]),
        legitimacyWeight: society.share(0.5, 'How much a citizen’s legitimacy scales willingness to join (0 = not at all).', [0.2, 0.8]),
        reviewDays: society.num(90, 0, 3650, 'Mean days between a citizen’s reviews of joining or leaving (0 = never).', 'days', [30, 180]),
        leaveRate: society.prob(0.02, 'Probability that a member leaves at a review regardless of the rule (burn-out).', [0.005, 0.05]),
      })
      .strict()
      .prefault({}),
    riskAssessment: z
      .object({
        enabled: policy.flag(true, 'Social-stability risk assessment of major decisions (hearing and expert review).'),
        threshold: policy.share(0.4, 'Estimated risk above which a proposal is rejected or delayed.', [0.2, 0.6]),
        errorSd: policy.num(0.05, 0, 1, 'Standard deviation of the assessment’s error on risk. It only changes the verdict on proposals near the threshold: it acts in zhejiang-province (about 5,000 proposals a year), while in a town (about 18 proposals in three years) its effect is within seed noise (docs/LEVERS.md).', 'risk', [0.01, 0.15]),
        outcome: policy.choice(['reject', 'delay'] as const, 'delay', 'What happens above the threshold: rejection, or delay and redesign.'),
        delayDays: policy.int(90, 0, 3650, 'Days a delayed project waits for redesign.', 'days', [30, 180]),
        redesignFactor: policy.share(0.3, 'Risk of a redesigned project as a share of its original risk. Only delayed projects are redesigned (about 3% of proposals): it acts in zhejiang-province (about 5,000 proposals a year), while in a town (about 18 proposals in three years) its effect is within seed noise (docs/LEVERS.md).', [0.1, 0.6]),
        proposalsPer100kYear: society.num(8, 0, 1000, 'Major proposals per 100,000 residents per year: the pace of development, the same whoever governs (Zhejiang 2010-16: 31,835 in 7 years).', 'per 100,000 residents-year', [4, 16]),
        affectedMean: society.num(150, 2, 100000, 'Mean size of the group a project burdens.', 'residents', [50, 400]),
        riskShape: society.num(28, 0.1, 100, 'Shape a of the true risk u^a (larger = fewer risky projects).', 'exponent', [15, 40]),
        burden: society.num(0.5, 0, 10, 'Grievance added to each affected resident per unit of risk.', 'grievance per risk', [0.25, 1]),
        staffDaysPerAssessment: policy.num(10, 0, 1000, 'Official person-days of one assessment.', 'person-days', [5, 20]),
        hearingDays: policy.int(30, 0, 3650, 'Days of hearing and review before an approved project starts.', 'days', [10, 60]),
      })
      .strict()
      .prefault({}),
    petitions: z
      .object({
        regime: policy.choice(
          ['suppression', 'stability-first', 'reformed'] as const,
          'reformed',
          'Letter-and-visit regime: suppression, stability-first (returned, rarely solved) or reformed.',
        ),
        reformAtDay: policy.int(-1, -1, 65535, 'Day from which petitions are handled by the reformed regime whatever `regime` says (-1 = never): the reform as an event. Acts only where `regime` is not already reformed (e.g. governance-stability-first-petitions).', 'day', [-1, 730]),
        onlineShare: policy.share(0.4, 'Share of petitions filed online at the start (national 2015: 40%).', [0, 0.6]),
        onlineGrowthPerYear: policy.num(0.05, -1, 1, 'Yearly change of the online share.', 'per year', [0, 0.1]),
        onlineServiceFactor: policy.num(0.5, 0.01, 1, 'Handling hours and days of an online petition as a share of a visit’s.', 'factor', [0.25, 1]),
        explainedRepeatFactor: society.share(0.5, 'Reformed: repeat probability of an explained, unconvinced petitioner as a share of repeatProbability.', [0.2, 0.8]),
        staffPer100k: policy.num(10, 0, 10000, 'Petition-office staff per 100,000 residents (town and county offices each).', 'per 100,000 residents', [3, 20]),
        hoursPerDay: policy.num(1, 0, 24, 'Hours a day each petition-office staff member gives to petitions (paid whether busy or idle).', 'hours per staff-day', [0.25, 4]),
        hoursPerCase: policy.num(6, 0.1, 1000, 'Working hours one petition visit takes (severity 0.5).', 'hours', [3, 12]),
        serviceDays: policy.num(10, 0.5, 365, 'Calendar days to handle a petition visit.', 'days', [5, 30]),
        solveStabilityFirst: policy.prob(0.002, 'Probability that a stability-first office solves a petition (one survey: 0.2%). Acts only under the stability-first regime (social-management, governance-stability-first-petitions).', [0.001, 0.05]),
        repeatProbability: society.prob(0.5, 'Probability that a returned petitioner comes back.', [0.3, 0.7]),
        overLevelProbability: society.prob(0.2, 'Probability that a petitioner goes over level (to the county office).', [0.1, 0.4]),
        repeatDelayDays: society.int(30, 1, 3650, 'Days before a returned petitioner comes back.', 'days', [10, 90]),
        reasonableShare: society.share(0.6, 'Share of petitions that are reasonable appeals (routed to a solving channel when reformed).', [0.4, 0.8]),
        explanationAccepted: society.prob(0.6, 'Reformed: probability that an explained unreasonable appeal is accepted.', [0.3, 0.8]),
        assistanceHardship: policy.share(0.8, 'Reformed: hardship at or above which a petitioner is assisted.', [0.5, 1]),
        illegalShare: society.share(0.05, 'Share of petitions that are illegal acts (handed to the police when reformed).', [0, 0.15]),
        suppressionDetention: policy.prob(0.3, 'Suppression: probability that an intercepted petitioner is detained. Acts only under the suppression regime (social-control).', [0.1, 0.6]),
        interceptionDays: policy.num(3, 0, 365, 'Official person-days to intercept or keep away a petitioner. Acts only under the suppression and stability-first regimes (social-control, social-management).', 'person-days', [1, 6]),
        suppressionWeight: society.num(1, 0, 10, 'Suppression: grievance added per unit severity to an intercepted petitioner.', 'grievance per severity', [0.5, 2]),
      })
      .strict()
      .prefault({}),
    ruleOfLaw: z
      .object({
        baselineFairness: policy.share(0.9, 'Procedural fairness of police and petition offices before coercion.', [0.4, 0.9]),
        courtFairness: policy.share(0.8, 'Procedural fairness of the court.', [0.4, 0.9]),
        courtSkill: policy.prob(0.7, 'Probability that an adjudicated citizen is satisfied with the judgement.', [0.4, 0.85]),
        legalAwarenessGrowthPerYear: policy.num(0.01, -1, 1, 'Law education: yearly growth of every citizen’s legal awareness.', 'per year', [0, 0.03]),
      })
      .strict()
      .prefault({}),
    smartPlatform: z
      .object({
        enabled: policy.flag(true, 'Smart governance platform (grid information system).'),
        daysToFirstContact: policy.num(1, 0, 365, 'Mean days from a dispute to first contact with the platform.', 'days', [0.5, 3]),
        daysWithout: society.num(7, 0, 365, 'Mean days from a dispute to first contact without the platform (how long people wait before they act).', 'days', [3, 14]),
        gridDiscovery: policy.prob(0.8, 'Probability that a grid worker picks up a dispute first through the platform.', [0.4, 0.95]),
        crimeReduction: policy.share(0.2, 'Reduction of crime by the platform at full roll-out (accidents: half of it).', [0.05, 0.35]),
        fraudReduction: policy.share(0.3, 'Reduction of telecom fraud by the platform at full roll-out (source prevention).', [0.1, 0.5]),
        rampDays: policy.int(730, 0, 36500, 'Days until the platform is fully rolled out (0 = at once).', 'days', [0, 1095]),
      })
      .strict()
      .prefault({}),
    professionalisation: z
      .object({
        skillGrowthPerYear: policy.num(0.01, -0.5, 1, 'Yearly relative growth of mediators’ and police skill (specialisation).', 'per year', [0, 0.03]),
      })
      .strict()
      .prefault({}),
    accountability: z
      .object({
        enabled: policy.flag(true, '"Let the people decide": the monthly survey is part of how officials are evaluated, so attention (grid visits) and discretionary grid and village mediation hours move toward the villages that score worst.'),
        strength: policy.num(0.5, 0, 2, 'How strongly staff and attention move toward a village per unit of its satisfaction shortfall (relative to the area mean).', 'factor', [0.1, 1]),
        discretionaryShare: policy.share(0.3, 'Share of grid and village mediation hours and grid visits that can be moved between villages.', [0.1, 0.6]),
      })
      .strict()
      .prefault({}),
    handling: z
      .object({
        choice: z
          .object({
            negotiate: society.num(1, 0, 100, 'Cultural preference for direct negotiation in the citizen’s first choice.', 'weight', [0.5, 2]),
            grid: society.num(2, 0, 100, 'Preference for grid mediation (where it exists).', 'weight', [1, 3]),
            village: society.num(2, 0, 100, 'Preference for the village people’s mediation committee.', 'weight', [1, 3]),
            ngo: society.num(1, 0, 100, 'Preference for NGO mediation teams (where they exist).', 'weight', [0.5, 2]),
            town: society.num(0.1, 0, 100, 'Preference for the town administrative mediation office.', 'weight', [0.05, 0.3]),
            police: society.num(0.2, 0, 100, 'Preference for calling the police.', 'weight', [0.1, 0.5]),
            court: society.num(0.06, 0, 100, 'Preference for going to court (an aversion to courts is a low value).', 'weight', [0.02, 0.2]),
            petition: society.num(0.2, 0, 100, 'Preference for petitioning (letters and visits).', 'weight', [0.1, 0.5]),
            giveUp: society.num(0.3, 0, 100, 'Preference for giving up (the grievance stays latent).', 'weight', [0.1, 0.6]),
          })
          .strict()
          .prefault({})
          .describe('Cultural preferences among kinds of channel: the same people choose from what each policy offers, weighted further by trust, cost, wait and experience.'),
        negotiateSuccess: society.prob(0.3, 'Success probability of a direct negotiation of a mild, well-fitting dispute.', [0.15, 0.5]),
        takeFit: policy.share(0.6, 'Grid, village and NGO mediation decline a case whose type-channel fit is below this (e.g. administrative disputes).', [0.4, 0.8]),
        severityPenalty: society.share(0.03, 'Reduction of success probabilities per unit of severity.', [0, 0.2]),
        trustWeight: society.share(0.5, 'How much the citizen’s legitimacy (trust) weighs in choosing a state channel.', [0.2, 0.8]),
        acceptanceWeight: society.share(0.1, 'How much low legitimacy makes a citizen reject a mediated or handled outcome: success x (1 - w (1 - L)).', [0, 0.3]),
        waitWeight: society.num(1, 0, 10, 'How much a channel’s expected wait (in units of patience) deters choosing it.', 'factor', [0, 3]),
        experienceWeight: society.share(0.5, 'How much the grid’s past outcomes in a channel (neighbours’ experience) weigh in choosing it.', [0, 1]),
        patienceDays: society.num(60, 1, 3650, 'Mean days a citizen waits in a queue before escalating.', 'days', [20, 120]),
        escalateToPetition: society.prob(0.5, 'Without grand mediation: probability that an impatient citizen petitions.', [0.2, 0.8]),
        rechoosePetitionBoost: society.num(3, 0, 100, 'Multiplier of the petition weight when choosing again after a failure.', 'factor', [1, 5]),
        maxAttempts: society.int(4, 1, 50, 'Channels a citizen tries before giving up.', 'attempts', [2, 6]),
      })
      .strict()
      .prefault({}),
    collectiveAction: z
      .object({
        threshold: society.share(0.1, 'Activation threshold T (Epstein 2002: 0.1).', [0.05, 0.2]),
        arrestConstant: society.num(2.3, 0, 100, 'k in P = 1 - exp(-k r(C/A)) (Epstein 2002: 2.3).', 'constant', [1.5, 3]),
        ratioRule: society.choice(RATIO_RULES, 'floor', 'Treatment of C/A: floor (NetLogo, gives punctuated outbursts), literal, round-half-even, round-half-up.'),
        grievanceWeight: society.num(1, 0, 10, 'Weight of accumulated unresolved grievance in G.', 'factor', [0.5, 2]),
        detentionDeterrence: society.share(0.3, 'Specific deterrence: share of the gap to 1 by which detention raises a detainee’s risk aversion.', [0, 0.6]),
        massIncidentSize: society.int(50, 1, 1_000_000, 'Actives in a town above which a mass incident is under way (a definition, the same for every regime).', 'residents', [30, 100]),
        episodeGapDays: society.int(7, 1, 365, 'Days below the size threshold that end a mass incident (shorter lulls belong to it).', 'days', [3, 14]),
        burnInDays: society.int(180, 0, 3650, 'Days of collective action and detention run before day 0 and not recorded, so a run starts past the initial burst of a population that starts all quiet.', 'days', [90, 365]),
        presencePerOfficer: policy.num(6, 0, 50, 'Enforcement presence C per officer in the villages (officers with auxiliaries, security staff and informants).', 'presence per officer', [3, 10]),
        patrolDeterrence: society.num(0.3, 0, 10, 'Enforcement presence one patrol volunteer adds to C.', 'officers', [0.1, 0.6]),
      })
      .strict()
      .prefault({}),
    legitimacy: z
      .object({
        initialMean: society.share(0.8, 'Mean perceived legitimacy at the start (the same society under every regime).', [0.4, 0.8]),
        initialSpread: society.share(0.1, 'Half-width of the uniform spread of initial legitimacy.', [0.05, 0.2]),
        learningRate: society.share(0.1, 'Share of the gap to an encounter’s fairness closed by a good encounter.', [0.05, 0.2]),
        asymmetry: society.num(6, 1, 50, 'How many times faster a bad encounter moves legitimacy (Skogan 2006: 4 to 14).', 'factor', [4, 14]),
        spreadProbability: society.prob(0.3, 'Probability that an encounter is told to grid neighbours.', [0.1, 0.5]),
        neighbours: society.int(3, 0, 100, 'Neighbours who hear of an encounter.', 'residents', [1, 6]),
        spreadWeight: society.share(0.2, 'Share of the change a neighbour takes.', [0.05, 0.4]),
        outcomeWeight: society.share(0.5, 'Performance legitimacy: reduction of an encounter’s fairness when the citizen’s case fails there.', [0.2, 0.8]),
        shiftSchedule: society.schedule('legitimacy shift added to every citizen (an exogenous shock)', z.number().min(-1).max(1)),
      })
      .strict()
      .prefault({}),
    survey: z
      .object({
        intervalDays: policy.int(30, 0, 3650, 'Days between surveys (0 = none; accountability then has nothing to act on).', 'days', [30, 90]),
        sampleSize: policy.int(1000, 1, 1_000_000, 'Respondents per survey.', 'respondents', [300, 3000]),
        base: society.num(0.822, 0, 2, 'Satisfaction probability of a respondent at legitimacy 0.5 with no harm. Calibrated: the posterior median of docs/calibration/social-governance-society/posterior.json (satisfaction with safety 96.58%, Zhejiang 2017; 90% interval 0.805-0.847).', 'probability', [0.6, 0.9]),
        legitimacyWeight: society.num(0.5, 0, 5, 'Satisfaction change per unit of legitimacy above 0.5.', 'probability', [0.2, 0.8]),
        victimWeight: society.num(0.4, 0, 5, 'Satisfaction loss of a crime victim in the last year.', 'probability', [0.2, 0.6]),
        grievanceWeight: society.num(0.5, 0, 5, 'Satisfaction loss per unit of accumulated grievance.', 'probability', [0.2, 1]),
        incidentWeight: society.num(0.1, 0, 5, 'Satisfaction loss after a mass incident in the town within the interval.', 'probability', [0.05, 0.2]),
        crimeWeight: society.num(0.005, 0, 1, 'Satisfaction loss per crime per 1,000 residents per year.', 'probability', [0.002, 0.01]),
      })
      .strict()
      .prefault({}),
    output: z
      .object({
        caseLog: output.flag(false, 'Keep the case-event log (one row per case event; costs memory at scale). Changes no result.'),
        frameCaseCap: output.int(5000, 0, 10_000_000, 'Most open cases included in a frame (the browser view). Changes no result.', 'cases'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

// Compile-time check that the schema's output is exactly the model's params type.
type Parsed = z.output<typeof governanceParams>;
const _sameShape: [Parsed, GovernanceParams] extends [GovernanceParams, Parsed] ? true : never = true;
void _sameShape;
