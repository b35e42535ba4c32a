/**
 * Performs what threads do: asks the workload for the next action and carries it out, and runs
 * each thread's continuation when its segment ends, when it is woken, or when its CPU is given
 * back after an interruption.
 */
import { Activity } from './kinds';
import { Cont, TState } from './state';
import { resumeAfterInterruption, runSegment, spin, type NodeSim } from './cpu';
import { block, dispatchNext, wake } from './sched';
import { Ev, Tr } from './events';
import { nextAction } from '../workloads/registry';
import { syscallAction, type Action } from '../workloads/program';
import { issueSyscall, onTriage, returnToUser } from '../syscalls/issue';
import { onInsert, onProxyCopy, onProxyLoop, onProxyPosted, onProxyReply, onReplySeen } from '../syscalls/shipping';
import { onMigratedBack, onMigratedService } from '../syscalls/evanescence';
import { startMpi } from './mpi';
import { enterStage, Stage } from '../syscalls/calls';

export function continueThread(sim: NodeSim, tid: number): void {
  const t = sim.state.threads[tid];
  const cont = t.cont;
  switch (cont) {
    case Cont.Next: return performNext(sim, tid);
    case Cont.Triage: return onTriage(sim, tid);
    case Cont.Return: return returnToUser(sim, tid);
    case Cont.ProxyLoop: return onProxyLoop(sim, tid);
    case Cont.ProxyReply: return onProxyReply(sim, tid);
    case Cont.ProxyCopy: return onProxyCopy(sim, tid);
    case Cont.ProxyPosted: return onProxyPosted(sim, tid);
    case Cont.MigratedService: return onMigratedService(sim, tid);
    case Cont.MigrateBack: return onMigratedBack(sim, tid);
    case Cont.ReplySeen: return onReplySeen(sim, tid);
    case Cont.Insert: return onInsert(sim, tid);
    case Cont.SpinDone: return performNext(sim, tid);
    default:
      cont satisfies never;
      throw new Error(`thread ${tid}: unknown continuation ${String(cont)}`);
  }
}

/** Carries out an action for the thread on its CPU (also used for actions postponed behind flushes). */
export function perform(sim: NodeSim, tid: number, a: Action): void {
  const t = sim.state.threads[tid];
  switch (a.op) {
    case 'compute': return runSegment(sim, t.cpu, Activity.App, a.ns, Cont.Next);
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

function performNext(sim: NodeSim, tid: number): void {
  perform(sim, tid, nextAction(sim, sim.state.threads[tid]));
}

export function threadExit(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  t.state = TState.Done;
  sim.emit(Tr.ThreadExit, t.cpu, t.pid, tid, 0);
  if (s.cpu.current[t.cpu] === tid) {
    s.cpu.current[t.cpu] = -1;
    s.cpu.gen[t.cpu]++;
    dispatchNext(sim, t.cpu);
  }
  const p = s.processes.find((x) => x.pid === t.pid);
  if (p && p.threads.every((x) => s.threads[x].state === TState.Done)) p.exited = true;
}

export function onSegDone(sim: NodeSim, cpu: number, gen: number): void {
  const c = sim.state.cpu;
  if (gen !== c.gen[cpu]) return;
  const tid = c.current[cpu];
  if (tid >= 0) continueThread(sim, tid);
}

export function onIntrEnd(sim: NodeSim, cpu: number, igen: number): void {
  const c = sim.state.cpu;
  if (igen !== c.igen[cpu]) return;
  if (resumeAfterInterruption(sim, cpu)) continueThread(sim, c.current[cpu]);
  else if (c.current[cpu] < 0) dispatchNext(sim, cpu);
}

/** A delayed wake-up: timers, migrations, proxy wake-ups. */
export function onWake(sim: NodeSim, tid: number, cont: number): void {
  const t = sim.state.threads[tid];
  // A thread migrating back is "reply ready" on arrival; its wait for the LWK CPU is "reply seen".
  if (cont === Cont.ReplySeen && t.call >= 0) enterStage(sim.state.calls.items[t.call]!, Stage.ReplySeen, sim.now);
  wake(sim, tid, cont as Cont, t.cpu);
}

/**
 * Ends a wait, whether the thread blocked (it is woken) or spins on its CPU (it continues at
 * once, or when the CPU's current interruption ends).
 */
export function resumeWaiter(sim: NodeSim, tid: number, cont: Cont): void {
  const s = sim.state;
  const t = s.threads[tid];
  if (t.state === TState.Blocked) return wake(sim, tid, cont);
  if (t.state === TState.Ready) {
    // Preempted while spinning: it continues when dispatched.
    t.cont = cont;
    t.segLeft = -1;
    return;
  }
  const cpu = t.cpu;
  t.cont = cont;
  if (s.cpu.intrUntil[cpu] > sim.now) {
    t.segLeft = -1; // the continuation runs when the interruption ends
    return;
  }
  s.cpu.gen[cpu]++;
  continueThread(sim, tid);
}

/** Waits in the configured way: spin on the CPU, or block and let another ready thread run. */
export function waitFor(sim: NodeSim, tid: number, cont: Cont, mode: 'spin' | 'block'): void {
  if (mode === 'spin') spin(sim, sim.state.threads[tid].cpu, cont);
  else block(sim, tid, cont);
}

export function onSpinDone(sim: NodeSim, tid: number): void {
  resumeWaiter(sim, tid, Cont.SpinDone);
}
