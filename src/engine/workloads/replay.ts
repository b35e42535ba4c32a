/**
 * strace replay: each traced thread replays its calls in order. Per call: the compute gap the
 * log shows before it, the call itself (triaged like any other), then, for a call that waited
 * on something outside the thread (a pipe, a socket, a child, a futex), an external wait of the
 * traced time: the thread blocks rather than burning service time. The thread starts at its
 * first call's offset in the log (an external wait) and exits after its last call.
 * The calls are plain numbers in the configuration (src/engine/strace/toWorkload.ts).
 */
import type { NodeSim } from '../node/cpu';
import type { Thread } from '../node/state';
import { REPLAY_STRIDE, type ReplayWorkload } from '../config/nodeConfig';
import { FUTEX_PLAIN, syscallAction, type Action } from './program';

type ReplayState = Extract<Thread['prog'], { kind: 'replay' }>;

/** Offsets of the fields of one call in `ReplayThread.calls`. */
export const F_GAP = 0;
export const F_NAME = 1;
export const F_FD = 2;
export const F_BYTES = 3;
export const F_PATH = 4;
export const F_WAIT = 5;
export const F_ROW = 6;

/** Calls whose wait is their own timer (nanosleep): the wait is their argument, not an extra external wait. */
export function isTimedSleep(name: string): boolean {
  return name === 'nanosleep' || name === 'clock_nanosleep';
}

function callAction(w: ReplayWorkload, calls: readonly number[], at: number): Action {
  const name = w.names[calls[at + F_NAME]] ?? 'syscall_unknown';
  const pathIndex = calls[at + F_PATH];
  const path = pathIndex >= 0 ? (w.paths[pathIndex] ?? '') : '';
  const wait = calls[at + F_WAIT];
  let arg = 0;
  if (name === 'futex') arg = FUTEX_PLAIN;
  else if (isTimedSleep(name)) arg = Math.max(1, wait);
  return syscallAction(name, calls[at + F_FD], Math.max(0, calls[at + F_BYTES]), path, arg);
}

export function replayNext(sim: NodeSim, t: Thread): Action {
  const w = sim.config.workload;
  if (w.kind !== 'replay') throw new Error('replay program without a replay workload');
  const p = t.prog as ReplayState;
  const rt = w.threads[p.thread];
  const calls = rt.calls;
  const count = calls.length / REPLAY_STRIDE;
  if (p.index < 0) {
    p.index = 0;
    p.step = 0;
    if (rt.startNs > 0) return { op: 'external', ns: rt.startNs };
  }
  while (p.index < count) {
    const at = p.index * REPLAY_STRIDE;
    if (p.step === 0) {
      p.step = 1;
      if (calls[at + F_GAP] > 0) return { op: 'compute', ns: calls[at + F_GAP] };
    }
    if (p.step === 1) {
      const a = callAction(w, calls, at);
      const wait = calls[at + F_WAIT];
      if (wait > 0 && !(a.op === 'syscall' && isTimedSleep(a.name))) p.step = 2;
      else {
        p.index++;
        p.step = 0;
      }
      return a;
    }
    // step 2: the external wait after a blocking call
    p.index++;
    p.step = 0;
    return { op: 'external', ns: calls[at + F_WAIT] };
  }
  return { op: 'exit' };
}
