/**
 * The mOS compute-node model: plain-data state (state.ts) plus small named rules, each event
 * kind and continuation registered by the module that owns it (rules.ts). This file imports the
 * machine's rules and every design, then wires the handler table into the generic Simulation
 * and exposes metrics and commands.
 */
import type { EngineCommand, EventHandler, LoggedCommand, ModelDefinition } from '../kernel/simulation';
import { Simulation } from '../kernel/simulation';
import type { NodeConfig } from '../config/nodeConfig';
import { createNodeState, type NodeState } from './state';
import type { NodeSim } from './cpu';
import { scheduleNoise } from './noise';
import './executor';
import './actions';
import { LaunchEvent } from './launch';
import { createJob } from './job';
import '../designs';
import { eventRules, continuationRules } from './rules';
import { describeRecord } from './describe';
import { nodeMetrics } from './metrics';
import { applyInjection } from '../inject';

// Every module has registered its rules by now (imports run first): fail at load if one is missing.
continuationRules();
const handlers = eventRules() as readonly EventHandler<NodeState, NodeConfig>[];

/** Applies a user command (an injection, src/engine/inject); returns an error text for a malformed one. */
function applyCommand(sim: NodeSim, command: EngineCommand): string | null {
  return applyInjection(sim, command);
}

export const nodeModel: ModelDefinition<NodeConfig, NodeState> = {
  name: 'mos-node',
  init(sim, config) {
    const state = createNodeState(config);
    sim.state = state;
    createJob(state, config);
    sim.at(0, LaunchEvent, 0);
    scheduleNoise(sim);
    return state;
  },
  handlers,
  applyCommand,
  describe: (record, sim) => describeRecord(record, sim.config),
  metrics: nodeMetrics,
};

export function createNodeSimulation(config: NodeConfig, seed: number, options?: { commands?: readonly LoggedCommand[]; traceCapacity?: number }): NodeSim {
  return Simulation.create(nodeModel, config, seed, options);
}

export function restoreNodeSimulation(bytes: Uint8Array): NodeSim {
  return Simulation.restore(nodeModel, bytes);
}
