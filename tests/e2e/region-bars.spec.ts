import { expect, test } from '@playwright/test';
import { openApp, play } from './helpers';

test('every LWK process shows its regions with their page sizes, equal to the worker metrics; a click selects it', async ({ page }) => {
  await openApp(page);
  await play(page);
  const group = page.getByRole('group', { name: 'LWK regions of each process' });
  await expect(group.getByRole('button')).toHaveCount(4);
  const metrics = (await page.evaluate(() => window.mosExplorer!.metrics())) as { memory: { regions: { pid: number; kind: string; pageSize: number }[] } };
  const pids = [...new Set(metrics.memory.regions.map((r) => r.pid))];
  expect(pids).toHaveLength(4);
  for (const pid of pids) {
    const row = group.getByRole('button', { name: new RegExp(`^Regions of pid ${pid}:`) });
    await expect(row).toHaveAttribute('aria-label', /heap .* in (2 MiB|1 GiB) pages/);
    await expect(row).toHaveAttribute('aria-label', /text /);
    await expect(row).toHaveAttribute('aria-label', /stack /);
  }
  await group.getByRole('button', { name: new RegExp(`^Regions of pid ${pids[1]}:`) }).click();
  await expect(group.getByRole('button', { name: new RegExp(`^Regions of pid ${pids[0]}:`) })).toHaveClass(/rb-dim/);
  await page.getByRole('region', { name: 'Memory regions' }).screenshot({ path: 'test-results/screenshots/memory-region-bars.png' });
});
