// What a class at the back of a lecture hall sees (issue 15): a page that never scrolls sideways,
// text no smaller than the minimum, every drawn lane labelled.
import { expect, test } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';

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
