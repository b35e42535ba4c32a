import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';
import { formatClock } from '../../src/engine/kernel/time';
import { diffRows, formatDifference, formatMetric } from '../../src/app/compare/diffRows';
// The page registers every design (and the routes they add): so must this process, to list the same rows.
import '../../src/engine/designs';

const side = (page: Page, name: 'Left' | 'Right') => page.getByRole('region', { name: `${name} session` });

/** What each session shows (its pane) and what the test hook says of it, left first. */
async function panes(page: Page) {
  const read = async (pane: Locator) => ({
    preset: await pane.getByRole('combobox').first().inputValue(),
    time: await pane.getByLabel('Simulated time').textContent(),
    events: await pane.getByLabel('Event count').textContent(),
    hash: await pane.getByLabel('Trace hash').textContent(),
  });
  return [await read(side(page, 'Left')), await read(side(page, 'Right'))];
}

const hookSessions = (page: Page) => page.evaluate(() => window.mosExplorer!.sessions().map((s) => ({ id: s.id, preset: s.presetName, time: s.time, events: s.eventCount })));

/** Both sessions at one simulated time, on screen and in the hook, that stays put; returns it. */
async function sameTimeSettled(page: Page): Promise<number> {
  let time = -1;
  await expect.poll(async () => {
    const a = await hookSessions(page);
    await page.waitForTimeout(150);
    const b = await hookSessions(page);
    time = b[0].time;
    return a[0].time === b[0].time && a[1].time === b[1].time && b[0].time === b[1].time;
  }, { timeout: 15_000 }).toBe(true);
  const text = formatClock(time);
  await expect(side(page, 'Left').getByLabel('Simulated time')).toHaveText(text);
  await expect(side(page, 'Right').getByLabel('Simulated time')).toHaveText(text);
  return time;
}

/** The difference table as the user reads it: label and the three value columns. */
const tableRows = (page: Page) =>
  page.getByRole('table', { name: 'Difference table' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));

