import { defineConfig, devices } from '@playwright/test';

// scripts/run-e2e.mjs finds a Chromium (CHROMIUM_PATH, /usr/bin/chromium, Playwright's own) and sets CHROMIUM_PATH.
const executablePath = process.env.CHROMIUM_PATH || undefined;
// Ports can be moved (E2E_PORT, E2E_DEV_PORT) so that two checkouts can run their tests at once.
const port = Number(process.env.E2E_PORT || 4173);
const devPort = Number(process.env.E2E_DEV_PORT || 5174);
const launchOptions = {
  executablePath,
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'off', screenshot: 'off', viewport: { width: 1280, height: 720 } },
  projects: [
    {
      name: 'app',
      testIgnore: /dev-build\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, baseURL: `http://127.0.0.1:${port}`, launchOptions },
    },
    {
      name: 'dev-build',
      testMatch: /dev-build\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, baseURL: `http://127.0.0.1:${devPort}`, launchOptions },
    },
  ],
  webServer: [
    // The production bundle: scripts/run-e2e.mjs builds dist/ first, so this never serves a stale bundle.
    { command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`, url: `http://127.0.0.1:${port}`, reuseExistingServer: false, timeout: 120_000 },
    // A development server, for the test that counts React commits (Profiler works in development builds).
    { command: `npx vite --host 127.0.0.1 --port ${devPort} --strictPort`, url: `http://127.0.0.1:${devPort}`, reuseExistingServer: false, timeout: 120_000 },
  ],
});
