// What a class at the back of a lecture hall sees (issue 15): a page that never scrolls sideways,
// text no smaller than the minimum, every drawn lane labelled.
import { expect, test } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';
import { RECORD_CANVAS_TEXT } from './support/canvasText';

test.describe('legibility', () => {
  for (const [width, height] of [[1024, 720], [1280, 720], [1920, 1080], [3840, 2160]] as const) {
    test(`the page never scrolls sideways at ${width}x${height}, hidden tables filled`, async ({ page }) => {
      const problems = watchConsole(page);
      await page.setViewportSize({ width, height });
      await openApp(page);
      await play(page);
      // The hidden tables are rewritten once a second while running: wait until one has rows.
      await expect(page.getByRole('table', { name: 'Timeline spans per CPU' }).locator('tbody tr').first()).toBeAttached();
      await pause(page);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll).toBe(widths.inner);
      expect(problems).toEqual([]);
    });
  }
});

/** Every visible text node's size on screen (SVG text scaled by its viewBox), smallest first. */
async function domTextSizes(page: import('@playwright/test').Page): Promise<{ px: number; text: string }[]> {
  return page.evaluate(() => {
    const out: { px: number; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent || n.textContent.trim() === '') continue;
      if (el.closest('.visually-hidden, .skip-link, option, script, style, [hidden]') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement && !(el instanceof SVGSVGElement)) {
        const m = el.getScreenCTM();
        if (m) px *= Math.hypot(m.a, m.b); // rotated text (an axis title) included
      }
      out.push({ px, text: n.textContent.trim().slice(0, 40) });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

test('compare mode: both Syscall triage panes keep their text at the minimum size (they stack, full width)', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  const min = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--text-min')));
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('region', { name: 'Right session' }).waitFor();
  await page.getByRole('group', { name: 'View shown on both sides' }).getByRole('button', { name: 'Syscall triage', exact: true }).click();
  const sizes = await page.evaluate(() => {
    const out: { px: number; text: string }[] = [];
    for (const root of document.querySelectorAll('.compare-panes section[aria-label="Syscall triage"]')) {
      for (const el of root.querySelectorAll('svg text')) {
        if (!(el instanceof SVGGraphicsElement) || !el.textContent?.trim() || el.getBoundingClientRect().width === 0) continue;
        const m = el.getScreenCTM();
        out.push({ px: parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1), text: el.textContent.trim().slice(0, 40) });
      }
    }
    return out.sort((a, b) => a.px - b.px);
  });
  expect(sizes.length).toBeGreaterThan(10);
  expect(sizes.filter((s) => s.px < min - 0.05)).toEqual([]);
});

test.describe('minimum text size', () => {
  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    test(`no text below the minimum, canvas and DOM, at ${width}x${height} (mos, hobbes, linux)`, async ({ page }) => {
      await page.addInitScript(RECORD_CANVAS_TEXT);
      await page.setViewportSize({ width, height });
      await openApp(page);
      const min = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--text-min')));
      expect(min).toBeGreaterThanOrEqual(12);
      for (const preset of ['mos', 'hobbes', 'linux']) {
        await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
        await expect(page.getByLabel('Event count')).toHaveText('0');
        await play(page);
        await page.waitForTimeout(1500);
        await pause(page);
        // Views off screen draw when they come into view: scroll through the page.
        for (let y = 0; y < 8000; y += height / 2) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(60);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      const canvas = await page.evaluate(() => (window as unknown as { __canvasText: { px: number; text: string }[] }).__canvasText);
      expect(canvas.length).toBeGreaterThan(100);
      const smallCanvas = canvas.filter((c) => c.px < min - 0.05);
      expect(smallCanvas.slice(0, 10)).toEqual([]);
      const dom = await domTextSizes(page);
      expect(dom.length).toBeGreaterThan(100);
      expect(dom.filter((d) => d.px < min - 0.05).slice(0, 10)).toEqual([]);
      console.log(`${width}x${height}: smallest canvas text ${Math.min(...canvas.map((c) => c.px)).toFixed(2)} px, smallest DOM text ${dom[0].px.toFixed(2)} px ("${dom[0].text}")`);
    });
  }

  test('the transport bar stays in view while the page scrolls', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeInViewport();
    await expect(page.getByLabel('Simulated time')).toBeInViewport();
  });
});

test.describe('Timeline lanes', () => {
  /** The texts drawn on the timeline canvas by the next draw (a zoom forces one). */
  async function laneTexts(page: import('@playwright/test').Page): Promise<Set<string>> {
    await page.evaluate(() => void ((window as unknown as { __canvasText: unknown[] }).__canvasText = []));
    await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(300);
    const texts = await page.evaluate(() => (window as unknown as { __canvasText: { text: string; canvas: string }[] }).__canvasText.filter((t) => t.canvas.startsWith('Per-CPU lanes')).map((t) => t.text));
    return new Set(texts);
  }

  test('every lane drawn is labelled with its CPU; a folded group shows all its lanes on click', async ({ page }) => {
    await page.addInitScript(RECORD_CANVAS_TEXT);
    await openApp(page);
    const r = page.getByRole('region', { name: 'Timeline' });
    const canvas = r.locator('canvas');
    for (let i = 0; i < 300; i++) await page.keyboard.press('s');
    const folded = (await canvas.getAttribute('data-lanes'))!.split(',');
    expect(folded.length).toBeGreaterThan(4);
    expect(folded.length).toBeLessThan(64);
    const drawn = await laneTexts(page);
    expect(folded.filter((cpu) => !drawn.has(cpu))).toEqual([]);
    // SMT siblings side by side: the LWK lanes begin 1, 33, 2, 34.
    expect(folded.slice(4, 8)).toEqual(['1', '33', '2', '34']);
    await r.getByRole('button', { name: 'All 60 LWK lanes' }).click();
    await expect(canvas).toHaveAttribute('data-lanes', /(\d+,){63}\d+/);
    const all = (await canvas.getAttribute('data-lanes'))!.split(',');
    expect(new Set(all).size).toBe(64);
    const drawnAll = await laneTexts(page);
    expect(all.filter((cpu) => !drawnAll.has(cpu))).toEqual([]);
    await expect(r.getByRole('button', { name: 'Fold LWK lanes' })).toHaveAttribute('aria-expanded', 'true');
    await r.getByRole('button', { name: 'Fold LWK lanes' }).click();
    await expect.poll(async () => (await canvas.getAttribute('data-lanes'))!.split(',').length).toBe(folded.length);
  });
});
