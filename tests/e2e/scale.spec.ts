import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { eventCount, openApp, play, watchConsole } from './helpers';

interface CliPoint {
  nodes: number;
  meanIterationNs: number;
  noiselessIterationNs: number;
  slowdown: number;
  closedFormNs?: number;
}

/** `mos-explorer scale ... --json` from the CLI bundle built by scripts/run-e2e.mjs. */
function scaleCli(args: string[]): CliPoint[] {
  return (JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'scale', ...args, '--json'], { encoding: 'utf8' })) as { points: CliPoint[] }).points;
}

const PROFILES: Record<string, string[]> = {
  'Periodic, random phase': ['--noise', 'periodic:100Hz:250us'],
  'Periodic, co-scheduled': ['--noise', 'periodic:100Hz:250us', '--cosched'],
  Bernoulli: ['--noise', 'bernoulli:0.001:1ms'],
  'mOS LWK FWQ (node model)': ['--noise', 'node:mos-lwk-fwq'],
};

async function scaleRegion(page: Page): Promise<Locator> {
  await openApp(page);
  const region = page.getByRole('region', { name: 'Scale' });
  await expect(region).toBeVisible();
  return region;
}

async function chooseProfiles(region: Locator, wanted: string[]): Promise<void> {
  const boxes = region.getByRole('group', { name: 'Noise profiles' }).getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const name = (await box.locator('xpath=..').textContent())!.trim();
    await box.setChecked(wanted.includes(name));
  }
}

async function tableRows(region: Locator): Promise<string[][]> {
  return region.getByRole('table', { name: 'Scale results' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

test('a small sweep streams points that equal the CLI, closed forms, growth for random phase, flat co-scheduled', async ({ page }) => {
  const problems = watchConsole(page);
  const region = await scaleRegion(page);
  await chooseProfiles(region, Object.keys(PROFILES));
  await region.getByLabel('N up to').selectOption({ label: '1,024' });
  await region.getByLabel('Iterations K').fill('20');
  await region.getByLabel('Sweep seed').fill('5');
  // Record, as the page changes, the progress values and the table size while the run is still going.
  await region.evaluate((el) => {
    const w = window as unknown as { scaleLog: { rows: number; status: string; progress: number }[] };
    w.scaleLog = [];
    const bar = el.querySelector('[role=progressbar]')!;
    const body = el.querySelector('table tbody') as HTMLTableSectionElement;
    const status = el.querySelector('[role=status]')!;
    const note = () => w.scaleLog.push({ rows: body.rows.length, status: status.textContent ?? '', progress: Number(bar.getAttribute('aria-valuenow')) });
    new MutationObserver(note).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('status')).toHaveText(/Done in/, { timeout: 30_000 });
  await expect(region.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  const log = await page.evaluate(() => (window as unknown as { scaleLog: { rows: number; status: string; progress: number }[] }).scaleLog);
  const running = log.filter((e) => e.status.startsWith('Running'));
  expect(running.some((e) => e.progress > 0 && e.progress < 100), 'the progress bar moves during the run').toBe(true);
  expect(running.some((e) => e.rows > 0 && e.rows < 44), 'rows stream in before the run is done').toBe(true);

  const rows = await tableRows(region);
  const nodes = Array.from({ length: 11 }, (_, i) => 2 ** i);
  expect(rows).toHaveLength(Object.keys(PROFILES).length * nodes.length);
  const slow: Record<string, number[]> = {};
  for (const [label, args] of Object.entries(PROFILES)) {
    const cli = scaleCli(['--nodes', nodes.join(','), '--iterations', '20', '--compute', '1ms', '--seed', '5', ...args]);
    const mine = rows.filter((r) => r[0] === label);
    expect(mine.map((r) => r.slice(1)), label).toEqual(
      cli.map((p) => [String(p.nodes), p.meanIterationNs.toFixed(1), p.noiselessIterationNs.toFixed(1), p.slowdown.toFixed(6), p.closedFormNs === undefined ? '' : p.closedFormNs.toFixed(1)]),
    );
    slow[label] = mine.map((r) => Number(r[4]));
  }
  for (const label of ['Periodic, random phase', 'Periodic, co-scheduled', 'Bernoulli']) expect(rows.filter((r) => r[0] === label).every((r) => r[5] !== '')).toBe(true);
  const random = slow['Periodic, random phase'];
  const cosched = slow['Periodic, co-scheduled'];
  expect(random[10]).toBeGreaterThan(random[0] + 0.2);
  expect(random[10]).toBeGreaterThan(random[4]);
  expect(Math.abs(cosched[10] - cosched[0])).toBeLessThan(0.05);
  // The plot has one curve per profile with a marker per point.
  await expect(region.locator('svg[role=img] g[data-series="periodic"] path')).toHaveCount(2 + 11);
  expect(problems).toEqual([]);
});

test('Cancel stops a long run; the node simulation keeps running meanwhile', async ({ page }) => {
  const problems = watchConsole(page);
  const region = await scaleRegion(page);
  await play(page);
  await chooseProfiles(region, ['Periodic, random phase', 'Exponential']);
  await region.getByLabel('N up to').selectOption({ label: '1,048,576' });
  await region.getByLabel('Iterations K').fill('50');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect.poll(async () => Number(await region.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
  const before = await eventCount(page);
  await expect.poll(() => eventCount(page), { timeout: 5000 }).toBeGreaterThan(before);
  // Click Cancel in the page and time, there, until the status says cancelled.
  const cancelMs = await region.evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        const status = el.querySelector('[role=status]')!;
        const t0 = performance.now();
        new MutationObserver(() => {
          if (/Cancelled/.test(status.textContent ?? '')) resolve(performance.now() - t0);
        }).observe(status, { childList: true, characterData: true, subtree: true });
        [...el.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click();
      }),
  );
  console.log(`scale: cancel acknowledged in ${cancelMs.toFixed(0)} ms`);
  expect(cancelMs).toBeLessThan(1500);
  await expect(region.getByRole('status')).toHaveText(/Cancelled/);
  const n = (await tableRows(region)).length;
  expect(n).toBeLessThan(42);
  await expect(region.getByRole('button', { name: 'Run' })).toBeEnabled();
  await expect(region.getByRole('status')).toHaveText(/Cancelled/);
  expect((await tableRows(region)).length).toBe(n);
  // A bad input is reported on the page, not thrown.
  await region.getByLabel('Iterations K').fill('0');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('status')).toHaveText(/Iterations must be/);
  expect(problems).toEqual([]);
});

test('the default sweep runs to the end; screenshot at 1280x720', async ({ page }) => {
  const problems = watchConsole(page);
  const region = await scaleRegion(page);
  const t0 = Date.now();
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('status')).toHaveText(/Done in/, { timeout: 45_000 });
  console.log(`scale: default sweep (N up to 16,384, 20 iterations, ${await region.getByRole('group', { name: 'Noise profiles' }).getByRole('checkbox', { checked: true }).count()} profiles) done in ${Date.now() - t0} ms; status "${await region.getByRole('status').textContent()}"`);
  await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/scale.png' });
  // Keyboard: focus the plot and step to a node count; the tooltip shows its numbers.
  const plot = region.getByRole('img', { name: /Slowdown against node count/ });
  await plot.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tooltip')).toContainText('N = 8,192 nodes');
  await page.screenshot({ path: 'test-results/screenshots/scale-hover.png' });
  expect(problems).toEqual([]);
});
