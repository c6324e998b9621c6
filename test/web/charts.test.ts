/**
 * The pure parts of the charts (web/charts.ts, web/chart.ts): which series a chart draws alone and when
 * comparison panes are overlaid (one series per pane in the pane's colour, or each pane's lines told
 * apart by dashes), and how a value under the cursor reads.
 */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../web/chart';
import { type ChartSpec, seriesLines } from '../../web/charts';
import { PANE_COLOURS } from '../../web/palette';

const one: ChartSpec = { title: 'Open', lines: [{ series: 'disputesOpen', label: 'Open', colour: '#000' }] };
const two: ChartSpec = {
  title: 'Active and jailed',
  lines: [
    { series: 'active', label: 'Active', colour: '#d55e00' },
    { series: 'jailed', label: 'Jailed', colour: '#4d4d4d' },
  ],
};

describe('chart series', () => {
  it("are the spec's lines for a single run", () => {
    expect(seriesLines(two, [])).toMatchObject([
      { label: 'Active', colour: '#d55e00' },
      { label: 'Jailed', colour: '#4d4d4d' },
    ]);
  });

  it("are one series per pane in the pane's colour when the chart has one line", () => {
    expect(seriesLines(one, ['A: control', 'B: governance', 'C: management'])).toMatchObject([
      { label: 'A: control', colour: PANE_COLOURS[0] },
      { label: 'B: governance', colour: PANE_COLOURS[1] },
      { label: 'C: management', colour: PANE_COLOURS[2] },
    ]);
  });

  it('are every pane’s lines, pane by pane, told apart by dashes, when the chart has several lines', () => {
    const s = seriesLines(two, ['A: x', 'B: y']);
    expect(s.map((l) => l.label)).toEqual(['Active (A: x)', 'Jailed (A: x)', 'Active (B: y)', 'Jailed (B: y)']);
    expect(s[0].dash).toBeUndefined();
    expect(s[2].dash).toEqual(s[3].dash);
    expect(s[2].dash?.length).toBeGreaterThan(0);
  });
});

describe('a line’s hover text', () => {
  it('says what a daily count or a running total is, keeps a line’s own text, and names the pane', () => {
    const lines: ChartSpec = {
      title: 'x',
      lines: [
        { series: 'disputesOpen', label: 'Open now', colour: '#000' },
        { series: 'resolvedGrid', label: 'Grid', colour: '#000', cumulative: true },
        { series: 'detained', label: 'Detained', colour: '#000', help: 'Residents held today' },
      ],
    };
    const [open, grid, held] = seriesLines(lines, []);
    expect(open.help).toMatch(/^Open now: the count on each day/);
    expect(grid.help).toMatch(/^Grid: the running total from day 0/);
    expect(held.help).toBe('Residents held today');
    expect(seriesLines(one, ['A: control', 'B: governance'])[1].help).toMatch(/^Open: the count on each day.* In run B: governance\.$/);
  });
});

describe('a value under the cursor', () => {
  it('reads as a grouped whole number, three significant digits, or a dash for no value', () => {
    expect(formatValue(1234)).toBe('1,234');
    expect(formatValue(1234.56)).toBe('1,235');
    expect(formatValue(0.82702)).toBe('0.827');
    expect(formatValue(12.345)).toBe('12.3');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(null)).toBe('–');
    expect(formatValue(Number.NaN)).toBe('–');
  });
});
