/**
 * Time travel in Node (the worker's Runner on a plain host): mos-bsp run to 10 s (1 s when
 * quick), then seeks spread over the run in a scrambled order. Reported: seek latency p50 and
 * max (wall ms; the browser's figure, with messages and drawing, is in `npm run bench:ui`),
 * and checkpoint memory per simulated second. Target from the issue: a seek anywhere in a 10 s
 * run within 250 ms (in the browser; Node is ~2x faster).
 */
import { performance } from 'node:perf_hooks';
import { PRESETS } from '../src/engine/config/presets';
import { Runner } from '../src/worker/runner';
import { PROTOCOL_VERSION, type FromWorker } from '../src/worker/protocol';
import type { BenchFigure, BenchSuite } from './types';

export const travelBench: BenchSuite = {
  name: 'time travel (mos-bsp, worker runner in Node)',
  async run({ quick }) {
    const seconds = quick ? 1 : 10;
    const queued: (() => void)[] = [];
    const out: FromWorker[] = [];
    const runner = new Runner({ now: () => performance.now(), post: (m) => out.push(m), yieldThen: (fn) => queued.push(fn), sleepThen: (_ms, fn) => queued.push(fn) });
    runner.handle({ type: 'init', version: PROTOCOL_VERSION, config: PRESETS['mos-bsp'], seed: 1 });
    const seek = (ns: number) => {
      const t0 = performance.now();
      runner.handle({ type: 'seek', time: ns });
      while (queued.length > 0) queued.shift()!();
      return performance.now() - t0;
    };
    seek(seconds * 1e9);
    const SEEKS = quick ? 10 : 30;
    const latencies = Array.from({ length: SEEKS }, (_, i) => seek(Math.round(((((i * 7919) % SEEKS) + 0.37) / SEEKS) * seconds * 1e9))).sort((a, b) => a - b);
    runner.handle({ type: 'travelStats', id: 1 });
    const stats = out.find((m) => m.type === 'travelStats');
    if (stats?.type !== 'travelStats') throw new Error('no travel stats');
    const max = latencies[latencies.length - 1];
    return [
      { name: `seek latency p50, ${seconds} s run`, value: latencies[Math.floor(SEEKS / 2)], unit: 'ms' },
      { name: `seek latency max, ${seconds} s run`, value: max, unit: 'ms', target: '<= 250 ms (browser)', meets: max <= 250 },
      { name: 'checkpoints held', value: stats.stats.checkpoints, unit: '' },
      { name: 'checkpoint memory per simulated second', value: stats.stats.bytes / 1024 / (stats.stats.frontier / 1e9), unit: 'kB/s' },
    ] satisfies BenchFigure[];
  },
};
