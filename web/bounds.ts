/**
 * The browser's memory budget: before a scenario runs in a tab (a preset, a shared link or a dropped
 * file), its estimate (sim/core/estimate.ts, the one `govsim check` prints) is checked against a fixed
 * budget. A page cannot ask how much memory the machine has, and a tab that allocates gigabytes can take
 * the browser down with it, so the budget is fixed: 512 MB, enough for a county of a million residents
 * or an Epstein lattice of 2,000 x 2,000. Anything larger runs headless, with `npx govsim run`.
 * Pure (no DOM), so it is tested in Node.
 */
import { checkBounds, formatBytes, type MemoryLimit } from '../src/scenario/bounds';
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
  const { problems } = checkBounds(scenario, n, limit);
  return problems.length ? problems.join(' ') : undefined;
}
