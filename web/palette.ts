/**
 * Colours of the views, chosen from the Okabe-Ito colour-blind-safe set and told apart by lightness as
 * well as hue: quiet citizens light grey-blue, actives vermillion, cops strong blue, jailed near-black,
 * empty cells near-white. Pure data (no DOM), so the browser test can count pixels by these colours.
 */

/** Epstein lattice colours, indexed by the cell codes of the model's frame (arrays.cells). */
export const EPSTEIN_COLOURS = {
  empty: '#f4f3ef', // code 0
  quiet: '#9fb4cc', // code 1, quiet citizen
  active: '#d55e00', // code 2, active citizen (vermillion)
  cop: '#0072b2', // code 3 (blue)
  jailed: '#262626', // code 4, jailed citizen kept in its cell (Mesa convention)
} as const;

/** Governance grid-map colours, indexed by the codes of model-views.ts (0 no grid .. 3 actives). */
export const GOVERNANCE_COLOURS = {
  none: '#f4f3ef', // no grid at this layout position
  calm: '#c3cfdc', // a grid without open disputes
  disputes: '#0072b2', // a grid with open individual disputes
  actives: '#d55e00', // a grid with residents in collective action
} as const;

/** Chart line colours. */
export const LINE_COLOURS = { active: EPSTEIN_COLOURS.active, jailed: '#4d4d4d', detained: '#4d4d4d' } as const;

/** '#rrggbb' to [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The town view's colours (Okabe-Ito): resolvers by kind, cases by channel, layers. */
export const TOWN_COLOURS = {
  background: '#ffffff',
  layer: '#8fa3b8',
  village: '#009e73', // people's mediation committees (bluish green)
  ngo: '#56b4e9', // NGO teams (sky blue)
  town: '#0072b2', // town mediation office (blue)
  police: '#262626', // police (near-black)
  court: '#e69f00', // court (orange)
  petition: '#cc79a7', // petition offices and petitions (reddish purple)
  queue: '#d55e00', // a queue is waiting (vermillion)
  pending: '#7a7a7a', // dispute awaiting first contact
  mediation: '#0072b2', // case in mediation (grid, village, NGO, town)
  incident: '#d55e00', // mass incident (vermillion)
} as const;

/** Colours of up to four comparison panes (Okabe-Ito). */
export const PANE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;
