/**
 * mOS as Intel built it ("evanescence"): no messages and no proxies. A call the LWK does not keep
 * migrates the calling thread to its designated Linux CPU: the LWK CPU switches it out and sends
 * an IPI, the Linux CPU takes it in (it waits there like any Linux task), runs the Linux code,
 * and sends it back with another IPI; on its cooperative LWK CPU it runs again when that CPU is
 * free. Stages: proxy scheduling = migration out and the wait for the Linux CPU; service; reply
 * = migration back; reply seen = the wait for the LWK CPU.
 */
import { Activity } from '../node/kinds';
import { Cont } from '../node/continuations';
import { runSegment, type NodeSim } from '../node/cpu';
import { block, wake } from '../node/sched';
import { Ev, IpiKind, Tr } from '../node/events';
import { continueWith } from '../node/executor';
import { sendInterruptingIpi } from '../node/ipi';
import { defineContinuation, defineEvent } from '../node/rules';
import { enterStage, Stage, type Call } from '../syscalls/calls';
import { serviceNs } from '../syscalls/costs';
import { transferDirection } from '../syscalls/classes';
import { isPfsCall } from '../syscalls/pfs';
import { pfsFromLinux } from '../syscalls/osnodePath';
import { lwkTriage } from '../syscalls/triage';

import { registerDesign } from './registry';
import { AS_BUILT_INFO } from './info/asBuilt';

function migrateOut(sim: NodeSim, tid: number, call: Call): void {
  const t = sim.state.threads[tid];
  const target = sim.config.syscallCpuOf[t.home];
  enterStage(call, Stage.ProxySched, sim.now);
  sim.emit(Tr.Migrate, t.cpu, t.pid, target, 0);
  block(sim, tid, ServiceCont);
  t.cpu = target;
  // The LWK CPU hands the thread over with an IPI; the Linux CPU enqueues it.
  sendInterruptingIpi(sim, t.home, target, IpiKind.Wakeup, t.pid);
  sim.after(sim.config.syscalls.costs.migrateNs + sim.config.syscalls.costs.ipiNs, Ev.Wake, tid, ServiceCont);
}

function onService(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  // PFS I/O leaves the node from Linux, as for any Linux process.
  if (isPfsCall(sim.config, call)) return pfsFromLinux(sim, call, tid, BackCont);
  enterStage(call, Stage.Service, sim.now);
  // Same address space: no copy between LWK and Linux memory, only the call's own data movement.
  const data = transferDirection(call.name) ? call.bytes * sim.config.syscalls.costs.copyNsPerByte : 0;
  runSegment(sim, t.cpu, Activity.Syscall, serviceNs(sim.config, call.name) + data, BackCont);
}

function onBack(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  enterStage(call, Stage.Reply, sim.now);
  sim.emit(Tr.Migrate, t.cpu, t.pid, t.home, 1);
  const from = t.cpu;
  block(sim, tid, ReplySeenCont);
  t.cpu = t.home;
  sendInterruptingIpi(sim, from, t.home, IpiKind.Wakeup, t.pid);
  sim.after(sim.config.syscalls.costs.migrateNs + sim.config.syscalls.costs.ipiNs, ArrivedEvent, tid);
}

/** The thread is back on its LWK CPU's run queue: "reply ready"; it runs when the CPU is free. */
function onArrived(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  call.replyReadyAt = sim.now;
  enterStage(call, Stage.ReplySeen, sim.now);
  sim.emit(Tr.ReplyReady, t.home, t.pid, call.id, 0);
  wake(sim, tid, ReplySeenCont, t.home);
}

function onReplySeen(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const call = sim.state.calls.items[t.call]!;
  sim.emit(Tr.ReplySeen, t.cpu, t.pid, call.id, sim.now - call.replyReadyAt);
  continueWith(sim, tid, Cont.Return);
}

const ServiceCont = defineContinuation('migrated: service', onService);
const BackCont = defineContinuation('migrated: back', onBack);
const ReplySeenCont = defineContinuation('migrated: reply seen', onReplySeen);
/** a = thread: a migrating thread arrives back on its LWK CPU. */
const ArrivedEvent = defineEvent('migration back', onArrived);

export const AS_BUILT = registerDesign({
  ...AS_BUILT_INFO,
  triage: (sim, tid, call) => lwkTriage(sim, tid, call, migrateOut),
});
