import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCount, openApp, play } from './helpers';

const FIXTURE = 'tests/fixtures/strace/fork-f-yy-tt-T.log';
const FF_DIR = 'tests/fixtures/strace/ff-pipe';
// The folder also holds a README, which a folder import leaves out.
const FF_FILES = readdirSync(FF_DIR).filter((n) => /\.\d+$/.test(n)).map((n) => join(FF_DIR, n));

function cliReplay(files: string | readonly string[], preset: string): { calls: { total: number }; pids: number; processes: number; routes: Record<string, number> } {
  const args = typeof files === 'string' ? [files] : files;
  return JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'replay', ...args, '--preset', preset, '--json'], { encoding: 'utf8' }));
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

  test('several strace -ff files chosen together are merged into one run, as the CLI merges them', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Import strace').setInputFiles(FF_FILES);
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('Replaying pipe.* (4 strace -ff files)');
    const region = page.getByRole('region', { name: 'Replay' });
    const expected = cliReplay(FF_FILES, await page.getByRole('combobox', { name: 'Preset' }).inputValue());
    expect(expected.pids).toBe(4);
    await expect(region).toContainText(`${expected.calls.total} calls · ${expected.pids} thread id(s) · ${expected.processes} process(es)`);
    await expect(region).toContainText(`Linux ${expected.routes.linux}`);
  });

  test('a folder of strace -ff files imports with Import -ff folder; files of other names in it are left out', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Import -ff folder').setInputFiles(FF_DIR);
    const region = page.getByRole('region', { name: 'Replay' });
    await expect(region).toContainText('494 calls · 4 thread id(s) · 4 process(es)');
  });

  test('files that are not one -ff run are refused with the name of the culprit', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Import strace').setInputFiles([FF_FILES[0], FIXTURE]);
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('fork-f-yy-tt-T.log is not named like a file of strace -ff');
    await expect(page.getByRole('region', { name: 'Replay' })).toHaveCount(0);
  });

  test('strace -k: each call name shows its call site, the whole stack on hover and on Enter', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Import strace').setInputFiles('tests/fixtures/strace/true-k.log');
    const table = page.getByRole('region', { name: 'Replay' }).getByRole('table', { name: 'Replayed calls by name' });
    await expect(table.getByRole('columnheader', { name: 'Call site (strace -k)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Replay' })).not.toContainText('skipped');
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'exit_group', exact: true }) });
    const site = row.locator('summary');
    await expect(site).toHaveText('libc.so.6(_exit+0x29)');
    await expect(site).toHaveAttribute('title', /_exit\+0x29\) \[0xd4409\]\n/);
    const frames = row.getByRole('list', { name: 'Frames of exit_group, innermost first' });
    await expect(frames).toBeHidden();
    await site.focus();
    await page.keyboard.press('Enter');
    await expect(frames).toBeVisible();
    await expect(frames.getByRole('listitem').first()).toHaveText('/usr/lib/x86_64-linux-gnu/libc.so.6(_exit+0x29) [0xd4409]');
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
