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

  test('the link carries the open views: a lesson step (not set up again), the Timeline\'s zoom, the exercise', async ({ page, context }) => {
    const problems = watchConsole(page);
    await page.goto('/#lesson=shipping&step=2');
    const lesson = page.getByRole('complementary', { name: 'Lesson' });
    await expect(lesson).toContainText('step 2 of 3');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(30 * MS));
    // Somewhere else than the step's own time: the link must keep this, not the step's 30 ms.
    await goTo(page, '12ms');
    await expect(page.getByLabel('Simulated time')).toHaveText(formatClock(12 * MS));
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Zoom in' }).click();
    await timeline.getByRole('button', { name: 'Zoom in' }).click();
    await expect(timeline.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    // The label follows the window at most 10 times a second: read it once it has settled.
    let window = '';
    await expect.poll(async () => {
      const before = window;
      window = (await timeline.getByLabel('Window shown').textContent()) ?? '';
      return window !== '' && window === before;
    }, { intervals: [300] }).toBe(true);
    await page.getByRole('button', { name: 'Exercises' }).click();
    await expect(page.getByRole('region', { name: 'Exercises' }).getByRole('heading', { level: 3 })).toContainText('(topic ipis, seed 1)');
    const hash = (await page.getByLabel('Trace hash').textContent())!;

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this moment' });
    await expect(dialog).toContainText("the Timeline's zoom, the lesson at step 2, the exercise (ipis, seed 1)");
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();

    const other = await context.newPage();
    const otherProblems = watchConsole(other);
    await other.goto(link);
    await expect(other.getByRole('complementary', { name: 'Lesson' })).toContainText('step 2 of 3');
    await expect(other.getByLabel('Simulated time')).toHaveText(formatClock(12 * MS));
    await expect(other.getByLabel('Trace hash')).toHaveText(hash);
    const otherTimeline = other.getByRole('region', { name: 'Timeline' });
    await otherTimeline.scrollIntoViewIfNeeded(); // the lanes (and their window label) are drawn while on screen
    await expect(otherTimeline.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
    await expect(otherTimeline.getByLabel('Window shown')).toHaveText(window);
    await expect(other.getByRole('region', { name: 'Exercises' }).getByRole('heading', { level: 3 })).toContainText('(topic ipis, seed 1)');
    // Moving on in the lesson leaves the shared state behind: the address then names the lesson alone.
    await other.getByRole('complementary', { name: 'Lesson' }).getByRole('button', { name: 'Next' }).click();
    await expect(other.getByRole('complementary', { name: 'Lesson' })).toContainText('step 3 of 3');
    expect(new URL(other.url()).hash).toBe('#lesson=shipping&step=3');
    expect([...problems, ...otherProblems]).toEqual([]);
  });

  test('the link carries compare mode: the other side\'s preset and the view both panes show', async ({ page, context }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await goTo(page, '3ms');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const right = page.getByRole('region', { name: 'Right session' });
    await right.getByRole('combobox', { name: 'Right preset' }).selectOption('mckernel');
    const chooser = page.getByRole('group', { name: 'View shown on both sides' });
    await chooser.getByRole('button', { name: 'Channels' }).click();
    await expect(chooser.getByRole('button', { name: 'Channels' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this moment' });
    await expect(dialog).toContainText('compare mode (against mckernel)');
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();

    const other = await context.newPage();
    const otherProblems = watchConsole(other);
    await other.goto(link);
    await expect(other.getByRole('region', { name: 'Left session' }).getByRole('combobox', { name: 'Left preset' })).toHaveValue('mos-bsp');
    await expect(other.getByRole('region', { name: 'Right session' }).getByRole('combobox', { name: 'Right preset' })).toHaveValue('mckernel');
    await expect(other.getByRole('group', { name: 'View shown on both sides' }).getByRole('button', { name: 'Channels' })).toHaveAttribute('aria-pressed', 'true');
    // Both sides at the link's time, the left one exactly the sender's run.
    for (const name of ['Left session', 'Right session']) await expect(other.getByRole('region', { name }).getByLabel('Simulated time')).toHaveText(formatClock(3 * MS));
    await expect(other.getByRole('region', { name: 'Left session' }).getByLabel('Trace hash')).toHaveText((await page.getByRole('region', { name: 'Left session' }).getByLabel('Trace hash').textContent())!);
    await expect(other.getByRole('region', { name: 'Right session' }).getByLabel('Trace hash')).toHaveText((await right.getByLabel('Trace hash').textContent())!);
    expect([...problems, ...otherProblems]).toEqual([]);
  });

  test('the link carries presenter mode and its view (Share is on the presenter\'s bar)', async ({ page, context }) => {
    const problems = watchConsole(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await page.locator('body').press('PageDown');
    await page.locator('body').press('PageDown');
    const position = (await page.locator('.presenter-position').textContent())!;
    expect(position).toMatch(/^View 3 of \d+$/);
    await page.getByRole('group', { name: 'Presenter controls' }).getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this moment' });
    await expect(dialog).toContainText('presenter mode');
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.locator('.presenter-position')).toHaveText(position);
    expect(problems).toEqual([]);
  });

  test('an exercise\'s or a lesson\'s link is not taken for a broken shared state', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/#exercise=ipis&seed=3');
    await expect(page.getByRole('region', { name: 'Exercises' }).getByRole('heading', { level: 3 })).toContainText('(topic ipis, seed 3)');
    await expect(page.getByLabel('Event count')).toHaveText(/\d/);
    await expect(page.getByText(/could not be opened/)).toHaveCount(0);
    expect(problems).toEqual([]);
  });
});
