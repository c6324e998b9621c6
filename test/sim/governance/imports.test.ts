/**
 * The module structure of sim/: no import cycles (sim/governance is layered, each file importing only
 * downward, see the header of sim/governance/model.ts), and nothing imported from outside sim/ (no
 * src/, web/ or Node built-ins), so the simulation runs the same in Node, a worker and the browser.
 *
 * Imports are read from the source text (comments and strings skipped), not from a compiler: `import`,
 * `import type`, `export ... from` and dynamic `import('...')` all count, since a type-only cycle is
 * still a cycle in the design.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SIM = join(ROOT, 'sim');

/** Source text with comments blanked out (strings and template literals kept as they are). */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const next = src[i + 1];
    if (ch === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) i++;
      i += 2;
      out += ' ';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const start = i++;
      while (i < src.length && src[i] !== ch) i += src[i] === '\\' ? 2 : 1;
      i++;
      out += src.slice(start, i);
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Module specifiers a source file imports (static, type-only, re-exports, side effects, dynamic). */
function importSpecifiers(src: string): string[] {
  const text = stripComments(src);
  const out: string[] = [];
  const patterns = [
    /(?:^|[;\n}])\s*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /(?:^|[;\n}])\s*import\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[2]);
  return out;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const p of [base, `${base}.ts`, join(base, 'index.ts')]) if (p.endsWith('.ts') && existsSync(p)) return p;
  return null;
}

const BUILTINS = new Set(builtinModules);

/** The import graph of a set of files (edges only to files of the set), and every import not allowed. */
function importGraph(files: string[], inside: string): { edges: Map<string, string[]>; problems: string[] } {
  const edges = new Map<string, string[]>();
  const problems: string[] = [];
  for (const f of files) {
    const to: string[] = [];
    for (const spec of importSpecifiers(readFileSync(f, 'utf8'))) {
      const where = relative(ROOT, f);
      if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) {
        problems.push(`${where} imports the Node built-in ${spec}`);
      } else if (spec.startsWith('.')) {
        const target = resolveRelative(f, spec);
        if (!target) problems.push(`${where} imports ${spec}, which does not resolve to a .ts file`);
        else if (!target.startsWith(inside + sep)) problems.push(`${where} imports ${relative(ROOT, target)}, outside ${relative(ROOT, inside)}/`);
        else to.push(target);
      } else if (spec.startsWith('/')) {
        problems.push(`${where} imports the absolute path ${spec}`);
      }
      // Anything else is an npm package (seedrandom): allowed.
    }
    edges.set(f, to);
  }
  return { edges, problems };
}

/** Every import cycle found by a depth-first search, each as the list of files around it. */
function findCycles(edges: Map<string, string[]>): string[][] {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string): void => {
    colour.set(f, GREY);
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      const c = colour.get(t) ?? WHITE;
      if (c === GREY) cycles.push([...stack.slice(stack.indexOf(t)), t]);
      else if (c === WHITE) visit(t);
    }
    stack.pop();
    colour.set(f, BLACK);
  };
  for (const f of edges.keys()) if ((colour.get(f) ?? WHITE) === WHITE) visit(f);
  return cycles;
}

const show = (cycle: string[]) => cycle.map((f) => relative(ROOT, f)).join(' -> ');

describe('module structure of sim/', () => {
  const files = listTs(SIM);
  const { edges, problems } = importGraph(files, SIM);

  it('reads the imports of every file', () => {
    const gov = files.filter((f) => f.includes(`${sep}governance${sep}`));
    expect(gov.length).toBeGreaterThan(15);
    const handling = join(SIM, 'governance', 'handling.ts');
    expect(edges.get(handling)!.map((f) => relative(SIM, f))).toContain(join('governance', 'world.ts'));
  });

  it('imports nothing from outside sim/ (no src/, web/, Node built-ins)', () => {
    expect(problems).toEqual([]);
  });

  it('has no import cycle in sim/governance', () => {
    const gov = new Map([...edges].filter(([f]) => f.startsWith(join(SIM, 'governance') + sep)));
    expect(findCycles(gov).map(show)).toEqual([]);
  });

  it('has no import cycle in sim/ as a whole', () => {
    expect(findCycles(edges).map(show)).toEqual([]);
  });

  it('keeps sim/governance/codes.ts a leaf', () => {
    expect(edges.get(join(SIM, 'governance', 'codes.ts'))).toEqual([]);
  });

  it('finds a cycle and a forbidden import when there is one (the checks can fail)', () => {
    const a = join(SIM, 'a.ts');
    const b = join(SIM, 'b.ts');
    const c = join(SIM, 'c.ts');
    expect(findCycles(new Map([[a, [b]], [b, [c]], [c, [a]]])).map((x) => x.length)).toEqual([4]);
    expect(findCycles(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
    const src = [
      "import type { X } from './x';",
      "export { y } from '../y';",
      "import { readFileSync } from 'node:fs';",
      "import './side-effect';",
      "const m = await import('./lazy');",
      "// import { no } from './commented-out';",
      "const s = \"import { no } from './in-a-string'\";",
    ].join('\n');
    expect(importSpecifiers(src)).toEqual(['./x', '../y', 'node:fs', './side-effect', './lazy']);
  });
});
