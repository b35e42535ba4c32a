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

/** Screenshots of the views at 1280x720 (another directory for a private run: MM_SCREENSHOTS). */
const SHOTS = process.env.MM_SCREENSHOTS ?? 'test-results/screenshots';

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
    await region.screenshot({ path: `${SHOTS}/memory-mos-bsp.png` });
    expect(problems).toEqual([]);
  });

  test('memory: on linux-bsp page faults appear, flash, and the table shows the worker\'s counts', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await selectPreset(page, 'linux-bsp');
    const region = page.getByRole('region', { name: 'Memory regions' });
    const table = region.getByRole('table', { name: 'Memory per NUMA domain' });
    await playUntil(page, (m) => m.memory.pageFaults.linuxCpus > 0);
    const m = await metrics(page);
    await expect.poll(async () => (await tableRows(table)).map((r) => r['Page faults']).join(',')).toBe((await metrics(page)).memory.domains.map((d) => d.faults).join(','));
    const rows = await tableRows(table);
    expect(rows.reduce((a, r) => a + Number(r['Faults seen in frames']), 0)).toBeGreaterThan(0);
    expect(rows.every((r) => r['LWK region cells'] === '0')).toBe(true);
    await expect(region.getByLabel('Page faults')).toContainText(`${(await metrics(page)).memory.pageFaults.linuxCpus.toLocaleString('en-US')} on Linux CPUs`);
    expect(m.memory.pageFaults.linuxCpus).toBeGreaterThan(0);
    await region.screenshot({ path: `${SHOTS}/memory-linux-bsp.png` });
    expect(problems).toEqual([]);
  });

  test('memory: HBM domains on the Xeon Phi; clicking a region selects its pid, Escape clears', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await selectPreset(page, 'xeon-phi');
    const region = page.getByRole('region', { name: 'Memory regions' });
    const table = region.getByRole('table', { name: 'Memory per NUMA domain' });
    await expect.poll(async () => (await tableRows(table)).map((r) => r.Kind).join(',')).toBe('DDR,DDR,DDR,DDR,HBM,HBM,HBM,HBM');
    await expect(region).toContainText('HBM: 16 MiB = 4,096 pages of 4 KiB');
    await playUntil(page, (m) => m.memory.domains.some((d) => d.lwkRegions > 0));
    const procs = region.getByRole('table', { name: 'LWK regions by process' });
    await expect.poll(async () => (await tableRows(procs)).length).toBeGreaterThan(0);
    const first = (await tableRows(procs))[0];
    // Click the first cell of that pid: find it from the grid geometry the canvas publishes.
    const canvas = region.getByRole('img', { name: /Physical memory/ });
    const grid = await canvas.evaluate((c: HTMLCanvasElement) => JSON.parse(c.dataset.grid!) as [number, number, number, number][]);
    const block = grid.find((b) => b[0] === Number(first['NUMA domain']))!;
    // MCDRAM is all LWK and allocation starts at the bottom of the pool: the domain's first cell holds a region.
    await canvas.click({ position: { x: block[1] + block[3] / 2, y: block[2] + block[3] / 2 } });
    await expect(region.getByRole('button', { name: `pid ${first.Pid}`, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await tableRows(procs)).find((r) => r.Pid === first.Pid)?.Selected).toBe('yes');
    await region.screenshot({ path: `${SHOTS}/memory-xeon-phi-selected.png` });
    await page.keyboard.press('Escape');
    await expect(region.getByRole('button', { name: `pid ${first.Pid}`, exact: true })).toHaveAttribute('aria-pressed', 'false');
    // Keyboard: the pid buttons select too.
    await region.getByRole('button', { name: `pid ${first.Pid}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(region.getByRole('button', { name: `pid ${first.Pid}`, exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect(problems).toEqual([]);
  });

  test('metrics: route latencies and counters match the worker; Play, Pause and Step change them', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const region = page.getByRole('region', { name: 'Metrics' });
    const routes = region.getByRole('table', { name: 'Syscall latency by route' });
    const counters = region.getByRole('table', { name: 'Counters' });
    // A row per registered route (designs may register more than the seed's four).
    const routeCount = Object.keys((await metrics(page)).syscalls.routes).length;
    expect(routeCount).toBeGreaterThanOrEqual(4);
    await expect.poll(async () => (await tableRows(routes)).length).toBe(routeCount);
    await playUntil(page, (m) => m.syscalls.routes.linux.count > 20 && m.syscalls.routes.osnode.count > 0);
    await expect.poll(async () => {
      const [m, rows] = [await metrics(page), await tableRows(routes)];
      return rows.every((r) => Number(r.Calls) === m.syscalls.routes[r.Route].count && Math.abs(Number(r['p99 (ns)']) - m.syscalls.routes[r.Route].p99Ns) < 0.1 && Math.abs(Number(r['max (ns)']) - m.syscalls.routes[r.Route].maxNs) < 0.1);
    }).toBe(true);
    const iterations = async () => (await tableRows(counters)).find((r) => r.Counter === 'syscalls issued')!.Value;
    const before = await iterations();
    for (let i = 0; i < 50; i++) await page.keyboard.press('s', { delay: 0 });
    await expect.poll(iterations).not.toBe(before);
    await expect(region.getByRole('term').filter({ hasText: 'Linux CPU utilisation' })).toBeVisible();
    const messages = (await tableRows(counters)).find((r) => r.Counter === 'channel messages')!.Value;
    await expect(region.getByRole('definition').first()).toHaveText(Number(messages).toLocaleString('en-US'));
    await region.screenshot({ path: `${SHOTS}/metrics-mos-bsp.png` });
    expect(problems).toEqual([]);
  });

  test('metrics: FWQ noise per CPU matches the worker on the mos preset', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await selectPreset(page, 'mos');
    const region = page.getByRole('region', { name: 'Metrics' });
    const fwq = region.getByRole('table', { name: 'FWQ noise per CPU' });
    await playUntil(page, (m) => m.fwq.quanta > 200);
    await expect.poll(async () => {
      const [m, rows] = [await metrics(page), await tableRows(fwq)];
      const quanta = rows.reduce((a, r) => a + Number(r.Quanta), 0);
      const max = Math.max(...rows.map((r) => Number(r['Max noise (ns)'])));
      return quanta === m.fwq.quanta && Math.abs(max - m.fwq.maxNoiseNs) < 0.1;
    }).toBe(true);
    expect((await tableRows(fwq)).every((r) => r.Partition === 'LWK')).toBe(true);
    await region.screenshot({ path: `${SHOTS}/metrics-mos-fwq.png` });
    expect(problems).toEqual([]);
  });
});

test.describe('dark theme, reduced motion', () => {
  test.use({ colorScheme: 'dark', reducedMotion: 'reduce' });

  test('faults leave still markers; both views render in the dark theme', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await selectPreset(page, 'linux-bsp');
    const memory = page.getByRole('region', { name: 'Memory regions' });
    await play(page);
    await expect.poll(async () => (await metrics(page)).memory.pageFaults.linuxCpus, { timeout: 20_000 }).toBeGreaterThan(0);
    await memory.screenshot({ path: `${SHOTS}/memory-linux-bsp-dark-reduced.png` });
    await pause(page);
    await selectPreset(page, 'mos-bsp');
    await playUntil(page, (m) => m.syscalls.routes.osnode.count > 0);
    await page.getByRole('region', { name: 'Metrics' }).screenshot({ path: `${SHOTS}/metrics-mos-bsp-dark.png` });
    await memory.screenshot({ path: `${SHOTS}/memory-mos-bsp-dark.png` });
    expect(problems).toEqual([]);
  });
});
