/** The job's shape from its configuration alone (the page lists its processes without the engine). */
import type { NodeConfig } from '../config/nodeConfig';

/** Pids of the job start here (process i has pid FIRST_PID + i). */
export const FIRST_PID = 1000;

export function processCount(config: NodeConfig): number {
  const w = config.workload;
  if (w.kind === 'replay') return w.processes;
  return w.kind === 'bsp' ? Math.max(1, Math.min(w.processes, config.appCpus.length)) : 1;
}

/** The job's pids. */
export function jobPids(config: NodeConfig): number[] {
  return Array.from({ length: processCount(config) }, (_, i) => FIRST_PID + i);
}
