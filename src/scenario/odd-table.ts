/**
 * The parameter table of docs/ODD.md (section 8), generated from the governance scenario schema so the
 * documentation cannot drift from the code: one row per leaf parameter of `governanceParams`, with its
 * dotted path, default (parsing `{}`), range (the zod min/max checks, read from the input JSON Schema),
 * unit (the `.meta({ unit })` key), description (`.describe()`) and source (PARAM_SOURCES below, the
 * one hand-maintained column).
 *
 *   npx tsx src/scenario/odd-table.ts            rewrite the table between the markers in docs/ODD.md
 *   npx tsx src/scenario/odd-table.ts --print    print the table instead
 *
 * test/docs/odd.test.ts regenerates the table and fails when docs/ODD.md holds a different one, so a new
 * lever cannot land undocumented.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod';
import { governanceParams } from './governance';

export const TABLE_START = '<!-- params:start -->';
export const TABLE_END = '<!-- params:end -->';

/** Short names of the sources used in the table; docs/ODD.md section 11 gives the full citations. */
const SEED = 'seed';
const CAL = 'calibrated (see §9)';
const ASSUMED = 'assumption';

/**
 * Source of each parameter, by dotted path or path prefix (the longest matching key wins). "seed" is
 * the source document (Social Governance in China through Zhejiang, written 2018; figures with their
 * year); "MODEL.md" is the project's specification.
 */
