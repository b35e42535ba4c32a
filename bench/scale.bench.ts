/**
 * Scale mode (src/engine/scale): wall time of the fast model for 16,384 and 1,048,576 nodes x 10
 * iterations of 1 ms compute + dissemination barrier under periodic noise (100 Hz, 250 µs, random
 * phase, charged to the overheads too), and the peak resident memory of the 2^20-node run in a
 * fresh process. Targets: <= 0.25 s, <= 10 s, <= 256 MB.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_SCALE_PARAMS, runScale, type ScaleParams } from '../src/engine/scale';
import { peakRssOfChild, registerChildTask } from './child';
import type { BenchFigure, BenchSuite } from './types';

const MILLION = 1 << 20;

function params(nodes: number, iterations: number): ScaleParams {
  return {
    ...DEFAULT_SCALE_PARAMS,
    nodes: [nodes],
    iterations,
    computeNs: 1_000_000,
    collective: 'barrier',
    noise: { kind: 'periodic', periodNs: 10_000_000, durationNs: 250_000 },
  };
}

/** Seconds for one sweep point, and its slowdown (printed so a broken model shows up). */
function timed(nodes: number, iterations: number): { seconds: number; slowdown: number } {
  const t0 = performance.now();
  const { points } = runScale(params(nodes, iterations));
  return { seconds: (performance.now() - t0) / 1000, slowdown: points[0].slowdown };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

registerChildTask('scale-run', (arg) => {
  const [nodes, iterations] = arg.split(',').map(Number);
  const { slowdown } = timed(nodes, iterations);
  if (!(slowdown >= 1)) throw new Error(`bad slowdown ${slowdown}`);
});

export const scaleBench: BenchSuite = {
  name: 'scale mode: OS noise at scale (src/engine/scale)',
  async run({ quick }) {
    // The child first: its maxRSS starts at the parent's RSS at fork time. Memory does not
    // depend on the iteration count, so quick mode runs 1 iteration at full size.
    const rssIters = quick ? 1 : 10;
    const rss = peakRssOfChild('scale-run', `${MILLION},${rssIters}`);

    timed(1024, 10); // warm-up: let the JIT compile the round loops
    const reps = quick ? 1 : 5;
    const small = Array.from({ length: reps }, () => timed(16_384, 10));
    const smallS = median(small.map((r) => r.seconds));

    const bigNodes = quick ? MILLION / 8 : MILLION;
    const big = timed(bigNodes, 10);
    const bigName = quick ? `${bigNodes.toLocaleString('en-US')} nodes x 10 iterations (quick; full run: 1,048,576)` : '1,048,576 nodes x 10 iterations, wall time';
    const figures: BenchFigure[] = [
      { name: `16,384 nodes x 10 iterations, wall time (median of ${reps})`, value: smallS, unit: 's', target: '<= 0.25 s', meets: smallS <= 0.25 },
      { name: '16,384 nodes: slowdown under 100 Hz x 250 µs noise', value: small[0].slowdown, unit: 'x' },
      quick ? { name: bigName, value: big.seconds, unit: 's' } : { name: bigName, value: big.seconds, unit: 's', target: '<= 10 s', meets: big.seconds <= 10 },
      { name: `${bigNodes.toLocaleString('en-US')} nodes: slowdown`, value: big.slowdown, unit: 'x' },
      { name: `1,048,576 nodes x ${rssIters} iteration(s), peak RSS in a child`, value: rss, unit: 'MiB', target: '<= 256 MB', meets: rss * 1.048576 <= 256 },
    ];
    return figures;
  },
};
