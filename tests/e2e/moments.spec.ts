import { expect, test, type Page } from '@playwright/test';
import { openApp, watchConsole } from './helpers';

const notice = (page: Page) => page.getByRole('status', { name: 'Notice' });

/** The simulated time a "Stopped just before ... (at T)" notice names. */
async function stoppedAt(page: Page): Promise<string> {
  await expect(notice(page)).toContainText('Stopped just before');
  return /\(at ([^)]+)\)\./.exec((await notice(page).textContent()) ?? '')![1];
}

test.describe('find the moment', () => {
  test('each moment stops the run just before its event: the next Step is at its time (reduced motion: no slow motion)', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems = watchConsole(page);
    await openApp(page);
    const bar = page.getByRole('group', { name: 'Find the moment' });
    for (const label of ['Next syscall burst', 'Next doorbell IPI', 'Next skipped IPI', 'Next checkpoint']) {
      await bar.getByRole('button', { name: label }).click();
      const at = await stoppedAt(page);
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(page.getByLabel('Simulated time')).toHaveText(at);
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
    }
    // Keys: 2 is the doorbell; a remote's F5 runs the last moment again, later.
    await page.keyboard.press('2');
    const first = await stoppedAt(page);
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await page.keyboard.press('F5');
    const again = await stoppedAt(page);
    expect(again).not.toBe(first);
    await expect(notice(page)).toContainText('doorbell');
    expect(problems).toEqual([]);
  });

  test('Next call narrows to the typed name; a bad name is named; slow motion plays and Pause takes over', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const bar = page.getByRole('group', { name: 'Find the moment' });
    await bar.getByLabel('call name').fill('nosuchcall');
    await bar.getByRole('button', { name: 'Next call' }).click();
    await expect(notice(page)).toContainText('"nosuchcall" is not an x86_64 system call name');
    await bar.getByLabel('call name').fill('write');
    await bar.getByRole('button', { name: 'Next call' }).click();
    await expect(notice(page)).toContainText('Stopped just before');
    await expect(notice(page)).toContainText('write');
    // Slow motion: the run plays at once, the speed slider keeps the user's choice.
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect(page.getByLabel('Speed', { exact: true })).toHaveAttribute('aria-valuetext', /1 ms\/s/);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
