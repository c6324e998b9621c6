/**
 * Scenario params of the governance model (design/MODEL.md section 4): every policy lever and every
 * calibration number, with its default, range, unit and a one-line meaning (shown in the JSON Schema and
 * the browser's controls). Defaults are the social-governance preset at a Fengqiao-sized town (about
 * 74,000 residents, Zhejiang around 2017) unless a field says otherwise; presets in scenarios/ name the
 * sources of their values.
 */
import * as z from 'zod';
import type { GovernanceParams } from '../../sim/governance/params';
import { RATIO_RULES } from '../../sim/core/activation';
import { scheduledChanges } from './fields';

function num(def: number, min: number, max: number, describe: string, unit?: string) {
  const s = z.number().min(min).max(max).default(def).describe(describe);
  return unit ? s.meta({ unit }) : s;
}
function int(def: number, min: number, max: number, describe: string, unit?: string) {
  const s = z.number().int().min(min).max(max).default(def).describe(describe);
  return unit ? s.meta({ unit }) : s;
}
function flag(def: boolean, describe: string) {
  return z.boolean().default(def).describe(describe);
}
const share = (def: number, describe: string) => num(def, 0, 1, describe, 'share');
const prob = (def: number, describe: string) => num(def, 0, 1, describe, 'probability');

function mediationLevel(
  name: string,
  d: { staffPer1000: number; caseload: number; serviceDays: number; skill: number; fairness: number },
) {
  return z
    .object({
      staffed: flag(true, `Whether the ${name} level of the mediation network is staffed.`),
      staffPer1000: num(d.staffPer1000, 0, 100, `${name} mediators per 1,000 residents.`, 'per 1,000 residents'),
      caseload: num(d.caseload, 0.1, 100, `Cases one ${name} mediator works on at the same time.`, 'cases'),
      serviceDays: num(d.serviceDays, 0.5, 365, `Calendar days a ${name} mediation takes at 8 hours a day.`, 'days'),
      hoursPerDay: num(8, 0.5, 24, `Working hours a day of ${name} mediators (capacity scales with hours / 8).`, 'hours'),
      skill: prob(d.skill, `Base success probability of ${name} mediation for a well-fitting, mild case.`),
      fairness: share(d.fairness, `Procedural fairness of a ${name} mediation encounter (what legitimacy moves toward).`),
    })
    .strict()
    .prefault({});
}

