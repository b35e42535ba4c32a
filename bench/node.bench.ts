/**
 * The node model at full detail, in Node: simulated seconds per wall-clock second and events per
 * second, for FWQ (noise only) and for the BSP mini-app with its syscalls (forwarded calls, channels, IPIs).
 */
import { performance } from 'node:perf_hooks';
import { createNodeSimulation } from '../src/engine/node/model';
import { PRESETS } from '../src/engine/config/presets';
import type { NodeConfig } from '../src/engine/config/nodeConfig';
import { MS, S } from '../src/engine/kernel/time';
import { Route } from '../src/engine/descriptors';
import type { BenchFigure, BenchSuite } from './types';
import { holdReference, increments, medianOf } from './kernel.bench';

/**
 * The syscall-heavy BSP mini-app: about 1,000 forwarded calls per second per LWK CPU.
 * Each iteration forwards one call per thread (fstat(1); glibc aggregates the log writes and
 * flushes them every ~10 ms), so 0.9 ms of compute plus the iteration's overheads give ~1,000
 * per second (the figure is printed).
 */
function configOf(preset: string): NodeConfig {
  const c = PRESETS[preset];
  return c.workload.kind === 'bsp' ? { ...c, workload: { ...c.workload, computeNs: 900_000 } } : c;
}

function measure(preset: string, simulatedNs: number) {
  const sim = createNodeSimulation(configOf(preset), 1);
  sim.runUntil(50 * MS); // launch and JIT warm-up
  const e0 = sim.eventCount, s0 = sim.now;
  const calls0 = sim.state.calls.routes[Route.Linux].count;
  const t0 = performance.now();
  sim.runUntil(s0 + simulatedNs);
  const wall = (performance.now() - t0) / 1000;
  const lwkCpus = sim.config.appCpus.length;
  return {
    eventsPerSec: (sim.eventCount - e0) / wall,
    simPerWall: (sim.now - s0) / S / wall,
    forwardedPerCpuSec: (sim.state.calls.routes[Route.Linux].count - calls0) / lwkCpus / ((sim.now - s0) / S),
  };
}

/** Events a second of the bare reference heap (hold model, n = 1,000) measured now: the machine's yardstick. */
function referenceHeapNow(quick: boolean): number {
  const inc = increments(1 << 16);
  return medianOf(3, () => holdReference(1_000, quick ? 300_000 : 1_000_000, inc));
}

export const nodeBench: BenchSuite = {
  name: 'node model (64-CPU node, 1000 Hz tick on Linux CPUs)',
  async run({ quick }) {
    const figures: BenchFigure[] = [];
    // Measured beside the model in the same run, so a slow or busy machine shows in both.
    const reference = referenceHeapNow(quick);
    figures.push({ name: 'reference heap (hold model, n=1000), this run', value: reference, unit: 'events/s' });
    for (const preset of ['mos', 'linux', 'linux-tuned', 'mos-bsp', 'linux-bsp', 'linux-tuned-bsp', 'mckernel', 'mos-as-built']) {
      const m = measure(preset, (quick ? 0.2 : 2) * S);
      const target = preset === 'mos-bsp' ? { target: '>= 2e6', meets: m.eventsPerSec >= 2e6 } : { target: '>= 1e6', meets: m.eventsPerSec >= 1e6 };
      figures.push(
        { name: `${preset}: events per second`, value: m.eventsPerSec, unit: 'events/s', ...target },
        { name: `${preset}: events per second / reference heap`, value: m.eventsPerSec / reference, unit: 'ratio' },
        { name: `${preset}: simulated s per wall s`, value: m.simPerWall, unit: 'x', target: '>= 1', meets: m.simPerWall >= 1 },
      );
      if (PRESETS[preset].system === 'mos' && PRESETS[preset].workload.kind === 'bsp') figures.push({ name: `${preset}: forwarded calls per LWK CPU per simulated s`, value: m.forwardedPerCpuSec, unit: 'calls/s' });
    }
    return figures;
  },
};
