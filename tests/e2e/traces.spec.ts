import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { eventCount, openApp, play } from './helpers';

const FIXTURE = 'tests/fixtures/strace/fork-f-yy-tt-T.log';

function cliReplay(file: string, preset: string): { calls: { total: number }; pids: number; processes: number; routes: Record<string, number> } {
  return JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'replay', file, '--preset', preset, '--json'], { encoding: 'utf8' }));
}

test.describe('traces in and out', () => {
  test('Import strace replays the log in the views, with the routes the CLI reports', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Import strace').setInputFiles(FIXTURE);
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('Replaying fork-f-yy-tt-T.log');
    const region = page.getByRole('region', { name: 'Replay' });
    const expected = cliReplay(FIXTURE, await page.getByRole('combobox', { name: 'Preset' }).inputValue());
    await expect(region).toContainText(`${expected.calls.total} calls · ${expected.pids} thread id(s) · ${expected.processes} process(es)`);
    await expect(region).toContainText(`Linux ${expected.routes.linux}`);
    await expect(region.getByRole('table', { name: 'Replayed calls by name' })).toContainText('openat');
    await expect(region).toContainText('includes strace overhead');
    await play(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(100);
  });

  test('a file that is not strace output is named and explained; the run goes on', async ({ page }) => {
    await openApp(page);
    await play(page);
    await page.getByLabel('Import strace').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n') });
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('notes.csv');
    await expect(page.getByRole('region', { name: 'Replay' })).toHaveCount(0);
    const n = await eventCount(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(n);
  });

  test('drag and drop a log onto the page imports it', async ({ page }) => {
    await openApp(page);
    const text = readFileSync(FIXTURE, 'utf8');
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'dropped.log', { type: 'text/plain' }));
      return d;
    }, text);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    await expect(page.getByRole('region', { name: 'Replay' })).toContainText('dropped.log');
  });

  test('Export trace writes Chrome Trace Event JSON; Export CSV writes the metrics', async ({ page }) => {
    await openApp(page);
    for (let i = 0; i < 300; i++) await page.keyboard.press('s');
    const [traceDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trace' }).click()]);
    const trace = JSON.parse(readFileSync(await traceDownload.path(), 'utf8')) as { traceEvents: { ph: string; name: string }[] };
    expect(traceDownload.suggestedFilename()).toMatch(/\.trace\.json$/);
    expect(trace.traceEvents.some((e) => e.ph === 'M' && e.name === 'thread_name')).toBe(true);
    expect(trace.traceEvents.some((e) => e.ph === 'X')).toBe(true);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('metric,value');
    expect(csv).toMatch(/syscalls\.issued,\d+/);
  });
});
