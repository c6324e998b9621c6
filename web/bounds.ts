/**
 * The browser's memory budget: before a scenario runs in a tab (a preset, a shared link or a dropped
 * file), its estimate (sim/core/estimate.ts, the one `govsim check` prints) is checked against a fixed
 * budget. A page cannot ask how much memory the machine has, and a tab that allocates gigabytes can take
 * the browser down with it, so the budget is fixed: 512 MB, enough for a county of a million residents
 * or an Epstein lattice of 2,000 x 2,000. Anything larger runs headless, with `npx govsim run`.
 * Pure (no DOM), so it is tested in Node.
 */
import { checkBounds, formatBytes, type MemoryLimit } from '../src/scenario/bounds';
import { lang, t, tOr } from './i18n';

type Estimate = ReturnType<typeof checkBounds>['estimate'];
import { parseScenario } from '../src/scenario/parse';
import { DEFAULT_STEPS, MAX_STEPS, type Scenario } from '../src/scenario/schema';

export const BROWSER_MEMORY_BUDGET = 512 * 1024 * 1024;

export const BROWSER_LIMIT: MemoryLimit = {
  bytes: BROWSER_MEMORY_BUDGET,
  what: `a browser tab's budget of ${formatBytes(BROWSER_MEMORY_BUDGET)}`,
  hint: 'run it headless with npx govsim run',
};

/**
 * Why the raw scenario is too large for a tab (one line naming the fields, their values and the
 * budget), or undefined when it fits. `steps` is the run's (else the scenario's, else the default);
 * `panes` runs share the tab (the comparison view), each with its share of the budget. A scenario
 * that does not parse, or asks for more steps than its model runs, gives undefined: the worker's load
 * reports those problems by name.
 */
export function browserRefusal(raw: unknown, steps?: number, panes = 1): string | undefined {
  let scenario: Scenario;
  try {
    scenario = parseScenario(raw, 'scenario');
  } catch {
    return undefined;
  }
  const n = steps ?? scenario.steps ?? DEFAULT_STEPS[scenario.model];
  if (n > MAX_STEPS[scenario.model]) return undefined;
  const limit =
    panes > 1
      ? { ...BROWSER_LIMIT, bytes: BROWSER_MEMORY_BUDGET / panes, what: `a browser tab's budget of ${formatBytes(BROWSER_MEMORY_BUDGET)} shared by ${panes} panes` }
      : BROWSER_LIMIT;
  const { estimate, problems } = checkBounds(scenario, n, limit);
  if (!problems.length) return undefined;
  // The command line's words (src/scenario/bounds.ts) in English; in Chinese the same numbers and fields.
  return lang() === 'en' ? problems.join(' ') : refusalInWords(estimate, limit.bytes, panes);
}

/**
 * A refusal in the page's language from the estimate itself: what no memory allows (the sizes, with the
 * fields that give them), or the memory needed against the tab's budget and the largest parts with the
 * fields that size them.
 */
function refusalInWords(e: Estimate, budget: number, panes: number): string {
  const fields = (drivers: Estimate['parts'][number]['drivers']) => drivers.map((d) => `${d.path} = ${typeof d.value === 'number' ? d.value.toLocaleString('en-US') : String(d.value)}`).join(', ');
  if (e.hard.length) {
    const sizing = e.parts.filter((p) => p.drivers.length).slice(0, 1);
    return t('bounds.hard', { fields: sizing.map((p) => fields(p.drivers)).join('; ') });
  }
  let covered = 0;
  const shown: string[] = [];
  for (const p of e.parts) {
    if (shown.length && covered >= 0.9 * e.bytes) break;
    covered += p.bytes;
    const what = tOr(`bounds.part.${p.what}`, p.what);
    shown.push(p.drivers.length ? t('bounds.partWith', { what, bytes: formatBytes(p.bytes), fields: fields(p.drivers) }) : t('bounds.part', { what, bytes: formatBytes(p.bytes) }));
  }
  return t(panes > 1 ? 'bounds.memoryPanes' : 'bounds.memory', { need: formatBytes(e.bytes), budget: formatBytes(BROWSER_MEMORY_BUDGET), share: formatBytes(budget), panes, parts: shown.join('；') });
}
