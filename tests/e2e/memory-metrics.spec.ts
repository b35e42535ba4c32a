import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';

type Metrics = {
  memory: {
    pageFaults: { linuxCpus: number; lwkCpus: number };
    domains: { numa: number; kind: string; lwkUsed: number; lwkRegions: number; linuxUsed: number; faults: number }[];
  };
  syscalls: { routes: Record<string, { count: number; p50Ns: number; p99Ns: number; maxNs: number; meanNs: number }> };
  fwq: { quanta: number; maxNoiseNs: number };
};

const metrics = (page: Page) => page.evaluate(() => window.mosExplorer!.metrics()) as Promise<Metrics>;

/** A hidden table's rows as objects keyed by column header. */
async function tableRows(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((t: HTMLTableElement) => {
    const heads = [...t.tHead!.rows[0].cells].map((c) => c.textContent ?? '');
    return [...t.tBodies[0].rows].map((r) => Object.fromEntries([...r.cells].map((c, i) => [heads[i], c.textContent ?? ''])));
  });
}

async function selectPreset(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(name);
  await expect(page.getByLabel('Event count')).toHaveText('0');
}

/** Plays until `done` holds for the worker's metrics, then pauses. */
async function playUntil(page: Page, done: (m: Metrics) => boolean): Promise<void> {
  await play(page);
  await expect.poll(async () => done(await metrics(page)), { timeout: 20_000 }).toBe(true);
  await pause(page);
}

test.describe('Memory regions and Metrics views', () => {
  test('memory: LWK regions per process on mos-bsp, the table matches the worker, no faults on LWK CPUs', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const region = page.getByRole('region', { name: 'Memory regions' });
    const table = region.getByRole('table', { name: 'Memory per NUMA domain' });
    await expect.poll(async () => (await tableRows(table)).length).toBe(2);
    await playUntil(page, (m) => m.memory.domains.every((d) => d.lwkRegions > 0));
    await expect.poll(async () => {
      const [m, rows] = [await metrics(page), await tableRows(table)];
      return rows.map((r) => [r['LWK used (bytes)'], r['LWK regions']]).join(';') === m.memory.domains.map((d) => [d.lwkUsed, d.lwkRegions]).join(';');
    }).toBe(true);
    const m = await metrics(page);
    expect(m.memory.pageFaults.lwkCpus).toBe(0);
    await expect(region.getByLabel('Page faults')).toContainText(' 0 on LWK CPUs');
    const procs = await tableRows(region.getByRole('table', { name: 'LWK regions by process' }));
    expect(procs.length).toBeGreaterThan(0);
    // Step changes what is shown.
    const before = (await tableRows(table))[0]['Simulated time (ns)'];
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => (await tableRows(table))[0]['Simulated time (ns)']).not.toBe(before);
    await region.screenshot({ path: 'test-results/screenshots/memory-mos-bsp.png' });
    expect(problems).toEqual([]);
  });
});
