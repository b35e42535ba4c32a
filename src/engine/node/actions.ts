/**
 * Carries out what application threads do: asks the workload for the next action (compute, a
 * system call, the barrier, MPI, an external wait, exit) and performs it. Bound to the `Next`
 * continuation, so the syscall path returns here without importing this module.
 */
import { Cont } from './continuations';
import { runCompute, type NodeSim } from './cpu';
import { block } from './sched';
import { Ev } from './events';
import { bindContinuation } from './rules';
import { threadExit } from './executor';
import { nextAction } from '../workloads/registry';
import { syscallAction, type Action } from '../workloads/program';
import { issueSyscall } from '../syscalls/issue';
import { startMpi } from './mpi';

/** Carries out an action for the thread on its CPU. */
export function perform(sim: NodeSim, tid: number, a: Action): void {
  const t = sim.state.threads[tid];
  switch (a.op) {
    case 'compute': return runCompute(sim, t.cpu, a.ns, Cont.Next);
    case 'syscall': return issueSyscall(sim, tid, a);
    // The barrier is a futex call: FUTEX_WAIT for all but the last, FUTEX_WAKE by the last.
    case 'barrier': return issueSyscall(sim, tid, syscallAction('futex', -1, 0, '', 1));
    case 'mpi': return startMpi(sim, tid, a.bytes);
    case 'external': return waitExternal(sim, tid, a.ns);
    case 'exit': return threadExit(sim, tid);
    default:
      a satisfies never;
      throw new Error(`thread ${tid}: unknown action`);
  }
}

/** The thread blocks for `ns` on something outside the model (strace replay: a pipe, a child, a peer). */
function waitExternal(sim: NodeSim, tid: number, ns: number): void {
  block(sim, tid, Cont.Next);
  sim.after(Math.max(0, ns), Ev.Wake, tid, Cont.Next);
}

/** The next action: one postponed behind glibc's flushes, else the workload's next. */
function performNext(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const deferred = t.deferred;
  if (deferred) {
    t.deferred = null;
    return perform(sim, tid, deferred);
  }
  // A syscall storm (an injection): the process's threads issue its calls before going on.
  const storm = sim.state.injected.storms[t.pid];
  if (storm !== undefined && storm.left > 0) {
    storm.left--;
    return perform(sim, tid, syscallAction(storm.name));
  }
  perform(sim, tid, nextAction(sim, t));
}

bindContinuation(Cont.Next, performNext);