export const governanceParams = z
  .object({
    regime: z
      .enum(['control', 'management', 'governance'])
      .default('governance')
      .describe('Label of the policy regime the levers represent (social control, management or governance).'),
    population: z
      .object({
        residents: int(74000, 10, 100_000_000, 'Residents of the modelled area (Fengqiao town: 74,000).', 'residents'),
        counties: int(1, 1, 1000, 'Counties in the modelled area.', 'counties'),
        townsPerCounty: int(1, 1, 200, 'Towns (sub-districts) per county.', 'towns'),
        villagesPerTown: int(28, 1, 500, 'Villages (neighbourhoods) per town.', 'villages'),
        gridsPerVillage: int(10, 1, 200, 'Grids (residential quarters) per village.', 'grids'),
        hardshipMean: share(0.15, 'Mean perceived hardship H of citizens (0..1).'),
        riskAversionMean: share(0.5, 'Mean risk aversion R of citizens (0..1; 0.5 = uniform as in Epstein 2002).'),
        legalAwarenessMean: share(0.5, 'Mean legal awareness of citizens (0..1).'),
        tiesMean: share(0.5, 'Mean strength of social ties in the grid (0..1).'),
      })
      .strict()
      .prefault({}),
    economy: z
      .object({
        gdpPerCapitaUsd: num(13600, 50, 200000, 'GDP per capita at the start (Zhejiang 2017 about USD 13,600).', 'USD'),
        gdpGrowthPerYear: num(0.07, -0.5, 0.5, 'Yearly growth of GDP per capita.', 'per year'),
        conflictBandLowUsd: num(1000, 0, 200000, 'Lower end of the GDP-per-capita band in which conflicts multiply (seed: USD 1,000).', 'USD'),
        conflictBandHighUsd: num(3000, 0, 200000, 'Upper end of that band (seed: USD 3,000).', 'USD'),
        conflictBandMultiplier: num(1.5, 0, 10, 'Multiplier of grievance rates while GDP per capita is inside the band.', 'factor'),
        inequality: share(0.4, 'Income inequality (Gini coefficient).'),
        inequalityWeight: num(1, 0, 10, 'Grievance-rate change per unit of Gini above 0.3.', 'factor'),
        urbanisation: share(0.68, 'Urban share of residents (Zhejiang 2017: 68%).'),
        urbanisationWeight: num(0.3, 0, 10, 'Grievance-rate increase per unit of urbanisation (density).', 'factor'),
        hardshipDriftPerYear: num(-0.02, -1, 1, 'Relative yearly change of every citizen’s hardship.', 'per year'),
      })
      .strict()
      .prefault({}),
    grievances: z
      .object({
        ratePerResidentYear: num(0.025, 0, 10, 'Injurious events (perceived grievances) per resident per year, before multipliers.', 'per resident-year'),
        hardshipWeight: num(2, 0, 100, 'Relative increase of a citizen’s grievance rate per unit of hardship.', 'factor'),
        typeMix: z
          .object({
            neighbourFamily: num(0.45, 0, 1, 'Weight of neighbour and family disputes.', 'weight'),
            landHousing: num(0.16, 0, 1, 'Weight of land and housing disputes.', 'weight'),
            labourWages: num(0.12, 0, 1, 'Weight of labour and wage disputes.', 'weight'),
            contractsConsumers: num(0.18, 0, 1, 'Weight of contract and consumer disputes.', 'weight'),
            environment: num(0.04, 0, 1, 'Weight of environmental disputes.', 'weight'),
            administrative: num(0.05, 0, 1, 'Weight of disputes with the administration.', 'weight'),
          })
          .strict()
          .prefault({})
          .describe('Mix of dispute types (relative weights).'),
        claimProbability: prob(0.7, 'Share of grievances voiced as claims at mean awareness (Miller & Sarat 1980-81: 700 per 1,000).'),
        claimAwarenessWeight: share(0.3, 'How much legal awareness moves the claim probability (0 = not at all).'),
        rejectionProbability: prob(0.64, 'Share of claims rejected, becoming disputes (450 of 700).'),
        severityMean: num(0.3, 0.01, 1, 'Mean severity of a grievance (exponential, capped at 1).', 'severity'),
        lumpedWeight: num(0.2, 0, 10, 'Grievance kept per unit severity when a grievance is not voiced.', 'grievance per severity'),
        openWeight: num(0.3, 0, 10, 'Grievance added per unit severity while a dispute is open (removed on resolution).', 'grievance per severity'),
        abandonWeight: num(0.5, 0, 10, 'Grievance added per unit severity when a dispute is given up (stays latent).', 'grievance per severity'),
        decayPerYear: num(1, 0, 50, 'Exponential decay rate of accumulated grievance.', 'per year'),
      })
      .strict()
      .prefault({}),
    safety: z
      .object({
        crimesPer10kYear: num(110, 0, 10000, 'Base criminal cases per 10,000 residents per year with no police (fraud included).', 'per 10,000 residents-year'),
        fraudShare: share(0.2, 'Share of the base crime rate that is telecom fraud.'),
        accidentsPer10kYear: num(20, 0, 10000, 'Base accidents (work and traffic) per 10,000 residents per year.', 'per 10,000 residents-year'),
        policeEffect: num(0.5, 0, 10, 'Crime reduction per officer per 1,000 residents (exponent).', 'per officer per 1,000'),
        patrolEffect: num(0.05, 0, 10, 'Crime reduction per patrol or correction volunteer per 1,000 residents (exponent).', 'per member per 1,000'),
        trendPerYear: num(-0.05, -0.9, 1, 'Yearly relative trend of crime and accident rates.', 'per year'),
      })
      .strict()
      .prefault({}),
    enforcement: z
      .object({
        officersPer1000: num(1.2, 0, 50, 'Police officers per 1,000 residents (Epstein’s cops).', 'per 1,000 residents'),
        officerSchedule: scheduledChanges('officers per 1,000 residents', z.number().min(0).max(50)),
        detentionDays: int(15, 1, 3650, 'Maximum detention term; terms are uniform on 1..max.', 'days'),
        coercion: share(0.1, 'Coercion of enforcement: lowers the procedural fairness of police and petition encounters.'),
        claimSuppression: share(0, 'Share of would-be claims deterred by coercion (control regime: grievances suppressed).'),
        arrestsPerOfficerDay: num(1, 0, 100, 'Actives one officer can detain a day.', 'per officer-day'),
        caseload: num(2, 0.1, 100, 'Disputes one officer handles at the same time.', 'cases'),
        serviceDays: num(2, 0.5, 365, 'Days the police take over a dispute.', 'days'),
        skill: prob(0.6, 'Base success probability of police handling of a dispute.'),
      })
      .strict()
      .prefault({}),
    mediation: z
      .object({
        grid: mediationLevel('grid', { staffPer1000: 4, caseload: 3, serviceDays: 3, skill: 0.9, fairness: 0.85 }),
        village: mediationLevel('village', { staffPer1000: 1.5, caseload: 4, serviceDays: 7, skill: 0.99, fairness: 0.85 }),
        town: mediationLevel('town', { staffPer1000: 0.1, caseload: 5, serviceDays: 15, skill: 0.85, fairness: 0.8 }),
      })
      .strict()
      .prefault({}),
    grandMediation: z
      .object({
        referral: flag(true, 'Grand mediation: a failed case is referred one level up with its history (else the citizen chooses again).'),
      })
      .strict()
      .prefault({}),
    court: z
      .object({
        judgesPer100k: num(8, 0, 1000, 'Judges per 100,000 residents (China about 8.6).', 'per 100,000 residents'),
        caseload: num(20, 0.1, 1000, 'Cases one judge works on at the same time.', 'cases'),
        serviceDays: num(45, 1, 3650, 'Days of judicial mediation (or of case preparation).', 'days'),
        adjudicationDays: num(60, 1, 3650, 'Further days to adjudicate a case not settled by mediation.', 'days'),
        priorityToMediation: flag(true, 'Priority to mediation: the court mediates before it adjudicates.'),
        mediationSkill: prob(0.6, 'Success probability of judicial mediation for a well-fitting, mild case.'),
        petitionAfterJudgement: prob(0.1, 'Probability that a citizen dissatisfied with a judgement petitions.'),
      })
      .strict()
      .prefault({}),
    ngo: z
      .object({
        support: share(1, 'Policy support for non-governmental organisations (0 = none allowed).'),
        teams: z
          .object({
            mediation: flag(true, 'Mediation teams (e.g. the Fengqiao Aunts) exist.'),
            worthies: flag(true, 'Societies of village worthies exist.'),
            patrols: flag(true, 'Volunteer security patrols (e.g. Hongfeng Vigilantes) exist.'),
            correction: flag(true, 'Community-correction volunteers exist.'),
            counselling: flag(true, 'Counselling (psychological intervention) volunteers exist.'),
          })
          .strict()
          .prefault({}),
        casesPerMember: num(0.05, 0, 10, 'Cases a mediating member (mediation, worthies, counselling) carries at once.', 'cases'),
        serviceDays: num(5, 0.5, 365, 'Days an NGO mediation takes.', 'days'),
        skill: prob(0.9, 'Base success probability of NGO mediation.'),
        fairness: share(0.85, 'Procedural fairness of NGO mediation (not an authority: no legitimacy update).'),
        hoursPerMemberDay: num(0.3, 0, 24, 'Volunteer hours a member gives per day.', 'hours per member-day'),
      })
      .strict()
      .prefault({}),
    participation: z
      .object({
        support: share(1, 'Policy support for public participation (hearings, online channels, recruitment).'),
        initialShare: share(0.068, 'Share of residents in an NGO team at the start (Fengqiao: over 5,000 of 74,000).'),
        thresholdMean: num(1.36, 0, 3, 'Centre of the uniform Granovetter thresholds (share of grid taking part needed to join).', 'share'),
        thresholdSpread: num(1.5, 0, 3, 'Half-width of the uniform thresholds (thresholds below 0 are instigators).', 'share'),
        legitimacyWeight: share(0.5, 'How much a citizen’s legitimacy scales willingness to join (0 = not at all).'),
        reviewDays: num(90, 0, 3650, 'Mean days between a citizen’s reviews of joining or leaving (0 = never).', 'days'),
        leaveRate: prob(0.02, 'Probability that a member leaves at a review regardless of the rule (burn-out).'),
      })
      .strict()
      .prefault({}),
    riskAssessment: z
      .object({
        enabled: flag(true, 'Social-stability risk assessment of major decisions (hearing and expert review).'),
        threshold: share(0.4, 'Estimated risk above which a proposal is rejected or delayed.'),
        errorSd: num(0.05, 0, 1, 'Standard deviation of the assessment’s error on risk.', 'risk'),
        outcome: z.enum(['reject', 'delay']).default('delay').describe('What happens above the threshold: rejection, or delay and redesign.'),
        delayDays: int(90, 0, 3650, 'Days a delayed project waits for redesign.', 'days'),
        redesignFactor: share(0.3, 'Risk of a redesigned project as a share of its original risk.'),
        proposalsPer100kYear: num(8, 0, 1000, 'Major proposals per 100,000 residents per year (Zhejiang 2010-16: 31,835 in 7 years).', 'per 100,000 residents-year'),
        affectedMean: num(150, 2, 100000, 'Mean size of the group a project burdens.', 'residents'),
        riskShape: num(28, 0.1, 100, 'Shape a of the true risk u^a (larger = fewer risky projects).', 'exponent'),
        burden: num(0.5, 0, 10, 'Grievance added to each affected resident per unit of risk.', 'grievance per risk'),
        staffDaysPerAssessment: num(10, 0, 1000, 'Official person-days of one assessment.', 'person-days'),
        hearingDays: int(30, 0, 3650, 'Days of hearing and review before an approved project starts.', 'days'),
      })
      .strict()
      .prefault({}),
    petitions: z
      .object({
        regime: z
          .enum(['suppression', 'stability-first', 'reformed'])
          .default('reformed')
          .describe('Letter-and-visit regime: suppression, stability-first (returned, rarely solved) or reformed.'),
        reformAtDay: int(-1, -1, 10_000_000, 'Day from which petitions are handled by the reformed regime whatever `regime` says (-1 = never): the reform as an event.', 'day'),
        onlineShare: share(0.4, 'Share of petitions filed online at the start (national 2015: 40%).'),
        onlineGrowthPerYear: num(0.05, -1, 1, 'Yearly change of the online share.', 'per year'),
        onlineServiceFactor: num(0.5, 0.01, 1, 'Handling time of an online petition as a share of a visit’s.', 'factor'),
        explainedRepeatFactor: share(0.5, 'Reformed: repeat probability of an explained, unconvinced petitioner as a share of repeatProbability.'),
        staffPer100k: num(10, 0, 10000, 'Petition-office staff per 100,000 residents (town and county offices each).', 'per 100,000 residents'),
        caseload: num(10, 0.1, 1000, 'Petitions one staff member handles at the same time.', 'cases'),
        serviceDays: num(10, 0.5, 365, 'Days to handle a petition visit (online: times onlineServiceFactor).', 'days'),
        solveStabilityFirst: prob(0.002, 'Probability that a stability-first office solves a petition (one survey: 0.2%).'),
        repeatProbability: prob(0.5, 'Probability that a returned petitioner comes back.'),
        overLevelProbability: prob(0.2, 'Probability that a petitioner goes over level (to the county office).'),
        repeatDelayDays: int(30, 1, 3650, 'Days before a returned petitioner comes back.', 'days'),
        reasonableShare: share(0.6, 'Reformed: share of petitions that are reasonable appeals (routed to a solving channel).'),
        explanationAccepted: prob(0.6, 'Reformed: probability that an explained unreasonable appeal is accepted.'),
        assistanceHardship: share(0.8, 'Reformed: hardship at or above which a petitioner is assisted.'),
        illegalShare: share(0.05, 'Reformed: share of petitions that are illegal acts, handed to the police.'),
        suppressionDetention: prob(0.3, 'Suppression: probability that an intercepted petitioner is detained.'),
        interceptionDays: num(3, 0, 365, 'Official person-days to intercept or keep away a petitioner (suppression, stability-first).', 'person-days'),
        suppressionWeight: num(1, 0, 10, 'Suppression: grievance added per unit severity to an intercepted petitioner.', 'grievance per severity'),
      })
      .strict()
      .prefault({}),
    ruleOfLaw: z
      .object({
        baselineFairness: share(0.8, 'Procedural fairness of police and petition offices before coercion.'),
        courtFairness: share(0.8, 'Procedural fairness of the court.'),
        courtSkill: prob(0.7, 'Probability that an adjudicated citizen is satisfied with the judgement.'),
        legalAwarenessGrowthPerYear: num(0.01, -1, 1, 'Yearly growth of every citizen’s legal awareness.', 'per year'),
      })
      .strict()
      .prefault({}),
    smartPlatform: z
      .object({
        enabled: flag(true, 'Smart governance platform (grid information system).'),
        daysToFirstContact: num(1, 0, 365, 'Mean days from a dispute to first contact with the platform.', 'days'),
        daysWithout: num(7, 0, 365, 'Mean days from a dispute to first contact without the platform.', 'days'),
        gridDiscovery: prob(0.8, 'Probability that a grid worker picks up a dispute first through the platform.'),
        crimeReduction: share(0.2, 'Reduction of crime by the platform at full roll-out (accidents: half of it).'),
        fraudReduction: share(0.3, 'Reduction of telecom fraud by the platform at full roll-out (source prevention).'),
        rampDays: int(730, 0, 36500, 'Days until the platform is fully rolled out (0 = at once).', 'days'),
      })
      .strict()
      .prefault({}),
    professionalisation: z
      .object({
        skillGrowthPerYear: num(0.01, -0.5, 1, 'Yearly relative growth of mediators’ and police skill (specialisation).', 'per year'),
      })
      .strict()
      .prefault({}),
    handling: z
      .object({
        choice: z
          .object({
            negotiate: num(1, 0, 100, 'Weight of direct negotiation in the citizen’s first choice.', 'weight'),
            grid: num(2, 0, 100, 'Weight of grid mediation.', 'weight'),
            village: num(2, 0, 100, 'Weight of the village people’s mediation committee.', 'weight'),
            ngo: num(1, 0, 100, 'Weight of NGO mediation teams.', 'weight'),
            town: num(0.1, 0, 100, 'Weight of the town administrative mediation office.', 'weight'),
            police: num(0.2, 0, 100, 'Weight of calling the police.', 'weight'),
            court: num(0.06, 0, 100, 'Weight of going to court.', 'weight'),
            petition: num(0.2, 0, 100, 'Weight of petitioning (letters and visits).', 'weight'),
            giveUp: num(0.3, 0, 100, 'Weight of giving up (the grievance stays latent).', 'weight'),
          })
          .strict()
          .prefault({}),
        negotiateSuccess: prob(0.3, 'Success probability of a direct negotiation of a mild, well-fitting dispute.'),
        takeFit: share(0.6, 'Grid, village and NGO mediation decline a case whose type-channel fit is below this (e.g. administrative disputes).'),
        severityPenalty: share(0.03, 'Reduction of success probabilities per unit of severity.'),
        trustWeight: share(0.1, 'How much the citizen’s legitimacy (trust) weighs in choice and success.'),
        patienceDays: num(60, 1, 3650, 'Mean days a citizen waits in a queue before escalating.', 'days'),
        escalateToPetition: prob(0.5, 'Without grand mediation: probability that an impatient citizen petitions.'),
        rechoosePetitionBoost: num(3, 0, 100, 'Multiplier of the petition weight when choosing again after a failure.', 'factor'),
        maxAttempts: int(4, 1, 50, 'Channels a citizen tries before giving up.', 'attempts'),
      })
      .strict()
      .prefault({}),
    collectiveAction: z
      .object({
        threshold: share(0.1, 'Activation threshold T (Epstein 2002: 0.1).'),
        arrestConstant: num(2.3, 0, 100, 'k in P = 1 - exp(-k r(C/A)) (Epstein 2002: 2.3).', 'constant'),
        ratioRule: z
          .enum(RATIO_RULES)
          .default('floor')
          .describe('Treatment of C/A: floor (NetLogo, gives punctuated outbursts), literal, round-half-even, round-half-up.'),
        grievanceWeight: num(1, 0, 10, 'Weight of accumulated unresolved grievance in G.', 'factor'),
        massIncidentSize: int(50, 1, 1_000_000, 'Actives in a town above which a mass incident is under way.', 'residents'),
        episodeGapDays: int(7, 1, 365, 'Days below the size threshold that end a mass incident (shorter lulls belong to it).', 'days'),
        burnInDays: int(180, 0, 3650, 'Days of collective action and detention run before day 0 and not recorded, so a run starts past the initial burst of a population that starts all quiet.', 'days'),
        presencePerOfficer: num(6, 0, 50, 'Enforcement presence C per officer in the villages (officers with auxiliaries, security staff and informants).', 'presence per officer'),
        patrolDeterrence: num(0.3, 0, 10, 'Enforcement presence one patrol or correction volunteer adds to C.', 'officers'),
      })
      .strict()
      .prefault({}),
    legitimacy: z
      .object({
        initialMean: share(0.9, 'Mean perceived legitimacy at the start.'),
        initialSpread: share(0.05, 'Half-width of the uniform spread of initial legitimacy.'),
        learningRate: share(0.02, 'Share of the gap to an encounter’s fairness closed by a good encounter.'),
        asymmetry: num(6, 1, 50, 'How many times faster a bad encounter moves legitimacy (Skogan 2006: 4 to 14).', 'factor'),
        spreadProbability: prob(0.3, 'Probability that an encounter is told to grid neighbours.'),
        neighbours: int(3, 0, 100, 'Neighbours who hear of an encounter.', 'residents'),
        spreadWeight: share(0.2, 'Share of the change a neighbour takes.'),
        outcomeWeight: share(0.5, 'Reduction of an encounter’s fairness when the case fails there.'),
        shiftSchedule: scheduledChanges('legitimacy shift added to every citizen', z.number().min(-1).max(1)),
      })
      .strict()
      .prefault({}),
    survey: z
      .object({
        intervalDays: int(30, 0, 3650, 'Days between surveys (0 = none).', 'days'),
        sampleSize: int(1000, 1, 1_000_000, 'Respondents per survey.', 'respondents'),
        base: num(0.775, 0, 2, 'Satisfaction probability of a respondent at legitimacy 0.5 with no harm.', 'probability'),
        legitimacyWeight: num(0.5, 0, 5, 'Satisfaction change per unit of legitimacy above 0.5.', 'probability'),
        victimWeight: num(0.4, 0, 5, 'Satisfaction loss of a crime victim in the last year.', 'probability'),
        grievanceWeight: num(0.5, 0, 5, 'Satisfaction loss per unit of accumulated grievance.', 'probability'),
        incidentWeight: num(0.1, 0, 5, 'Satisfaction loss after a mass incident in the town within the interval.', 'probability'),
        crimeWeight: num(0.005, 0, 1, 'Satisfaction loss per crime per 1,000 residents per year.', 'probability'),
      })
      .strict()
      .prefault({}),
    output: z
      .object({
        caseLog: flag(false, 'Keep the case-event log (one row per case event; costs memory at scale).'),
        frameCaseCap: int(5000, 0, 10_000_000, 'Most open cases included in a frame.', 'cases'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

// Compile-time check that the schema's output is exactly the model's params type.
type Parsed = z.output<typeof governanceParams>;
const _sameShape: [Parsed, GovernanceParams] extends [GovernanceParams, Parsed] ? true : never = true;
void _sameShape;
