import { expect, test, type Page } from '@playwright/test';
import { eventCount, openApp, watchConsole } from './helpers';

/** What the page and the presented view measure: scroll sizes, the stage and the view's box. */
function measure(page: Page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    const stage = document.querySelector('.presenter-stage')!.getBoundingClientRect();
    const view = document.querySelector('.presenter-content')!.getBoundingClientRect();
    return {
      scrollWidth: d.scrollWidth, scrollHeight: d.scrollHeight, width: window.innerWidth, height: window.innerHeight,
      stage: { top: stage.top, bottom: stage.bottom, width: stage.width, height: stage.height },
      view: { top: view.top, bottom: view.bottom, width: view.width, height: view.height },
      id: document.querySelector<HTMLElement>('.presenter')!.dataset.presentingView!,
      empty: document.querySelector('.presenter-content')!.childElementCount === 0,
    };
  });
}

for (const [width, height] of [[1280, 720], [3840, 2160]] as const) {
  test(`presenter mode at ${width}x${height}: every view fills the screen with no scrollbar; Page Up/Down move between views`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width, height });
    await openApp(page);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.locator('.presenter')).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(0); // the dashboard's header gives way to the presenter's bar
    const position = page.getByText(/^View \d+ of \d+$/);
    const total = Number((await position.textContent())!.split(' of ')[1]);
    expect(total).toBeGreaterThan(5);
    const seen = new Set<string>();
    for (let i = 1; i <= total; i++) {
      await expect(position).toHaveText(`View ${i} of ${total}`);
      // Let the fit settle (it refits in the next animation frame after a resize).
      await expect.poll(async () => { const m = await measure(page); return m.view.bottom <= m.stage.bottom + 1 || JSON.stringify(m); }).toBe(true);
      const m = await measure(page);
      seen.add(m.id);
      expect([m.scrollWidth, m.scrollHeight], `${m.id}: no scrollbar`).toEqual([width, height]);
      // The stage is the screen below the bar, and the view fills it: its height or its width.
      expect(m.stage.bottom).toBeCloseTo(height, 0);
      expect(m.stage.width).toBeCloseTo(width, 0);
      if (!m.empty) expect(m.view.height >= 0.9 * m.stage.height || m.view.width >= 0.97 * m.stage.width, `${m.id} fills the stage: ${JSON.stringify(m)}`).toBe(true);
      await page.keyboard.press('PageDown');
    }
    expect(seen.size, 'one view after another, each once').toBe(total);
    await expect(position).toHaveText(`View 1 of ${total}`);
    await page.keyboard.press('PageUp');
    await expect(position).toHaveText(`View ${total} of ${total}`);
    expect(problems).toEqual([]);
  });
}

test('presenter mode: . and B blank the screen, the focus ring is thick, P and Esc leave; outside it Page Down steps', async ({ page }) => {
  const problems = watchConsole(page);
  await openApp(page);
  // Outside presenter mode a remote's Page Down steps the simulation.
  const before = await eventCount(page);
  await page.locator('body').press('PageDown');
  await expect.poll(() => eventCount(page)).toBeGreaterThan(before);

  await page.keyboard.press('p');
  await expect(page.locator('.presenter')).toBeVisible();
  await page.keyboard.press('.');
  const blank = page.locator('.presenter-blank');
  await expect(blank).toBeVisible();
  const box = await blank.boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  expect(await blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await page.keyboard.press('b');
  await expect(blank).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(blank).toBeVisible();
  await page.keyboard.press('PageDown'); // moving on shows the screen again
  await expect(blank).toHaveCount(0);
  await expect(page.getByText(/^View \d+ of \d+$/)).toHaveText(/^View 2 of/);

  // A focus ring a laser pointer can follow.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return { tag: el.tagName, width: parseFloat(cs.outlineWidth), style: cs.outlineStyle, colour: cs.outlineColor };
  });
  expect(ring.tag).toBe('BUTTON');
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(5);
  expect(ring.colour).toBe('rgb(255, 212, 0)');

  await page.keyboard.press('Escape');
  await expect(page.locator('.presenter')).toHaveCount(0);
  await expect(page.getByRole('banner')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.locator('.presenter')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.locator('.presenter')).toHaveCount(0);
  expect(problems).toEqual([]);
});