export const PARAM_SOURCES: Record<string, string> = {
  population: ASSUMED,
  'population.residents': `${SEED} (Fengqiao, 2018: a town of 74,000 residents)`,
  'population.counties': `${SEED} (four-level network: county, town, village, grid)`,
  'population.townsPerCounty': `${SEED} (four-level network); town is its own county: ${ASSUMED}`,
  'population.hardshipMean': CAL,
  'population.riskAversionMean': 'Epstein 2002 (R uniform on 0..1)',

  economy: ASSUMED,
  'economy.gdpPerCapitaUsd': 'national figures (Zhejiang 2017, about USD 13,600)',
  'economy.conflictBandLowUsd': `${SEED} (USD 1,000-3,000 band; Zhejiang USD 2,400 in 2003)`,
  'economy.conflictBandHighUsd': `${SEED} (USD 1,000-3,000 band; Zhejiang USD 2,400 in 2003)`,
  'economy.urbanisation': 'national figures (Zhejiang 2017: 68%)',

  grievances: ASSUMED,
  'grievances.ratePerResidentYear': CAL,
  'grievances.claimProbability': 'Miller & Sarat 1980-81 (700 claims per 1,000 grievances)',
  'grievances.rejectionProbability': 'Miller & Sarat 1980-81 (450 disputes of 700 claims)',
  'grievances.claimAwarenessWeight': `Felstiner, Abel & Sarat 1980-81 (naming, blaming, claiming); value: ${ASSUMED}`,

  safety: ASSUMED,
  'safety.crimesPer10kYear': CAL,
  'safety.accidentsPer10kYear': CAL,
  'safety.trendPerYear': `${SEED} (2017: criminal cases -26.34%, accidents -26.3%) as direction; value: ${ASSUMED}`,

  enforcement: ASSUMED,
  'enforcement.officersPer1000': 'national figures (China about 1.2 police per 1,000)',
  'enforcement.contactsPerOfficerDay': 'police-public contact surveys (about one adult in five a year; MODEL.md §8)',
  'enforcement.disputeHoursPerDay': CAL,
  'enforcement.detentionDays': 'national figures (administrative detention up to 15 days)',
  'enforcement.arrestsPerOfficerDay': 'Epstein 2002 (one arrest per cop per step)',

  mediation: ASSUMED,
  'mediation.grid.staffed': `${SEED} (four-level mediation network)`,
  'mediation.village.staffed': `${SEED} (four-level mediation network)`,
  'mediation.town.staffed': `${SEED} (four-level mediation network)`,
  'mediation.village.skill': `${CAL}: national figures 2009-2017 (people's mediation succeeds in 95-98%)`,
  'mediation.grid.hoursPerDay': `${CAL} (the preset runs each level at a documented utilisation, §9)`,
  'mediation.village.hoursPerDay': `${CAL} (the preset runs each level at a documented utilisation, §9)`,
  'mediation.town.hoursPerDay': `${CAL} (the preset runs each level at a documented utilisation, §9)`,
  'mediation.village.hoursPerCase': 'MODEL.md §8 (a full-time Fengqiao mediator handles about 117 disputes a year: about 16 hours each)',
  'mediation.grid.fairness': `Tyler 1990 (procedural fairness); value: ${ASSUMED}`,
  'mediation.village.fairness': `Tyler 1990 (procedural fairness); value: ${ASSUMED}`,
  'mediation.town.fairness': `Tyler 1990 (procedural fairness); value: ${ASSUMED}`,

  'grandMediation.referral': `${SEED} (grand mediation, second strategy)`,

  court: ASSUMED,
  'court.judgesPer100k': 'national figures (China about 8.6 judges per 100,000)',
  'court.hoursPerDay': CAL,
  'petitions.hoursPerDay': CAL,
  'court.priorityToMediation': `${SEED} ("giving priority to mediation")`,

  ngo: ASSUMED,
  'ngo.support': `MODEL.md §4 (regime lever); ${SEED} ("non-governmental actors provide assistance", "the public get involved")`,
  'ngo.caseHoursShare': CAL,
  'ngo.teams': `${SEED} (Fengqiao 2018: Fengqiao Aunts, Hongfeng Vigilantes, village worthies; patrol, mediation, correction)`,
  'ngo.teams.counselling': `${SEED} (psychological intervention, third strategy)`,

  participation: ASSUMED,
  'participation.initialShare': `${SEED} (Fengqiao 2018: 47 NGOs, over 5,000 of 74,000 residents)`,
  'participation.thresholdMean': `Granovetter 1978 (threshold rule); value: ${CAL}`,
  'participation.thresholdSpread': `Granovetter 1978 (threshold rule); value: ${CAL}`,

  riskAssessment: ASSUMED,
  'riskAssessment.enabled': `${SEED} (risk assessment of major decisions, first strategy)`,
  'riskAssessment.outcome': `${SEED} (proposals "rejected or delayed")`,
  'riskAssessment.threshold': `${CAL}: ${SEED} (2010-2016: 1,008 of 31,835 rejected or delayed, 3.16%)`,
  'riskAssessment.riskShape': `${CAL}: ${SEED} (2010-2016: 3.16% rejected or delayed)`,
  'riskAssessment.burden': CAL,
  'riskAssessment.proposalsPer100kYear': `${SEED} (2010-2016: 31,835 proposals in 7 years, about 55 million residents)`,

  petitions: ASSUMED,
  'petitions.regime': `${SEED} (reform of letters and visits, fourth strategy); MODEL.md §3.5`,
  'petitions.reformAtDay': `MODEL.md pattern 8 (reform as an event); ${ASSUMED}`,
  'petitions.onlineShare': 'national figures (2015: 40% of petitions online)',
  'petitions.solveStabilityFirst': 'MODEL.md pattern 8 (one survey: 0.2% solved)',
  'petitions.reasonableShare': `${SEED} (reasonable appeals treated, fourth strategy); value: ${ASSUMED}`,
  'petitions.explanationAccepted': `${SEED} (unreasonable appeals "educated"); value: ${ASSUMED}`,
  'petitions.assistanceHardship': `${SEED} (the financially challenged assisted); value: ${ASSUMED}`,
  'petitions.illegalShare': `${SEED} (illegal acts handled by law); value: ${ASSUMED}`,

  ruleOfLaw: `Tyler 1990 (procedural fairness); value: ${ASSUMED}`,
  'ruleOfLaw.courtSkill': ASSUMED,
  'ruleOfLaw.legalAwarenessGrowthPerYear': `${SEED} (rule of law, 2017 report); value: ${ASSUMED}`,

  smartPlatform: ASSUMED,
  'smartPlatform.enabled': `${SEED} ("smart platforms", 19th Congress report 2017)`,
  'smartPlatform.gridDiscovery': `${CAL} (more disputes resolved at grid than at village level)`,
  'smartPlatform.fraudReduction': `${SEED} (2017: telecom fraud -18.85%, source prevention) as direction; value: ${ASSUMED}`,

  'professionalisation.skillGrowthPerYear': `${SEED} ("more specialized", 2017 report); value: ${ASSUMED}`,

  handling: ASSUMED,
  'handling.choice.town': `${CAL} (>=90% at village or below, <5% to petition or county)`,
  'handling.choice.court': `${CAL} (court filings <=50 per 1,000 grievances; <5% to petition or county)`,
  'handling.severityPenalty': `${CAL} (people's mediation succeeds in 95-98%, national figures 2009-2017)`,
  'handling.trustWeight': `Tyler 1990 (trust follows legitimacy); value: ${ASSUMED}`,
  'handling.choice': `cultural preferences, one society for every regime (MODEL.md §7); values: ${ASSUMED}`,

  collectiveAction: ASSUMED,
  'collectiveAction.threshold': 'Epstein 2002 (T = 0.1)',
  'collectiveAction.arrestConstant': 'Epstein 2002 (k = 2.3)',
  'collectiveAction.ratioRule': 'Epstein 2002; NetLogo Rebellion (floor)',
  'collectiveAction.presencePerOfficer': CAL,
  'collectiveAction.burnInDays': `${ASSUMED} (every preset sets 180)`,

  legitimacy: ASSUMED,
  'legitimacy.initialMean': CAL,
  'legitimacy.initialSpread': CAL,
  'legitimacy.asymmetry': 'Skogan 2006 (a bad encounter weighs 4 to 14 good ones)',
  'legitimacy.learningRate': `Tyler 1990 (legitimacy follows procedural fairness); value: ${ASSUMED}`,
  'legitimacy.shiftSchedule': `Epstein 2002 (legitimacy shocks); ${ASSUMED}`,

  survey: ASSUMED,
  'survey.intervalDays': `${SEED} ("letting the people decide whether it is peaceful"); monthly: MODEL.md §3.9`,
  'survey.base': `${CAL}: ${SEED} (satisfaction with safety 2017: 96.58%)`,
  'survey.legitimacyWeight': CAL,

  output: '— (output setting)',
};

