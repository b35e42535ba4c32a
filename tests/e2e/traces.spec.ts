import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCount, openApp, play } from './helpers';

const FIXTURE = 'tests/fixtures/strace/fork-f-yy-tt-T.log';
const FF_DIR = 'tests/fixtures/strace/ff-pipe';
// The folder also holds a README, which a folder import leaves out.
const FF_FILES = readdirSync(FF_DIR).filter((n) => /\.\d+$/.test(n)).map((n) => join(FF_DIR, n));

function cliReplay(files: string | readonly string[], preset: string): { calls: { total: number }; pids: number; processes: number; routes: Record<string, number>; aggregationFlushes: number } {
  const args = typeof files === 'string' ? [files] : files;
  return JSON.parse(execFileSync('node', ['dist-cli/cli.js', 'replay', ...args, '--preset', preset, '--json'], { encoding: 'utf8' }));
}

interface TriageMetrics { syscalls: { issued: number; completed: number; routes: Record<string, { count: number }> } }

test.describe('traces in and out', () => {
  for (const [name, size] of [['fork-f-yy-tt-T.log', { width: 1280, height: 720 }], ['threads-f-tt-T.log', { width: 1920, height: 1080 }], ['pipe-f.log', { width: 1280, height: 720 }]] as const) {
    test(`${name}: the page goes to Replay, names the processes as traced, and Replay's counts are Syscall triage's once the log has played`, async ({ page }) => {
      await page.setViewportSize(size);
      await openApp(page);
      const file = `tests/fixtures/strace/${name}`;
      await page.getByLabel('Import strace').setInputFiles(file);
      const region = page.getByRole('region', { name: 'Replay' });
      const heading = region.getByRole('heading', { name: `Replay of ${name}` });
      await expect(heading).toBeInViewport();
      await expect(heading).toBeFocused();

      // The processes under their traced pids and programs (the log's own execve lines).
      const traced = new Map<string, string>();
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const m = /^(\d+)\s+(?:[\d:.]+\s+)?execve\("([^"]+)"/.exec(line);
        if (m) traced.set(m[1], m[2].split('/').pop()!);
      }
      expect(traced.size).toBeGreaterThan(0);
      const processes = page.getByRole('region', { name: 'Injections' }).getByRole('list', { name: 'Processes' });
      for (const [pid, program] of traced) await expect(processes.getByRole('group', { name: `Process ${pid} (${program})` })).toHaveCount(1);

      // Played to the end: Syscall triage's counts are the report's, plus the shim's flushes (named in Replay).
      const expected = cliReplay(file, await page.getByRole('combobox', { name: 'Preset' }).inputValue());
      await page.getByRole('textbox', { name: 'Go to time' }).fill('1s');
      await page.getByRole('button', { name: 'Go', exact: true }).click();
      const metrics = () => page.evaluate(() => window.mosExplorer!.metrics()) as Promise<TriageMetrics | null>;
      await expect.poll(async () => { const m = await metrics(); return m !== null && m.syscalls.completed === m.syscalls.issued && m.syscalls.issued > 0; }, { timeout: 20_000 }).toBe(true);
      const m = (await metrics())!.syscalls;
      expect(m.issued).toBe(expected.calls.total + expected.aggregationFlushes);
      const routeSum = (r: Record<string, number | { count: number }>) => Object.values(r).reduce<number>((a, x) => a + (typeof x === 'number' ? x : x.count), 0);
      expect(routeSum(m.routes)).toBe(routeSum(expected.routes) + expected.aggregationFlushes);
      for (const key of ['glibc', 'lwk']) expect(m.routes[key]?.count ?? 0).toBe(expected.routes[key] ?? 0);
      if (expected.aggregationFlushes > 0) await expect(region).toContainText(`Syscall triage counts ${expected.aggregationFlushes} more call`);
      else await expect(region).not.toContainText('Syscall triage counts');
      await expect(page.getByRole('region', { name: 'Syscall triage' })).toContainText(`${m.issued} issued`);
    });
  }

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
