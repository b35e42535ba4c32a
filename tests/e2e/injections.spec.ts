import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cli, openApp, watchConsole } from './helpers';
import { formatClock, MS } from '../../src/engine/kernel/time';

async function goTo(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Go to time' }).fill(text);
  await page.getByRole('button', { name: 'Go', exact: true }).click();
}

/** The CLI's trace hash for mos-bsp to `until` with the page's command log (none: without). */
function cliHash(until: string, log: unknown[] | null, seed = 1): string {
  const args = ['run', '--preset', 'mos-bsp', '--seed', String(seed), '--until', until];
  if (log) {
    const file = join(mkdtempSync(join(tmpdir(), 'mosx-')), 'commands.json');
    writeFileSync(file, JSON.stringify(log));
    args.push('--commands', file);
  }
  return cli(args).traceHash;
}

const commandLog = (page: Page) => page.evaluate(() => window.mosExplorer!.commandLog() as unknown[]);

test.describe('injections', () => {
  test('an interrupt burst on a CPU is listed, changes the run exactly as run --commands does, and removing it forks', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await goTo(page, '5ms');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(5 * MS));
    // Inspect a CPU in Core partitions (focus the grid, arrow key) and inject there.
    const canvas = page.getByRole('img', { name: /CPU tiles/ });
    await canvas.focus();
    await canvas.press('ArrowRight');
    const inject = page.getByRole('group', { name: /^Inject on CPU \d+$/ });
    const cpu = (await inject.getAttribute('aria-label'))!.match(/\d+/)![0];
    await inject.getByRole('button', { name: 'Interrupt burst' }).click();
    const panel = page.getByRole('region', { name: 'Injections' });
    const items = panel.getByRole('list', { name: 'Injection log' }).getByRole('listitem');
    await expect(items.filter({ hasText: `device interrupts` })).toContainText(`on CPU ${cpu}`);
    await expect(items.first()).toContainText('5.000 ms');

    // A channel held full, from Channels, a little later.
    await goTo(page, '7ms');
    await page.getByRole('region', { name: 'Channels' }).getByRole('group', { name: /^Channel 0/ }).getByRole('button', { name: 'Make full' }).click();
    await expect(items).toHaveCount(2);

    await goTo(page, '12ms');
    const log = await commandLog(page);
    expect(log).toHaveLength(2);
    const withInjections = cliHash('12ms', log);
    await expect(page.getByLabel('Trace hash')).toHaveText(withInjections);
    expect(withInjections).not.toBe(cliHash('12ms', null));

    // Back and forth over the injections: the same states.
    await goTo(page, '6ms');
    await expect(page.getByLabel('Trace hash')).toHaveText(cliHash('6ms', log));
    await goTo(page, '12ms');
    await expect(page.getByLabel('Trace hash')).toHaveText(withInjections);

    // Removing the first forks from just before it: both are gone and the run is the plain one.
    await panel.getByRole('button', { name: 'Remove injection 1' }).click();
    await expect(items).toHaveCount(0);
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(5 * MS));
    await goTo(page, '12ms');
    await expect(page.getByLabel('Trace hash')).toHaveText(cliHash('12ms', null));
    expect(problems).toEqual([]);
  });

  test('a signal from the process list; an injection in the past forks away the later ones', async ({ page }) => {
    await openApp(page);
    await goTo(page, '3ms');
    const panel = page.getByRole('region', { name: 'Injections' });
    const items = panel.getByRole('list', { name: 'Injection log' }).getByRole('listitem');
    await panel.getByRole('group', { name: 'Process 1001' }).getByRole('button', { name: 'Signal' }).click();
    await goTo(page, '8ms');
    await panel.getByRole('group', { name: 'Process 1000' }).getByRole('button', { name: 'Syscall storm' }).click();
    await expect(items).toHaveCount(2);
    await goTo(page, '4ms');
    await panel.getByRole('group', { name: 'Process 1002' }).getByRole('button', { name: 'Stall proxies' }).click();
    await expect(items).toHaveCount(2);
    await expect(items.nth(1)).toContainText('the proxies of process 1002');
    await goTo(page, '9ms');
    await expect(page.getByLabel('Trace hash')).toHaveText(cliHash('9ms', await commandLog(page)));
  });

  test('a new seed keeps the injections, at their simulated times', async ({ page }) => {
    await openApp(page);
    await goTo(page, '3ms');
    const panel = page.getByRole('region', { name: 'Injections' });
    const items = panel.getByRole('list', { name: 'Injection log' }).getByRole('listitem');
    await panel.getByRole('group', { name: 'Process 1003' }).getByRole('button', { name: 'Syscall storm' }).click();
    await expect(items).toHaveCount(1);
    const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
    await seed.fill('2');
    await seed.press('Enter');
    await expect(page.getByLabel('Event count')).toHaveText('0');
    await expect(items).toHaveCount(1);
    const log = await commandLog(page);
    expect(log).toEqual([expect.objectContaining({ time: 3 * MS, atEvent: 0 })]);
    await goTo(page, '6ms');
    await expect(page.getByLabel('Trace hash')).toHaveText(cliHash('6ms', log, 2));
    expect(cliHash('6ms', log, 2)).not.toBe(cliHash('6ms', null, 2));
  });

  test('a cost changed in the Configuration panel mid-run forks the run at the present; a boot setting restarts it', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await goTo(page, '5ms');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(5 * MS));
    const before = (await page.getByLabel('Trace hash').textContent())!;
    const config = page.getByRole('region', { name: 'Configuration' });
    await config.locator('summary', { hasText: 'Advanced costs' }).click();
    const ipi = config.getByRole('spinbutton', { name: 'IPI latency (one way)' });
    await ipi.fill('50000');
    await expect(config).toContainText('Apply changes these costs from the present moment on (the run so far stays)');
    await config.getByRole('button', { name: 'Apply' }).click();
    const notice = page.getByRole('status', { name: 'Notice' });
    await expect(notice).toContainText(`Changed at ${formatClock(5 * MS)}: IPI latency (one way). The run up to then stays`);
    // Not restarted: the same moment, the same run so far; the change is listed with the injections.
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(5 * MS));
    await expect(page.getByLabel('Trace hash')).toHaveText(before);
    const items = page.getByRole('region', { name: 'Injections' }).getByRole('list', { name: 'Injection log' }).getByRole('listitem');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('setting syscalls.costs.ipiNs changed to 50.00 µs');
    await expect(page.getByRole('combobox', { name: 'Preset' }).locator('option:checked')).toHaveText(/^Custom settings/);
    // The form shows the setting in force.
    await expect(ipi).toHaveValue('50000');

    // Later, the run is the CLI's with the same command at 5 ms, and not the unchanged one.
    await goTo(page, '9ms');
    const log = await commandLog(page);
    expect(log).toHaveLength(1);
    const changed = cliHash('9ms', log);
    await expect(page.getByLabel('Trace hash')).toHaveText(changed);
    expect(changed).not.toBe(cliHash('9ms', null));
    // Before the change, the run is the unchanged one, and the panel shows the value in force then.
    await goTo(page, '4ms');
    await expect(page.getByLabel('Trace hash')).toHaveText(cliHash('4ms', null));
    await expect(ipi).toHaveValue('1000');
    await goTo(page, '9ms');
    await expect(ipi).toHaveValue('50000');

    // A boot setting (the tick rate) restarts from time zero, the live change folded into the new configuration.
    const hz = config.getByRole('spinbutton', { name: 'Linux tick (HZ)' });
    await hz.fill('250');
    await expect(config).toContainText('Linux tick (HZ) is fixed at boot, so Apply restarts the run from time zero');
    await config.getByRole('button', { name: 'Apply' }).click();
    await expect(notice).toContainText('Linux tick (HZ) is fixed when the node boots, so the simulation restarted from time zero');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(0));
    await expect(items).toHaveCount(0);
    await expect(ipi).toHaveValue('50000');
    await expect(hz).toHaveValue('250');
    // Both persist: a reload starts with the settings chosen last.
    await page.reload();
    await config.locator('summary', { hasText: 'Advanced costs' }).click();
    await expect(ipi).toHaveValue('50000');
    await expect(hz).toHaveValue('250');
    expect(problems).toEqual([]);
  });
});
