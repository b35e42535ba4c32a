// Issue 15, item 3: a design chosen in the panel brings its own defaults, the Channels caption is
// built from the configuration that runs, and the header says the settings are custom.
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

async function channelsAfterSteps(page: Page, steps: number): Promise<{ caption: string; coalescing: string }> {
  for (let i = 0; i < steps; i++) await page.keyboard.press('s');
  await expect(page.getByLabel('Event count')).toHaveText(steps.toLocaleString('en-US'));
  const r = page.getByRole('region', { name: 'Channels' });
  await page.waitForTimeout(300);
  return {
    caption: (await r.getByLabel('How this configuration ships calls').textContent()) ?? '',
    coalescing: (await r.getByLabel('Coalescing').textContent()) ?? '',
  };
}

test('choosing McKernel-style in the panel changes the caption and the coalescing as the preset does; the header says custom', async ({ page }) => {
  await openApp(page);
  const presetSelect = page.getByRole('combobox', { name: 'Preset' });
  await presetSelect.selectOption('mos-bsp');
  await expect(page.getByLabel('Event count')).toHaveText('0');
  const paper = await channelsAfterSteps(page, 800);
  // get_list, drawn in the handler's box, is explained in the legend.
  await expect(page.getByRole('region', { name: 'Channels' }).getByRole('list', { name: 'Legend' })).toContainText('get_list ×N: the IPI handler took N messages');
  expect(paper.caption).toContain('a doorbell IPI only when a channel turns non-empty');

  const panel = page.getByRole('region', { name: 'Configuration' });
  await panel.getByRole('combobox', { name: 'Design' }).selectOption('mckernel');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByLabel('Event count')).toHaveText('0');
  await expect(presetSelect.locator('option:checked')).toHaveText(/^Custom settings \(from mOS: BSP mini-app/);
  const chosen = await channelsAfterSteps(page, 800);
  expect(chosen.caption).toContain('an IPI per message');
  expect(chosen.coalescing).not.toBe(paper.coalescing);

  await presetSelect.selectOption('mckernel');
  await expect(page.getByLabel('Event count')).toHaveText('0');
  await expect(presetSelect.locator('option:checked')).not.toHaveText(/Custom/);
  const preset = await channelsAfterSteps(page, 800);
  expect(chosen).toEqual(preset);
  // One IPI per message: the coalescing ratio is exactly 1.
  expect(preset.coalescing).toMatch(/ 1\.00 messages per IPI/);
});
