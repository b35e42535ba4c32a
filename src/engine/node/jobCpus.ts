/**
 * Which CPUs each process of the job uses, read from the created job (designs add processes and
 * servers of their own, so the configuration alone cannot say): the CPUs its threads live on, and
 * the CPUs where its calls may be served (its Linux-side servers' allowed CPUs and the syscall
 * CPUs of its LWK threads). The worker sends this to the page once per run (the Timeline groups
 * lanes by process with it).
 */
import type { NodeConfig } from '../config/nodeConfig';
import { Role } from './kinds';
import type { NodeState } from './state';

export interface ProcessCpus {
  readonly pid: number;
  /** What the process runs: its program ("BSP", "analytics", ...) or "server" for a process of servers only. */
  readonly name: string;
  /** CPUs its application threads live on, ascending. */
  readonly cpus: readonly number[];
  /** CPUs that may serve its calls (servers' affinity, syscall CPUs), ascending; may overlap other processes'. */
  readonly servers: readonly number[];
}

const PROGRAM_NAMES: Readonly<Record<string, string>> = {
  fwq: 'FWQ', bsp: 'BSP', syscall: 'syscall loop', replay: 'strace replay', analytics: 'analytics', proxy: 'server',
};

export function processCpus(state: NodeState, config: NodeConfig): ProcessCpus[] {
  return state.processes.map((p) => {
    const cpus = new Set<number>();
    const servers = new Set<number>();
    for (const tid of p.threads) {
      const home = state.threads[tid].home;
      cpus.add(home);
      const sys = config.syscallCpuOf[home] ?? -1;
      if (config.roles[home] === Role.Lwk && sys >= 0) servers.add(sys);
    }
    for (const tid of p.proxies) {
      const t = state.threads[tid];
      for (const c of t.affinity ?? [t.home]) servers.add(c);
    }
    const first = p.threads.length > 0 ? state.threads[p.threads[0]].prog.kind : 'proxy';
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
    return { pid: p.pid, name: PROGRAM_NAMES[first] ?? first, cpus: sorted(cpus), servers: sorted(servers) };
  });
}
