import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pause, play, watchConsole } from './helpers';

/** Exports a region in a format through its Export menu; returns the saved file's name and bytes. */
async function exportRegion(page: Page, title: string, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: `Export ${title}`, exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('group', { name: `Export ${title} as` }).getByRole('button', { name: format }).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

test.describe('exports for slides', () => {
  test('a region exports as SVG that parses as XML, with its labels as text and the fonts embedded', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const { name, bytes } = await exportRegion(page, 'Configuration', 'SVG (vector)');
    expect(name).toMatch(/^mos-explorer-config-mos-bsp-seed1-t[\d.]+ms\.svg$/);
    const svg = bytes.toString('utf8');
    // Parsed in a blank page: the app's CSP would report the SVG's <style> while parsing.
    const blank = await page.context().newPage();
    const parsed = await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      return { error: error?.textContent ?? null, root: doc.documentElement.nodeName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''), fonts: doc.querySelector('style')?.textContent ?? '' };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain('Configuration');
    expect(parsed.texts.join(' ')).toContain('lwkcpus=');
    expect(parsed.fonts).toContain("font-family:'IBM Plex Sans'");
    expect(parsed.fonts).toContain('data:font/woff2;base64,');
    // Hidden tables for screen readers are not in the picture.
    expect(svg).not.toContain('foreignObject');
    expect(problems).toEqual([]);
  });

  test('canvas views export as vectors drawn by their own code: their labels are SVG text, no bitmap anywhere', async ({ page }) => {
    test.setTimeout(90_000);
    const problems = watchConsole(page);
    await openApp(page);
    await play(page);
    await page.waitForTimeout(1500);
    await pause(page);
    const blank = await page.context().newPage();
    const read = (svg: string) =>
      blank.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''), images: doc.querySelectorAll('image').length, shapes: doc.querySelectorAll('rect, path').length };
      }, svg);
    const expected: [string, string][] = [
      ['Core partitions', '33'],
      ['Channels', 'CPU 0'],
      ['Timeline', '48'],
      ['Memory regions', 'DDR'],
      ['Metrics', 'glibc'],
    ];
    for (const [title, text] of expected) {
      const svg = await read((await exportRegion(page, title, 'SVG (vector)')).bytes.toString('utf8'));
      expect(svg.error, title).toBeNull();
      expect(svg.images, `${title}: bitmaps`).toBe(0);
      expect(svg.texts, title).toContain(text);
      expect(svg.shapes, title).toBeGreaterThan(20);
    }
    expect(problems).toEqual([]);
  });

  test('PNG exports have the region\'s size at 1x and twice it at 2x', async ({ page }) => {
    const problems = watchConsole(page);
    await openApp(page);
    const box = (await page.getByRole('region', { name: 'Core partitions' }).boundingBox())!;
    const one = await exportRegion(page, 'Core partitions', 'PNG (1x)');
    const two = await exportRegion(page, 'Core partitions', 'PNG (2x)');
    expect(one.name).toMatch(/\.png$/);
    expect(two.name).toMatch(/@2x\.png$/);
    expect(pngSize(one.bytes)).toEqual({ width: Math.round(box.width), height: Math.round(box.height) });
    expect(pngSize(two.bytes)).toEqual({ width: Math.round(box.width * 2), height: Math.round(box.height * 2) });
    await expect(page.getByRole('status', { name: 'Notice' })).toContainText('Saved Core partitions as PNG');

    // The whole page, from the header's button.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export page (PNG)' }).click();
    const whole = await download;
    const size = pngSize(readFileSync((await whole.path())!));
    const doc = await page.evaluate(() => ({ width: document.querySelector('.app')!.getBoundingClientRect().width, height: document.querySelector('.app')!.getBoundingClientRect().height }));
    expect(whole.suggestedFilename()).toMatch(/^mos-explorer-page-mos-bsp-seed1/);
    expect(size).toEqual({ width: Math.round(doc.width), height: Math.round(doc.height) });
    expect(problems).toEqual([]);
  });
});
