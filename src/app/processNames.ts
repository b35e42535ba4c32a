/**
 * How the page names a process. The engine numbers a job's processes from FIRST_PID (1000,
 * 1001, ...). A replayed strace log's processes are shown as traced: by the pid strace saw (the
 * tid of the process's first thread) and the program it ran (its last execve). A log without a
 * pid column has no traced pid: its process keeps the engine's number.
 */
import type { NodeConfig } from '../engine/config/nodeConfig';
import { REPLAY_STRIDE } from '../engine/config/nodeConfig';
import { FIRST_PID } from '../engine/node/jobShape';

export interface ProcessNames {
  /** The pid as shown: "3966" for a replay's traced process, else the engine's "1000". */
  pid(simPid: number): string;
  /** The pid and, when known, the program: "3966 (ls)". */
  label(simPid: number): string;
}

const NAME_AT = 1;
const PATH_AT = 4;

function replayNames(config: NodeConfig): ProcessNames | null {
  const w = config.workload;
  if (w.kind !== 'replay') return null;
  const traced = new Map<number, number>();
  const program = new Map<number, string>();
  const execve = w.names.indexOf('execve');
  // Threads are in start order: a process's first thread is its leader, whose tid is its pid.
  for (const t of w.threads) {
    if (!traced.has(t.process) && t.tracedTid > 0) traced.set(t.process, t.tracedTid);
    if (execve < 0) continue;
    for (let i = 0; i < t.calls.length; i += REPLAY_STRIDE) {
      const path = t.calls[i + PATH_AT];
      if (t.calls[i + NAME_AT] === execve && path >= 0) program.set(t.process, (w.paths[path] ?? '').split('/').pop() || '?');
    }
  }
  const pid = (simPid: number) => String(traced.get(simPid - FIRST_PID) ?? simPid);
  return {
    pid,
    label: (simPid) => {
      const p = program.get(simPid - FIRST_PID);
      return p ? `${pid(simPid)} (${p})` : pid(simPid);
    },
  };
}

const ENGINE_NAMES: ProcessNames = { pid: String, label: String };
const cache = new WeakMap<NodeConfig, ProcessNames>();

/** The names of a configuration's processes (computed once per configuration). */
export function processNames(config: NodeConfig): ProcessNames {
  let names = cache.get(config);
  if (!names) cache.set(config, (names = replayNames(config) ?? ENGINE_NAMES));
  return names;
}
