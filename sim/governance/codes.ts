/**
 * The governance model's shared codes, with their names (for logs and summaries) and labels (for
 * people): channels, calendar event kinds, case statuses and events, path flags, dispute types,
 * parties, levels, citizen states and NGO team types.
 *
 * A leaf module: it imports nothing of sim/governance, so every other file (and a view) can use the
 * codes without pulling in the model. The numbers are stored in typed arrays, logs and frames, so
 * they are part of the output format: change one and every consumer (web/, the case log) changes too.
 */

// ---------------------------------------------------------------------------------------------------
// Channels: a case's channel (negotiation or a resolver kind); resolver kinds are CH_GRID..CH_PET_COUNTY.

export const CH_NEGOTIATE = 0;
export const CH_GRID = 1;
export const CH_VILLAGE = 2;
export const CH_NGO = 3;
export const CH_TOWN = 4;
export const CH_POLICE = 5;
export const CH_COURT = 6;
export const CH_PET_TOWN = 7;
export const CH_PET_COUNTY = 8;
export const CHANNELS = 9;

/** Names in summaries and the case log (`resolvedByChannel`, `firstChannelPaths`). */
export const CHANNEL_NAMES = ['negotiate', 'grid', 'village', 'ngo', 'town', 'police', 'court', 'petitionTown', 'petitionCounty'] as const;
/** Labels for people, indexed by CH_*. */
export const CHANNEL_LABELS = [
  'Negotiation',
  'Grid worker',
  'Village mediation committee',
  'NGO team',
  'Town mediation office',
  'Police',
  'County court',
  'Town petition office',
  'County petition office',
] as const;

/** The bodies behind each resolver kind, in words (indexed by CH_*; negotiation has none). */
export const RESOLVER_LABELS = [
  '',
  'grid workers',
  'village mediation committee',
  'NGO mediation teams',
  'town mediation office',
  'police',
  'court',
  'town petition office',
  'county petition office',
] as const;

/** Level of the hierarchy at which each channel resolves (NGO teams work in the villages). */
export const CHANNEL_LEVEL = [0, 0, 1, 1, 2, 2, 3, 2, 3];

// ---------------------------------------------------------------------------------------------------
// Calendar event kinds (low 4 bits of the calendar's kind; the case id's low bits ride above them).

export const K_FIRST_CONTACT = 1;
export const K_SERVICE_END = 2;
export const K_PATIENCE = 3;
export const K_REPEAT = 4;
export const K_RELEASE = 5;
export const K_PROJECT = 6;

export function eventCode(kind: number, caseId: number): number {
  return kind + 16 * (caseId & 0x7ffffff);
}

// ---------------------------------------------------------------------------------------------------
// Case statuses. A closed case's row is free.

export const ST_FREE = 0;
export const ST_PENDING = 1; // grievance turned dispute, awaiting first contact
export const ST_WAITING = 2; // in a resolver's queue
export const ST_SERVING = 3; // being handled
export const ST_DELAYED = 4; // returned petitioner, will come back

/** Labels for people, indexed by ST_*. */
export const STATUS_LABELS = ['closed', 'awaiting first contact', 'waiting in a queue', 'being handled', 'returned, may petition again'] as const;

// ---------------------------------------------------------------------------------------------------
// Case events for the log.

export const EVENT_NAMES = ['opened', 'referred', 'mediated', 'adjudicated', 'petitioned', 'escalated', 'resolved', 'abandoned'] as const;
export const EV_OPENED = 0;
export const EV_REFERRED = 1;
export const EV_MEDIATED = 2;
export const EV_ADJUDICATED = 3;
export const EV_PETITIONED = 4;
export const EV_ESCALATED = 5;
export const EV_RESOLVED = 6;
export const EV_ABANDONED = 7;

// ---------------------------------------------------------------------------------------------------
// Path flags: where a case has been, as bits, so path summaries need no log.

export const FLAG_PETITIONED = 1;
export const FLAG_COURT = 2;
export const FLAG_COUNTY = 4;
export const FLAG_PROJECT = 8;
export const FLAG_TAKEN_VILLAGE = 16;
export const FLAG_OVER_LEVEL = 32;
export const FLAG_ONLINE = 256;

// ---------------------------------------------------------------------------------------------------
// Dispute types (MODEL.md section 2).

export const TYPE_NAMES = ['neighbour-family', 'land-housing', 'labour-wages', 'contracts-consumers', 'environment', 'administrative'] as const;
/** Labels for people, indexed by TYPE_*. */
export const TYPE_LABELS = ['neighbour or family', 'land or housing', 'labour or wages', 'contracts or consumers', 'environment', 'administrative'] as const;
export const TYPE_NEIGHBOUR = 0;
export const TYPE_LAND = 1;
export const TYPE_LABOUR = 2;
export const TYPE_CONTRACTS = 3;
export const TYPE_ENVIRONMENT = 4;
export const TYPE_ADMINISTRATIVE = 5;

// ---------------------------------------------------------------------------------------------------
// Parties of a dispute.

export const PARTIES_NAMES = ['citizen-citizen', 'citizen-firm', 'citizen-government'] as const;
export const PARTIES_CITIZEN = 0;
export const PARTIES_FIRM = 1;
export const PARTIES_GOVERNMENT = 2;

// ---------------------------------------------------------------------------------------------------
// Levels of the hierarchy.

export const LEVEL_NAMES = ['grid', 'village', 'town', 'county'] as const;
/** Labels for people, indexed by LEVEL_*. */
export const LEVEL_LABELS = ['Grid', 'Village', 'Town', 'County'] as const;
export const LEVEL_GRID = 0;
export const LEVEL_VILLAGE = 1;
export const LEVEL_TOWN = 2;
export const LEVEL_COUNTY = 3;

// ---------------------------------------------------------------------------------------------------
// Citizen states.

export const CIT_QUIET = 0;
export const CIT_DISPUTE = 1;
export const CIT_PETITIONING = 2;
export const CIT_ACTIVE = 3;
export const CIT_DETAINED = 4;

/** Labels for people, indexed by CIT_*. */
export const CITIZEN_STATE_LABELS = ['quiet', 'in dispute', 'petitioning', 'active', 'detained'] as const;

// ---------------------------------------------------------------------------------------------------
// NGO team types (a citizen's `volunteer` column; 0 = none).

export const TEAM_NONE = 0;
export const TEAM_MEDIATION = 1;
export const TEAM_WORTHIES = 2;
export const TEAM_PATROLS = 3;
export const TEAM_CORRECTION = 4;
export const TEAM_COUNSELLING = 5;
export const TEAMS = 6;

/** Labels for people, indexed by TEAM_*. */
export const TEAM_LABELS = ['none', 'mediation', 'worthies', 'patrols', 'community correction', 'counselling'] as const;

// ---------------------------------------------------------------------------------------------------
// Path counts of closed cases: first channel x outcome.

/** `first` of a case that has not reached any channel yet (given up at once if it closes so). */
export const FIRST_NONE = 255;
/** Outcomes of closed cases in the path counts: resolved at LEVEL_* 0..3, or abandoned. */
export const OUTCOME_ABANDONED = 4;
export const PATH_OUTCOMES = 5;
/** Rows of the path counts: the 9 channels, then "gave up before any channel". */
export const PATH_FIRSTS = 10;
/** Names of the path counts' rows and columns, as in the summary's `first>outcome` keys. */
export const PATH_FIRST_NAMES = [...CHANNEL_NAMES, 'gaveUp'] as const;
export const OUTCOME_NAMES = [...LEVEL_NAMES, 'abandoned'] as const;
