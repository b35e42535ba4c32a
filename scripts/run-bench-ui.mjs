// `npm run bench:ui`: the built app in headless Chromium at 1920x1080 with every region visible,
// preset mos-bsp at the slowest useful, the default and the maximum speed, measured from 2 s after
// Play, median of 3 runs. Then compare mode: two sessions (mos-bsp beside linux-bsp, in lockstep)
// at the default and the maximum speed, with each of the views compare mode offers first, shown
// on both sides. Prints frame-interval percentiles, long animation frames, the share of animation
// frames that drew a new simulation frame (in compare mode: in both sessions), achieved vs
// requested speed, and the initial JavaScript (gzip) fetched before the first frame; at the end,
// the single-session and compare-mode figures side by side. Then time travel: mos-bsp run to 10 s
// and to 60 s of simulated time, seeks spread over each run (wall ms from the request to the
// worker's acknowledgement, p50 and max; target: 250 ms anywhere in a 10 s run) and checkpoint
// memory per simulated second. Targets are printed, not enforced.
// Presenter mode (P) at 3840x2160 is measured at every speed beside the page at 1920x1080.
// Options: --quick (1 run, shorter), --port N (or BENCH_UI_PORT; default 4179), --no-compare,
// --no-presenter, --travel-only (only the time-travel figures).
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium, NO_CHROMIUM } from './find-chromium.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 3;
const MEASURE_MS = quick ? 3000 : 6000;
const portArg = process.argv.indexOf('--port');
const PORT = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.BENCH_UI_PORT || 4179);
if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) {
  console.error('bench:ui: --port needs a port number');
  process.exit(2);
}
const travelOnly = process.argv.includes('--travel-only');
const withCompare = !process.argv.includes('--no-compare') && !travelOnly;
const withPresenter = !process.argv.includes('--no-presenter') && !travelOnly;

const executablePath = await findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
// In its own process group, so that stopping it stops vite too (not only npx).
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
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

/**
 * One measurement: `speedKey` moves the speed slider (Home, End or none); `compareView` opens
 * compare mode showing that view; `presenter` measures presenter mode (P) at 3840x2160.
 */
async function measure(speedKey, compareView = null, presenter = false) {
  const context = await browser.newContext({ viewport: presenter ? { width: 3840, height: 2160 } : { width: 1920, height: 1080 } });
  const page = await context.newPage();
  // Each script's gzip size and when it was requested (ms since the epoch).
  const scripts = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' || /\.js(\?|$)/.test(r.url())) {
      try {
        scripts.set(r.url(), { gzip: gzipSync(await r.body()).length, requestedAt: r.request().timing().startTime });
      } catch {
        // a response without a body
      }
    }
  });
  await page.goto(url);
  await page.getByLabel('Event count').waitFor();
  // The first frame: the first animation frame that drew a simulation frame (the page records when).
  await page.waitForFunction(() => (window.mosExplorer?.frameStats().firstFrameAt ?? null) !== null);
  const firstFrameEpoch = await page.evaluate(() => performance.timeOrigin + window.mosExplorer.frameStats().firstFrameAt);
  await page.waitForTimeout(300); // responses of scripts requested before it are all in
  const initialJs = [...scripts.values()].filter((s) => s.requestedAt <= firstFrameEpoch).reduce((a, s) => a + s.gzip, 0);
  if (compareView) {
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('region', { name: 'Right session' }).waitFor();
    await page.getByRole('group', { name: 'View shown on both sides' }).getByRole('button', { name: compareView, exact: true }).click();
  }
  const slider = page.getByRole('slider', { name: 'Speed' });
  if (speedKey) {
    await slider.focus();
    await page.keyboard.press(speedKey);
  }
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  if (presenter) {
    await page.locator('body').press('p');
    await page.getByRole('group', { name: 'Presenter controls' }).waitFor();
  }
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
    const work = window.mosExplorer.tickDurations(frames);
    return {
      intervals,
      longFrames,
      drewShare: frames > 0 ? (after.drewNewFrame - before.drewNewFrame) / frames : 0,
      achieved: (after.time - before.time) / (ms / 1000),
      requested: after.requestedSpeed,
      work,
      sessions: window.mosExplorer.sessions().length,
      times: window.mosExplorer.sessions().map((s) => s.time),
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
const COMPARE_VIEWS = ['Core partitions', 'Channels', 'Syscall triage', 'Metrics'];

/** Runs a configuration RUNS times and prints its medians; returns them. */
async function report(label, speedKey, compareView, p95Target, presenter = false) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(speedKey, compareView, presenter));
  const p50 = median(runs.map((r) => percentile(r.intervals, 0.5)));
  const p95 = median(runs.map((r) => percentile(r.intervals, 0.95)));
  const p99 = median(runs.map((r) => percentile(r.intervals, 0.99)));
  const longFrames = median(runs.map((r) => r.longFrames));
  const drew = median(runs.map((r) => r.drewShare));
  const ratio = median(runs.map((r) => (r.requested > 0 ? r.achieved / r.requested : 0)));
  const workP50 = median(runs.map((r) => percentile(r.work, 0.5)));
  const workP95 = median(runs.map((r) => percentile(r.work, 0.95)));
  const ok = (cond) => (cond ? 'ok' : 'MISS');
  console.log(`\n${label}`);
  if (compareView) {
    const gap = Math.max(...runs.map((r) => Math.abs(r.times[0] - r.times[1])));
    console.log(`  sessions: ${runs[0].sessions}; largest simulated-time gap between them at the end: ${(gap / 1e6).toFixed(3)} ms`);
  }
  console.log(`  frame interval p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target <= ${p95Target}: ${ok(p95 <= p95Target)}), p99 ${p99.toFixed(1)} ms`);
  console.log(`  page work per animation frame (frame requests and every view's drawing): p50 ${workP50.toFixed(2)} ms, p95 ${workP95.toFixed(2)} ms`);
  console.log(`  long animation frames (> 50 ms): ${longFrames} (target 0: ${ok(longFrames === 0)})`);
  console.log(`  animation frames drawing a new simulation frame${compareView ? ' in both sessions' : ''}: ${(drew * 100).toFixed(1)} % (target >= 95 %: ${ok(drew >= 0.95)})`);
  console.log(`  achieved / requested speed: ${(ratio * 100).toFixed(1)} %${speedKey === null ? ` (target >= 95 %: ${ok(ratio >= 0.95)})` : ''}`);
  return { label, p95, drew, ratio, longFrames, workP95, initialJs: runs[0].initialJs };
}

