/**
 * The application's barrier on futexes: every thread but the last waits (FUTEX_WAIT); the last
 * wakes them all (FUTEX_WAKE). Waking a thread on another CPU takes a wake-up IPI there.
 */
import { Activity } from './kinds';
import { processOf, TState } from './state';
import { Cont } from './continuations';
import { runSegment, type NodeSim } from './cpu';
import { block, wake } from './sched';
import { Ev, IpiKind } from './events';
import { sendInterruptingIpi } from './ipi';

export function futexBarrier(sim: NodeSim, tid: number): void {
  const s = sim.state;
  const t = s.threads[tid];
  const p = processOf(s, t.pid);
  // The wait at the barrier is the application's synchronisation, not the cost of a system call.
  const call = s.calls.items[t.call];
  if (call) call.sync = true;
  let live = 0;
  for (const x of p.threads) if (s.threads[x].state !== TState.Done) live++;
  p.barrierArrived++;
  if (p.barrierArrived < live) {
    p.barrierWaiting.push(tid);
    return block(sim, tid, Cont.Return);
  }
  p.barrierArrived = 0;
  const waiters = p.barrierWaiting.splice(0, p.barrierWaiting.length);
  for (const w of waiters) {
    const o = s.threads[w];
    if (o.home === t.cpu) {
      wake(sim, w, Cont.Return, o.home);
      continue;
    }
    sendInterruptingIpi(sim, t.cpu, o.home, IpiKind.Wakeup, t.pid);
    sim.after(sim.config.syscalls.costs.ipiNs, Ev.Wake, w, Cont.Return);
  }
  runSegment(sim, t.cpu, Activity.Syscall, sim.config.syscalls.costs.localNs + 50 * waiters.length, Cont.Return);
}
