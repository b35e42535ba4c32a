import { expect, test, type Locator, type Page } from '@playwright/test';
import { eventCount, openApp, pause, play, watchConsole } from './helpers';
import { PRESETS } from '../../src/engine/config/presets';
import { createNodeSimulation } from '../../src/engine/node/model';
import { ACTIVITY_NAMES, Role } from '../../src/engine/node/kinds';
import { ActivityHistory } from '../../src/worker/history';
import { drawnTexts, RECORD_CANVAS_TEXT } from './support/canvasText';

type Row = Record<string, string>;

/** The hidden table's rows as objects keyed by column header, with the query it describes. */
async function readTable(table: Locator): Promise<{ rows: Row[]; from: number; to: number; bins: number; caption: string }> {
  return table.evaluate((t: HTMLTableElement) => {
    const heads = [...t.tHead!.rows[0].cells].map((c) => c.textContent ?? '');
    const rows = [...t.tBodies[0].rows].map((r) => Object.fromEntries([...r.cells].map((c, i) => [heads[i], c.textContent ?? ''])));
    return { rows, from: Number(t.dataset.from), to: Number(t.dataset.to), bins: Number(t.dataset.bins), caption: t.caption?.textContent ?? '' };
  });
}

/** What the worker's history answers for the same run (the first `events` events) and query. */
function expected(events: number, from: number, to: number, bins: number): Map<number, { spans: number; busiest: string }> {
  const config = PRESETS['mos-bsp'];
  const sim = createNodeSimulation(config, 1);
  const history = new ActivityHistory(config.cpuCount);
  history.ingest(sim.drainTrace());
  while (sim.eventCount < events) {
    sim.runUntil(Infinity, Math.min(512, events - sim.eventCount));
    history.ingest(sim.drainTrace());
  }
  // The worker's clock stands at the time it was paused at, past its last event.
  sim.runUntil(to);
  history.ingest(sim.drainTrace());
  expect(sim.eventCount).toBe(events);
  const reply = history.query(0, from, to, bins, sim.now);
  const out = new Map<number, { spans: number; busiest: string }>();
  reply.spans.forEach((s, cpu) => {
    const total = new Float64Array(ACTIVITY_NAMES.length);
    for (let i = 0; i < s.length; i += 4) total[s[i + 2]] += s[i + 1] - s[i];
    let best = 0;
    for (let a = 1; a < total.length; a++) if (total[a] > 0 && (best === 0 || total[a] > total[best])) best = a;
    out.set(cpu, { spans: s.length / 4, busiest: ACTIVITY_NAMES[best] });
  });
  return out;
}

function region(page: Page) {
  const r = page.getByRole('region', { name: 'Timeline' });
  return { r, table: r.getByRole('table', { name: 'Timeline spans per CPU' }), follow: r.getByRole('button', { name: 'Follow' }) };
}

/** Waits until the hidden table stops changing (the reply that follows a pause or step has landed). */
async function settled(table: Locator) {
  let last = '';
  await expect.poll(async () => {
    const t = await readTable(table);
    const key = `${t.caption}|${t.rows.map((r) => r.Spans).join(',')}`;
    const same = key === last;
    last = key;
    return same && t.rows.length > 0;
  }, { intervals: [200] }).toBe(true);
  return readTable(table);
}

