import { defineConfig } from 'vitest/config';

// Unit and property tests only; Playwright specs live in tests/e2e and run through scripts/run-e2e.mjs.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
