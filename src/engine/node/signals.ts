/**
 * Signals to application threads. On the LWK a signal arrives by IPI only if its channel takes
 * IPIs; otherwise it waits for the thread's next kernel entry. Linux always sends the IPI.
 */
import { Cause, Role } from './kinds';
import { interrupt, type NodeSim } from './cpu';
import { IpiKind, Tr } from './events';
import { sendIpi } from './ipi';
import { defineEvent } from './rules';

/** a = thread: a signal's IPI reaches the thread's CPU. */
const SignalIpiEvent = defineEvent('signal IPI', onSignalIpi);

export function sendSignal(sim: NodeSim, pid: number): string | null {
  const s = sim.state;
  const p = s.processes.find((x) => x.pid === pid);
  if (!p) return `signal: no process ${pid}`;
  const tid = p.threads[0];
  const t = s.threads[tid];
  s.signals.sent++;
  t.signalsSentAt.push(sim.now);
  sim.emit(Tr.SignalSent, t.cpu, pid, tid, 0);
  // Linux always interrupts the target; an LWK CPU only if its channel takes IPIs.
  if (sim.config.roles[t.home] !== Role.Lwk || sim.config.syscalls.replyIpi) {
    const linuxCpu = sim.config.syscallCpuOf[t.home] >= 0 ? sim.config.syscallCpuOf[t.home] : 0;
    sim.at(sendIpi(sim, linuxCpu, t.home, IpiKind.Signal, pid), SignalIpiEvent, tid);
  }
  return null;
}

function deliver(sim: NodeSim, tid: number): number {
  const s = sim.state;
  const t = s.threads[tid];
  let n = 0;
  for (const sentAt of t.signalsSentAt.splice(0, t.signalsSentAt.length)) {
    s.signals.delivered++;
    s.signals.delaySumNs += sim.now - sentAt;
    sim.emit(Tr.SignalDelivered, t.cpu, t.pid, tid, sim.now - sentAt);
    n++;
  }
  return n;
}

function onSignalIpi(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  if (t.signalsSentAt.length === 0) return;
  interrupt(sim, t.home, Cause.Ipi, sim.config.syscalls.costs.ipiEntryNs);
  sim.state.signals.byIpi += deliver(sim, tid);
}

export function deliverSignalsAtKernelEntry(sim: NodeSim, tid: number): void {
  if (sim.state.threads[tid].signalsSentAt.length > 0) sim.state.signals.atKernelEntry += deliver(sim, tid);
}
