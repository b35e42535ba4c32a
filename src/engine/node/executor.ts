/**
 * Runs each thread's continuation when its segment ends, when it is woken, or when its CPU is
 * given back after an interruption. Continuations are looked up in the registry (rules.ts), so
 * the machine never imports the designs or the syscall path that define them.
 */
import { processOf, TState } from './state';
import { resumeAfterInterruption, spin, type NodeSim } from './cpu';
import { block, dispatchNext, wake } from './sched';
import { bindEvent, continuationName, continuationRules, type ContinuationRule } from './rules';
import { Ev, Tr } from './events';

let rules: readonly ContinuationRule[] = [];

/** Runs the thread's continuation. */
export function continueThread(sim: NodeSim, tid: number): void {
  const cont = sim.state.threads[tid].cont;
  // The table is completed once every module has registered (at the first call).
  if (cont >= rules.length) rules = continuationRules();
  const rule = rules[cont];
  if (rule === undefined) throw new Error(`thread ${tid}: unknown continuation ${continuationName(cont)}`);
  rule(sim, tid);
}

/** Sets the continuation and runs it now. */
export function continueWith(sim: NodeSim, tid: number, cont: number): void {
  sim.state.threads[tid].cont = cont;
  continueThread(sim, tid);
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
  const p = processOf(s, t.pid);
  if (p && p.threads.every((x) => s.threads[x].state === TState.Done)) p.exited = true;
}

function onSegDone(sim: NodeSim, cpu: number, gen: number): void {
  const c = sim.state.cpu;
  if (gen !== c.gen[cpu]) return;
  const tid = c.current[cpu];
  if (tid >= 0) continueThread(sim, tid);
}

function onIntrEnd(sim: NodeSim, cpu: number, igen: number): void {
  const c = sim.state.cpu;
  if (igen !== c.igen[cpu]) return;
  if (resumeAfterInterruption(sim, cpu)) continueThread(sim, c.current[cpu]);
  else if (c.current[cpu] < 0) dispatchNext(sim, cpu);
}

/** A delayed wake-up (timers, migrations, proxies): the scheduler places the thread. */
function onWake(sim: NodeSim, tid: number, cont: number): void {
  wake(sim, tid, cont);
}

bindEvent(Ev.SegDone, onSegDone);
bindEvent(Ev.IntrEnd, onIntrEnd);
bindEvent(Ev.Wake, onWake);

/**
 * Ends a wait, whether the thread blocked (it is woken) or spins on its CPU (it continues at
 * once, or when the CPU's current interruption ends).
 */
export function resumeWaiter(sim: NodeSim, tid: number, cont: number): void {
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
export function waitFor(sim: NodeSim, tid: number, cont: number, mode: 'spin' | 'block'): void {
  if (mode === 'spin') spin(sim, sim.state.threads[tid].cpu, cont);
  else block(sim, tid, cont);
}
