/** Building the memory state of a node from its topology and its partition's lwkMem. */
import type { Topology } from '../hardware';
import type { MemoryParams } from './params';
import { DEFAULT_MEMORY_PARAMS } from './params';
import { LINUX_CELLS, PAGE_2M, type DomainMemory, type MemoryState } from './types';

export interface LinuxMemoryOptions {
  /** Transparent huge pages (the tuned Linux baseline). */
  readonly thp: boolean;
}

/**
 * Per NUMA domain: the LWK pool is the top of the domain's physical range (as the partition's
 * boot line puts it), rounded down to whole 2 MiB pages as mOS does; Linux has the rest, below.
 * `lwkMem` is trusted (a parsed partition); amounts are clamped to the domain.
 */
export function createMemoryState(
  topology: Topology,
  lwkMem: readonly { readonly numa: number; readonly bytes: number }[],
  linux: LinuxMemoryOptions,
  params: MemoryParams = DEFAULT_MEMORY_PARAMS,
): MemoryState {
  let base = 0;
  const domains: DomainMemory[] = topology.numa.map((d) => {
    const asked = lwkMem.filter((m) => m.numa === d.id).reduce((s, m) => s + m.bytes, 0);
    const lwkBytes = Math.min(d.bytes, Math.floor(asked / PAGE_2M) * PAGE_2M);
    const lwkBase = base + d.bytes - lwkBytes;
    const dom: DomainMemory = {
      id: d.id,
      kind: d.kind,
      base,
      bytes: d.bytes,
      distance: [...d.distance],
      lwkBase,
      lwkBytes,
      lwkFree: lwkBytes > 0 ? [{ base: lwkBase, bytes: lwkBytes }] : [],
      lwkUsed: 0,
      linuxBytes: d.bytes - lwkBytes,
      linuxUsed: 0,
      linuxHuge: 0,
      faults: 0,
      hugeFaults: 0,
      cellUsed: new Float64Array(LINUX_CELLS),
      cellHuge: new Float64Array(LINUX_CELLS),
      cellFrag: new Float64Array(LINUX_CELLS).fill(params.initialFrag),
    };
    base += d.bytes;
    return dom;
  });
  return { domains, regions: [], lwkProcs: [], linuxProcs: [], thp: linux.thp };
}

/** Bytes of the Linux part one Linux cell of `d` stands for (the last cell may be smaller). */
export function linuxCellBytes(d: DomainMemory): number {
  return Math.ceil(d.linuxBytes / LINUX_CELLS / 4096) * 4096;
}

/** Capacity of Linux cell `c` of `d`. */
export function linuxCellCapacity(d: DomainMemory, c: number): number {
  const size = linuxCellBytes(d);
  return Math.max(0, Math.min(size, d.linuxBytes - c * size));
}
