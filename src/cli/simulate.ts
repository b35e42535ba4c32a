/** One headless node run, shared by `run`, `compare` and `findings`: create, advance, snapshot. */
import { createNodeSimulation } from '../engine/node/model';
import type { NodeConfig } from '../engine/config/nodeConfig';
import { advanceWatched } from '../engine/node/watchdog';
import type { LoggedCommand } from '../engine/kernel/simulation';

/** How far to run: to a simulated time, or for a number of events. */
export type Stop = { readonly untilNs: number } | { readonly events: number };

/** The run stopped by the watchdog: no simulated progress (src/engine/node/watchdog.ts). */
export class StalledRun extends Error {}

export function simulate(config: NodeConfig, seed: number, stop: Stop, commands: readonly LoggedCommand[] = []) {
  const sim = createNodeSimulation(config, seed, { commands });
  const r = 'events' in stop ? advanceWatched(sim, Number.MAX_SAFE_INTEGER, stop.events) : advanceWatched(sim, stop.untilNs);
  if (r.stall) throw new StalledRun(r.stall.message);
  return { sim, snapshot: sim.snapshot() };
}