test.describe('compare mode', () => {
  test('both sessions show the same simulated time after Play, Pause and Step; the table matches their metrics', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(side(page, 'Left').getByRole('combobox', { name: 'Left preset' })).toHaveValue('mos-bsp');
    await expect(side(page, 'Right').getByRole('combobox', { name: 'Right preset' })).toHaveValue('linux-bsp');
    // The settings that differ: the preset and the design first of all.
    const settings = page.getByRole('table', { name: 'Settings that differ' });
    await expect(settings.getByRole('row', { name: /syscalls\.mechanism/ })).toContainText('native');

    await play(page);
    await page.waitForTimeout(1500);
    await pause(page);
    const t1 = await sameTimeSettled(page);
    expect(t1).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Step' }).click();
    const t2 = await sameTimeSettled(page);
    expect(t2).toBeGreaterThan(t1);
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step' }).click();
    const t3 = await sameTimeSettled(page);
    expect(t3).toBeGreaterThan(t2);

    // The difference table shows both sessions' own metrics (queried through the hook) at that time.
    const expected = async () => {
      const [ml, mr] = await page.evaluate(() => Promise.all(window.mosExplorer!.sessions().map((s) => s.metrics())));
      const rows = [['simulated time', formatClock(t3), formatClock(t3), 'same']];
      for (const r of diffRows()) {
        const a = r.get(ml), b = r.get(mr);
        if (a !== undefined || b !== undefined) rows.push([r.label, formatMetric(r.kind, a), formatMetric(r.kind, b), formatDifference(r.kind, a, b)]);
      }
      return rows;
    };
    await expect.poll(async () => JSON.stringify(await tableRows(page))).toBe(JSON.stringify(await expected()));
    const shown = await tableRows(page);
    expect(shown.map((r) => r[0])).toEqual(expect.arrayContaining(['BSP iterations', 'Linux: latency p99', 'IPIs received (all kinds)', 'page faults', 'Linux CPU use']));
    expect(problems).toEqual([]);
  });

  test('Swap exchanges the sides and Exit returns to the single page with the left session, both keeping their state', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(side(page, 'Right')).toBeVisible();
    await play(page);
    await page.waitForTimeout(1000);
    await pause(page);
    await sameTimeSettled(page);
    const [left, right] = await panes(page);
    const ids = (await hookSessions(page)).map((s) => s.id);

    await page.getByRole('button', { name: 'Swap sides' }).click();
    await expect(side(page, 'Left').getByRole('combobox', { name: 'Left preset' })).toHaveValue(right.preset);
    expect(await panes(page)).toEqual([right, left]);
    expect((await hookSessions(page)).map((s) => s.id)).toEqual([...ids].reverse());
    const header = page.getByRole('table', { name: 'Difference table' }).locator('thead th');
    await expect(header.nth(1)).toContainText('Linux: BSP mini-app');

    await page.getByRole('button', { name: 'Exit compare' }).click();
    await expect(side(page, 'Right')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue(right.preset);
    await expect(page.getByLabel('Simulated time')).toHaveText(right.time!);
    await expect(page.getByLabel('Event count')).toHaveText(right.events!);
    await expect(page.getByLabel('Trace hash')).toHaveText(right.hash!);
    expect((await hookSessions(page)).map((s) => s.id)).toEqual([ids[1]]);
    // The single page goes on from there.
    await play(page);
    await expect(page.getByLabel('Simulated time')).not.toHaveText(right.time!);
    expect(problems).toEqual([]);
  });

  test('keyboard: C opens and closes compare mode, S steps both, X swaps, the view chooser and ? work', async ({ page }) => {
    await openApp(page);
    // Space straight after C: the new side may still be starting; both must run together.
    await page.keyboard.press('c');
    await expect(side(page, 'Right')).toBeVisible();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(async () => Math.min(...(await hookSessions(page)).map((s) => s.time)), { timeout: 15_000 }).toBeGreaterThan(500_000);
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await sameTimeSettled(page);
    await page.keyboard.press('s');
    const t = await sameTimeSettled(page);
    await page.keyboard.press('s');
    expect(await sameTimeSettled(page)).toBeGreaterThan(t);

    const chooser = page.getByRole('group', { name: 'View shown on both sides' });
    await chooser.getByRole('button', { name: 'Core partitions' }).focus();
    await page.keyboard.press('Tab');
    await expect(chooser.getByRole('button', { name: 'Channels' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(chooser.getByRole('button', { name: 'Channels' })).toHaveAttribute('aria-pressed', 'true');
    await expect(side(page, 'Left').getByRole('region', { name: 'Channels' })).toBeVisible();
    await expect(side(page, 'Right').getByRole('region', { name: 'Channels' })).toBeVisible();
    for (const view of ['Syscall triage', 'Metrics']) {
      await chooser.getByRole('button', { name: view }).click();
      await expect(side(page, 'Left').getByRole('region', { name: view })).toBeVisible();
      await expect(side(page, 'Right').getByRole('region', { name: view })).toBeVisible();
    }

    const before = await panes(page);
    await page.locator('body').focus();
    await page.keyboard.press('x');
    expect(await panes(page)).toEqual([before[1], before[0]]);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog.getByRole('cell', { name: /^Compare two designs/ })).toBeVisible();
    await expect(dialog.getByRole('cell', { name: /^Swap sides/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.keyboard.press('c');
    await expect(side(page, 'Right')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue(before[1].preset);
  });

  test('one preset with two settings: a change on one side is listed, and that side catches up with the shared time', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const right = side(page, 'Right');
    await right.getByRole('combobox', { name: 'Right preset' }).selectOption('mos-bsp');
    await expect(page.getByRole('region', { name: 'Settings that differ' })).toContainText('None');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
    await play(page);
    await page.waitForTimeout(800);
    await pause(page);
    const t = await sameTimeSettled(page);
    // The same configuration and seed: the same run, step for step.
    const [l, r] = await panes(page);
    expect(r.hash).toBe(l.hash);

    await page.getByRole('group', { name: 'View shown on both sides' }).getByRole('button', { name: 'Configuration' }).click();
    const config = right.getByRole('region', { name: 'Configuration' });
    await config.getByRole('spinbutton', { name: 'Linux tick (HZ)' }).fill('250');
    await config.getByRole('button', { name: 'Apply' }).click();
    await expect(right.getByRole('status', { name: 'Notice' })).toContainText('restarted');
    await expect(page.getByRole('table', { name: 'Settings that differ' }).getByRole('row', { name: /linux\.hz/ })).toContainText('250');
    // The restarted side runs again from zero up to the shared clock; the left one waits there.
    expect(await sameTimeSettled(page)).toBe(t);
    const [l2, r2] = await panes(page);
    expect(l2.hash).toBe(l.hash);
    expect(r2.hash).not.toBe(l2.hash);
  });
});
