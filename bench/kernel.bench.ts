/**
 * The classic hold model: a queue of n pending events; each operation pops the earliest and
 * pushes it back at (its time + an exponential increment). Reported: operations per second of
 * the reference heap, of the engine's EventQueue, and of the full Simulation loop (handler
 * dispatch included), and the engine/reference ratio. Target: ratio >= 0.5 at both sizes.
 */
import { performance } from 'node:perf_hooks';
import { ReferenceHeap } from './referenceHeap';
import { EventQueue } from '../src/engine/kernel/eventQueue';
import { Simulation, type ModelDefinition } from '../src/engine/kernel/simulation';
import { RngStream } from '../src/engine/kernel/rng';
import type { BenchFigure, BenchSuite } from './types';

export function increments(count: number): Float64Array {
  const r = RngStream.seeded(42, 'bench.hold');
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.round(r.exp(1000));
  return out;
}

export function medianOf(runs: number, fn: () => number): number {
  fn(); // warm-up
  const xs = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return xs[Math.floor(runs / 2)];
}

export function holdReference(n: number, ops: number, inc: Float64Array): number {
  const h = new ReferenceHeap(n + 1);
  for (let i = 0; i < n; i++) h.push(inc[i % inc.length]);
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) h.push(h.pop() + inc[i & (inc.length - 1)]);
  return ops / ((performance.now() - t0) / 1000);
}

function holdQueue(n: number, ops: number, inc: Float64Array): number {
  const q = new EventQueue(n + 1);
  for (let i = 0; i < n; i++) q.push(inc[i % inc.length], 0, i, 0);
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    q.pop();
    q.push(q.popTime + inc[i & (inc.length - 1)], q.popKind, q.popA, q.popB);
  }
  return ops / ((performance.now() - t0) / 1000);
}

interface HoldState { i: number; inc: Float64Array }
const holdModel: ModelDefinition<{ n: number; inc: Float64Array }, HoldState> = {
  name: 'hold',
  init(sim, config) {
    for (let i = 0; i < config.n; i++) sim.at(config.inc[i % config.inc.length], 0, i);
    return { i: 0, inc: config.inc };
  },
  handlers: [
    (sim, a) => {
      const s = sim.state;
      sim.after(s.inc[s.i++ & (s.inc.length - 1)], 0, a);
    },
  ],
  applyCommand: () => 'no commands',
  describe: () => 'hold',
  metrics: () => ({}),
};

function holdSimulation(n: number, ops: number, inc: Float64Array): number {
  const sim = Simulation.create(holdModel, { n, inc }, 1);
  const t0 = performance.now();
  sim.runUntil(Infinity, ops);
  return ops / ((performance.now() - t0) / 1000);
}

export const kernelBench: BenchSuite = {
  name: 'engine kernel: hold model',
  async run({ quick }) {
    const inc = increments(1 << 16);
    const ops = quick ? 300_000 : 2_000_000;
    const runs = 5;
    const figures: BenchFigure[] = [];
    for (const n of [1_000, 100_000]) {
      const ref = medianOf(runs, () => holdReference(n, ops, inc));
      const queue = medianOf(runs, () => holdQueue(n, ops, inc));
      const sim = medianOf(runs, () => holdSimulation(n, ops, inc));
      figures.push(
        { name: `reference heap, n=${n}`, value: ref, unit: 'events/s' },
        { name: `EventQueue, n=${n}`, value: queue, unit: 'events/s' },
        { name: `EventQueue / reference, n=${n}`, value: queue / ref, unit: 'ratio', target: '>= 0.5', meets: queue / ref >= 0.5 },
        { name: `Simulation loop (with handler dispatch), n=${n}`, value: sim, unit: 'events/s' },
        { name: `Simulation / reference, n=${n}`, value: sim / ref, unit: 'ratio' },
      );
    }
    return figures;
  },
};
