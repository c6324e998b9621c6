/**
 * The dispute-path diagram's layout (web/sankey-layout.ts): on the default run of every governance
 * preset, and on a crafted case of many small flows, no two labels overlap, no label covers a node of
 * another column, every label stays inside the diagram, and the diagram grows taller with more nodes.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/output/run';
import { listPresets, loadScenario } from '../../src/scenario/files';
import { resolveRun } from '../../src/scenario/resolve';
import { CHANNEL_NAMES, LEVEL_NAMES, PATH_FIRST_NAMES } from '../../sim/governance/index';
import { boxesOverlap, layoutOverlaps, type PathCounts, pathCounts, sankeyLayout } from '../../web/sankey-layout';

/**
 * The province-scale preset (zhejiang-province, about two million disputes) takes minutes just to build
 * here; the layout depends only on the counts, so its case is the social-governance counts scaled to a
 * province's size (seven-digit labels) below.
 */
const SKIP = new Set(['zhejiang-province']);

/** The counts the page shows at the end of a preset's default run. */
function presetCounts(id: string): PathCounts {
  const scenario = loadScenario(id);
  const model = buildModel(scenario);
  model.step(resolveRun(scenario, {}).steps);
  const abandoned = model.series().column('abandoned').reduce((a, b) => a + b, 0);
  return pathCounts(model.summary() as Record<string, unknown>, abandoned, model.frame().meta.openCases ?? 0);
}

const governancePresets = listPresets().filter((id) => !SKIP.has(id) && loadScenario(id).model === 'governance');

describe('the dispute-path layout', () => {
  it('finds the governance presets', () => {
    expect(governancePresets).toContain('social-governance');
    expect(governancePresets.length).toBeGreaterThanOrEqual(4);
  });

  it.each(governancePresets)('has no overlapping labels on the default run of %s', (id) => {
    const p = presetCounts(id);
    const layout = sankeyLayout(p)!;
    expect(layout).toBeDefined();
    expect(layoutOverlaps(layout)).toEqual([]);
    // Every outcome with cases is drawn with its own count.
    const ended = Object.fromEntries(layout.nodes.filter((n) => n.column === 1).map((n) => [n.id, n.value]));
    for (const k of LEVEL_NAMES) if ((p.byLevel[k] ?? 0) > 0) expect(ended[`end:${k}`]).toBe(p.byLevel[k]);
    if (p.open > 0) expect(ended['end:open']).toBe(p.open);
    expect(layout.description).toMatch(/^Dispute paths: \d+ opened; first went to [a-z ]+ \d+.*; ended resolved: [a-z]+ \d+.*\.$/);
  });

  it('has no overlapping labels at the scale of a province', () => {
    const p = presetCounts('social-governance');
    const scale = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * 1000]));
    const big: PathCounts = { opened: p.opened * 1000, byLevel: scale(p.byLevel), byChannel: scale(p.byChannel), paths: scale(p.paths), abandoned: p.abandoned * 1000, open: p.open * 1000 };
    const layout = sankeyLayout(big)!;
    expect(layout.nodes.some((n) => n.lines[1].length >= 9)).toBe(true); // "1,234,000"
    expect(layoutOverlaps(layout)).toEqual([]);
  });

  it('keeps labels apart with many small flows among large ones, by growing taller', () => {
    // Every first channel reaches every outcome, most with one case, beside a few thousand-case flows.
    const paths: Record<string, number> = {};
    for (const f of PATH_FIRST_NAMES) for (const o of [...LEVEL_NAMES, 'abandoned']) paths[`${f}>${o}`] = 1;
    paths['grid>grid'] = 5000;
    paths['village>village'] = 3000;
    const byLevel: Record<string, number> = {};
    for (const [k, v] of Object.entries(paths)) {
      const o = k.split('>')[1];
      if (o !== 'abandoned') byLevel[o] = (byLevel[o] ?? 0) + v;
    }
    // Resolving channels: one case each, the rest at the grid and the village committee.
    const byChannel: Record<string, number> = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, 1]));
    const p: PathCounts = { opened: 0, byLevel, byChannel, paths, abandoned: PATH_FIRST_NAMES.length, open: 2 };
    p.opened = Object.values(paths).reduce((a, b) => a + b, 0) + p.open;
    const many = sankeyLayout(p)!;
    expect(many.nodes.filter((n) => n.column === 0).length).toBe(PATH_FIRST_NAMES.length + 1); // + still open
    expect(layoutOverlaps(many)).toEqual([]);
    const few = sankeyLayout({ opened: 10, byLevel: { grid: 10 }, byChannel: { grid: 10 }, paths: { 'grid>grid': 10 }, abandoned: 0, open: 0 })!;
    expect(layoutOverlaps(few)).toEqual([]);
    expect(many.height).toBeGreaterThan(few.height + 200);
  });

  it('is undefined before the first dispute', () => {
    expect(sankeyLayout(undefined)).toBeUndefined();
    expect(sankeyLayout({ opened: 0, byLevel: {}, byChannel: {}, paths: {}, abandoned: 0, open: 0 })).toBeUndefined();
  });

  it('tells overlapping boxes from touching ones', () => {
    expect(boxesOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 5, h: 5 })).toBe(true);
    expect(boxesOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
    expect(boxesOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 10, w: 5, h: 5 })).toBe(false);
  });

  it('reports overlaps when labels are made to collide', () => {
    const layout = sankeyLayout({ opened: 10, byLevel: { grid: 6, village: 4 }, byChannel: { grid: 6, village: 4 }, paths: { 'grid>grid': 6, 'grid>village': 4 }, abandoned: 0, open: 0 })!;
    expect(layoutOverlaps(layout)).toEqual([]);
    const squeezed = { ...layout, nodes: layout.nodes.map((n) => ({ ...n, labelBox: { ...n.labelBox, y: 10 } })) };
    expect(layoutOverlaps(squeezed).some((s) => s.includes('overlaps label'))).toBe(true);
  });
});
