/**
 * The static partition of one node between Linux and the LWK, as plain readonly data, and
 * what it means for each CPU and each NUMA domain.
 */
import { GiB, type Topology } from '../node/hardware';
import type { Diagnostic } from './diagnostic';

/** One `lwkcpus` group: a Linux CPU that serves syscalls for a set of LWK CPUs. */
export interface LwkGroup {
  /** -1: the group names none (mOS allows it); its calls go to the nearest group's (see syscallTargets). */
  readonly syscallCpu: number;
  /** Ascending, no duplicates. */
  readonly lwkCpus: readonly number[];
}

export interface LwkMemory {
  readonly numa: number;
  readonly bytes: number;
}

/**
 * Canonical form: groups in the order written (group i is channel i), each group's CPUs
 * ascending, `lwkMem` ascending by domain with no zero entries.
 */
export interface Partition {
  readonly groups: readonly LwkGroup[];
  readonly lwkMem: readonly LwkMemory[];
}

export type PartitionParse =
  | { readonly ok: true; readonly partition: Partition; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

export type CpuRole = 'linux' | 'syscall' | 'lwk';

export interface PartitionLayout {
  /** Indexed by CPU id. */
  readonly roles: readonly CpuRole[];
  /** Indexed by CPU id: the group an LWK CPU belongs to, or -1. */
  readonly groupOf: readonly number[];
  /** Every CPU Linux runs on, syscall CPUs included, ascending. */
  readonly linuxCpus: readonly number[];
  readonly syscallCpus: readonly number[];
  readonly lwkCpus: readonly number[];
  /** Indexed by domain id. */
  readonly lwkBytes: readonly number[];
  readonly linuxBytes: readonly number[];
}

/**
 * Linux must keep at least this much on every NUMA domain where it runs a CPU: its kernel,
 * daemons and the proxies of LWK processes allocate node-local memory. An explorer rule,
 * not an mOS constant (mOS lets a request fail at boot instead).
 */
export const LINUX_MIN_BYTES_PER_CPU_DOMAIN = 1 * GiB;

/** The LWK manages memory in 2 MiB pages (mOS MIN_CHUNK_SIZE on x86_64). */
export const LWK_PAGE_BYTES = 2 * 1024 * 1024;

export function describePartition(p: Partition, topology: Topology): PartitionLayout {
  const n = topology.cpus.length;
  const roles: CpuRole[] = new Array<CpuRole>(n).fill('linux');
  const groupOf: number[] = new Array<number>(n).fill(-1);
  p.groups.forEach((g, i) => {
    for (const cpu of g.lwkCpus) {
      if (cpu < n) {
        roles[cpu] = 'lwk';
        groupOf[cpu] = i;
      }
    }
  });
  for (const g of p.groups) if (g.syscallCpu >= 0 && g.syscallCpu < n && roles[g.syscallCpu] !== 'lwk') roles[g.syscallCpu] = 'syscall';
  const ids = (pred: (r: CpuRole) => boolean): number[] => roles.flatMap((r, i) => (pred(r) ? [i] : []));
  const lwkBytes = topology.numa.map((d) => p.lwkMem.filter((m) => m.numa === d.id).reduce((s, m) => s + m.bytes, 0));
  return {
    roles,
    groupOf,
    linuxCpus: ids((r) => r !== 'lwk'),
    syscallCpus: ids((r) => r === 'syscall'),
    lwkCpus: ids((r) => r === 'lwk'),
    lwkBytes,
    linuxBytes: topology.numa.map((d, i) => d.bytes - lwkBytes[i]),
  };
}

/** Bytes the LWK may take from each domain, given which domains keep Linux CPUs. */
export function lwkCapacity(topology: Topology, linuxDomains: ReadonlySet<number>): number[] {
  return topology.numa.map((d) => Math.max(0, d.bytes - (linuxDomains.has(d.id) ? LINUX_MIN_BYTES_PER_CPU_DOMAIN : 0)));
}

/**
 * The syscall CPU serving each LWK CPU's calls, or -1 for CPUs in no group. A group that names
 * none borrows the syscall CPU of the nearest group (same NUMA domain first, then the lowest
 * distance), else the first Linux CPU. ASSUMPTION: mOS leaves the choice to Linux; this rule is
 * the explorer's.
 */
export function syscallTargets(p: Partition, topology: Topology): number[] {
  const layout = describePartition(p, topology);
  const numaOf = (cpu: number) => topology.cpus[cpu].numa;
  const named = p.groups.filter((g) => g.syscallCpu >= 0 && g.lwkCpus.length > 0);
  const firstLinux = layout.roles.findIndex((r) => r !== 'lwk');
  const targetOf = p.groups.map((g) => {
    if (g.syscallCpu >= 0) return g.syscallCpu;
    const home = g.lwkCpus.length > 0 ? numaOf(g.lwkCpus[0]) : 0;
    const distance = (cpu: number) => topology.numa[home]?.distance[numaOf(cpu)] ?? 0;
    const best = [...named].sort((a, b) => distance(a.syscallCpu) - distance(b.syscallCpu) || a.syscallCpu - b.syscallCpu)[0];
    return best ? best.syscallCpu : Math.max(0, firstLinux);
  });
  return topology.cpus.map((c) => (layout.groupOf[c.id] >= 0 ? targetOf[layout.groupOf[c.id]] : -1));
}
