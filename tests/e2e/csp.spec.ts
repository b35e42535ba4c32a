import { expect, test } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';

test('the page carries a Content-Security-Policy of its own scripts and workers, and breaks none of it', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = watchConsole(page);
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  // Exercise what the page does: the simulation worker, every view, the scale worker, an export.
  await play(page);
  await expect.poll(async () => Number((await page.getByLabel('Event count').textContent())!.replace(/,/g, ''))).toBeGreaterThan(2000);
  await pause(page);
  const scale = page.getByRole('region', { name: 'Scale' });
  await scale.getByRole('button', { name: 'Run' }).click();
  await expect(scale.getByRole('button', { name: 'Run' })).toBeEnabled({ timeout: 30_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await download;
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(problems).toEqual([]);
});
