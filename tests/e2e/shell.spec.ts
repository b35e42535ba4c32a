import { expect, test } from '@playwright/test';
import { cli, eventCount, openApp, pause, play, watchConsole } from './helpers';
import { formatClock } from '../../src/engine/kernel/time';

test.describe('app shell', () => {
  test('Play advances simulated time; after Pause it stays put', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const clock = page.getByLabel('Simulated time');
    const before = await clock.textContent();
    await play(page);
    await expect(clock).not.toHaveText(before!);
    await pause(page);
    // The frame that follows the acknowledged pause is final: wait until the text is stable, then watch it.
    await expect.poll(async () => {
      const a = await clock.textContent();
      await page.waitForTimeout(150);
      return a === (await clock.textContent());
    }).toBe(true);
    const paused = await clock.textContent();
    await page.waitForTimeout(500);
    await expect(clock).toHaveText(paused!);
    expect(problems).toEqual([]);
  });

  test('Step adds exactly one event and shows what the CLI reports for the same run', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const steps = 25;
    for (let i = 1; i <= steps; i++) {
      await page.getByRole('button', { name: 'Step' }).click();
      await expect(page.getByLabel('Event count')).toHaveText(String(i));
    }
    const preset = await page.getByRole('combobox', { name: 'Preset' }).inputValue();
    const run = cli(['run', '--preset', preset, '--seed', '1', '--events', String(steps)]);
    expect(run.eventCount).toBe(steps);
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(run.lastEvent!.time));
    await expect(page.getByLabel('Last event')).toHaveText(run.lastEvent!.description);
    await expect(page.getByLabel('Trace hash')).toHaveText(run.traceHash);
    expect(problems).toEqual([]);
  });

  test('the worker and the CLI agree on the trace hash after a longer run, on every preset', async ({ page }) => {
    await openApp(page);
    for (const preset of ['linux', 'mos', 'mckernel']) {
      await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
      await expect(page.getByLabel('Event count')).toHaveText('0');
      const steps = 300;
      for (let i = 0; i < steps; i++) await page.keyboard.press('s', { delay: 0 });
      await expect(page.getByLabel('Event count')).toHaveText(String(steps));
      await expect(page.getByLabel('Trace hash')).toHaveText(cli(['run', '--preset', preset, '--seed', '1', '--events', String(steps)]).traceHash);
    }
  });

  test('Reset returns to time zero', async ({ page }) => {
    await openApp(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByLabel('Event count')).toHaveText('3');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByLabel('Event count')).toHaveText('0');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(0));
  });

  test('keyboard: shortcuts work, "?" lists every action, typing in a field fires nothing', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const name of ['Play / Pause', 'Step', 'Reset', 'Faster', 'Slower']) await expect(dialog.getByRole('cell', { name, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.keyboard.press('s');
    await expect(page.getByLabel('Event count')).toHaveText('1');
    const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
    await seed.click();
    await page.keyboard.type('s r ');
    await page.waitForTimeout(200);
    await expect(page.getByLabel('Event count')).toHaveText('1');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });

  test('an invalid seed is explained next to the field and the run continues', async ({ page }) => {
    await openApp(page);
    await play(page);
    const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
    await seed.fill('abc');
    await seed.press('Enter');
    await expect(page.getByRole('alert')).toContainText('not a whole number');
    await seed.blur();
    const n = await eventCount(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(n);
  });

  test('the Speed slider is logarithmic and keyboard operable', async ({ page }) => {
    await openApp(page);
    const slider = page.getByRole('slider', { name: 'Speed' });
    const before = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuetext', /10 s\/s/);
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuetext', /1 µs\/s/);
    expect(before).toMatch(/\/s/);
  });

  test('settings persist across reloads', async ({ page }) => {
    await openApp(page);
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('linux-tuned');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('linux-tuned');
  });

  test('a worker crash is reported with an offer to restart, which works', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.mosExplorer!.crashWorkerForTest());
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('stopped with an error');
    await alert.getByRole('button', { name: 'Restart simulation' }).click();
    await expect(alert).toBeHidden();
    await play(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(0);
  });

  test('a worker silent for 3 s while playing is reported, and the restart works', async ({ page }) => {
    await openApp(page);
    await play(page);
    await page.evaluate(() => window.mosExplorer!.hangWorkerForTest(4500));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('has not answered for 3 seconds', { timeout: 8000 });
    await alert.getByRole('button', { name: 'Restart simulation' }).click();
    await play(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(0);
  });

  test('the run pauses while the page is hidden and resumes when shown', async ({ page }) => {
    await openApp(page);
    await play(page);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await setHidden(false);
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  });
});

test('after a run fails under newly applied settings, the page offers the previous settings back', async ({ page }) => {
  await openApp(page);
  const panel = page.getByRole('region', { name: 'Configuration' });
  const hz = panel.getByRole('spinbutton', { name: 'Linux tick (HZ)' });
  await hz.fill('250');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status', { name: 'Notice' })).toContainText('applied');
  await page.evaluate(() => window.mosExplorer!.crashWorkerForTest());
  const alert = page.getByRole('alert');
  await alert.getByRole('button', { name: 'Restore the previous settings' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('status', { name: 'Notice' })).toContainText('previous settings are restored');
  await expect(hz).toHaveValue('1000');
});
