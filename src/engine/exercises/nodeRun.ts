/**
 * Runs an exercise's node setup: from the start to the job's launch, then for the exercise's
 * window. Answers read the metrics at both ends and the trace events in between (decoded).
 */
import { applyOverrides } from '../config/parseConfig';
import '../designs/syntaxes'; // an exercise's setup may use a design's options
import type { NodeConfig } from '../config/nodeConfig';
import type { NodeSim } from '../node/cpu';
import { nodeMetrics } from '../node/metrics';
import { createNodeSimulation } from '../node/model';
import { advanceWatched } from '../node/watchdog';
import { decodeBatch, type TraceEvent } from '../trace/decode';
import type { Exercise, ExerciseSetup } from './types';

export type NodeSetup = Extract<ExerciseSetup, { kind: 'node' }>;

/** The node setup of an exercise (a topic's answer asks for the kind it drafted). */
export function nodeSetupOf(ex: Exercise): NodeSetup {
  if (ex.setup.kind !== 'node') throw new Error(`exercise ${ex.topic}: expected a node setup, got ${ex.setup.kind}`);
  return ex.setup;
}

export type NodeMetrics = ReturnType<typeof nodeMetrics>;

export interface NodeRun {
  readonly config: NodeConfig;
  readonly launchedAtNs: number;
  readonly endNs: number;
  /** Metrics at the launch and at the end of the window. */
  readonly atLaunch: NodeMetrics;
  readonly atEnd: NodeMetrics;
  /** Every trace event of the window, launch excluded, end included. */
  readonly events: readonly TraceEvent[];
}

/** No preset launches later than this; a setup that does is a bug in its topic. */
const LAUNCH_LIMIT_NS = 100_000_000;
const SLICE_NS = 20_000;

export function exerciseConfig(setup: NodeSetup): NodeConfig {
  const r = applyOverrides(setup.config, 'exercise setup');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

function collect(sim: NodeSim, into: TraceEvent[], from: number): void {
  const batch = sim.drainTrace();
  if (batch.lost > 0) throw new Error('exercise run: trace records were lost; drain more often');
  for (let i = 0; i < batch.time.length; i++) if (batch.time[i] > from) into.push(decodeBatch(batch, i));
}

export function runNodeSetup(setup: NodeSetup): NodeRun {
  const config = exerciseConfig(setup);
  const sim = createNodeSimulation(config, setup.seed);
  // Event by event up to the launch, so the window starts exactly there.
  for (let n = 0; sim.state.launchedAt < 0; n++) {
    if (!sim.step() || sim.now > LAUNCH_LIMIT_NS) throw new Error(`exercise run: the job did not launch within ${LAUNCH_LIMIT_NS} ns`);
    if (n % 10_000 === 0) sim.drainTrace();
  }
  const launchedAtNs = sim.state.launchedAt;
  const atLaunch = nodeMetrics(sim);
  sim.drainTrace();
  const endNs = launchedAtNs + setup.windowNs;
  const events: TraceEvent[] = [];
  while (sim.now < endNs) {
    const r = advanceWatched(sim, Math.min(endNs, sim.now + SLICE_NS));
    if (r.stall) throw new Error(r.stall.message);
    collect(sim, events, launchedAtNs);
  }
  return { config, launchedAtNs, endNs, atLaunch, atEnd: nodeMetrics(sim), events };
}