/** Time travel: runs mos-bsp to each length, then seeks to times spread over the run (in a scrambled order). */
async function travel() {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Event count').waitFor();
  await page.waitForFunction(() => (window.mosExplorer?.frameStats().animationFrames ?? 0) > 0);
  console.log('\ntime travel: mos-bsp, seek latency (wall ms from the request to the worker being there)');
  const SEEKS = quick ? 12 : 30;
  for (const seconds of [10, 60]) {
    const runMs = await page.evaluate((ns) => window.mosExplorer.seek(ns), seconds * 1e9);
    const stats = await page.evaluate(() => window.mosExplorer.travelStats());
    const latencies = [];
    for (let i = 0; i < SEEKS; i++) {
      // A fixed scramble of the run: back and forth, never twice near the same place.
      const at = Math.round((((i * 7919) % SEEKS) + 0.37) / SEEKS * seconds * 1e9);
      latencies.push(await page.evaluate((ns) => window.mosExplorer.seek(ns), at));
    }
    const p50 = percentile(latencies, 0.5), max = Math.max(...latencies);
    const perSecond = stats.bytes / (stats.frontier / 1e9);
    console.log(`  ${seconds} s run (computed in ${(runMs / 1000).toFixed(1)} s): ${SEEKS} seeks, p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms` +
      (seconds === 10 ? ` (target <= 250 ms anywhere: ${max <= 250 ? 'ok' : 'MISS'})` : ''));
    console.log(`    checkpoints: ${stats.checkpoints}, one every ${(stats.intervalNs / 1e6).toFixed(0)} ms, ${(stats.bytes / 1e6).toFixed(2)} MB: ${(perSecond / 1024).toFixed(0)} kB per simulated second`);
  }
  await context.close();
}

console.log(`bench:ui (${quick ? 'quick' : 'full'}): mos-bsp, 1920x1080, every region visible, median of ${RUNS}; port ${PORT}`);
const single = [];
if (!travelOnly) for (const [label, key] of speeds) single.push(await report(label, key, null, 20));
const initialJs = single[0]?.initialJs ?? 0;
const compare = [];
if (withCompare) {
  console.log('\ncompare mode: mos-bsp beside linux-bsp in lockstep, one view on both sides');
  for (const [label, key] of speeds.slice(1)) {
    for (const view of COMPARE_VIEWS) compare.push({ speed: label, ...(await report(`compare, ${view}, ${label}`, key, view, 17)) });
  }
  console.log('\nsummary: p95 frame interval / frames drawing new content / achieved speed / page work per frame');
  const row = (r) => `p95 ${r.p95.toFixed(1).padStart(5)} ms, drew ${(r.drew * 100).toFixed(1).padStart(5)} %, speed ${(r.ratio * 100).toFixed(1).padStart(5)} %, page work p95 ${r.workP95.toFixed(1).padStart(4)} ms`;
  for (const [label] of speeds.slice(1)) {
    console.log(`  ${label}`);
    console.log(`    single session (all views) ${row(single.find((r) => r.label === label))}`);
    for (const r of compare.filter((x) => x.speed === label)) console.log(`    compare, ${r.label.split(', ')[1].padEnd(16)}  ${row(r)}`);
  }
}
if (!travelOnly && withPresenter) {
  console.log('\npresenter mode (P) at 3840x2160: one view (Core partitions) zoomed to the screen');
  const presenter = [];
  for (const [label, key] of speeds) presenter.push(await report(`presenter 3840x2160, ${label}`, key, null, 17, true));
  console.log('\nsummary at 1920x1080 (every region) and in presenter mode at 3840x2160: p95 frame interval');
  for (const [i, [label]] of speeds.entries()) console.log(`  ${label.padEnd(18)} page ${single[i].p95.toFixed(1)} ms, presenter ${presenter[i].p95.toFixed(1)} ms (target <= 17: ${single[i].p95 <= 17 && presenter[i].p95 <= 17 ? 'ok' : 'MISS'})`);
}
if (!travelOnly) console.log(`\ninitial JavaScript (gzip, scripts requested before the first simulation frame on screen: main, chunks, worker): ${(initialJs / 1024).toFixed(1)} kB (target <= 200 kB: ${initialJs <= 200 * 1024 ? 'ok' : 'MISS'})`);
await travel();
await browser.close();
stopServer();
