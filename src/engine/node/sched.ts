/**
 * Scheduling. LWK CPUs are cooperative and tickless: a thread runs until it blocks or yields,
 * and the optional round-robin quantum is the only preemption. Linux CPUs preempt at a tick
 * once the current task has used its time slice and another task is runnable; a task allowed on
 * several CPUs (a proxy) is placed at wake-up as Linux's select_task_rq_fair does (its previous
 * CPU if idle, else an idle CPU it may use, else the shortest run queue), and a Linux CPU that
 * goes idle pulls a waiting task it may run (newidle balancing).
 */
import { Activity, Role } from './kinds';
import { TState } from './state';
import { isInterrupted, runSegment, setActivity, type NodeSim } from './cpu';
import { Tr } from './events';

/** Rules a design adds to the LWK's scheduling point (e.g. noticing replies that arrived meanwhile). */
type LwkScheduleHook = (sim: NodeSim, cpu: number) => void;
const lwkScheduleHooks: LwkScheduleHook[] = [];

/** Registers a rule run whenever an LWK CPU looks for its next thread (designs call it at load). */
export function onLwkSchedule(hook: LwkScheduleHook): void {
  lwkScheduleHooks.push(hook);
}

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
  if (sim.config.roles[cpu] === Role.Lwk) {
    for (const hook of lwkScheduleHooks) hook(sim, cpu);
    if (c.current[cpu] >= 0) return;
  }
  let next = c.ready[cpu].shift();
  if (next === undefined && sim.config.roles[cpu] !== Role.Lwk) next = pullWaitingTask(sim, cpu);
  if (next !== undefined) dispatch(sim, cpu, next);
  else if (!isInterrupted(sim, cpu)) setActivity(sim, cpu, Activity.Idle);
}

/** Newidle balancing: the oldest waiting task of the longest run queue that may run on `cpu`. */
function pullWaitingTask(sim: NodeSim, cpu: number): number | undefined {
  const s = sim.state;
  let from = -1;
  let index = -1;
  for (let other = 0; other < s.cpu.ready.length; other++) {
    const q = s.cpu.ready[other];
    if (other === cpu || q.length === 0 || (from >= 0 && q.length <= s.cpu.ready[from].length)) continue;
    const i = q.findIndex((tid) => s.threads[tid].affinity?.includes(cpu) === true);
    if (i >= 0) {
      from = other;
      index = i;
    }
  }
  if (from < 0) return undefined;
  const [tid] = s.cpu.ready[from].splice(index, 1);
  sim.emit(Tr.Migrate, from, s.threads[tid].pid, cpu, 2);
  return tid;
}

/** The thread on its CPU blocks (waits for a reply, a futex, a timer): the CPU goes to the next ready thread. */
export function block(sim: NodeSim, tid: number, cont: number): void {
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

/**
 * Wake-up placement for a task with an affinity set: its previous CPU if idle, else the first
 * idle CPU of the set, else the one with the shortest run queue (the previous CPU on a tie).
 */
export function placeOnWake(sim: NodeSim, tid: number): number {
  const s = sim.state;
  const t = s.threads[tid];
  const set = t.affinity;
  if (set === null || set.length === 0) return t.cpu;
  const idle = (cpu: number) => s.cpu.current[cpu] < 0 && s.cpu.ready[cpu].length === 0;
  const prev = set.includes(t.cpu) ? t.cpu : set[0];
  if (idle(prev)) return prev;
  for (const cpu of set) if (idle(cpu)) return cpu;
  let best = prev;
  for (const cpu of set) if (s.cpu.ready[cpu].length < s.cpu.ready[best].length) best = cpu;
  return best;
}

/**
 * Makes a blocked thread runnable on `cpu` (default: where the scheduler places it): it runs
 * now if the CPU is free, else it queues.
 */
export function wake(sim: NodeSim, tid: number, cont: number, cpu = placeOnWake(sim, tid)): void {
  const s = sim.state;
  const t = s.threads[tid];
  if (t.state === TState.Done) return;
  t.cont = cont;
  if (t.state === TState.Running || t.state === TState.Ready) return;
  t.cpu = cpu;
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
