import { expect, test, type Page } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';

interface Metrics {
  syscalls: { routes: Record<string, { count: number }> };
}

const metrics = (page: Page) => page.evaluate(() => window.mosExplorer!.metrics()) as unknown as Promise<Metrics>;

/** A legend's stages in order: key, the swatch's background colour and its letter. */
function legend(page: Page, region: string) {
  return page
    .getByRole('region', { name: region })
    .locator('.legend li[data-stage-key]')
    .evaluateAll((lis) =>
      lis.map((li) => {
        const swatch = li.querySelector('.swatch')!;
        return { key: (li as HTMLElement).dataset.stageKey!, colour: getComputedStyle(swatch).backgroundColor, letter: swatch.textContent };
      }),
    );
}

test('a stage has the same colour and letter in Syscall triage and Metrics, as drawn', async ({ page }) => {
  const problems = watchConsole(page);
  await openApp(page);
  await play(page);
  await expect.poll(async () => (await metrics(page)).syscalls.routes.linux.count, { timeout: 20_000 }).toBeGreaterThan(20);
  await pause(page);

  // The legends agree, stage by stage (and list more than a handful).
  const triageLegend = await legend(page, 'Syscall triage');
  expect(triageLegend.length).toBeGreaterThan(5);
  expect(await legend(page, 'Metrics')).toEqual(triageLegend);
  expect(new Set(triageLegend.map((s) => s.colour)).size).toBe(triageLegend.length);

  // The triage bars are filled with the legend's colours.
  const triage = page.getByRole('region', { name: 'Syscall triage' });
  const segs = await triage.locator('.triage-bar-row[data-route="linux"] .triage-seg').evaluateAll((els) =>
    els.map((s) => ({ key: (s as SVGElement).dataset.stageKey!, colour: getComputedStyle(s).fill, width: Number(s.getAttribute('width')) })),
  );
  expect(segs.map(({ key, colour }) => ({ key, colour }))).toEqual(triageLegend.map(({ key, colour }) => ({ key, colour })));

  // The Metrics canvas: sample the middle of the widest stage of the Linux route's 100 % bar
  // (where the bar is comes from the canvas's data-share-bars, the shares from its hidden table).
  const widest = segs.reduce((a, b) => (b.width > a.width ? b : a));
  expect(widest.width).toBeGreaterThan(50);
  const region = page.getByRole('region', { name: 'Metrics' });
  const canvas = region.getByRole('img', { name: /Syscall latency per route/ });
  const table = region.getByRole('table', { name: 'Syscall latency by route' });
  const sampled = async () => {
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent ?? '')));
    const r = rows.findIndex((row) => row[0] === 'linux');
    const means = rows[r].slice(6).map(Number);
    const s = triageLegend.findIndex((st) => st.key === widest.key);
    const total = means.reduce((a, b) => a + b, 0);
    const before = means.slice(0, s).reduce((a, b) => a + b, 0);
    return canvas.evaluate((c: HTMLCanvasElement, [r, share]) => {
      const [x, w, top, rowH] = c.dataset.shareBars!.split(',').map(Number);
      const px = x + share * w, py = top + r * rowH + rowH / 2 + 4; // below the stage's letter
      const box = c.getBoundingClientRect();
      const [red, green, blue] = c.getContext('2d')!.getImageData(Math.round((px * c.width) / box.width), Math.round((py * c.height) / box.height), 1, 1).data;
      return `rgb(${red}, ${green}, ${blue})`;
    }, [r, (before + means[s] / 2) / total] as const);
  };
  await expect.poll(sampled, { timeout: 5000 }).toBe(widest.colour);
  expect(problems).toEqual([]);
});
