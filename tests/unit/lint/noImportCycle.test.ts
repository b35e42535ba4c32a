/** The `local/no-import-cycle` rule through ESLint, on a tree on disk; and its allow list in eslint.config.js. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from '../../../scripts/eslint/no-import-cycle.mjs';
import { createImportGraph, findCycles, runtimeSpecifiers } from '../../../scripts/eslint/importGraph.mjs';

let dir = '';
const FILES: Record<string, string> = {
  'src/a.ts': "import { b } from './b';\nexport const a = 1;\n",
  'src/b.ts': "import { a } from './a';\nimport type { C } from './c';\nexport const b = a;\n",
  'src/c.ts': "import { a } from './a';\nexport interface C { x: number }\nexport const c = a;\n",
  'src/d.ts': "import { e } from './e';\nexport const d = 1;\n",
  'src/e.ts': "import { d } from './d';\nimport { a } from './a';\nexport const e = d + a;\n",
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'import-cycle-'));
  for (const [f, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(file: string, allow: string[] = [], text = FILES[file]) {
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { local: { rules: { 'no-import-cycle': rule } } },
      rules: { 'local/no-import-cycle': ['error', { allow }] },
    },
  ];
  return linter.verify(text, config, path.join(dir, file));
}

describe('local/no-import-cycle', () => {
  it('reports the import that closes a cycle, naming the files in order', () => {
    const messages = lint('src/a.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0].line).toBe(1);
    expect(messages[0].message).toBe('Import cycle: src/a.ts -> src/b.ts -> src/a.ts');
  });

  it('leaves type-only imports and imports outside any cycle alone', () => {
    // b -> c is type-only; c -> a is a value import but nothing runtime leads back to c.
    expect(lint('src/c.ts')).toEqual([]);
    expect(lint('src/b.ts').map((m) => m.line)).toEqual([1]);
  });

  it('lints the text it is given, not the file on disk', () => {
    expect(lint('src/a.ts', [], 'export const a = 1;\n')).toEqual([]);
    expect(lint('src/c.ts', [], "import { a } from './a';\nimport { b } from './b';\nexport const c = a + b;\n")).toEqual([]);
  });

  it('allow: a cycle made only of allowed files is quiet; a file outside the list still reports', () => {
    expect(lint('src/a.ts', ['src/a.ts', 'src/b.ts'])).toEqual([]);
    expect(lint('src/d.ts', ['src/a.ts', 'src/b.ts'])).toHaveLength(1);
    // Allowing only one file of a cycle allows nothing.
    expect(lint('src/a.ts', ['src/a.ts'])).toHaveLength(1);
  });
});

describe('the allow list in eslint.config.js', () => {
  it('names only files that still import each other in a cycle (delete an entry once its cycle is gone)', async () => {
    const root = path.resolve(__dirname, '../../..');
    const eslint = new ESLint({ cwd: root });
    const config = await eslint.calculateConfigForFile(path.join(root, 'src/cli/main.ts'));
    const setting = config.rules?.['local/no-import-cycle'];
    expect(setting, 'local/no-import-cycle is enabled for src').toBeDefined();
    const allow: string[] = (setting[1]?.allow ?? []).map((f: string) => path.resolve(root, f));
    const src = path.join(root, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(src, f));
    const graph = createImportGraph({
      exists: (f) => existsSync(f) && statSync(f).isFile(),
      specifiersOf: (f) => (existsSync(f) ? runtimeSpecifiers(readFileSync(f, 'utf8'), f) : null),
    });
    const inCycles = new Set(findCycles(files, graph).flat());
    const stale = allow.filter((f) => !inCycles.has(f)).map((f) => path.relative(root, f));
    expect(stale, 'these files are in no import cycle any more: remove them from the allow list in eslint.config.js').toEqual([]);
  });
});
