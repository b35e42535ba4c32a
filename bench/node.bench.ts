/**
 * The node model at full detail, in Node: simulated seconds per wall-clock second and events per
 * second, for FWQ (noise only) and for the BSP mini-app with its syscalls (forwarded calls, channels, IPIs).
 */
import { performance } from 'node:perf_hooks';
import { createNodeSimulation } from '../src/engine/node/model';
import { PRESETS } from '../src/engine/config/presets';
import type { NodeConfig } from '../src/engine/config/nodeConfig';
import { MS, S } from '../src/engine/kernel/time';
import type { BenchFigure, BenchSuite } from './types';

/**
 * The syscall-heavy BSP mini-app: about 1,000 forwarded calls per second per LWK CPU.
 * Each iteration forwards two calls per thread (fstat, and the flush of the buffered log write it
 * forces), so 1.85 ms of compute plus the iteration's overheads give ~1,000 per second.
 */
function configOf(preset: string): NodeConfig {
  const c = PRESETS[preset];
  return c.workload.kind === 'bsp' ? { ...c, workload: { ...c.workload, computeNs: 1_850_000 } } : c;
}

function measure(preset: string, simulatedNs: number) {
  const sim = createNodeSimulation(configOf(preset), 1);
  sim.runUntil(50 * MS); // launch and JIT warm-up
  const e0 = sim.eventCount, s0 = sim.now;
  const calls0 = sim.state.calls.routes[2].count;
  const t0 = performance.now();
  sim.runUntil(s0 + simulatedNs);
  const wall = (performance.now() - t0) / 1000;
  const lwkCpus = sim.config.appCpus.length;
  return {
    eventsPerSec: (sim.eventCount - e0) / wall,
    simPerWall: (sim.now - s0) / S / wall,
    forwardedPerCpuSec: (sim.state.calls.routes[2].count - calls0) / lwkCpus / ((sim.now - s0) / S),
  };
}

export const nodeBench: BenchSuite = {
  name: 'node model (64-CPU node, 1000 Hz tick on Linux CPUs)',
  async run({ quick }) {
    const figures: BenchFigure[] = [];
    for (const preset of ['mos', 'linux', 'mos-bsp', 'mckernel', 'mos-as-built']) {
      const m = measure(preset, (quick ? 0.2 : 2) * S);
      figures.push(
        { name: `${preset}: events per second`, value: m.eventsPerSec, unit: 'events/s', target: '>= 1e6', meets: m.eventsPerSec >= 1e6 },
        { name: `${preset}: simulated s per wall s`, value: m.simPerWall, unit: 'x', target: '>= 1', meets: m.simPerWall >= 1 },
      );
      if (preset !== 'mos' && preset !== 'linux') figures.push({ name: `${preset}: forwarded calls per LWK CPU per simulated s`, value: m.forwardedPerCpuSec, unit: 'calls/s' });
    }
    return figures;
  },
};
