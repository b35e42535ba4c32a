import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cli } from './helpers';
import { PRESET_NAMES } from '../../src/engine/config/presets';

test('every preset runs to the same trace hash in Chromium\'s worker as in Node, at the same simulated time', async ({ page }) => {
  test.setTimeout(120_000);
  const until = '30ms';
  const source = readFileSync('dist-cli/engine-worker.js', 'utf8');
  await page.goto('about:blank');
  const inBrowser = await page.evaluate(
    ({ source, presets }) =>
      new Promise<Record<string, { traceHash: string; eventCount: number }>>((resolve, reject) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage({ presets, seed: 1, untilNs: 30_000_000 });
      }),
    { source, presets: [...PRESET_NAMES] },
  );
  for (const preset of PRESET_NAMES) {
    const node = cli(['run', '--preset', preset, '--seed', '1', '--until', until]);
    expect(inBrowser[preset], preset).toEqual({ traceHash: node.traceHash, eventCount: node.eventCount });
  }
});
