/**
 * The mOS compute-node model: plain-data state (state.ts) plus small named rules, one per
 * event kind. This file wires them into the generic Simulation and exposes metrics and commands.
 */
import type { EngineCommand, EventHandler, LoggedCommand, ModelDefinition } from '../kernel/simulation';
import { Simulation } from '../kernel/simulation';
import type { NodeConfig } from '../config/nodeConfig';
import { createNodeState, type NodeState } from './state';
import { Ev, EVENT_KIND_COUNT } from './events';
import { interrupt, type NodeSim } from './cpu';
import { onDaemon, onNicIrq, onResidualTick, onRoundRobin, onTick, scheduleNoise } from './noise';
import { onIntrEnd, onSegDone, onSpinDone, onWake } from './executor';
import { onLaunch } from './launch';
import { createJob } from './job';
import { onRemoteIpi } from './ipi';
import { onSignalIpi, sendSignal } from './signals';
import { onChannelIpi, onHandlerDone, onReplyIpi, onReplyPoll } from '../syscalls/shipping';
import { onTimerFire } from '../syscalls/local';
import { onOsNodeDone } from '../syscalls/osnodePath';
import { describeRecord } from './describe';
import { nodeMetrics } from './metrics';
import { CAUSE_NAMES, type Cause } from './kinds';

type Handler = EventHandler<NodeState, NodeConfig>;
const handlers: Handler[] = new Array<Handler>(EVENT_KIND_COUNT);
handlers[Ev.SegDone] = onSegDone;
handlers[Ev.IntrEnd] = onIntrEnd;
handlers[Ev.Tick] = onTick;
handlers[Ev.Daemon] = onDaemon;
handlers[Ev.NicIrq] = onNicIrq;
handlers[Ev.RoundRobin] = onRoundRobin;
handlers[Ev.ResidualTick] = onResidualTick;
handlers[Ev.Launch] = onLaunch;
handlers[Ev.ChannelIpi] = onChannelIpi;
handlers[Ev.HandlerDone] = onHandlerDone;
handlers[Ev.Wake] = onWake;
handlers[Ev.ReplyIpi] = onReplyIpi;
handlers[Ev.ReplyPoll] = onReplyPoll;
handlers[Ev.RemoteIpi] = onRemoteIpi;
handlers[Ev.OsNodeDone] = onOsNodeDone;
handlers[Ev.TimerFire] = onTimerFire;
handlers[Ev.SpinDone] = onSpinDone;
handlers[Ev.SignalIpi] = onSignalIpi;

/** Applies a user command; returns an error text for a malformed one. */
function applyCommand(sim: NodeSim, command: EngineCommand): string | null {
  switch (command.type) {
    case 'inject-interrupt': {
      const { cpu, cause, durationNs } = command;
      if (typeof cpu !== 'number' || !Number.isInteger(cpu) || cpu < 0 || cpu >= sim.config.cpuCount) return `inject-interrupt: no CPU ${String(cpu)}`;
      const causeIndex = CAUSE_NAMES.indexOf(cause as (typeof CAUSE_NAMES)[number]);
      if (causeIndex < 0) return `inject-interrupt: unknown cause ${String(cause)} (one of: ${CAUSE_NAMES.join(', ')})`;
      if (typeof durationNs !== 'number' || !(durationNs > 0)) return 'inject-interrupt: durationNs must be a positive number';
      interrupt(sim, cpu, causeIndex as Cause, durationNs);
      return null;
    }
    case 'signal': {
      const { pid } = command;
      if (typeof pid !== 'number') return 'signal: pid must be a number';
      return sendSignal(sim, pid);
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
    createJob(state, config);
    sim.at(0, Ev.Launch, 0);
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
