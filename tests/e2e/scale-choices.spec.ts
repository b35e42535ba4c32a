// Issue 15, item 5: the Scale view lets the user edit each profile's parameters and choose the
// collective, and says on the plot what each closed form assumes.
import { expect, test, type Locator } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp } from './helpers';

interface CliPoint { nodes: number; meanIterationNs: number; noiselessIterationNs: number; slowdown: number; closedFormNs?: number }

function scaleCli(args: string[]): CliPoint[] {
  return (JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'scale', ...args, '--json'], { encoding: 'utf8' })) as { points: CliPoint[] }).points;
}

async function onlyProfile(region: Locator, label: string): Promise<void> {
  const boxes = region.getByRole('group', { name: 'Noise profiles' }).getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    await box.setChecked((await box.locator('xpath=..').textContent())!.trim() === label);
  }
}

const rowsOf = (region: Locator) => region.getByRole('table', { name: 'Scale results' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));

test('edited profile parameters and the chosen collective run as the CLI does; the closed forms say what they assume', async ({ page }) => {
  await openApp(page);
  const region = page.getByRole('region', { name: 'Scale' });
  await onlyProfile(region, 'Periodic, random phase');
  const fields = region.getByRole('group', { name: 'Periodic, random phase parameters' });
  await fields.getByLabel('frequency (Hz)').fill('200');
  await fields.getByLabel('duration (µs)').fill('100');
  await region.getByLabel('N up to').selectOption({ label: '256' });
  await region.getByLabel('Iterations K').fill('10');
  await region.getByLabel('Sweep seed').fill('3');
  const nodes = Array.from({ length: 9 }, (_, i) => 2 ** i);
  for (const collective of ['none', 'allreduce'] as const) {
    await region.getByLabel('Collective').selectOption(collective);
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(region.getByRole('status')).toHaveText(/Done in/, { timeout: 30_000 });
    const cli = scaleCli(['--nodes', nodes.join(','), '--iterations', '10', '--compute', '1ms', '--seed', '3', '--noise', 'periodic:200Hz:100us', '--collective', collective]);
    expect((await rowsOf(region)).map((r) => r.slice(1))).toEqual(
      cli.map((p) => [String(p.nodes), p.meanIterationNs.toFixed(1), p.noiselessIterationNs.toFixed(1), p.slowdown.toFixed(6), p.closedFormNs === undefined ? '' : p.closedFormNs.toFixed(1)]),
    );
    const notes = region.getByLabel('What the closed forms assume');
    await expect(notes).toContainText('Periodic, random phase: E[max over N independent phases]');
    await expect(notes).toContainText(collective === 'none' ? 'it is exact' : 'noise also lands in the collective');
  }
  // A bad parameter is named with its profile; nothing runs.
  await fields.getByLabel('frequency (Hz)').fill('fast');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('status')).toContainText('Periodic, random phase:');
});
