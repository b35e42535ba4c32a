import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noImportCycle from './scripts/eslint/no-import-cycle.mjs';

export default defineConfig(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: build DOM nodes or use React.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    // The engine is deterministic: no wall clock, no global randomness, no DOM.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng streams (src/engine/kernel/rng.ts).' },
        { object: 'performance', property: 'now', message: 'The engine has no wall clock; use simulated time.' },
        { object: 'Date', property: 'now', message: 'The engine has no wall clock; use simulated time.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The engine has no wall clock; use simulated time.' },
        { name: 'performance', message: 'The engine has no wall clock; use simulated time.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'd3', 'd3-*', 'zustand', '**/app/**', '**/worker/**'] }],
    },
  },
  {
    // No runtime import cycles in src (type-only imports do not count): scripts/eslint/no-import-cycle.mjs.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      'local/no-import-cycle': 'error',
    },
  },
);
