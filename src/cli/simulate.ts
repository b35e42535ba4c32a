/** One headless node run, shared by `run`, `compare` and `findings`: create, advance, snapshot. */
import { createNodeSimulation } from '../engine/node/model';
import type { NodeConfig } from '../engine/config/nodeConfig';

/** How far to run: to a simulated time, or for a number of events. */
export type Stop = { readonly untilNs: number } | { readonly events: number };

export function simulate(config: NodeConfig, seed: number, stop: Stop) {
  const sim = createNodeSimulation(config, seed);
  if ('events' in stop) {
    for (let i = 0; i < stop.events && sim.step(); i++);
  } else {
    sim.runUntil(stop.untilNs);
  }
  return { sim, snapshot: sim.snapshot() };
}
