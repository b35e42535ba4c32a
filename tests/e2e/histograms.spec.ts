import { expect, test } from '@playwright/test';
import { openApp, pause, play } from './helpers';

test('latency histograms per route hold every completed call, as the worker counts them', async ({ page }) => {
  await openApp(page);
  await play(page);
  await expect.poll(async () => ((await page.evaluate(() => window.mosExplorer!.metrics())) as { syscalls: { completed: number } }).syscalls.completed).toBeGreaterThan(300);
  await pause(page);
  const table = page.getByRole('table', { name: 'Latency histograms' });
  await expect.poll(async () => {
    const m = (await page.evaluate(() => window.mosExplorer!.metrics())) as { syscalls: { routes: Record<string, { count: number }> } };
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const sums: Record<string, number> = {};
    for (const [route, , n] of rows) sums[route] = (sums[route] ?? 0) + Number(n);
    return Object.entries(m.syscalls.routes).every(([r, v]) => (sums[r] ?? 0) === v.count) && rows.length > 0;
  }).toBe(true);
  await page.getByRole('region', { name: 'Metrics' }).screenshot({ path: 'test-results/screenshots/metrics-histograms.png' });
});
