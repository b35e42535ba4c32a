import { expect, test, type Page } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';

interface Metrics {
  channels: { linux: { messages: number; ipis: number }[] };
  syscalls: { routes: Record<string, { count: number }>; byName: Record<string, Record<string, number>> };
}

const metrics = async (page: Page) => (await page.evaluate(() => window.mosExplorer!.metrics())) as unknown as Metrics;

function tableRows(page: Page, name: string): Promise<string[][]> {
  return page
    .getByRole('table', { name })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => c.textContent ?? '')));
}

/** Plays until some calls went through the Linux channels, then pauses. */
async function runUntilForwarded(page: Page, minMessages = 40): Promise<void> {
  await play(page);
  await expect.poll(async () => (await metrics(page)).channels.linux.reduce((a, c) => a + c.messages, 0), { timeout: 20_000 }).toBeGreaterThan(minMessages);
  await pause(page);
}

test.describe('Channels and Syscall triage views', () => {
  test('Channels shows the worker\'s message and IPI counts; Play, Pause and Step change it', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const region = page.getByRole('region', { name: 'Channels' });
    await expect(region).toBeVisible();
    await expect.poll(() => tableRows(page, 'Linux channels')).toHaveLength(2);
    const before = await tableRows(page, 'Linux channels');
    expect(before.map((r) => r[5])).toEqual(['0', '0']);
    await runUntilForwarded(page);
    await expect
      .poll(async () => {
        const m = await metrics(page);
        const rows = await tableRows(page, 'Linux channels');
        return rows.map((r) => [Number(r[5]), Number(r[6])]).join(';') === m.channels.linux.map((c) => [c.messages, c.ipis]).join(';');
      })
      .toBe(true);
    const rows = await tableRows(page, 'Linux channels');
    expect(rows.some((r) => Number(r[5]) > 0 && Number(r[6]) > 0)).toBe(true);
    // Coalescing is shown live: messages per IPI, from the same counts.
    const m = await metrics(page);
    const msgs = m.channels.linux.reduce((a, c) => a + c.messages, 0), ipis = m.channels.linux.reduce((a, c) => a + c.ipis, 0);
    await expect(region.getByLabel('Coalescing')).toContainText(`${(msgs / ipis).toFixed(2)} messages per IPI`);
    // Per-pid channels appear (derived from the handler's routing events).
    await expect.poll(async () => (await tableRows(page, 'Per-pid channels and LWK reply channels')).some((r) => /^channel\[\d+\]$/.test(r[0]))).toBe(true);
    // Steps change what is shown (eventually one of them inserts or routes a message).
    const both = async () => JSON.stringify([await tableRows(page, 'Linux channels'), await tableRows(page, 'Per-pid channels and LWK reply channels')]);
    const shown = await both();
    await expect
      .poll(async () => {
        for (let i = 0; i < 20; i++) await page.keyboard.press('s');
        return both();
      }, { timeout: 30_000 })
      .not.toBe(shown);
    // For the screenshot only: play until a table refresh (at most once a second) catches messages
    // queued or a proxy at work. Such a moment is short with proxies spread over the Linux CPUs, so
    // a slow machine may miss it: the screenshot is taken either way (the checks above are the test).
    await play(page);
    await expect
      .poll(async () => {
        const linux = await tableRows(page, 'Linux channels');
        const pids = await tableRows(page, 'Per-pid channels and LWK reply channels');
        return linux.some((r) => Number(r[2]) >= 1) || pids.some((r) => r[2].includes('running'));
      }, { timeout: 15_000 })
      .toBe(true)
      .catch(() => undefined);
    await region.screenshot({ path: 'test-results/screenshots/channels.png' });
    await pause(page);
    expect(problems).toEqual([]);
  });

  test('Syscall triage shows the worker\'s per-route counts', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const region = page.getByRole('region', { name: 'Syscall triage' });
    await expect(region).toBeVisible();
    // A row per registered route (designs may register more than the seed's four).
    await expect.poll(async () => (await tableRows(page, 'Syscall routes')).length).toBe(Object.keys((await metrics(page)).syscalls.routes).length);
    await runUntilForwarded(page);
    await expect
      .poll(async () => {
        const m = await metrics(page);
        const rows = await tableRows(page, 'Syscall routes');
        return rows.every((r) => Number(r[1]) === m.syscalls.routes[r[0]].count);
      })
      .toBe(true);
    const rows = await tableRows(page, 'Syscall routes');
    // Every registered route, in the worker's order: the seed's four first, then any a design registers.
    const keys = Object.keys((await metrics(page)).syscalls.routes);
    expect(keys.slice(0, 4)).toEqual(['glibc', 'lwk', 'linux', 'osnode']);
    expect(rows.map((r) => r[0])).toEqual(keys);
    expect(Number(rows.find((r) => r[0] === 'linux')![1])).toBeGreaterThan(0);
    // The route boxes carry the same counts.
    const linuxBox = region.locator('.triage-box[data-route="linux"]');
    await expect(linuxBox).toContainText(`${Number(rows[2][1]).toLocaleString('en-US')} calls`);
    // Hovering a route box gives its exact numbers.
    await linuxBox.hover();
    await expect(page.getByRole('tooltip')).toContainText('calls completed');
    expect(problems).toEqual([]);
  });

  test('choosing a syscall highlights its routes and stages', async ({ page }) => {
    await openApp(page);
    // Past the opens of the launch (one per thread) and into the first iterations' fstat calls
    // (their small writes stay in glibc's aggregation buffers at first).
    await runUntilForwarded(page, 200);
    const region = page.getByRole('region', { name: 'Syscall triage' });
    const select = region.getByRole('combobox', { name: 'Syscall' });
    await expect(select.locator('option[value="fstat"]')).toHaveCount(1);
    const names = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(names).toEqual([...names].sort());
    await select.selectOption('fstat');
    const byName = (await metrics(page)).syscalls.byName.fstat;
    const expected = ['glibc', 'lwk', 'linux', 'osnode'].filter((r) => (byName[r] ?? 0) > 0);
    expect(expected.length).toBeGreaterThan(0);
    for (const route of ['glibc', 'lwk', 'linux', 'osnode']) {
      const on = expected.includes(route);
      const box = region.locator(`.triage-box[data-route="${route}"]`);
      await expect(box).toHaveAttribute('data-highlighted', on ? 'true' : 'false');
      if (on) await expect(box).toHaveAttribute('aria-current', 'true');
      else await expect(box).not.toHaveAttribute('aria-current', /.*/);
    }
    await expect.poll(async () => (await tableRows(page, 'Syscall routes')).filter((r) => r[r.length - 1] === 'yes').map((r) => r[0])).toEqual(expected);
    // The stages of a highlighted route are marked too.
    await expect(region.locator('.triage-bar-row[data-route="linux"] .triage-seg[data-highlighted="true"]').first()).toBeAttached();
    await region.screenshot({ path: 'test-results/screenshots/triage.png' });
    await select.selectOption('');
    await expect(region.locator('.triage-box[data-route="linux"]')).toHaveAttribute('data-highlighted', 'false');
  });

  test('a process can be selected from the keyboard; both views draw in dark mode too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page);
    await runUntilForwarded(page);
    const canvas = page.getByRole('region', { name: 'Channels' }).getByRole('img').first();
    await canvas.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Channels' }).screenshot({ path: 'test-results/screenshots/channels-dark.png' });
    await page.getByRole('region', { name: 'Syscall triage' }).screenshot({ path: 'test-results/screenshots/triage-dark.png' });
  });

  test('animation frames stay smooth at 1920x1080, at the default speed and at full speed', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page);
    await play(page);
    await expect.poll(async () => (await metrics(page)).channels.linux.reduce((a, c) => a + c.messages, 0), { timeout: 20_000 }).toBeGreaterThan(0);
    // Measuring time itself: rAF intervals over 3 s of wall time.
    const measure = () =>
      page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const gaps: number[] = [];
            let last = performance.now();
            const start = last;
            const tick = (t: number) => {
              gaps.push(t - last);
              last = t;
              if (t - start < 3000) requestAnimationFrame(tick);
              else resolve(gaps.sort((a, b) => a - b));
            };
            requestAnimationFrame(tick);
          }),
      );
    const p95 = (g: number[]) => g[Math.floor(g.length * 0.95)];
    const normalGaps = await measure();
    const normal = p95(normalGaps);
    const slider = page.getByRole('slider', { name: 'Speed' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('region', { name: 'Syscall triage' })).toContainText('fast: per-route rates');
    const fastGaps = await measure();
    const fast = p95(fastGaps);
    console.log(`p95 animation frame interval at 1920x1080: ${normal.toFixed(1)} ms at 1 ms/s, ${fast.toFixed(1)} ms at 10 s/s`);
    // The views aggregate instead of freezing: frames keep coming at full speed (the p95 itself depends
    // on the machine, which may be shared and has no GPU here; it is reported above, not asserted).
    expect(normalGaps.length).toBeGreaterThan(30);
    expect(fastGaps.length).toBeGreaterThan(30);
    await page.getByRole('region', { name: 'Channels' }).screenshot({ path: 'test-results/screenshots/channels-fast.png' });
  });
});
