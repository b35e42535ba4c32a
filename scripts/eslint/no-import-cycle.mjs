// Local ESLint rule `local/no-import-cycle`: a runtime import that closes a cycle of imports is an
// error, reported on that import's specifier with the cycle's files. Type-only imports do not
// count (see importGraph.mjs). The file being linted is read from ESLint's text, the others from
// disk; their runtime specifiers are cached per process by path and modification time, so a lint
// run parses each file once.
//
// Option: { allow: ["src/a.ts", ...] } (paths relative to ESLint's working directory): a cycle
// made only of allowed files is not reported; one that takes in any other file is.
import fs from 'node:fs';
import path from 'node:path';
import { createImportGraph, resolveSpecifier, runtimeImports, runtimeSpecifiers } from './importGraph.mjs';

/** absolute path -> { mtimeMs, specifiers } */
const parsed = new Map();

function specifiersOnDisk(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const hit = parsed.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.specifiers;
  const specifiers = runtimeSpecifiers(fs.readFileSync(file, 'utf8'), file);
  parsed.set(file, { mtimeMs, specifiers });
  return specifiers;
}

// Whether a path is a file, remembered for a couple of seconds: long enough for one lint run,
// short enough that an editor's lint server sees files created since.
const EXISTS_TTL_MS = 2000;
let existsCache = new Map();
let existsSince = 0;
function isFile(file) {
  const now = Date.now();
  if (now - existsSince > EXISTS_TTL_MS) {
    existsCache = new Map();
    existsSince = now;
  }
  let v = existsCache.get(file);
  if (v === undefined) {
    try {
      v = fs.statSync(file).isFile();
    } catch {
      v = false;
    }
    existsCache.set(file, v);
  }
  return v;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid runtime import cycles (type-only imports excepted).' },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{cycle}}' },
  },
  create(context) {
    const cwd = context.cwd;
    const file = path.resolve(cwd, context.filename);
    const allow = new Set((context.options[0]?.allow ?? []).map((f) => path.resolve(cwd, f)));
    const imports = runtimeImports(context.sourceCode.text, file);
    const runtimeStarts = new Set(imports.map((i) => i.start));
    const ownSpecifiers = imports.map((i) => i.specifier);
    const graph = createImportGraph({ exists: isFile, specifiersOf: (f) => (f === file ? ownSpecifiers : specifiersOnDisk(f)) });
    const show = (f) => path.relative(cwd, f).split(path.sep).join('/');

    function check(node) {
      const source = node.source;
      if (!source || typeof source.value !== 'string' || !runtimeStarts.has(source.range[0])) return;
      const target = resolveSpecifier(file, source.value, isFile);
      const cycle = target === null ? null : graph.cycleThrough(file, target);
      if (cycle && !cycle.every((f) => allow.has(f))) context.report({ node: source, messageId: 'cycle', data: { cycle: cycle.map(show).join(' -> ') } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
