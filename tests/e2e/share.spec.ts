import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, watchConsole } from './helpers';
import { formatClock, MS } from '../../src/engine/kernel/time';

async function goTo(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Go to time' }).fill(text);
  await page.getByRole('button', { name: 'Go', exact: true }).click();
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

async function makeMoment(page: Page): Promise<string> {
  await openApp(page);
  await goTo(page, '4ms');
  await page.getByRole('region', { name: 'Injections' }).getByRole('group', { name: 'Process 1001' }).getByRole('button', { name: 'Syscall storm' }).click();
  await expect(page.getByRole('list', { name: 'Injection log' }).getByRole('listitem')).toHaveCount(1);
  await goTo(page, '9ms');
  await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(9 * MS));
  return (await page.getByLabel('Trace hash').textContent())!;
}

test.describe('share', () => {
  test('a shared link opens the same moment: same clock, trace hash and injections', async ({ page, context }) => {
    const problems = watchConsole(page);
    const hash = await makeMoment(page);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this moment' });
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
    expect(link).toMatch(/#mosx=[A-Za-z0-9_-]+$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    const other = await context.newPage();
    const otherProblems = watchConsole(other);
    await other.goto(link);
    await expect(other.getByLabel('Simulated time')).toHaveText(formatClock(9 * MS));
    await expect(other.getByLabel('Trace hash')).toHaveText(hash);
    await expect(other.getByRole('list', { name: 'Injection log' }).getByRole('listitem')).toContainText('200 getppid calls from process 1001');
    expect([...problems, ...otherProblems]).toEqual([]);
  });

  test('the same state saved as a .mosx.json file opens again exactly', async ({ page }) => {
    const hash = await makeMoment(page);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this moment' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save as file' }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toMatch(/\.mosx\.json$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Somewhere else entirely, then open the file.
    await page.getByRole('button', { name: 'Reset' }).click();
    await goTo(page, '2ms');
    await expect(page.getByLabel('Trace hash')).not.toHaveText(hash);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByLabel('State file to open').setInputFiles({ name: 'moment.mosx.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(9 * MS));
    await expect(page.getByLabel('Trace hash')).toHaveText(hash);
  });

  test('a broken or hostile link says what is wrong and starts the default run', async ({ page }) => {
    const problems = watchConsole(page);
    const good = { format: 'mos-explorer-state', version: 1, preset: 'mos-bsp', seed: 1, edits: {}, commands: [], time: 0 };
    const cases: [string, RegExp][] = [
      ['#mosx=' + b64('{"format": "mos-explorer-state",'), /not JSON/],
      ['#mosx=' + b64(JSON.stringify({ ...good, launch: 'now' })), /unknown key "launch"/],
      ['#mosx=' + b64(JSON.stringify({ ...good, commands: Array.from({ length: 20_000 }, (_, i) => ({ time: i, command: { type: 'signal', pid: 1000 } })) })), /a link may carry: share the state as a \.mosx\.json file instead/],
      ['#mosx=javascript:alert(document.cookie)', /not readable: after #mosx= it must be base64url/],
      ['#javascript:alert(1)', /not a mos-explorer state/],
    ];
    for (const [fragment, message] of cases) {
      await page.goto('about:blank');
      await page.goto('/' + fragment);
      await expect(page.getByRole('status', { name: 'Notice' })).toContainText(message);
      await expect(page.getByRole('status', { name: 'Notice' })).toContainText('could not be opened, so the default run is shown');
      // The default run is there and runs.
      await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('mos-bsp');
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(page.getByLabel('Event count')).toHaveText('1');
    }
    expect(problems).toEqual([]);
  });
});
