/**
 * FFMK: an L4 microkernel (Fiasco.OC with L4Re) and L4Linux, a Linux kernel running as a user
 * program on it. Application threads are "decoupled": each runs alone on a microkernel core (the
 * LWK CPUs of the partition), away from Linux's scheduler, while its Linux task (a shadow task in
 * L4Linux) stays behind. A Linux call of a decoupled thread traps into the microkernel, which
 * turns it into a synchronous IPC to L4Linux's vCPU on a Linux core: an IPI crosses to that core
 * (cross-core IPC), L4Linux schedules the shadow task, serves the call in its context, and
 * replies by IPC (another IPI), which makes the decoupled thread runnable again. There is no
 * shared-memory channel and no doorbell: the microkernel carries every call.
 *
 * Stages: intercept, "microkernel IPC" (the exception IPC out, then the IPI in flight), proxy
 * scheduling (the IPI entry on the Linux core and the shadow task's wake-up), service (the call
 * and its data, moved by L4Linux as by any Linux), "IPC reply" (the reply IPC and its IPI), reply
 * seen. The decoupled thread's core is idle while it waits. The microkernel implements no Linux
 * call; the model keeps the futex of its own BSP barrier on the core (see docs/designs/ffmk.md).
 *
 * Sources: Weinhold et al., "FFMK: A Fast and Fault-Tolerant Microkernel-Based System for
 * Exascale Computing" (SPPEXA 2016); Lackorzynski, Weinhold, Härtig, "Decoupled: Low-Effort
 * Noise-Free Execution on Commodity Systems" (ROSS 2016); TU Dresden's L4Linux work on system
 * call forwarding (forwarding "requires expensive cross-processor communication which involves
 * the microkernel and uses inter-processor interrupts").
 */
import { Activity, Cause, Role } from '../node/kinds';
import { Cont } from '../node/continuations';
import { interrupt, runSegment, type NodeSim } from '../node/cpu';
import { block, wake } from '../node/sched';
import { Ev, IpiKind, Tr } from '../node/events';
import { continueWith } from '../node/executor';
import { sendIpi } from '../node/ipi';
import { defineContinuation, defineEvent } from '../node/rules';
import { addThread, onCreateJob, proxyCpus } from '../node/job';
import { processOf, type NodeState } from '../node/state';
import type { FfmkConfig, NodeConfig } from '../config/nodeConfig';
import { enterStage, Stage, type Call } from '../syscalls/calls';
import { serviceNs } from '../syscalls/costs';
import { transferDirection } from '../syscalls/classes';
import { isPfsCall } from '../syscalls/pfs';
import { shipToOsNode } from '../syscalls/osnodePath';
import { lwkTriage } from '../syscalls/triage';
import { FFMK_DEFAULTS } from '../config/defaults';
import { registerDesign } from './registry';
import { FFMK_INFO, IpcStage, IpcReplyStage } from './info/ffmk';

function settings(config: NodeConfig): FfmkConfig {
  return { ...FFMK_DEFAULTS, ...config.syscalls.ffmk };
}

/** The L4Linux vCPU serving a microkernel core: its group's syscall CPU (else the first Linux CPU). */
export function vcpuOf(config: NodeConfig, cpu: number): number {
  const target = config.syscallCpuOf[cpu];
  if (target >= 0) return target;
  const first = config.roles.findIndex((r) => r !== Role.Lwk);
  return first >= 0 ? first : 0;
}

/**
 * Each decoupled thread's shadow task in L4Linux, listed with the process's proxies in thread
 * order. L4Linux schedules it like any Linux task on its vCPUs: those of the core's NUMA domain
 * (syscalls.proxyAffinity), starting on the vCPU that serves the core.
 */
function createShadows(state: NodeState, config: NodeConfig): void {
  if (config.syscalls.mechanism !== FFMK.id) return;
  for (const p of [...state.processes]) {
    for (const tid of [...p.threads]) {
      const home = state.threads[tid].home;
      if (config.roles[home] !== Role.Lwk) continue;
      const vcpus = proxyCpus(config, home);
      const allowed = vcpus.length > 0 ? vcpus : [vcpuOf(config, home)];
      addThread(state, p, allowed[0], 'proxy', { kind: 'proxy' }, allowed);
    }
  }
}

