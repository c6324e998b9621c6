/**
 * Summary cards: the headline metrics of a run (from its summary.json) with the figure the seed document
 * reports beside each, where it reports one. In a comparison, one column per pane and the difference of
 * each pane from the first.
 */

import { differenceUnit, formatDifference, pairLabel, panePairs, paneLetter, type DiffMetric } from './diff-table';
import { formatNumber, formatShare } from './format';

export type Metrics = Record<string, unknown>;

export interface CardSpec extends DiffMetric {
  key: string;
  label: string;
  /** Shown value from the summary's metrics. */
  value: (m: Metrics) => number | undefined;
  format: (v: number) => string;
  /** The figure reported by the sources, when there is one. */
  reported?: string;
  /** What the metric means, in plain words. */
  help: string;
}

const num = (m: Metrics, k: string): number | undefined => (typeof m[k] === 'number' && Number.isFinite(m[k] as number) ? (m[k] as number) : undefined);
const pct = (v: number) => formatShare(v, 1);
const fix = (d: number) => (v: number) => formatNumber(v, d);

export const CARDS: CardSpec[] = [
  {
    key: 'satisfaction',
    label: 'Satisfaction with safety',
    value: (m) => num(m, 'satisfaction'),
    format: pct,
    share: true,
    decimals: 1,
    reported: 'Zhejiang 2017: 96.58%',
    help: 'Share of surveyed residents satisfied with public safety: satisfied ÷ residents surveyed, in the latest survey.',
  },
  {
    key: 'resolvedAtVillageOrBelowShare',
    label: 'Resolved at village level or below',
    value: (m) => num(m, 'resolvedAtVillageOrBelowShare'),
    format: pct,
    share: true,
    decimals: 1,
    reported: 'Fengqiao: at least 90%',
    help: 'Of all disputes opened (resolved, given up or still open), the share settled in the grid or the village.',
  },
  {
    key: 'mediationSuccessRate',
    label: 'People’s mediation success',
    value: (m) => num(m, 'mediationSuccessRate'),
    format: pct,
    share: true,
    decimals: 1,
    reported: 'Reported: 95–98%',
    help: 'Share of village people’s mediations that settle the dispute: settled ÷ village mediations finished so far.',
  },
  {
    key: 'riskRejected',
    label: 'Major proposals rejected or delayed',
    value: (m) => {
      const a = num(m, 'proposalsAssessed');
      const r = num(m, 'proposalsRejectedOrDelayed');
      return a && r !== undefined ? r / a : undefined;
    },
    format: pct,
    share: true,
    decimals: 1,
    reported: 'Zhejiang 2010–2016: 3.16%',
    help: 'Share of assessed major decisions that the social-stability risk assessment rejected or delayed (none assessed: –).',
  },
  {
    key: 'resolutionRate',
    label: 'Disputes resolved',
    value: (m) => num(m, 'resolutionRate'),
    format: pct,
    share: true,
    decimals: 1,
    help: 'Resolved disputes as a share of all disputes opened (given up and still open included).',
  },
  {
    key: 'petitionsPer10k',
    label: 'Petitions per 10,000 residents',
    value: (m) => num(m, 'petitionsPer10k'),
    format: fix(1),
    decimals: 1,
    unit: 'per 10,000',
    help: 'Letters and visits (first, repeat and over-level) per 10,000 residents over the run.',
  },
  {
    key: 'massIncidents',
    label: 'Mass incidents',
    value: (m) => num(m, 'massIncidents'),
    format: fix(0),
    decimals: 0,
    unit: 'incidents',
    help: 'Episodes of collective action large enough to count as a mass incident, counted since day 0 (a count, not a share).',
  },
  {
    key: 'costPerResolvedDispute',
    label: 'Official person-days per resolved dispute',
    value: (m) => num(m, 'costPerResolvedDispute'),
    format: fix(2),
    decimals: 2,
    unit: 'person-days',
    help: 'Official person-days per dispute resolved: salaried dispute staff (mediators, police dispute hours, judges, petition offices) paid busy or idle, detainee-days, interceptions and risk assessments. Volunteer hours are counted apart.',
  },
  {
    key: 'meanLegitimacy',
    label: 'Mean legitimacy',
    value: (m) => num(m, 'meanLegitimacy'),
    format: fix(3),
    decimals: 3,
    help: 'Mean perceived legitimacy over all residents, now (0 to 1); every regime preset starts from the same society (0.8). It moves with each encounter’s procedural fairness.',
  },
];

/** Cards of one run. */
export function showCards(root: HTMLElement, metrics: Metrics | undefined): void {
  root.replaceChildren(
    ...CARDS.map((c) => {
      const card = document.createElement('div');
      card.className = 'card';
      card.dataset.metric = c.key;
      card.title = c.help;
      const v = metrics ? c.value(metrics) : undefined;
      const h = document.createElement('h3');
      h.textContent = c.label;
      const val = document.createElement('p');
      val.className = 'card-value';
      val.textContent = v === undefined ? '–' : c.format(v);
      card.append(h, val);
      if (c.reported) {
        const r = document.createElement('p');
        r.className = 'card-reported';
        r.textContent = c.reported;
        card.append(r);
      }
      return card;
    }),
  );
}

/**
 * A table of the headline metrics per pane, with the difference of every pair of panes (B − A, C − A,
 * C − B, ...) in the metric's unit (percentage points for shares).
 */
export function showDifference(table: HTMLTableElement, names: readonly string[], metrics: readonly (Metrics | undefined)[]): void {
  const pairs = panePairs(names.length);
  const head = document.createElement('tr');
  head.append(th('Metric', 'col'));
  names.forEach((n, i) => {
    head.append(th(`${paneLetter(i)}: ${n}`, 'col'));
  });
  for (const pair of pairs) {
    const h = th(pairLabel(pair), 'col');
    h.dataset.pair = pairLabel(pair);
    head.append(h);
  }
  head.append(th('Reported', 'col'));
  const rows = CARDS.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.metric = c.key;
    const name = th(c.label, 'row');
    const unit = differenceUnit(c);
    if (unit) name.title = `Differences in ${unit === 'pp' ? 'percentage points (pp)' : unit}.`;
    tr.append(name);
    const vals = metrics.map((m) => (m ? c.value(m) : undefined));
    for (const v of vals) tr.append(td(v === undefined ? '–' : c.format(v)));
    for (const [j, i] of pairs) {
      const cell = td(formatDifference(c, vals[i], vals[j]));
      cell.className = 'diff';
      tr.append(cell);
    }
    tr.append(td(c.reported ?? ''));
    return tr;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  table.replaceChildren(thead, tbody);
}

function th(text: string, scope: 'col' | 'row'): HTMLTableCellElement {
  const e = document.createElement('th');
  e.scope = scope;
  e.textContent = text;
  return e;
}

function td(text: string): HTMLTableCellElement {
  const e = document.createElement('td');
  e.textContent = text;
  return e;
}
