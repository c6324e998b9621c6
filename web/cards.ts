/**
 * Summary cards: the headline metrics of a run (from its summary.json) with the figure the seed document
 * reports beside each, where it reports one. In a comparison, one column per pane and the difference of
 * each pane from the first.
 */

import { differenceUnit, formatDifference, pairLabel, panePairs, paneLetter, type DiffMetric } from './diff-table';
import { formatNumber, formatShare } from './format';
import { locale, t, type MessageKey } from './i18n';

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
const pct = (v: number) => formatShare(v, 1, locale());
const fix = (d: number) => (v: number) => formatNumber(v, d, locale());

/**
 * A card whose words come from the message tables (card.<key>, card.<key>.help, card.<key>.reported) in
 * the page's language, read when shown (getters), so a test can switch the language after import.
 */
function card(
  spec: Omit<CardSpec, 'label' | 'help' | 'reported' | 'unit'> & { reported?: true; unit?: MessageKey },
): CardSpec {
  const { reported, unit, ...rest } = spec;
  const out = {
    ...rest,
    get label() {
      return t(`card.${spec.key}` as MessageKey);
    },
    get help() {
      return t(`card.${spec.key}.help` as MessageKey);
    },
  } as CardSpec;
  if (reported) Object.defineProperty(out, 'reported', { get: () => t(`card.${spec.key}.reported` as MessageKey), enumerable: true });
  if (unit) {
    Object.defineProperty(out, 'unit', { get: () => t(unit), enumerable: true });
    out.unitKey = unit;
  }
  return out;
}

export const CARDS: CardSpec[] = [
  card({
    key: 'satisfaction',
    value: (m) => num(m, 'satisfaction'),
    format: pct,
    share: true,
    decimals: 1,
    reported: true,
  }),
  card({
    key: 'resolvedAtVillageOrBelowShare',
    value: (m) => num(m, 'resolvedAtVillageOrBelowShare'),
    format: pct,
    share: true,
    decimals: 1,
    reported: true,
  }),
  card({
    key: 'mediationSuccessRate',
    value: (m) => num(m, 'mediationSuccessRate'),
    format: pct,
    share: true,
    decimals: 1,
    reported: true,
  }),
  card({
    key: 'riskRejected',
    value: (m) => {
      const a = num(m, 'proposalsAssessed');
      const r = num(m, 'proposalsRejectedOrDelayed');
      return a && r !== undefined ? r / a : undefined;
    },
    format: pct,
    share: true,
    decimals: 1,
    reported: true,
  }),
  card({
    key: 'resolutionRate',
    value: (m) => num(m, 'resolutionRate'),
    format: pct,
    share: true,
    decimals: 1,
  }),
  card({
    key: 'petitionsPer10k',
    value: (m) => num(m, 'petitionsPer10k'),
    format: fix(1),
    decimals: 1,
    unit: 'unit.per10k',
  }),
  card({
    key: 'massIncidents',
    value: (m) => num(m, 'massIncidents'),
    format: fix(0),
    decimals: 0,
    unit: 'unit.incidents',
  }),
  card({
    key: 'costPerResolvedDispute',
    value: (m) => num(m, 'costPerResolvedDispute'),
    format: fix(2),
    decimals: 2,
    unit: 'unit.personDays',
  }),
  card({
    key: 'meanLegitimacy',
    value: (m) => num(m, 'meanLegitimacy'),
    format: fix(3),
    decimals: 3,
  }),
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
  head.append(th(t('diff.metric'), 'col'));
  names.forEach((n, i) => {
    head.append(th(t('compare.paneTitle', { letter: paneLetter(i), name: n }), 'col'));
  });
  for (const pair of pairs) {
    const h = th(pairLabel(pair), 'col');
    h.dataset.pair = pairLabel(pair);
    head.append(h);
  }
  head.append(th(t('diff.reported'), 'col'));
  const rows = CARDS.map((c) => {
    const tr = document.createElement('tr');
    tr.dataset.metric = c.key;
    const name = th(c.label, 'row');
    const unit = differenceUnit(c, locale());
    if (unit) name.title = t('diff.unitTitle', { unit: c.share ? t('unit.ppLong') : unit });
    tr.append(name);
    const vals = metrics.map((m) => (m ? c.value(m) : undefined));
    for (const v of vals) tr.append(td(v === undefined ? '–' : c.format(v)));
    for (const [j, i] of pairs) {
      const cell = td(formatDifference(c, vals[i], vals[j], locale()));
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
