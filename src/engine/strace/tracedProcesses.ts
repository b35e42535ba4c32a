/**
 * A replayed log's processes as strace saw them: for each process of the replay workload (pid
 * FIRST_PID + index in the engine), the pid in the log (the tid of its first thread, its leader)
 * and the program of its last execve. Null where the log does not say (no pid column, no execve).
 */
import { REPLAY_STRIDE, type ReplayWorkload } from '../config/nodeConfig';

/** Offsets in a replay call's numbers (ReplayThread.calls). */
const NAME_AT = 1;
const PATH_AT = 4;

export interface TracedProcess {
  readonly pid: number | null;
  readonly program: string | null;
}

export function tracedProcesses(w: ReplayWorkload): TracedProcess[] {
  const out: { pid: number | null; program: string | null }[] = Array.from({ length: w.processes }, () => ({ pid: null, program: null }));
  const execve = w.names.indexOf('execve');
  // Threads are in start order: a process's first thread is its leader, whose tid is its pid.
  for (const t of w.threads) {
    const p = out[t.process];
    if (!p) continue;
    if (p.pid === null && t.tracedTid > 0) p.pid = t.tracedTid;
    if (execve < 0) continue;
    for (let i = 0; i < t.calls.length; i += REPLAY_STRIDE) {
      const path = t.calls[i + PATH_AT];
      if (t.calls[i + NAME_AT] === execve && path >= 0) p.program = (w.paths[path] ?? '').split('/').pop() || null;
    }
  }
  return out;
}
