/** Per-domain summaries of the memory state, for metrics panels and tests. */
import type { MemoryKind } from '../hardware';
import { freeBytes } from './extents';
import { linuxCellCapacity } from './state';
import { LINUX_CELLS, type DomainMemory, type MemoryState } from './types';

export interface DomainMemoryMetrics {
  readonly numa: number;
  readonly kind: MemoryKind;
  readonly lwkBytes: number;
  readonly lwkUsed: number;
  readonly lwkFree: number;
  /** Regions held by LWK processes in this domain. */
  readonly lwkRegions: number;
  readonly linuxBytes: number;
  readonly linuxUsed: number;
  /** Page faults taken so far (4 KiB and huge-page faults) and the huge-page faults among them. */
  readonly faults: number;
  readonly hugeFaults: number;
  /** Share of Linux used bytes backed by huge pages, 0-1. */
  readonly hugeShare: number;
  /** Fragmentation index of Linux free memory, 0-1 (see fragmentationIndex). */
  readonly fragmentation: number;
}

/**
 * The share of free Linux memory that cannot form a huge page: the free-bytes-weighted mean of
 * the cells' fragmentation (the plain mean when nothing is free).
 */
export function fragmentationIndex(d: DomainMemory): number {
  let weighted = 0;
  let free = 0;
  let sum = 0;
  let cells = 0;
  for (let c = 0; c < LINUX_CELLS; c++) {
    const cap = linuxCellCapacity(d, c);
    if (cap <= 0) continue;
    const f = cap - d.cellUsed[c];
    weighted += f * d.cellFrag[c];
    free += f;
    sum += d.cellFrag[c];
    cells++;
  }
  if (free > 0) return weighted / free;
  return cells > 0 ? sum / cells : 0;
}

export function memoryMetrics(state: MemoryState): DomainMemoryMetrics[] {
  return state.domains.map((d) => ({
    numa: d.id,
    kind: d.kind,
    lwkBytes: d.lwkBytes,
    lwkUsed: d.lwkUsed,
    lwkFree: freeBytes(d.lwkFree),
    lwkRegions: state.regions.filter((r) => r.numa === d.id).length,
    linuxBytes: d.linuxBytes,
    linuxUsed: d.linuxUsed,
    faults: d.faults,
    hugeFaults: d.hugeFaults,
    hugeShare: d.linuxUsed > 0 ? d.linuxHuge / d.linuxUsed : 0,
    fragmentation: fragmentationIndex(d),
  }));
}
