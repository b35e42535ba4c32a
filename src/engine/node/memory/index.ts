/** The memory model of a node: the public API (docs/memory.md). */
export * from './types';
export { DEFAULT_MEMORY_PARAMS, type MemoryParams, type TlbParams } from './params';
export { createMemoryState, linuxCellBytes, linuxCellCapacity, type LinuxMemoryOptions } from './state';
export { lwkAllocate, lwkDomainOrder, lwkFree, lwkGrowHeap, lwkProc, lwkRegionsOf, lwkReleaseProcess, lwkTouch, type LwkAllocation, type LwkFreed } from './lwk';
export { faultCost, linuxChurn, linuxFree, linuxProc, linuxTouch, type LinuxTouch } from './linux';
export { linuxTlbFactor, mixedTlbFactor, processTlbFactor, tlbEntries, tlbFactor, tlbReach, walkNs } from './tlb';
export { fragmentationIndex, memoryMetrics, type DomainMemoryMetrics } from './metrics';
export {
  CELL_LINUX,
  CELL_LWK_FREE,
  CELL_LWK_REGION,
  decodeCell,
  encodeLinuxCell,
  encodeRegionCell,
  memoryCellBytes,
  memoryCells,
  type DecodedCell,
} from './cells';
