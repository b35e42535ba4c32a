// `npm run bench:ui`: the built app in headless Chromium at 1920x1080 with every region visible,
// preset mos-bsp at the slowest useful, the default and the maximum speed, measured from 2 s after
// Play, median of 3 runs. Prints frame-interval percentiles, long animation frames, the share of
// animation frames that drew a new simulation frame, achieved vs requested speed, and the initial
// JavaScript (gzip) fetched before the first frame. Targets are printed, not enforced.
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium, NO_CHROMIUM } from './find-chromium.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 3;
const MEASURE_MS = quick ? 3000 : 6000;
const PORT = 4179;

const executablePath = await findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
const url = `http://127.0.0.1:${PORT}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });

const percentile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs) => percentile(xs, 0.5);

async function measure(speedKey) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' || /\.js(\?|$)/.test(r.url())) {
      try {
        scripts.set(r.url(), gzipSync(await r.body()).length);
      } catch {
        // a response without a body
      }
    }
  });
  await page.goto(url);
  await page.getByLabel('Event count').waitFor();
  await page.waitForFunction(() => (window.mosExplorer?.frameStats().animationFrames ?? 0) > 0);
  const initialJs = [...scripts.values()].reduce((a, b) => a + b, 0);
  const slider = page.getByRole('slider', { name: 'Speed' });
  if (speedKey) {
    await slider.focus();
    await page.keyboard.press(speedKey);
  }
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await page.waitForTimeout(2000);
  const result = await page.evaluate(async (ms) => {
    const intervals = [];
    let longFrames = 0;
    const po = 'PerformanceObserver' in window ? new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 50) longFrames++;
    }) : null;
    try {
      po?.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      // long-animation-frame unsupported: counted as 0
    }
    const before = window.mosExplorer.frameStats();
    await new Promise((resolve) => {
      let last = performance.now();
      const end = last + ms;
      const tick = (t) => {
        intervals.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    po?.disconnect();
    const after = window.mosExplorer.frameStats();
    const frames = after.animationFrames - before.animationFrames;
    return {
      intervals,
      longFrames,
      drewShare: frames > 0 ? (after.drewNewFrame - before.drewNewFrame) / frames : 0,
      achieved: (after.time - before.time) / (ms / 1000),
      requested: after.requestedSpeed,
    };
  }, MEASURE_MS);
  await context.close();
  return { ...result, initialJs };
}

const speeds = [
  ['slowest (1 µs/s)', 'Home'],
  ['default (1 ms/s)', null],
  ['maximum (10 s/s)', 'End'],
];
console.log(`bench:ui (${quick ? 'quick' : 'full'}): mos-bsp, 1920x1080, every region visible, median of ${RUNS}`);
let initialJs = 0;
for (const [label, key] of speeds) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(key));
  initialJs = runs[0].initialJs;
  const p50 = median(runs.map((r) => percentile(r.intervals, 0.5)));
  const p95 = median(runs.map((r) => percentile(r.intervals, 0.95)));
  const p99 = median(runs.map((r) => percentile(r.intervals, 0.99)));
  const longFrames = median(runs.map((r) => r.longFrames));
  const drew = median(runs.map((r) => r.drewShare));
  const ratio = median(runs.map((r) => (r.requested > 0 ? r.achieved / r.requested : 0)));
  const ok = (cond) => (cond ? 'ok' : 'MISS');
  console.log(`\n${label}`);
  console.log(`  frame interval p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target <= 20: ${ok(p95 <= 20)}), p99 ${p99.toFixed(1)} ms`);
  console.log(`  long animation frames (> 50 ms): ${longFrames} (target 0: ${ok(longFrames === 0)})`);
  console.log(`  animation frames drawing a new simulation frame: ${(drew * 100).toFixed(1)} % (target >= 95 %: ${ok(drew >= 0.95)})`);
  console.log(`  achieved / requested speed: ${(ratio * 100).toFixed(1)} %${key === null ? ` (target >= 95 %: ${ok(ratio >= 0.95)})` : ''}`);
}
console.log(`\ninitial JavaScript (gzip, main + chunks + worker): ${(initialJs / 1024).toFixed(1)} kB (target <= 200 kB: ${initialJs <= 200 * 1024 ? 'ok' : 'MISS'})`);
await browser.close();
server.kill();
