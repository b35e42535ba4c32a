// Issue 15, item 11: views a preset cannot fill say why and offer a preset that fills them.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('FWQ and Linux presets explain empty Channels and Syscall triage; the button switches to a preset that fills them', async ({ page }) => {
  await openApp(page);
  const preset = page.getByRole('combobox', { name: 'Preset' });
  const channels = page.getByRole('region', { name: 'Channels' });
  const triage = page.getByRole('region', { name: 'Syscall triage' });
  await preset.selectOption('mos');
  await expect(channels.getByRole('note')).toContainText('FWQ');
  await expect(triage.getByRole('note')).toContainText('makes no system calls');
  await preset.selectOption('linux-bsp');
  await expect(channels.getByRole('note')).toContainText('has no Linux channels');
  await expect(triage.getByRole('note')).toBeHidden();
  await channels.getByRole('button', { name: /^Show mOS: BSP mini-app/ }).click();
  await expect(preset).toHaveValue('mos-bsp');
  await expect(channels.getByRole('note')).toBeHidden();
  // The preset it offers does fill the view: forwarded calls reach the channels.
  for (let i = 0; i < 400; i++) await page.keyboard.press('s');
  await expect.poll(async () => Number(((await page.getByRole('table', { name: 'Linux channels' }).locator('tbody tr td:nth-child(6)').first().textContent()) ?? '0'))).toBeGreaterThan(0);
});
