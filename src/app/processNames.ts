/**
 * How the page names a process. The engine numbers a job's processes from FIRST_PID (1000,
 * 1001, ...). A replayed strace log's processes are shown as traced (engine/strace/
 * tracedProcesses.ts): by the pid strace saw and the program it ran. A log without a pid column
 * has no traced pid: its process keeps the engine's number.
 */
import type { NodeConfig } from '../engine/config/nodeConfig';
import { FIRST_PID } from '../engine/node/jobShape';
import { tracedProcesses } from '../engine/strace/tracedProcesses';

export interface ProcessNames {
  /** The pid as shown: "3966" for a replay's traced process, else the engine's "1000". */
  pid(simPid: number): string;
  /** The pid and, when known, the program: "3966 (ls)". */
  label(simPid: number): string;
  /** The traced program, when known ("ls"). */
  program(simPid: number): string | null;
}

function replayNames(config: NodeConfig): ProcessNames | null {
  if (config.workload.kind !== 'replay') return null;
  const traced = tracedProcesses(config.workload);
  const pid = (simPid: number) => String(traced[simPid - FIRST_PID]?.pid ?? simPid);
  const program = (simPid: number) => traced[simPid - FIRST_PID]?.program ?? null;
  return {
    pid,
    program,
    label: (simPid) => {
      const name = program(simPid);
      return name ? `${pid(simPid)} (${name})` : pid(simPid);
    },
  };
}

const ENGINE_NAMES: ProcessNames = { pid: String, label: String, program: () => null };
const cache = new WeakMap<NodeConfig, ProcessNames>();

/** The names of a configuration's processes (computed once per configuration). */
export function processNames(config: NodeConfig): ProcessNames {
  let names = cache.get(config);
  if (!names) cache.set(config, (names = replayNames(config) ?? ENGINE_NAMES));
  return names;
}
