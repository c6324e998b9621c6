/**
 * Parameters of the governance model (design/MODEL.md sections 2-5). The scenario schema
 * (src/scenario/governance.ts) validates files into this shape and documents every field with its
 * default, range, unit and one-line meaning; this file is the sim's view of the same shape.
 */
import type { RatioRule } from '../core/activation';

export type PetitionRegime = 'suppression' | 'stability-first' | 'reformed';
export type RiskOutcome = 'reject' | 'delay';

/** At step `at` the value starts moving to `to`; `over` = 0 jumps, n > 0 moves linearly over n steps. */
export interface ScheduledChange {
  at: number;
  to: number;
  over: number;
}

/**
 * One staffed level of the mediation network (grid, village or town). Capacity is hours (MODEL.md
 * section 8): staff x hoursPerDay paid hours a day, a case needing hoursPerCase x (0.5 + severity)
 * of them over serviceDays calendar days.
 */
export interface MediationLevel {
  staffed: boolean;
  /** Mediators (grid workers, committee members, office staff) per 1,000 residents. */
  staffPer1000: number;
  /** Hours a day each mediator gives to dispute work, paid whether busy or idle. */
  hoursPerDay: number;
  /** Working hours of a case of severity 0.5. */
  hoursPerCase: number;
  /** Calendar days a case is under way once started. */
  serviceDays: number;
  /** Base probability that a well-fitting, low-severity case with a trusting citizen is settled. */
  skill: number;
  /** Procedural fairness of an encounter (0..1): what legitimacy moves toward. */
  fairness: number;
}

export interface GovernanceParams {
  population: {
    residents: number;
    counties: number;
    townsPerCounty: number;
    villagesPerTown: number;
    gridsPerVillage: number;
    hardshipMean: number;
    riskAversionMean: number;
    legalAwarenessMean: number;
    tiesMean: number;
  };
  economy: {
    gdpPerCapitaUsd: number;
    gdpGrowthPerYear: number;
    conflictBandLowUsd: number;
    conflictBandHighUsd: number;
    conflictBandMultiplier: number;
    inequality: number;
    inequalityWeight: number;
    urbanisation: number;
    urbanisationWeight: number;
    hardshipDriftPerYear: number;
  };
  grievances: {
    ratePerResidentYear: number;
    hardshipWeight: number;
    typeMix: {
      neighbourFamily: number;
      landHousing: number;
      labourWages: number;
      contractsConsumers: number;
      environment: number;
      administrative: number;
    };
    claimProbability: number;
    claimAwarenessWeight: number;
    claimLegitimacyWeight: number;
    rejectionProbability: number;
    severityMean: number;
    lumpedWeight: number;
    openWeight: number;
    abandonWeight: number;
    decayPerYear: number;
  };
  safety: {
    crimesPer10kYear: number;
    fraudShare: number;
    accidentsPer10kYear: number;
    policeEffect: number;
    cooperationWeight: number;
    patrolEffect: number;
    trendPerYear: number;
  };
  enforcement: {
    officersPer1000: number;
    officerSchedule: ScheduledChange[];
    detentionDays: number;
    detentionCostPerDay: number;
    coercion: number;
    claimSuppression: number;
    arrestsPerOfficerDay: number;
    contactsPerOfficerDay: number;
    disputeHoursPerDay: number;
    hoursPerCase: number;
    serviceDays: number;
    skill: number;
  };
  mediation: { grid: MediationLevel & { visitsPerDay: number }; village: MediationLevel; town: MediationLevel };
  grandMediation: { referral: boolean };
  court: {
    judgesPer100k: number;
    hoursPerDay: number;
    mediationHours: number;
    adjudicationHours: number;
    serviceDays: number;
    priorityToMediation: boolean;
    mediationSkill: number;
    petitionAfterJudgement: number;
  };
  ngo: {
    support: number;
    teams: { mediation: boolean; worthies: boolean; patrols: boolean; correction: boolean; counselling: boolean };
    hoursPerMemberDay: number;
    caseHoursShare: number;
    hoursPerCase: number;
    serviceDays: number;
    skill: number;
    worthyEffect: number;
    correctionRelief: number;
    counsellingRelief: number;
  };
  participation: {
    initialShare: number;
    thresholdMean: number;
    thresholdSpread: number;
    legitimacyWeight: number;
    reviewDays: number;
    leaveRate: number;
  };
  riskAssessment: {
    enabled: boolean;
    threshold: number;
    errorSd: number;
    outcome: RiskOutcome;
    delayDays: number;
    redesignFactor: number;
    proposalsPer100kYear: number;
    affectedMean: number;
    riskShape: number;
    burden: number;
    staffDaysPerAssessment: number;
    hearingDays: number;
  };
  petitions: {
    regime: PetitionRegime;
    reformAtDay: number;
    onlineShare: number;
    onlineGrowthPerYear: number;
    onlineServiceFactor: number;
    explainedRepeatFactor: number;
    staffPer100k: number;
    hoursPerDay: number;
    hoursPerCase: number;
    serviceDays: number;
    solveStabilityFirst: number;
    repeatProbability: number;
    overLevelProbability: number;
    repeatDelayDays: number;
    reasonableShare: number;
    explanationAccepted: number;
    assistanceHardship: number;
    illegalShare: number;
    suppressionDetention: number;
    interceptionDays: number;
    suppressionWeight: number;
  };
  ruleOfLaw: {
    baselineFairness: number;
    courtFairness: number;
    courtSkill: number;
    legalAwarenessGrowthPerYear: number;
  };
  smartPlatform: {
    enabled: boolean;
    daysToFirstContact: number;
    daysWithout: number;
    gridDiscovery: number;
    crimeReduction: number;
    fraudReduction: number;
    rampDays: number;
  };
  professionalisation: { skillGrowthPerYear: number };
  accountability: { enabled: boolean; strength: number; discretionaryShare: number };
  handling: {
    choice: {
      negotiate: number;
      grid: number;
      village: number;
      ngo: number;
      town: number;
      police: number;
      court: number;
      petition: number;
      giveUp: number;
    };
    negotiateSuccess: number;
    takeFit: number;
    severityPenalty: number;
    trustWeight: number;
    acceptanceWeight: number;
    waitWeight: number;
    experienceWeight: number;
    patienceDays: number;
    escalateToPetition: number;
    rechoosePetitionBoost: number;
    maxAttempts: number;
  };
  collectiveAction: {
    threshold: number;
    arrestConstant: number;
    ratioRule: RatioRule;
    grievanceWeight: number;
    detentionDeterrence: number;
    massIncidentSize: number;
    episodeGapDays: number;
    burnInDays: number;
    presencePerOfficer: number;
    patrolDeterrence: number;
  };
  legitimacy: {
    initialMean: number;
    initialSpread: number;
    learningRate: number;
    asymmetry: number;
    spreadProbability: number;
    neighbours: number;
    spreadWeight: number;
    outcomeWeight: number;
    shiftSchedule: ScheduledChange[];
  };
  survey: {
    intervalDays: number;
    sampleSize: number;
    base: number;
    legitimacyWeight: number;
    victimWeight: number;
    grievanceWeight: number;
    incidentWeight: number;
    crimeWeight: number;
  };
  output: { caseLog: boolean; frameCaseCap: number };
}
