// Issue 15, item 4: FWQ noise per CPU on one fixed, labelled log scale across presets, CPU numbers on the axis.
import { expect, test } from '@playwright/test';
import { openApp, pause, play } from './helpers';
import { drawnTexts, RECORD_CANVAS_TEXT } from './support/canvasText';

test('untuned Linux and the LWK are drawn on the same FWQ axis, with CPU numbers', async ({ page }) => {
  await page.addInitScript(RECORD_CANVAS_TEXT);
  await openApp(page);
  const axes: string[][] = [];
  for (const preset of ['mos', 'linux']) {
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
    await expect(page.getByLabel('Event count')).toHaveText('0');
    // 30 ms of simulated time at once (a seek runs as fast as it can; playing in real time depends on the machine's load).
    await page.getByRole('textbox', { name: 'Go to time' }).fill('30ms');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(page.getByLabel('Simulated time')).toHaveText('0.030 000 000 s', { timeout: 30_000 });
    await play(page);
    await expect.poll(async () => Number((await page.getByRole('table', { name: 'FWQ noise per CPU' }).locator('tbody tr td:nth-child(4)').first().textContent()) ?? 0)).toBeGreaterThan(5);
    await pause(page);
    await drawnTexts(page, true);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForTimeout(500);
    const fwq = (await drawnTexts(page)).filter((t) => t.canvas.startsWith('Fixed-work-quanta noise')).map((t) => t.text);
    const ticks = [...new Set(fwq.filter((t) => /^\d+ (ns|µs|ms)$/.test(t)))];
    axes.push(ticks);
    expect(ticks).toEqual(['10 ns', '100 ns', '1 µs', '10 µs', '100 µs', '1 ms', '10 ms']);
    // CPU numbers along the bottom: the first application CPU among them.
    const app = await page.getByRole('table', { name: 'FWQ noise per CPU' }).locator('tbody tr td:first-child').allTextContents();
    expect(fwq).toContain(app[0]);
    expect(fwq.some((t) => t.includes('log scale'))).toBe(true);
    await page.getByRole('region', { name: 'Metrics' }).screenshot({ path: `test-results/screenshots/fwq-${preset}.png` });
  }
  expect(axes[0]).toEqual(axes[1]);
});
