/**
 * What a change of design (syscall mechanism) or of workload kind brings with it: that design's
 * syscall defaults and kernel, that workload's defaults. Maps, so that a name such as "toString" is simply
 * not found (never a prototype member).
 */
import type { SyscallConfig, WorkloadConfig } from './nodeConfig';
import { allDesignInfos, type DesignInfo } from '../designs/catalogue';
import { BSP_WORKLOAD, DEFAULT_WORKLOAD } from './presets';
import { US } from '../kernel/time';

/** Every registered design by its `syscalls.mechanism` id: choosing one brings its defaults and its kernel. */
export const DESIGNS: ReadonlyMap<string, DesignInfo> = new Map(allDesignInfos().map((d) => [d.id, d]));

export const MECHANISM_DEFAULTS: ReadonlyMap<string, SyscallConfig> = new Map([...DESIGNS].map(([id, d]) => [id, d.syscalls]));

/** The syscall microbenchmark, which no preset runs: getpid every 10 µs. */
const SYSCALL_WORKLOAD: WorkloadConfig = { kind: 'syscall', call: 'getpid', bytes: 0, thinkNs: 10 * US, path: '/pfs/data' };

/** The workloads a configuration may choose (a replay comes only from an imported strace log). */
export const WORKLOAD_DEFAULTS: ReadonlyMap<string, WorkloadConfig> = new Map(
  [DEFAULT_WORKLOAD, BSP_WORKLOAD, SYSCALL_WORKLOAD].map((w) => [w.kind, w]),
);

/** The settings of a workload kind (its defaults' keys), or undefined for an unknown kind. */
export function workloadFields(kind: string): readonly string[] | undefined {
  const w = WORKLOAD_DEFAULTS.get(kind);
  return w && Object.keys(w);
}

