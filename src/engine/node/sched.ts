/**
 * Scheduling. LWK CPUs are cooperative and tickless: a thread runs until it blocks or yields,
 * and the optional round-robin quantum is the only preemption. Linux CPUs preempt at a tick
 * once the current task has used its time slice and another task is runnable.
 */
import { Activity, Role } from './kinds';
import { Cont, TState } from './state';
import { isInterrupted, runSegment, setActivity, type NodeSim } from './cpu';
import { Tr } from './events';
import { collectReplies } from '../syscalls/shipping';

/** Gives `cpu` to thread `tid`: it resumes its suspended segment, or runs its continuation after a switch. */
export function dispatch(sim: NodeSim, cpu: number, tid: number): void {
  const s = sim.state;
  const c = s.cpu;
  const t = s.threads[tid];
  c.current[cpu] = tid;
  c.sliceStart[cpu] = sim.now;
  t.state = TState.Running;
  t.cpu = cpu;
  sim.emit(Tr.Dispatch, cpu, t.pid, tid, 0);
  const switchNs = sim.config.roles[cpu] === Role.Lwk ? sim.config.lwk.switchNs : sim.config.linux.switchNs;
  if (t.segLeft === Infinity) {
    t.segLeft = -1;
    c.gen[cpu]++;
    c.segEnd[cpu] = Infinity;
    if (!isInterrupted(sim, cpu)) setActivity(sim, cpu, Activity.Poll);
    else t.segLeft = Infinity;
  } else if (t.segLeft >= 0) {
    const left = t.segLeft;
    t.segLeft = -1;
    runSegment(sim, cpu, t.seg, left + switchNs, t.cont);
  } else {
    // A short kernel segment for the switch; the continuation runs when it ends.
    runSegment(sim, cpu, Activity.Syscall, switchNs, t.cont);
  }
}

/** Runs the next ready thread on an idle `cpu`, if any. */
export function dispatchNext(sim: NodeSim, cpu: number): void {
  const c = sim.state.cpu;
  if (c.current[cpu] >= 0) return;
  // A cooperative LWK notices replies that arrived while another thread ran when it next schedules.
  if (sim.config.roles[cpu] === Role.Lwk) collectReplies(sim, cpu);
  if (c.current[cpu] >= 0) return;
  const next = c.ready[cpu].shift();
  if (next !== undefined) dispatch(sim, cpu, next);
  else if (!isInterrupted(sim, cpu)) setActivity(sim, cpu, Activity.Idle);
}

/** The thread on its CPU blocks (waits for a reply, a futex, a timer): the CPU goes to the next ready thread. */
export function block(sim: NodeSim, tid: number, cont: Cont): void {
  const s = sim.state;
  const t = s.threads[tid];
  const cpu = t.cpu;
  t.state = TState.Blocked;
  t.cont = cont;
  t.segLeft = -1;
  if (s.cpu.current[cpu] === tid) {
    s.cpu.current[cpu] = -1;
    s.cpu.gen[cpu]++;
    s.cpu.segEnd[cpu] = 0;
    sim.emit(Tr.Block, cpu, t.pid, tid, 0);
    dispatchNext(sim, cpu);
  }
}

/** Makes a blocked thread runnable on `cpu` (default: where it is): it runs now if the CPU is free, else it queues. */
export function wake(sim: NodeSim, tid: number, cont: Cont, cpu = sim.state.threads[tid].cpu): void {
  const s = sim.state;
  const t = s.threads[tid];
  if (t.state === TState.Done) return;
  t.cont = cont;
  t.cpu = cpu;
  if (t.state === TState.Running || t.state === TState.Ready) return;
  t.state = TState.Ready;
  if (s.cpu.current[cpu] < 0) dispatch(sim, cpu, tid);
  else s.cpu.ready[cpu].push(tid);
}

/** Takes the CPU from its current thread (time slice or round-robin quantum) if another is ready. */
export function preemptIfWaiting(sim: NodeSim, cpu: number): void {
  const s = sim.state;
  const c = s.cpu;
  const tid = c.current[cpu];
  if (tid < 0 || c.ready[cpu].length === 0) return;
  const t = s.threads[tid];
  if (!isInterrupted(sim, cpu)) {
    const end = c.segEnd[cpu];
    t.segLeft = end === Infinity ? Infinity : Math.max(0, end - sim.now);
  }
  c.gen[cpu]++;
  t.state = TState.Ready;
  c.current[cpu] = -1;
  c.ready[cpu].push(tid);
  sim.emit(Tr.Preempt, cpu, t.pid, tid, 0);
  dispatchNext(sim, cpu);
}

/** Linux time slices, checked at each tick of a Linux CPU. */
export function timesliceCheck(sim: NodeSim, cpu: number): void {
  const c = sim.state.cpu;
  if (c.current[cpu] >= 0 && c.ready[cpu].length > 0 && sim.now - c.sliceStart[cpu] >= sim.config.linux.timesliceNs) preemptIfWaiting(sim, cpu);
}
