import { expect, test, type Page } from '@playwright/test';
import { cli, openApp, watchConsole } from './helpers';
import { formatClock, MS } from '../../src/engine/kernel/time';

async function goTo(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Go to time' }).fill(text);
  await page.getByRole('button', { name: 'Go', exact: true }).click();
}

async function expectCliState(page: Page, until: string, ns: number): Promise<void> {
  const run = cli(['run', '--preset', 'mos-bsp', '--seed', '1', '--until', until]);
  expect(run.time).toBe(ns);
  await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(ns));
  await expect(page.getByLabel('Trace hash')).toHaveText(run.traceHash);
  await expect(page.getByLabel('Event count')).toHaveText(run.eventCount.toLocaleString('en-US'));
}

test.describe('time travel', () => {
  test('seeking forward, back and forward again shows the state a fresh CLI run to that time has', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await goTo(page, '30ms');
    await expectCliState(page, '30ms', 30 * MS);
    await goTo(page, '1.5ms');
    await expectCliState(page, '1.5ms', 1.5 * MS);
    await goTo(page, '350us');
    await expectCliState(page, '350us', 0.35 * MS);
    await goTo(page, '22ms');
    await expectCliState(page, '22ms', 22 * MS);
    // The scrubber spans the run so far: up to the furthest time reached.
    const scrubber = page.getByRole('slider', { name: 'Scrub the run so far' });
    await expect(scrubber).toHaveAttribute('max', String(30 * MS));
    await expect(scrubber).toHaveValue(String(22 * MS));
    expect(problems).toEqual([]);
  });

  test('the scrubber seeks: moved with the keyboard, the run follows it', async ({ page }) => {
    await openApp(page);
    await goTo(page, '10ms');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(10 * MS));
    const scrubber = page.getByRole('slider', { name: 'Scrub the run so far' });
    await scrubber.focus();
    await page.keyboard.press('Home');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(0));
    await page.keyboard.press('End');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(10 * MS));
    // Arrows move by a 200th of the run, Page keys by a tenth (and do not step the run as well).
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(9.95 * MS));
    await page.keyboard.press('PageDown');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(8.95 * MS));
    await expect(page.getByLabel('Trace hash')).toHaveText(cli(['run', '--preset', 'mos-bsp', '--seed', '1', '--until', '8950us']).traceHash);
  });

  test('Step back (Shift+S, Shift+Right, Page Up) goes back one event at a time', async ({ page }) => {
    await openApp(page);
    for (let i = 0; i < 40; i++) await page.keyboard.press('s');
    await expect(page.getByLabel('Event count')).toHaveText('40');
    const keys = ['Shift+S', 'Shift+ArrowRight', 'PageUp'];
    for (let k = 0; k < keys.length; k++) {
      await page.keyboard.press(keys[k]);
      const n = 39 - k;
      await expect(page.getByLabel('Event count')).toHaveText(String(n));
      const run = cli(['run', '--preset', 'mos-bsp', '--seed', '1', '--events', String(n)]);
      await expect(page.getByLabel('Trace hash')).toHaveText(run.traceHash);
      await expect(page.getByLabel('Last event')).toHaveText(run.lastEvent!.description);
    }
    await page.getByRole('button', { name: 'Back one event' }).click();
    await expect(page.getByLabel('Event count')).toHaveText('36');
  });

  test('"Go to time" explains text it cannot read and seeks nowhere', async ({ page }) => {
    await openApp(page);
    const field = page.getByRole('textbox', { name: 'Go to time' });
    for (const [text, message] of [['12', /needs a unit/], ['soon', /not a time/], ['-3ms', /before the run started/]] as const) {
      await goTo(page, text);
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(page.getByLabel('Event count')).toHaveText('0');
    await goTo(page, '2ms');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(2 * MS));
    await expect(field).toHaveAttribute('aria-invalid', 'false');
  });
});
