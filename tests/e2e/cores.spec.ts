import { expect, test } from '@playwright/test';
import { openApp, pause, play } from './helpers';
import { drawnTexts, RECORD_CANVAS_TEXT } from './support/canvasText';

test.describe('Core partitions', () => {
  test('the hidden table carries the running simulation, equal to the worker numbers', async ({ page }) => {
    await openApp(page);
    await play(page);
    await expect.poll(async () => Number((await page.getByLabel('Event count').textContent())!.replace(/,/g, ''))).toBeGreaterThan(3000);
    await pause(page);
    const table = page.getByRole('table', { name: 'CPUs and what they run' });
    await expect(table.locator('tbody tr')).toHaveCount(64);
    // The table is refreshed right after the pause; compare it with the worker's own metrics.
    await expect.poll(async () => {
      type Group = { interrupts: Record<string, number>; idleInterrupts: Record<string, number> };
      const metrics = (await page.evaluate(() => window.mosExplorer!.metrics())) as { noise: { lwk: Group; linux: Group } };
      // A tile counts every interruption: of a busy CPU (noise) and of an idle one.
      const total = (g: Group) => [...Object.values(g.interrupts), ...Object.values(g.idleInterrupts)].reduce((a, b) => a + b, 0);
      const expected = total(metrics.noise.lwk) + total(metrics.noise.linux);
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const shown = rows.reduce((a, r) => a + Number(r[4]), 0);
      return shown === expected && expected > 0;
    }).toBe(true);
    const activities = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(activities.some((a) => a === 'application' || a === 'polling' || a === 'system call')).toBe(true);
  });

  test('click a CPU to inspect it, arrow keys move the inspection, hover shows exact numbers', async ({ page }) => {
    await openApp(page);
    for (let i = 0; i < 400; i++) await page.keyboard.press('s');
    const canvas = page.getByRole('img', { name: /CPU tiles/ });
    const box = (await canvas.boundingBox())!;
    // The second group (LWK CPUs) starts below the Linux CPUs: click the first tile of its last row
    // (right of the socket labels).
    await canvas.click({ position: { x: 45, y: box.height - 30 } });
    const details = page.getByRole('group', { name: /CPU \d+ details/ });
    await expect(details).toContainText('LWK');
    const name = await details.getAttribute('aria-label');
    await canvas.press('ArrowRight');
    await expect(details).not.toHaveAttribute('aria-label', name!);
    await canvas.hover({ position: { x: 45, y: 45 } });
    await expect(page.getByRole('tooltip')).toContainText('CPU');
    await page.getByRole('region', { name: 'Core partitions' }).getByRole('button', { name: 'Clear selection' }).click();
    await expect(details).toBeHidden();
  });

  test('screenshot at 1280x720', async ({ page }) => {
    await openApp(page);
    await play(page);
    await expect.poll(async () => Number((await page.getByLabel('Event count').textContent())!.replace(/,/g, ''))).toBeGreaterThan(2000);
    await page.getByRole('region', { name: 'Core partitions' }).screenshot({ path: 'test-results/screenshots/core-partitions.png' });
  });
});

test.describe('enclaves (Hobbes)', () => {
  test('Core partitions and Memory regions draw and list the enclaves of hobbes, none for mos', async ({ page }) => {
    await page.addInitScript(RECORD_CANVAS_TEXT);
    await openApp(page);
    const cores = page.getByRole('region', { name: 'Core partitions' });
    const memory = page.getByRole('region', { name: 'Memory regions' });
    const coreTable = page.getByRole('table', { name: 'CPUs and what they run' });
    const memTable = page.getByRole('table', { name: 'Memory per NUMA domain' });
    for (const preset of ['hobbes', 'mos']) {
      await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
      await expect(page.getByLabel('Event count')).toHaveText('0');
      await drawnTexts(page, true);
      for (let i = 0; i < 50; i++) await page.keyboard.press('s');
      await expect(coreTable.locator('tbody tr')).toHaveCount(64);
      await page.waitForTimeout(1200);
      await page.getByRole('button', { name: 'Step' }).click();
      await expect(memTable.locator('tbody tr').first()).toBeAttached();
      const enclaveCells = await coreTable.locator('tbody tr td:nth-child(8)').allTextContents();
      const memEnclaves = await memTable.locator('tbody tr td:last-child').allTextContents();
      const drawn = (await drawnTexts(page)).map((t) => t.text);
      if (preset === 'hobbes') {
        expect(new Set(enclaveCells)).toEqual(new Set(['simulation: Pisces co-kernel (Kitten)', 'analytics: Linux host']));
        await expect(cores).toContainText('Dashed outlines are the design\'s enclaves');
        expect(drawn).toContain('Enclave: simulation: Pisces co-kernel (Kitten)');
        expect(drawn).toContain('Enclave: analytics: Linux host');
        expect(drawn.some((t) => t.startsWith('enclave simulation: Pisces co-kernel (Kitten): 88 GiB'))).toBe(true);
        expect(memEnclaves[0]).toMatch(/^simulation: Pisces co-kernel \(Kitten\): \d+; analytics: Linux host: \d+$/);
        await cores.screenshot({ path: 'test-results/screenshots/core-partitions-hobbes.png' });
        await memory.screenshot({ path: 'test-results/screenshots/memory-hobbes.png' });
      } else {
        expect(enclaveCells.every((c) => c === '')).toBe(true);
        await expect(cores).not.toContainText('enclaves');
        expect(drawn.some((t) => /enclave/i.test(t))).toBe(false);
        expect(memEnclaves.every((c) => c === '')).toBe(true);
      }
    }
  });
});
