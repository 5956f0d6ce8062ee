// The intended layering of src/, enforced: every relative import of every file is read, and the
// test fails when a module imports one in a higher layer, or when imports run in a cycle (between
// modules, or between files). A module is a folder of src/ (answer/, http/ …) or a file at its root.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Lowest first; a module may import its own layer's modules (without a cycle) and lower layers.
 * Why this order: data flows one way, from text through a report, its figures and its index to
 * the corpus that keeps them, the answerer that reads it, the HTTP surface, and the entries that
 * wire one runtime (Node, Workers, the terminal) together.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['data', 'contract', 'zod-without-locales', 'digest', 'log', 'config', 'errors'], // knows no report: shapes, settings, helpers, the error table
  ['text'], // Vietnamese text and the Period it speaks of
  ['lexicon'], // the vocabularies: metrics, places and the 2025 merger, abbreviations, stop-words
  ['ingest'], // raw text → Report
  ['extract'], // Report → Figure[]
  ['search'], // indexes over reports and figures
  ['store'], // where reports live (the port, Node and memory stores)
  ['corpus', 'snapshot-file'], // reports + figures + indexes kept in step; the reader port
  ['answer'], // questions over a corpus view
  ['http'], // the Hono app
  ['workers', 'node', 'cli'], // entries: one runtime each
];

interface ImportEdge {
  from: string;
  to: string;
}

/** Relative import specifiers of one file: static imports and re-exports, `import type`, and dynamic `import()`. */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g))
    out.push(m[1] as string);
  for (const m of source.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) out.push(m[1] as string);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] as string);
  return out.filter((s) => s.startsWith('.'));
}

/** The module of a path relative to src/: its first folder, or the root file's name without `.ts`. */
function moduleOf(path: string): string {
  const [head, ...rest] = path.split('/');
  if (head === '..') return path.replace(/\.(ts|json)$/, '');
  return rest.length ? (head as string) : (head as string).replace(/\.(ts|json)$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every import between files of src/ (paths relative to src/, `.js` specifiers read as `.ts`). */
function fileEdges(root = SRC): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = relative(root, resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      edges.push({ from: relative(root, file).split('\\').join('/'), to: target.split('\\').join('/') });
    }
  }
  return edges;
}

/** One cycle in a directed graph as [a, b, …, a], or null when there is none. */
function findCycle(edges: readonly ImportEdge[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const m of next.get(n) ?? []) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of [...next.keys()].sort()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return null;
}

const layerOf = (module: string) => LAYERS.findIndex((layer) => layer.includes(module));

describe('the layering of src/', () => {
  const edges = fileEdges();
  const moduleEdges = edges
    .map((e) => ({ from: moduleOf(e.from), to: moduleOf(e.to), file: e.from }))
    .filter((e) => e.from !== e.to);

  it('reads the imports of every file', () => {
    expect(edges.length).toBeGreaterThan(300);
  });

  it('places every module of src/ in a layer', () => {
    const modules = new Set(edges.flatMap((e) => [moduleOf(e.from), moduleOf(e.to)]));
    expect([...modules].filter((m) => layerOf(m) < 0 && !m.startsWith('..'))).toEqual([]);
  });

  it('imports nothing from outside src/ but the bundled seed index', () => {
    expect(moduleEdges.filter((e) => e.to.startsWith('..') && e.to !== '../index/seeds')).toEqual([]);
  });

  it('never imports a module of a higher layer', () => {
    const upward = moduleEdges.filter((e) => !e.to.startsWith('..') && layerOf(e.to) > layerOf(e.from));
    expect(upward.map((e) => `${e.file} → ${e.to}`)).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    expect(findCycle(moduleEdges)).toBeNull();
  });

  it('has no import cycle between files', () => {
    expect(findCycle(edges)).toBeNull();
  });
});

describe('findCycle', () => {
  it('finds a cycle of three', () => {
    expect(
      findCycle([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
      ]),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  it('finds none in a diamond', () => {
    expect(
      findCycle([
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'd' },
        { from: 'c', to: 'd' },
      ]),
    ).toBeNull();
  });
});

describe('importsOf', () => {
  it('reads static, type-only, re-exported, side-effect and dynamic imports', () => {
    const src = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "export { c } from './c.js';",
      "import './d.ts';",
      "const e = await import('./e.ts');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importsOf(src)).toEqual(['./a.ts', '../b/b.ts', './c.js', './d.ts', './e.ts']);
  });
});
