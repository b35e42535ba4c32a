// The import graph behind the local `no-import-cycle` lint rule: which modules a TypeScript file
// loads at run time (type-only imports and exports left out), relative specifiers resolved to
// files, and the shortest cycle through an import. Pure apart from the `exists` and
// `specifiersOf` functions it is given, so it is tested on in-memory trees.
import ts from 'typescript';
import path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Every named element is `type`-only (`import { type A, type B }`): nothing to load but the module itself. */
function onlyTypeElements(elements) {
  return elements.length > 0 && elements.every((e) => e.isTypeOnly);
}

/**
 * The imports a module loads at run time, in source order, each with the offset of its quoted
 * specifier: static imports (with bindings or for their side effects) and re-exports. Left out:
 * `import type`, `export type`, imports and re-exports whose named elements are all `type`, and
 * dynamic `import()` (loaded later, so no cycle at load time).
 */
export function runtimeImports(text, fileName) {
  const kind = /\.[cm]?tsx$|\.jsx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const out = [];
  const add = (literal) => out.push({ specifier: literal.text, start: literal.getStart(source) });
  for (const st of source.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      if (clause && clause.phaseModifier === ts.SyntaxKind.TypeKeyword) continue;
      if (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && onlyTypeElements(clause.namedBindings.elements)) continue;
      add(st.moduleSpecifier);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      if (st.isTypeOnly) continue;
      if (st.exportClause && ts.isNamedExports(st.exportClause) && onlyTypeElements(st.exportClause.elements)) continue;
      add(st.moduleSpecifier);
    }
  }
  return out;
}

/** The specifiers of `runtimeImports`, without their places. */
export function runtimeSpecifiers(text, fileName) {
  return runtimeImports(text, fileName).map((i) => i.specifier);
}

/**
 * The file a relative specifier names (`./x` -> x.ts, x.tsx, x/index.ts, ...; `./x.js` -> x.ts
 * as TypeScript allows), or null for packages and for files that do not exist.
 */
export function resolveSpecifier(fromFile, specifier, exists) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, 'index' + e))];
  const js = /\.([cm]?)js(x?)$/.exec(base);
  if (js) candidates.push(base.slice(0, -js[0].length) + `.${js[1]}ts${js[2]}`);
  for (const c of candidates) if (exists(c)) return c;
  return null;
}

/**
 * A lazily built graph over `specifiersOf(file)` (a file's runtime specifiers, or null if it
 * cannot be read). `importsOf(file)` gives its imports resolved to absolute paths (cached per
 * graph). `cycleThrough(from, to)` gives the shortest cycle that the import from -> to closes,
 * as [from, to, ..., from], or null.
 */
export function createImportGraph({ exists, specifiersOf }) {
  const edges = new Map();
  function importsOf(file) {
    let out = edges.get(file);
    if (out === undefined) {
      const specifiers = specifiersOf(file);
      out = [];
      if (specifiers !== null) {
        for (const spec of specifiers) {
          const target = resolveSpecifier(file, spec, exists);
          if (target !== null && !out.includes(target)) out.push(target);
        }
      }
      edges.set(file, out);
    }
    return out;
  }
  function cycleThrough(from, to) {
    if (!importsOf(from).includes(to)) return null;
    if (to === from) return [from, from];
    // Breadth first from `to` back to `from`: the shortest way round.
    const parent = new Map([[to, null]]);
    const queue = [to];
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i];
      for (const next of importsOf(file)) {
        if (next === from) {
          const back = [from];
          for (let f = file; f !== null; f = parent.get(f)) back.push(f);
          return [from, ...back.reverse()];
        }
        if (!parent.has(next)) {
          parent.set(next, file);
          queue.push(next);
        }
      }
    }
    return null;
  }
  return { importsOf, cycleThrough };
}

/**
 * Every set of files that import each other in a circle (strongly connected components with
 * more than one file, or a file importing itself), each sorted, found from the given roots.
 */
export function findCycles(roots, graph) {
  // Tarjan's algorithm, iterative so deep trees do not overflow the stack.
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const out = [];
  let counter = 0;
  for (const root of roots) {
    if (index.has(root)) continue;
    const work = [{ file: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const targets = graph.importsOf(top.file);
      if (top.next < targets.length) {
        const t = targets[top.next++];
        if (!index.has(t)) {
          index.set(t, counter);
          low.set(t, counter++);
          stack.push(t);
          onStack.add(t);
          work.push({ file: t, next: 0 });
        } else if (onStack.has(t)) low.set(top.file, Math.min(low.get(top.file), index.get(t)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent), low.get(top.file)));
      }
      if (low.get(top.file) === index.get(top.file)) {
        const component = [];
        let f;
        do {
          f = stack.pop();
          onStack.delete(f);
          component.push(f);
        } while (f !== top.file);
        if (component.length > 1 || graph.importsOf(top.file).includes(top.file)) out.push(component.sort());
      }
    }
  }
  return out;
}
