/**
 * A simple TLB model: it turns page size and footprint into a compute-time factor (>= 1).
 *
 * The last-level TLB holds `entries(P)` translations for pages of size P, so it reaches
 * R = entries x P bytes. With accesses spread uniformly over a footprint F, the share that
 * misses is max(0, 1 - R / F); each miss walks the page table. A walk of 4 KiB pages visits 4
 * levels, of 2 MiB pages 3, of 1 GiB pages 2 (ASSUMPTION: cost proportional to levels).
 * factor = 1 + accessesPerNs x missShare x walkNs(P): compute of t ns takes t x factor.
 */
import type { MemoryParams, TlbParams } from './params';
import { linuxProc } from './linux';
import { PAGE_1G, PAGE_2M, type MemoryState } from './types';

export function tlbEntries(tlb: TlbParams, pageSize: number): number {
  if (pageSize >= PAGE_1G) return tlb.entries1g;
  if (pageSize >= PAGE_2M) return tlb.entries2m;
  return tlb.entries4k;
}

export function walkNs(tlb: TlbParams, pageSize: number): number {
  const levels = pageSize >= PAGE_1G ? 2 : pageSize >= PAGE_2M ? 3 : 4;
  return (tlb.walkNs * levels) / 4;
}

/** TLB reach for one page size, in bytes. */
export function tlbReach(tlb: TlbParams, pageSize: number): number {
  return tlbEntries(tlb, pageSize) * pageSize;
}

/** Extra ns per ns of compute from misses on `bytes` of memory mapped with `pageSize` pages, weighted by `share` of accesses. */
function missCost(tlb: TlbParams, pageSize: number, bytes: number, share: number, accessesPerNs: number): number {
  if (bytes <= 0) return 0;
  const miss = Math.max(0, 1 - tlbReach(tlb, pageSize) / bytes);
  return accessesPerNs * share * miss * walkNs(tlb, pageSize);
}

/** Compute-time factor (>= 1; exactly 1 when the footprint fits in the TLB's reach). */
export function tlbFactor(params: MemoryParams, pageSizeBytes: number, footprintBytes: number, accessesPerNs = params.tlb.accessesPerNs): number {
  return 1 + missCost(params.tlb, pageSizeBytes, footprintBytes, 1, accessesPerNs);
}

/**
 * Factor for a footprint made of several page sizes (bytes per page size). Accesses are spread
 * over all bytes; each page size is given its own entries (Skylake has separate 1 GiB entries;
 * 4 KiB and 2 MiB share theirs, an approximation when both are in use).
 */
export function mixedTlbFactor(params: MemoryParams, bytesByPage: readonly { readonly pageSize: number; readonly bytes: number }[], accessesPerNs = params.tlb.accessesPerNs): number {
  const sizes = [...new Set(bytesByPage.map((b) => b.pageSize))];
  const total = bytesByPage.reduce((s, b) => s + b.bytes, 0);
  if (total <= 0) return 1;
  let extra = 0;
  for (const p of sizes) {
    const bytes = bytesByPage.filter((b) => b.pageSize === p).reduce((s, b) => s + b.bytes, 0);
    extra += missCost(params.tlb, p, bytes, bytes / total, accessesPerNs);
  }
  return 1 + extra;
}

/** Factor for an LWK process, from its regions. */
export function processTlbFactor(state: MemoryState, params: MemoryParams, pid: number, accessesPerNs = params.tlb.accessesPerNs): number {
  return mixedTlbFactor(params, state.regions.filter((r) => r.pid === pid), accessesPerNs);
}

/** Factor for a Linux process on a domain, from its resident 4 KiB and huge pages. */
export function linuxTlbFactor(state: MemoryState, params: MemoryParams, pid: number, numa: number, accessesPerNs = params.tlb.accessesPerNs): number {
  const p = linuxProc(state, pid, numa);
  if (p === undefined) return 1;
  return mixedTlbFactor(params, [{ pageSize: 4096, bytes: p.resident - p.huge }, { pageSize: PAGE_2M, bytes: p.huge }], accessesPerNs);
}
