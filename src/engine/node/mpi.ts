/**
 * MPI through the HPC network card with OS bypass: after launch the card belongs to the
 * application, so a message costs no syscall. The thread polls for completion; the card's
 * occasional interrupts go to Linux CPUs under mOS (and, on untuned Linux, wherever they land).
 */
import { Cause, Role } from './kinds';
import { Cont } from './continuations';
import { interrupt, spin, type NodeSim } from './cpu';
import { Tr } from './events';
import { eligibleCpus } from './noise';
import { defineEvent } from './rules';
import { resumeWaiter } from './executor';

/** a = thread: the card has completed the transfer the thread polls for. */
const MpiComplete = defineEvent('MPI completion', (sim, tid) => resumeWaiter(sim, tid, Cont.Next));

export function startMpi(sim: NodeSim, tid: number, bytes: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const net = sim.config.network;
  s.progress.mpiMessages++;
  sim.emit(Tr.MpiDone, t.cpu, t.pid, bytes, 0);
  spin(sim, t.cpu, Cont.Next);
  sim.after(net.latencyNs + bytes / net.bytesPerNs, MpiComplete, tid);
  const r = sim.rng.stream('nic.mpi');
  if (r.next() < net.irqPerMessage) interrupt(sim, irqCpu(sim, t.cpu, r.int(1 << 30)), Cause.DeviceIrq, sim.config.linux.nicIrqNs);
}

/** Where the card's completion interrupt lands: never on an LWK CPU; on Linux, near the thread unless IRQs are steered. */
function irqCpu(sim: NodeSim, threadCpu: number, draw: number): number {
  if (sim.config.roles[threadCpu] !== Role.Lwk && !sim.config.linux.irqAffinity) return threadCpu;
  const housekeeping = eligibleCpus(sim, true);
  return housekeeping[draw % housekeeping.length];
}
