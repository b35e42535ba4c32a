/**
 * What a change of syscall mechanism or of workload kind brings with it: that mechanism's
 * syscall defaults, that workload's defaults. Maps, so that a name such as "toString" is simply
 * not found (never a prototype member).
 */
import type { SyscallConfig, WorkloadConfig } from './nodeConfig';
import { DEFAULT_SYSCALLS, EVANESCENCE_SYSCALLS, MCKERNEL_SYSCALLS, NATIVE_SYSCALLS } from './defaults';
import { BSP_WORKLOAD, DEFAULT_WORKLOAD } from './presets';
import { US } from '../kernel/time';

export const MECHANISM_DEFAULTS: ReadonlyMap<string, SyscallConfig> = new Map(
  [DEFAULT_SYSCALLS, MCKERNEL_SYSCALLS, EVANESCENCE_SYSCALLS, NATIVE_SYSCALLS].map((s) => [s.mechanism, s]),
);

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

