/**
 * MPI through the HPC network card with OS bypass: after launch the card belongs to the
 * application, so a message costs no syscall. The thread polls for completion; the card's
 * occasional interrupts go to Linux CPUs under mOS (and, on untuned Linux, wherever they land).
 */
import { Cause, Role } from './kinds';
import { Cont } from './state';
import { interrupt, spin, type NodeSim } from './cpu';
import { Ev, Tr } from './events';

export function startMpi(sim: NodeSim, tid: number, bytes: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const net = sim.config.network;
  s.progress.mpiMessages++;
  sim.emit(Tr.MpiDone, t.cpu, t.pid, bytes, 0);
  spin(sim, t.cpu, Cont.SpinDone);
  sim.after(net.latencyNs + bytes / net.bytesPerNs, Ev.SpinDone, tid);
  const r = sim.rng.stream('nic.mpi');
  if (r.next() < net.irqPerMessage) interrupt(sim, irqCpu(sim, t.cpu, r.int(1 << 30)), Cause.DeviceIrq, sim.config.linux.nicIrqNs);
}

/** Where the card's completion interrupt lands: never on an LWK CPU; on Linux, near the thread unless IRQs are steered. */
function irqCpu(sim: NodeSim, threadCpu: number, draw: number): number {
  const { roles, appCpus, linux } = sim.config;
  if (roles[threadCpu] !== Role.Lwk && !linux.irqAffinity) return threadCpu;
  const housekeeping = roles.map((_, i) => i).filter((c) => roles[c] !== Role.Lwk && !appCpus.includes(c));
  return housekeeping[draw % housekeeping.length];
}