function shadowOf(sim: NodeSim, call: Call): number {
  const p = processOf(sim.state, call.pid);
  return p.proxies[p.threads.indexOf(call.tid)];
}

// ---- the decoupled thread: exception IPC out ----

function ipcOut(sim: NodeSim, tid: number, call: Call): void {
  enterStage(call, IpcStage, sim.now);
  runSegment(sim, sim.state.threads[tid].cpu, Activity.Syscall, settings(sim.config).ipcNs, SentCont);
}

/** The IPC crosses to the vCPU's core; the decoupled thread waits for the reply, its core idle. */
function onSent(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  const shadow = shadowOf(sim, call);
  sim.state.threads[shadow].serving = call.id;
  // The IPC goes to the vCPU the shadow task last ran on.
  const arrival = sendIpi(sim, t.cpu, sim.state.threads[shadow].cpu, IpiKind.Wakeup, t.pid);
  block(sim, tid, ReplySeenCont);
  sim.at(arrival, ArriveEvent, call.id);
}

/** On the Linux core: the microkernel takes the IPI and delivers the IPC; L4Linux wakes the shadow task. */
function onArrive(sim: NodeSim, id: number): void {
  const call = sim.state.calls.items[id]!;
  const shadow = shadowOf(sim, call);
  enterStage(call, Stage.ProxySched, sim.now);
  const end = interrupt(sim, sim.state.threads[shadow].cpu, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  sim.at(end + sim.config.linux.wakeupNs, Ev.Wake, shadow, ServeCont);
}

// ---- L4Linux: the shadow task serves the call ----

function onServe(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.serving]!;
  sim.emit(Tr.ProxyStart, t.cpu, t.pid, call.id, 0);
  if (isPfsCall(sim.config, call)) return shipToOsNode(sim, call, tid, ReplyCont, 'block');
  enterStage(call, Stage.Service, sim.now);
  // L4Linux reaches the task's memory as Linux does: the call's own data movement, no partition copy.
  const data = transferDirection(call.name) ? call.bytes * sim.config.syscalls.costs.copyNsPerByte : 0;
  runSegment(sim, t.cpu, Activity.Proxy, serviceNs(sim.config, call.name) + data, ReplyCont);
}

function onReply(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  enterStage(sim.state.calls.items[t.serving]!, IpcReplyStage, sim.now);
  runSegment(sim, t.cpu, Activity.Proxy, settings(sim.config).ipcNs, RepliedCont);
}

/** The reply IPC crosses back; the shadow task waits for the next call. */
function onReplied(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.serving]!;
  t.serving = -1;
  const home = sim.state.threads[call.tid].home;
  sim.at(sendIpi(sim, t.cpu, home, IpiKind.Wakeup, call.pid), BackEvent, call.id);
  block(sim, tid, ServeCont);
}

/** The reply reaches the microkernel core: the decoupled thread runs again. */
function onBack(sim: NodeSim, id: number): void {
  const call = sim.state.calls.items[id]!;
  const home = sim.state.threads[call.tid].home;
  interrupt(sim, home, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  call.replyReadyAt = sim.now;
  enterStage(call, Stage.ReplySeen, sim.now);
  sim.emit(Tr.ReplyReady, home, call.pid, call.id, 0);
  wake(sim, call.tid, ReplySeenCont, home);
}

function onReplySeen(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  sim.emit(Tr.ReplySeen, t.cpu, t.pid, call.id, sim.now - call.replyReadyAt);
  continueWith(sim, tid, Cont.Return);
}

const SentCont = defineContinuation('ffmk: IPC sent', onSent);
const ServeCont = defineContinuation('ffmk: shadow task serves', onServe);
const ReplyCont = defineContinuation('ffmk: reply IPC', onReply);
const RepliedCont = defineContinuation('ffmk: reply sent', onReplied);
const ReplySeenCont = defineContinuation('ffmk: reply seen', onReplySeen);
/** a = call: the IPC's IPI reaches the L4Linux vCPU's core. */
const ArriveEvent = defineEvent('ffmk: IPC at L4Linux', onArrive);
/** a = call: the reply's IPI reaches the decoupled thread's core. */
const BackEvent = defineEvent('ffmk: reply at the decoupled thread', onBack);

onCreateJob(createShadows);

export const FFMK = registerDesign({
  ...FFMK_INFO,
  triage: (sim, tid, call) => lwkTriage(sim, tid, call, ipcOut),
});
