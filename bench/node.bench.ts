/** The default `mos` node (64 CPUs, 1000 Hz tick on Linux CPUs): simulated speed and events per second. */
import { performance } from 'node:perf_hooks';
import { createNodeSimulation } from '../src/engine/node/model';
import { PRESETS } from '../src/engine/config/presets';
import { MS, S } from '../src/engine/kernel/time';
import type { BenchFigure, BenchSuite } from './types';

export const nodeBench: BenchSuite = {
  name: 'node model',
  async run({ quick }) {
    const figures: BenchFigure[] = [];
    for (const preset of ['mos', 'linux']) {
      const sim = createNodeSimulation(PRESETS[preset], 1);
      sim.runUntil(50 * MS); // warm-up
      const e0 = sim.eventCount, s0 = sim.now;
      const t0 = performance.now();
      sim.runUntil(s0 + (quick ? 0.5 : 3) * S);
      const wall = (performance.now() - t0) / 1000;
      const evps = (sim.eventCount - e0) / wall;
      const simPerWall = (sim.now - s0) / S / wall;
      figures.push(
        { name: `${preset} node, FWQ: events per second`, value: evps, unit: 'events/s', target: '>= 1e6', meets: evps >= 1e6 },
        { name: `${preset} node, FWQ: simulated s per wall s`, value: simPerWall, unit: 'x', target: '>= 1', meets: simPerWall >= 1 },
      );
    }
    return figures;
  },
};
