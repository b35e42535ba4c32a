import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eventCount, play, watchConsole } from './helpers';

// `npm run build:single` (and scripts/run-e2e.mjs before the tests) writes the one offline file.
const SINGLE_FILE = resolve('dist-single/mos-explorer.html');

test('the single offline file, opened from disk with no network, plays and advances simulated time', async ({ page, context }) => {
  expect(existsSync(SINGLE_FILE), `${SINGLE_FILE} is missing: run npm run build:single`).toBe(true);
  // No network and no other file: any request but the file itself (and data:/blob: URLs) is refused and fails the test.
  const url = pathToFileURL(SINGLE_FILE).href;
  const requests: string[] = [];
  await context.route(/.*/, (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  page.on('request', (r) => {
    if (r.url() !== url && !/^(data|blob):/.test(r.url())) requests.push(r.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = watchConsole(page);
  await page.goto(url);
  expect(page.url()).toMatch(/^file:/);
  await expect(page.getByLabel('Event count')).toHaveText(/\d/);

  // One file: no script, stylesheet or worker file is loaded from elsewhere, and the policy still forbids eval.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives.get('worker-src')).toEqual(['blob:']);
  expect(directives.get('default-src')).toEqual(["'none'"]);
  for (const name of ['script-src', 'style-src']) {
    expect(directives.get(name)!.every((v) => v.startsWith("'sha256-")), `${name}: ${directives.get(name)!.join(' ')}`).toBe(true);
  }
  expect(csp).not.toContain('unsafe-eval');
  expect(await page.locator('script[src], link[rel="stylesheet"]').count()).toBe(0);
  // The fonts are in the file: IBM Plex is loaded, not a fallback.
  await expect
    .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/["']/g, '')} ${f.weight}`).sort()))
    .toEqual(expect.arrayContaining(['IBM Plex Sans 400', 'IBM Plex Sans 600', 'IBM Plex Mono 400']));

  const timeBefore = await page.evaluate(() => window.mosExplorer!.frameStats().time);
  const eventsBefore = await eventCount(page);
  await play(page);
  await expect.poll(() => page.evaluate(() => window.mosExplorer!.frameStats().time), { timeout: 20_000 }).toBeGreaterThan(timeBefore + 1e6);
  await expect.poll(() => eventCount(page)).toBeGreaterThan(eventsBefore);
  // The scale model runs in the second worker.
  const scale = page.getByRole('region', { name: 'Scale' });
  await scale.getByRole('button', { name: 'Run' }).click();
  await expect(scale.getByRole('status')).toHaveText(/Done in/, { timeout: 30_000 });
  expect(await scale.locator('table tbody tr').count()).toBeGreaterThan(0);
  // The third worker answers exercises.
  await page.getByRole('button', { name: 'Exercises' }).click();
  const first = page.getByRole('region', { name: 'Exercises' }).locator('ol.exercises-questions > li').first();
  await first.getByRole('button', { name: 'Show answer' }).click();
  await expect(first.getByText(/^Answer: \d+ messages?$/)).toBeVisible({ timeout: 20_000 });
  // Presenter mode's code is in the file as well.
  await page.keyboard.press('p');
  await expect(page.locator('.presenter')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.presenter')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
});