test.describe('Timeline', () => {
  test('shows the running simulation; after Pause its numbers match the worker history; LWK runs the application, syscall CPUs proxy', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const { r, table } = region(page);
    await expect(r).toBeVisible();
    await play(page);
    const mos = PRESETS['mos-bsp'];
    const syscallCpus = mos.roles.map((role, cpu) => (role === Role.Syscall ? String(cpu) : '')).filter(Boolean);
    // Forwarded calls reach the syscall CPUs within a few simulated ms.
    await expect.poll(async () => (await readTable(table)).rows.some((row) => syscallCpus.includes(row.CPU) && /proxy|IPI handler/.test(row['Share of the window by activity'])), { timeout: 20_000 }).toBe(true);
    await pause(page);
    const t = await settled(table);
    const events = await eventCount(page);
    const want = expected(events, t.from, t.to, t.bins);
    expect(t.rows.length).toBe(mos.cpuCount);
    for (const row of t.rows) {
      const e = want.get(Number(row.CPU))!;
      expect({ cpu: row.CPU, spans: Number(row.Spans), busiest: row['Busiest activity'] }).toEqual({ cpu: row.CPU, spans: e.spans, busiest: e.busiest });
    }
    const lwk = t.rows.filter((row) => row.Partition === 'LWK');
    expect(lwk.length).toBe(60);
    // Besides waiting at the BSP barriers (idle), LWK CPUs run the application.
    const app = lwk.filter((row) => row['Busiest activity'] === 'application' && /^(idle [\d.]+%, )?application /.test(row['Share of the window by activity']));
    expect(app.length).toBeGreaterThan(lwk.length * 0.8);
    const sys = t.rows.filter((row) => syscallCpus.includes(row.CPU));
    expect(sys.some((row) => /proxy|IPI handler/.test(row['Share of the window by activity']))).toBe(true);
    await r.screenshot({ path: 'test-results/screenshots/timeline.png' });
    expect(problems).toEqual([]);
  });

  test('Step moves the window; Zoom in fixes a narrower window that stays put while playing; Follow returns to live', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const { table, follow } = region(page);
    await play(page);
    // Until the followed window is full (it no longer starts at 0): before that the table's window
    // is cut at the present, and a zoomed window can be wider than that cut one.
    await expect.poll(async () => (await readTable(table)).from, { timeout: 15_000 }).toBeGreaterThan(0);
    await pause(page);
    const paused = await settled(table);
    // Step until an event at a later time lands: the followed window moves with it.
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Step' }).click();
      return (await readTable(table)).to;
    }).toBeGreaterThan(paused.to);
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    const before = await settled(table);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await readTable(table)).caption).not.toBe(before.caption);
    const zoomed = await readTable(table);
    expect(zoomed.to - zoomed.from).toBeLessThan(before.to - before.from);
    // Playing does not move a window the user fixed in the past.
    await play(page);
    const n = await eventCount(page);
    await expect.poll(() => eventCount(page)).toBeGreaterThan(n + 500);
    expect((await readTable(table)).caption).toBe(zoomed.caption);
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await readTable(table)).to).toBeGreaterThan(zoomed.to);
    await pause(page);
    expect(problems).toEqual([]);
  });

  test('keyboard zooms and pans the focused timeline without firing the global shortcuts; hover explains a span, click selects its process', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const { r, table, follow } = region(page);
    await play(page);
    await expect.poll(async () => (await readTable(table)).to, { timeout: 15_000 }).toBeGreaterThan(6_000_000);
    await pause(page);
    const before = await settled(table);
    const speed = await page.getByRole('slider', { name: 'Speed' }).getAttribute('aria-valuetext');
    const events = await eventCount(page);
    const lanes = r.getByRole('group', { name: 'Timeline lanes' });
    await lanes.focus();
    await expect(lanes).toBeFocused();
    await page.keyboard.press('+');
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => { const t = await readTable(table); return t.to - t.from; }).toBeLessThan(before.to - before.from);
    const zoomed = await readTable(table);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await readTable(table)).from).toBeLessThan(zoomed.from);
    await page.keyboard.press('-');
    await page.keyboard.press('ArrowRight');
    expect(await eventCount(page)).toBe(events);
    await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', speed!);
    await page.keyboard.press('f');
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await readTable(table)).to).toBe(before.to);

    // The LWK group is the last one: its last lane sits just above its "+N" strip and the time
    // axis (24 px), busy with the application.
    const canvas = r.locator('canvas');
    const box = (await canvas.boundingBox())!;
    const tooltip = page.getByRole('tooltip');
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await page.mouse.move(box.x + box.width * (0.3 + i * 0.05), box.y + box.height - 55);
      found = (await tooltip.isVisible()) && /application/.test((await tooltip.textContent()) ?? '');
    }
    expect(found).toBe(true);
    await expect(tooltip).toContainText('LWK');
    await expect(tooltip).toContainText('duration');
    await expect(tooltip).toContainText(/pid \d+/);
    const [, cpu] = /^CPU (\d+)/.exec((await tooltip.textContent())!)!;
    const [, pid] = /pid (\d+)/.exec((await tooltip.textContent())!)!;
    // Clicking selects the span outlined under the pointer: its process and its CPU.
    await page.mouse.down();
    await page.mouse.up();
    await expect(r.getByLabel('Selection')).toHaveText(`pid ${pid} on CPU ${cpu}`);
    await r.screenshot({ path: 'test-results/screenshots/timeline-selected.png' });
    await r.getByRole('button', { name: 'Clear selection' }).click();
    await expect(r.getByLabel('Selection')).toBeHidden();
    expect(problems).toEqual([]);
  });

  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    test(`groups lanes by process at ${width}x${height}: a group per pid, every lane labelled, dashed arrows from folded groups; the choice outlives a new preset`, async ({ page }) => {
      const problems = watchConsole(page);
      await page.addInitScript(RECORD_CANVAS_TEXT);
      await page.setViewportSize({ width, height });
      await openApp(page);
      const { r, table } = region(page);
      const canvas = r.locator('canvas');
      const by = r.getByRole('group', { name: 'Group lanes by' });
      await expect(by.getByRole('button', { name: 'Partition' })).toHaveAttribute('aria-pressed', 'true');
      // By partition the LWK group is folded to its first cores; every LWK CPU makes calls, so
      // zoomed in enough for arrows (data-flows: "to lanes, to strips"), some go to the "+N" strip.
      const flows = () => canvas.getAttribute('data-flows').then((f) => (f ?? '0 0').split(' ').map(Number));
      await play(page);
      await expect.poll(async () => (await readTable(table)).to, { timeout: 15_000 }).toBeGreaterThan(8_000_000);
      await pause(page);
      await settled(table);
      await expect.poll(async () => {
        const [, folded] = await flows();
        if (folded === 0) await r.getByRole('button', { name: 'Zoom in' }).click();
        return folded;
      }, { intervals: [400], timeout: 20_000 }).toBeGreaterThan(0);
      const byPartition = (await canvas.getAttribute('data-lanes'))!;
      // The strip (the last row above the 24 px time axis) explains itself, and a click on it unfolds the group.
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 24 - 4 - 6);
      await expect(page.getByRole('tooltip')).toContainText(/LWK: \d+ more CPUs without a lane/);
      await expect(page.getByRole('tooltip')).toContainText('dashed arrows');
      await page.mouse.down();
      await page.mouse.up();
      await expect.poll(async () => (await canvas.getAttribute('data-lanes'))!.split(',').length).toBe(64);
      await r.getByRole('button', { name: 'Fold LWK lanes' }).click();
      await expect(canvas).toHaveAttribute('data-lanes', byPartition);
      // Keyboard: the choice is a real button.
      await by.getByRole('button', { name: 'Process' }).focus();
      await page.keyboard.press('Enter');
      await expect(by.getByRole('button', { name: 'Process' })).toHaveAttribute('aria-pressed', 'true');
      await expect(canvas).not.toHaveAttribute('data-lanes', byPartition);
      // Each process shows its first CPUs: arrows from them are solid, from its hidden ones dashed.
      await expect.poll(async () => (await flows()).every((n) => n > 0)).toBe(true);
      const t = await settled(table);
      const cpu1 = t.rows.find((row) => row.CPU === '1')!;
      expect([cpu1.Partition, cpu1['Lane group']]).toEqual(['LWK', 'pid 1000 · BSP']);
      expect(t.rows.filter((row) => row['Lane group'] === 'pid 1001 · BSP').length).toBe(15);
      expect(t.rows.length).toBe(64);

      await settled(table);
      // Every lane drawn is labelled; the headers name the processes and the CPUs they share.
      await drawnTexts(page, true);
      // Zoom with the keyboard on the focused lanes (focus scrolls them into view: off screen, nothing is drawn).
      await r.getByRole('group', { name: 'Timeline lanes' }).focus();
      await page.keyboard.press('+');
      await expect.poll(async () => (await drawnTexts(page)).filter((d) => d.canvas.startsWith('Per-CPU lanes')).length).toBeGreaterThan(20);
      const drawn = (await drawnTexts(page)).filter((d) => d.canvas.startsWith('Per-CPU lanes'));
      const texts = new Set(drawn.map((d) => d.text));
      const lanes = (await canvas.getAttribute('data-lanes'))!.split(',');
      expect(lanes.filter((cpu) => !texts.has(cpu))).toEqual([]);
      for (const pid of [1000, 1001, 1002, 1003]) expect([...texts].some((x) => x.includes(`pid ${pid} · BSP · 15 CPUs`))).toBe(true);
      expect([...texts].some((x) => x.includes('Shared by pid 1000, 1001 · 2 CPUs'))).toBe(true);
      // Folded process groups: a "+N" strip stands for their hidden CPUs.
      expect([...texts].filter((x) => /^\+\d+$/.test(x)).length).toBeGreaterThan(0);
      const min = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--text-min')));
      expect(drawn.filter((d) => d.px < min - 0.05)).toEqual([]);
      for (const el of await by.getByRole('button').all()) expect(parseFloat(await el.evaluate((b) => getComputedStyle(b).fontSize))).toBeGreaterThanOrEqual(min - 0.05);

      // Unfolding a process shows all its 15 CPUs, each labelled.
      await r.getByRole('button', { name: 'All 15 pid 1000 lanes' }).click();
      await expect.poll(async () => (await canvas.getAttribute('data-lanes'))!.split(',').length).toBeGreaterThan(lanes.length);
      const open = (await canvas.getAttribute('data-lanes'))!.split(',');
      const pid1000 = t.rows.filter((row) => row['Lane group'] === 'pid 1000 · BSP').map((row) => row.CPU);
      expect(pid1000.filter((cpu) => !open.includes(cpu))).toEqual([]);
      // The first lane is pid 1000's first CPU: its tooltip names the group and the partition; a click selects the process.
      // Scroll the lanes' top to just under the sticky header.
      const headerBottom = (await page.getByRole('banner').boundingBox())!;
      const lanesBox = (await r.getByRole('group', { name: 'Timeline lanes' }).boundingBox())!;
      await page.evaluate((dy) => window.scrollBy(0, dy), lanesBox.y - (headerBottom.y + headerBottom.height) - 8);
      const top = (await canvas.boundingBox())!;
      const tooltip = page.getByRole('tooltip');
      let found = false;
      for (let i = 0; i < 12 && !found; i++) {
        await page.mouse.move(top.x + top.width * (0.3 + i * 0.05), top.y + 20 + 8);
        found = (await tooltip.isVisible()) && /application/.test((await tooltip.textContent()) ?? '');
      }
      expect(found).toBe(true);
      await expect(tooltip).toContainText('CPU 1 · pid 1000 · BSP (LWK)');
      await page.mouse.down();
      await page.mouse.up();
      await expect(r.getByLabel('Selection')).toHaveText('pid 1000 on CPU 1');
      await r.screenshot({ path: `test-results/screenshots/timeline-by-process-${width}.png` });
      await r.getByRole('button', { name: 'Fold pid 1000 lanes' }).click();

      // Another preset restarts the run: the grouping stays; Hobbes's analytics processes get groups.
      await page.getByRole('combobox', { name: 'Preset' }).selectOption('hobbes');
      await expect(page.getByLabel('Event count')).toHaveText('0');
      await expect(by.getByRole('button', { name: 'Process' })).toHaveAttribute('aria-pressed', 'true');
      await play(page);
      await expect.poll(async () => (await readTable(table)).rows.some((row) => row['Lane group'] === 'pid 1004 · analytics'), { timeout: 15_000 }).toBe(true);
      await pause(page);
      await by.getByRole('button', { name: 'Partition' }).click();
      await expect.poll(async () => (await readTable(table)).rows.some((row) => row['Lane group'] === 'pid 1004 · analytics'), { timeout: 15_000 }).toBe(false);
      expect(problems).toEqual([]);
    });
  }

  test.describe('dark theme, reduced motion, 1920x1080', () => {
    test.use({ colorScheme: 'dark', reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 } });

    test('xeon-phi: 272 lanes fit, following jumps per reply; frame intervals while playing with every view', async ({ page }) => {
      const problems = watchConsole(page);
      await openApp(page);
      const { r, table, follow } = region(page);
      await play(page);
      // Frame intervals on the default preset with every view visible (measured, reported, loosely bounded).
      const intervals = await page.evaluate(() => new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          out.push(now - last);
          last = now;
          if (out.length < 180) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }));
      const sorted = intervals.slice(1).sort((a, b) => a - b);
      const p95 = sorted[Math.floor(sorted.length * 0.95)];
      console.log(`timeline e2e: rAF interval p50 ${sorted[sorted.length >> 1].toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${sorted.length} frames at 1920x1080`);
      expect(p95).toBeLessThan(100);
      await pause(page);

      await page.getByRole('combobox', { name: 'Preset' }).selectOption('xeon-phi');
      await expect(page.getByLabel('Event count')).toHaveText('0');
      await expect.poll(async () => (await readTable(table)).rows.length).toBe(272);
      await play(page);
      const first = (await readTable(table)).to;
      await expect.poll(async () => (await readTable(table)).to, { timeout: 15_000 }).toBeGreaterThan(first);
      await expect(follow).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(async () => (await readTable(table)).to, { timeout: 15_000 }).toBeGreaterThan(2_000_000);
      await pause(page);
      await settled(table);
      const box = (await r.locator('canvas').boundingBox())!;
      expect(box.height).toBeLessThan(1080);
      await r.screenshot({ path: 'test-results/screenshots/timeline-dark-xeon-phi.png' });
      expect(problems).toEqual([]);
    });
  });
});
