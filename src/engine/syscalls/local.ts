/**
 * Calls served on the caller's own CPU: by the LWK (its own implementations, or under mOS as
 * built the Linux code run on the LWK CPU), or by Linux in the baselines. Some have effects
 * beyond their cost: nanosleep arms a one-shot timer, munmap shoots down TLBs on the other CPUs
 * of the process, futex implements the application's barrier.
 */
import { Activity, Cause, Role } from '../node/kinds';
import { processOf, TState } from '../node/state';
import { Cont } from '../node/continuations';
import { interrupt, runSegment, type NodeSim } from '../node/cpu';
import { block, wake } from '../node/sched';
import { IpiKind, Tr } from '../node/events';
import { lwkAllocate, lwkGrowHeap, lwkProc } from '../node/memory';
import { sendInterruptingIpi } from '../node/ipi';
import { defineEvent } from '../node/rules';
import { enterStage, Stage, type Call } from './calls';
import { futexBarrier } from '../node/barrier';
import { FUTEX_PLAIN } from '../workloads/program';

const WITH_EFFECTS = new Set(['nanosleep', 'clock_nanosleep', 'munmap', 'futex']);

/** a = thread: a one-shot timer (nanosleep) fires on the thread's CPU. */
const TimerFireEvent = defineEvent('one-shot timer', onTimerFire);

/** Calls whose effects are modelled wherever they run (also natively on Linux). */
export function hasLocalSemantics(name: string): boolean {
  return WITH_EFFECTS.has(name);
}

export function handleLocal(sim: NodeSim, tid: number, call: Call): void {
  const s = sim.state;
  const t = s.threads[tid];
  const costs = sim.config.syscalls.costs;
  enterStage(call, Stage.Service, sim.now);
  if (sim.config.roles[t.cpu] === Role.Lwk) {
    if (sim.config.syscalls.linuxCodeOnLwk.includes(call.name)) s.localKinds.linuxCodeOnLwk++;
    else s.localKinds.lwkImplementation++;
  }
  switch (call.name) {
    case 'nanosleep':
    case 'clock_nanosleep':
      // A one-shot timer: the thread sleeps and the timer's interrupt wakes it.
      sim.after(Math.max(1, call.arg), TimerFireEvent, tid);
      return block(sim, tid, Cont.Return);
    case 'munmap':
      shootDown(sim, tid);
      return runSegment(sim, t.cpu, Activity.Syscall, costs.localNs + 2 * costs.ipiNs, Cont.Return);
    case 'futex':
      // An ordinary futex operation (strace replay: its wait is replayed as an external wait) is a local call.
      return call.arg === FUTEX_PLAIN ? runSegment(sim, t.cpu, Activity.Syscall, costs.localNs, Cont.Return) : futexBarrier(sim, tid);
    case 'brk':
    case 'mmap':
      // The LWK maps physically contiguous memory, zeroed before it returns (no faults later);
      // Linux maps lazily and faults at first touch (the working set's touches model that).
      return runSegment(sim, t.cpu, Activity.Syscall, costs.localNs + (sim.config.roles[t.cpu] === Role.Lwk ? mapOnLwk(sim, tid, call) : 0), Cont.Return);
    default:
      return runSegment(sim, t.cpu, Activity.Syscall, costs.localNs, Cont.Return);
  }
}

/** brk grows the heap in heapStepBytes steps; mmap maps a region near the caller. Returns the zeroing time. */
function mapOnLwk(sim: NodeSim, tid: number, call: Call): number {
  if (call.bytes <= 0) return 0;
  const s = sim.state;
  const t = s.threads[tid];
  const proc = lwkProc(s.memory, t.pid);
  const r =
    call.name === 'brk'
      ? lwkGrowHeap(s.memory, sim.config.memory, t.pid, Math.max(proc?.brk ?? 0, proc?.heapMapped ?? 0) + call.bytes)
      : lwkAllocate(s.memory, sim.config.memory, t.pid, 'mmap', call.bytes, sim.config.numaOf[t.cpu]);
  if (!r.ok) {
    sim.emit(Tr.MemoryError, t.cpu, t.pid, call.id, 0);
    return 0;
  }
  return r.zeroNs;
}

/** The one-shot timer fires on the sleeper's CPU: an interruption with a cause, then the wake-up. */
function onTimerFire(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  interrupt(sim, t.home, Cause.Timer, sim.config.syscalls.costs.timerIrqNs);
  if (t.state === TState.Blocked) wake(sim, tid, Cont.Return, t.home);
}

/** munmap: every other CPU running a thread of the process must flush its TLB (an IPI each). */
function shootDown(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  for (const other of processOf(s, t.pid).threads) {
    const o = s.threads[other];
    if (other !== tid && o.state === TState.Running && o.cpu !== t.cpu) sendInterruptingIpi(sim, t.cpu, o.cpu, IpiKind.Shootdown, t.pid);
  }
}
