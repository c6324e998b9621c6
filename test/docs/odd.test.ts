/**
 * docs/ODD.md stays in step with the code: its parameter table (between the params markers) is exactly
 * the one generated from the governance scenario schema (src/scenario/odd-table.ts), every leaf
 * parameter path appears in it, and every preset in scenarios/ is named in the document.
 * To update the table after changing the schema: npx tsx src/scenario/odd-table.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { leafPaths, ODD_PATH, paramRows, paramTable, tableInDoc } from '../../src/scenario/odd-table';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(ODD_PATH, 'utf8');

describe('docs/ODD.md', () => {
  it('holds the parameter table generated from the governance schema', () => {
    const inDoc = tableInDoc(doc);
    expect(inDoc, 'markers <!-- params:start --> and <!-- params:end --> in docs/ODD.md').not.toBeNull();
    // On failure run `npx tsx src/scenario/odd-table.ts` and review the diff of docs/ODD.md.
    expect(inDoc).toBe(paramTable());
  });

  it('documents every leaf parameter of the schema, once', () => {
    const table = tableInDoc(doc) ?? '';
    const paths = leafPaths();
    expect(paths.length).toBeGreaterThan(100);
    expect(new Set(paths).size).toBe(paths.length);
    const missing = paths.filter((p) => !table.includes(`| \`${p}\` |`));
    expect(missing).toEqual([]);
  });

  it('gives every parameter a unit, a description and a source', () => {
    for (const r of paramRows()) {
      expect(r.description, r.path).not.toBe('');
      expect(r.source, r.path).not.toBe('');
      expect(r.unit, r.path).not.toBe('');
    }
  });

  it('mentions every preset in scenarios/', () => {
    const presets = readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.json') && f !== 'schema.json')
      .map((f) => f.replace(/\.json$/, ''));
    expect(presets.length).toBeGreaterThan(0);
    // A name counts when it stands alone (not as part of a longer preset name).
    const named = (p: string) => new RegExp(`(^|[^\\w-])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(doc);
    const missing = presets.filter((p) => !named(p));
    expect(missing).toEqual([]);
  });
});
