/**
 * The mOS compute-node model: plain-data state (state.ts) plus small named rules, one per
 * event kind. This file wires them into the generic Simulation and exposes metrics.
 */
import type { EngineCommand, EventHandler, LoggedCommand, ModelDefinition } from '../kernel/simulation';
import { Simulation } from '../kernel/simulation';
import type { NodeConfig } from '../config/nodeConfig';
import { createNodeState, type NodeState } from './state';
import { Ev, EVENT_KIND_COUNT, Tr } from './events';
import { interrupt, isCurrentWork, onIntrEnd, type NodeSim } from './cpu';
import { onDaemon, onNicIrq, onResidualTick, onRoundRobin, onTick, scheduleNoise } from './noise';
import { onFwqQuantumDone, startFwq } from '../workloads/fwq';
import { describeRecord } from './describe';
import { nodeMetrics } from './metrics';
import { CAUSE_NAMES, type Cause } from './kinds';

function onLaunch(sim: NodeSim): void {
  const s = sim.state;
  const pid = 1000;
  for (const cpu of sim.config.appCpus) {
    const tid = s.threadPid.length;
    s.threadPid.push(pid);
    s.cpu.thread[cpu] = tid;
    sim.emit(Tr.ThreadStart, cpu, pid, tid, 0);
  }
  sim.emit(Tr.Launch, -1, pid, 1, sim.config.appCpus.length);
  for (const cpu of sim.config.appCpus) startFwq(sim, cpu);
}

function onWorkDone(sim: NodeSim, cpu: number, gen: number): void {
  if (!isCurrentWork(sim, cpu, gen)) return;
  onFwqQuantumDone(sim, cpu);
}

const handlers: EventHandler<NodeState, NodeConfig>[] = new Array(EVENT_KIND_COUNT);
handlers[Ev.WorkDone] = onWorkDone;
handlers[Ev.IntrEnd] = onIntrEnd;
handlers[Ev.Tick] = onTick;
handlers[Ev.Daemon] = onDaemon;
handlers[Ev.NicIrq] = onNicIrq;
handlers[Ev.RoundRobin] = onRoundRobin;
handlers[Ev.ResidualTick] = onResidualTick;
handlers[Ev.Launch] = onLaunch;

/** Applies a user command; returns an error text for a malformed one. */
function applyCommand(nsim: NodeSim, command: EngineCommand): string | null {
  switch (command.type) {
    case 'inject-interrupt': {
      const { cpu, cause, durationNs } = command;
      if (typeof cpu !== 'number' || !Number.isInteger(cpu) || cpu < 0 || cpu >= nsim.config.cpuCount) return `inject-interrupt: no CPU ${String(cpu)}`;
      const causeIndex = CAUSE_NAMES.indexOf(cause as (typeof CAUSE_NAMES)[number]);
      if (causeIndex < 0) return `inject-interrupt: unknown cause ${String(cause)} (one of: ${CAUSE_NAMES.join(', ')})`;
      if (typeof durationNs !== 'number' || !(durationNs > 0)) return 'inject-interrupt: durationNs must be a positive number';
      interrupt(nsim, cpu, causeIndex as Cause, durationNs);
      return null;
    }
    default:
      return `unknown command "${command.type}"`;
  }
}

export const nodeModel: ModelDefinition<NodeConfig, NodeState> = {
  name: 'mos-node',
  init(sim, config) {
    const state = createNodeState(config);
    sim.state = state;
    sim.at(0, Ev.Launch);
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
