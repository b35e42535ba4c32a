/**
 * A bulk-synchronous mini-app: every iteration each thread computes, makes a few system calls,
 * the first thread of each process exchanges a halo through the network card (OS bypass), every
 * K iterations it checkpoints to the parallel filesystem, and all threads meet at a futex barrier.
 */
import type { NodeSim } from '../node/cpu';
import type { Thread } from '../node/state';
import type { BspWorkload } from '../config/nodeConfig';
import { Tr } from '../node/events';
import { syscallAction, type Action } from './program';
import { processOf } from '../node/state';

/**
 * The small calls of an iteration, in order: a vDSO clock, a small write to the thread's log, a
 * local call, and a metadata call on stdout (glibc's stdio does fstat(1) to choose buffering).
 * The metadata call is on another fd than the log, so glibc can aggregate the log's writes.
 */
const MIX = ['clock_gettime', 'write', 'getpid', 'fstat'] as const;
const STDOUT = 1;
const LOG_BYTES = 200;

type BspState = Extract<Thread['prog'], { kind: 'bsp' }>;

function isCheckpointIteration(w: BspWorkload, iteration: number): boolean {
  return w.checkpointEvery > 0 && iteration > 0 && iteration % w.checkpointEvery === 0;
}

/**
 * Action number `step` of an iteration, or null past its end. The iteration is:
 * compute, the small calls, [first thread: MPI halo, [checkpoint write + fsync]], barrier.
 */
function actionAt(w: BspWorkload, p: BspState, step: number): Action | null {
  if (step === 0) return { op: 'compute', ns: w.computeNs };
  let k = step - 1;
  if (k < w.syscallsPerIteration) {
    const name = MIX[k % MIX.length];
    if (name === 'write') return syscallAction('write', p.logFd, LOG_BYTES);
    if (name === 'fstat') return syscallAction('fstat', STDOUT);
    return syscallAction(name);
  }
  k -= w.syscallsPerIteration;
  if (p.leader) {
    if (k === 0) return { op: 'mpi', bytes: w.haloBytes };
    k--;
    if (isCheckpointIteration(w, p.iteration)) {
      if (k === 0) return syscallAction('write', p.ckptFd, w.checkpointBytes);
      if (k === 1) return syscallAction('fsync', p.ckptFd);
      k -= 2;
    }
  }
  return k === 0 ? { op: 'barrier' } : null;
}

function finishIteration(sim: NodeSim, t: Thread, p: BspState, w: BspWorkload): void {
  p.step = 0;
  p.iteration++;
  if (!p.leader) return;
  const s = sim.state;
  s.progress.iterations++;
  const index = s.processes.indexOf(processOf(s, t.pid));
  s.progress.perProcess[index]++;
  sim.emit(Tr.Iteration, t.cpu, t.pid, p.iteration, 0);
  if (isCheckpointIteration(w, p.iteration - 1)) {
    s.progress.checkpoints++;
    sim.emit(Tr.Checkpoint, t.cpu, t.pid, w.checkpointBytes, 0);
  }
}

export function bspNext(sim: NodeSim, t: Thread): Action {
  const w = sim.config.workload;
  if (w.kind !== 'bsp') throw new Error('bsp program without a bsp workload');
  const p = t.prog as BspState;
  // Set-up: each thread opens its log file; the first thread also opens its checkpoint file on the PFS.
  if (p.step === -2) {
    p.step = -1;
    return syscallAction('openat', -100, 0, `/home/app/log.${t.pid}.${t.tid}`);
  }
  if (p.step === -1) {
    p.logFd = t.lastRet;
    p.step = p.leader ? -3 : 0;
    if (p.leader) return syscallAction('openat', -100, 0, `${sim.config.syscalls.pfsPrefix}/ckpt.${t.pid}`);
  }
  if (p.step === -3) {
    p.ckptFd = t.lastRet;
    p.step = 0;
  }
  let a = actionAt(w, p, p.step);
  if (a === null) {
    finishIteration(sim, t, p, w);
    a = actionAt(w, p, 0)!;
  }
  p.step++;
  return a;
}