/** Source of a parameter: the longest key of PARAM_SOURCES that is the path or a prefix of it. */
export function sourceOf(path: string): string {
  let best = '';
  for (const key of Object.keys(PARAM_SOURCES)) {
    if ((path === key || path.startsWith(key + '.')) && key.length > best.length) best = key;
  }
  return best ? PARAM_SOURCES[best] : ASSUMED;
}

export interface ParamRow {
  path: string;
  kind: string;
  default: string;
  range: string;
  unit: string;
  description: string;
  source: string;
}

interface JsonNode {
  type?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  description?: string;
  unit?: string;
  default?: unknown;
  kind?: string;
  range?: [number, number];
}

/** A number as written in the docs: thousands separated, no float noise. */
function fmtNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) >= 1000) return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(Number(x.toPrecision(12)));
}

function fmtValue(v: unknown): string {
  if (typeof v === 'number') return fmtNumber(v);
  if (typeof v === 'string') return `\`${v}\``;
  if (Array.isArray(v)) return v.length === 0 ? '`[]`' : `\`${JSON.stringify(v)}\``;
  return `\`${String(v)}\``;
}

function rangeOf(node: JsonNode): string {
  if (node.enum) return node.enum.map((e) => `\`${String(e)}\``).join(', ');
  if (node.type === 'boolean') return 'true, false';
  if (node.type === 'array') {
    const to = node.items?.properties?.to;
    const inner = to ? ` (to in ${fmtNumber(to.minimum ?? -Infinity)}..${fmtNumber(to.maximum ?? Infinity)})` : '';
    return `list of {at, to, over}${inner}`;
  }
  const lo = node.minimum;
  const hi = node.maximum;
  const r = `${lo === undefined ? '−∞' : fmtNumber(lo)}..${hi === undefined ? '∞' : fmtNumber(hi)}`;
  const plausible = node.range ? `; plausible ${fmtNumber(node.range[0])}..${fmtNumber(node.range[1])}` : '';
  return (node.type === 'integer' ? `${r} (integer)` : r) + plausible;
}

function unitOf(node: JsonNode): string {
  if (node.unit) return node.unit;
  if (node.type === 'boolean') return 'switch';
  if (node.enum) return 'choice';
  if (node.type === 'array') return 'schedule';
  return '–';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Every leaf parameter of the governance schema, in schema order. */
export function paramRows(): ParamRow[] {
  const schema = z.toJSONSchema(governanceParams, { io: 'input', unrepresentable: 'any' }) as JsonNode;
  const defaults = governanceParams.parse({}) as unknown as Record<string, unknown>;
  const rows: ParamRow[] = [];
  const walk = (node: JsonNode, path: string[], def: unknown) => {
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        walk(child, [...path, key], (def as Record<string, unknown>)[key]);
      }
      return;
    }
    const dotted = path.join('.');
    rows.push({
      path: dotted,
      kind: node.kind ?? '–',
      default: fmtValue(def),
      range: rangeOf(node),
      unit: unitOf(node),
      description: node.description ?? '',
      source: sourceOf(dotted),
    });
  };
  walk(schema, [], defaults);
  return rows;
}

/** Every leaf parameter path of the governance schema. */
export function leafPaths(): string[] {
  return paramRows().map((r) => r.path);
}

/** The parameter table as Markdown (no markers). */
export function paramTable(rows: ParamRow[] = paramRows()): string {
  const lines = ['| name | kind | default | range | unit | description | source |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| \`${r.path}\` | ${r.kind} | ${cell(r.default)} | ${cell(r.range)} | ${cell(r.unit)} | ${cell(r.description)} | ${cell(r.source)} |`);
  }
  return lines.join('\n');
}

/** The text between the markers of a document (trimmed), or null when the markers are missing. */
export function tableInDoc(doc: string): string | null {
  const a = doc.indexOf(TABLE_START);
  const b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a) return null;
  return doc.slice(a + TABLE_START.length, b).trim();
}

/** The document with the text between the markers replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const a = doc.indexOf(TABLE_START);
  const b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error(`markers ${TABLE_START} and ${TABLE_END} not found`);
  return doc.slice(0, a + TABLE_START.length) + '\n' + table + '\n' + doc.slice(b);
}

export const ODD_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'ODD.md');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const table = paramTable();
  if (process.argv.includes('--print')) {
    console.log(table);
  } else {
    writeFileSync(ODD_PATH, withTable(readFileSync(ODD_PATH, 'utf8'), table));
    console.log(`wrote the parameter table (${paramRows().length} parameters) into ${ODD_PATH}`);
  }
}
