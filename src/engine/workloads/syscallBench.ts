/** The syscall microbenchmark: every thread loops over one chosen call, with some compute between calls. */
import type { NodeSim } from '../node/cpu';
import type { Thread } from '../node/state';
import { isFdIo } from '../syscalls/classes';
import { syscallAction, type Action } from './program';

type BenchState = Extract<Thread['prog'], { kind: 'syscall' }>;

export function syscallBenchNext(sim: NodeSim, t: Thread): Action {
  const w = sim.config.workload;
  if (w.kind !== 'syscall') throw new Error('syscall program without a syscall workload');
  const p = t.prog as BenchState;
  if (p.fd === -2) {
    p.fd = -1;
    if (isFdIo(w.call) || w.call === 'close') return syscallAction('openat', -100, 0, `${w.path}.${t.tid}`);
  }
  if (p.fd === -1 && t.lastRet >= 3 && (isFdIo(w.call) || w.call === 'close')) p.fd = t.lastRet;
  p.think = !p.think;
  if (p.think && w.thinkNs > 0) return { op: 'compute', ns: w.thinkNs };
  p.count++;
  if (w.call === 'nanosleep' || w.call === 'clock_nanosleep') return syscallAction(w.call, -1, 0, '', Math.max(1, w.bytes));
  return syscallAction(w.call, p.fd, w.bytes);
}
