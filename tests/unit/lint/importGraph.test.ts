/** The import graph behind `local/no-import-cycle`: runtime imports, resolution, cycles, on in-memory trees. */
import { describe, expect, it } from 'vitest';
import { createImportGraph, findCycles, resolveSpecifier, runtimeImports, runtimeSpecifiers } from '../../../scripts/eslint/importGraph.mjs';

/** A tree of files under /t: { 'a.ts': 'import ...' }. */
function tree(files: Record<string, string>) {
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => ['/t/' + k, v]));
  const exists = (f: string) => f in abs;
  const graph = createImportGraph({ exists, specifiersOf: (f) => (f in abs ? runtimeSpecifiers(abs[f], f) : null) });
  return { graph, exists, files: Object.keys(abs) };
}

describe('runtimeSpecifiers', () => {
  it('keeps value imports, side-effect imports and re-exports; leaves out type-only ones and import()', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, e } from './e';",
      "import f from './f';",
      "import * as g from './g';",
      "import './h';",
      "export { i } from './i';",
      "export type { J } from './j';",
      "export { type K } from './k';",
      "export * from './l';",
      "export * as m from './m';",
      "const n = import('./n');",
      "import p, { type P } from './p';",
    ].join('\n');
    expect(runtimeSpecifiers(text, '/t/x.ts')).toEqual(['./a', './e', './f', './g', './h', './i', './l', './m', './p']);
  });

  it('gives the offset of each quoted specifier', () => {
    const text = "import type { A } from './a';\nimport { b } from './b';\n";
    const [only] = runtimeImports(text, '/t/x.ts');
    expect(only.specifier).toBe('./b');
    expect(text.slice(only.start, only.start + 5)).toBe("'./b'");
  });

  it('parses TSX', () => {
    expect(runtimeSpecifiers("import { A } from './a';\nexport const v = <A x={1} />;\n", '/t/x.tsx')).toEqual(['./a']);
  });
});

describe('resolveSpecifier', () => {
  const exists = (f: string) => ['/t/a.ts', '/t/b.tsx', '/t/dir/index.ts', '/t/c.ts'].includes(f);
  it('resolves extensions, index files and .js written for .ts; ignores packages and missing files', () => {
    expect(resolveSpecifier('/t/x.ts', './a', exists)).toBe('/t/a.ts');
    expect(resolveSpecifier('/t/x.ts', './b', exists)).toBe('/t/b.tsx');
    expect(resolveSpecifier('/t/x.ts', './dir', exists)).toBe('/t/dir/index.ts');
    expect(resolveSpecifier('/t/dir/index.ts', '../c.js', exists)).toBe('/t/c.ts');
    expect(resolveSpecifier('/t/x.ts', 'react', exists)).toBeNull();
    expect(resolveSpecifier('/t/x.ts', './missing', exists)).toBeNull();
  });
});

describe('cycles', () => {
  it('finds the shortest cycle an import closes, in import order', () => {
    const { graph } = tree({
      'a.ts': "import { b } from './b';",
      'b.ts': "import { c } from './c'; import { d } from './d';",
      'c.ts': "import { a } from './a';",
      'd.ts': "import { c } from './c';",
    });
    expect(graph.cycleThrough('/t/a.ts', '/t/b.ts')).toEqual(['/t/a.ts', '/t/b.ts', '/t/c.ts', '/t/a.ts']);
    expect(graph.cycleThrough('/t/d.ts', '/t/c.ts')).toEqual(['/t/d.ts', '/t/c.ts', '/t/a.ts', '/t/b.ts', '/t/d.ts']);
    // c does not import d: no edge, no cycle.
    expect(graph.cycleThrough('/t/c.ts', '/t/d.ts')).toBeNull();
  });

  it('a type-only import does not close a cycle', () => {
    const { graph, files } = tree({
      'a.ts': "import { b } from './b';",
      'b.ts': "import type { A } from './a'; import { type A2 } from './a';",
    });
    expect(graph.cycleThrough('/t/a.ts', '/t/b.ts')).toBeNull();
    expect(findCycles(files, graph)).toEqual([]);
  });

  it('the same import as a value closes it', () => {
    const { graph } = tree({ 'a.ts': "import { b } from './b';", 'b.ts': "export { a } from './a';" });
    expect(graph.cycleThrough('/t/b.ts', '/t/a.ts')).toEqual(['/t/b.ts', '/t/a.ts', '/t/b.ts']);
  });

  it('a file importing itself is a cycle', () => {
    const { graph, files } = tree({ 'a.ts': "import './a';" });
    expect(graph.cycleThrough('/t/a.ts', '/t/a.ts')).toEqual(['/t/a.ts', '/t/a.ts']);
    expect(findCycles(files, graph)).toEqual([['/t/a.ts']]);
  });

  it('findCycles gives each strongly connected set once, and nothing for a diamond', () => {
    const { graph, files } = tree({
      'a.ts': "import './b'; import './c';",
      'b.ts': "import './d';",
      'c.ts': "import './d';",
      'd.ts': '',
      'e.ts': "import './f';",
      'f.ts': "import './g';",
      'g.ts': "import './e'; import './a';",
    });
    expect(findCycles(files, graph)).toEqual([['/t/e.ts', '/t/f.ts', '/t/g.ts']]);
  });
});
