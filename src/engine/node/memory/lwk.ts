/**
 * LWK memory: physically contiguous regions per process, pre-populated and zeroed at
 * allocation (so they never fault), largest page size first, domains preferred by memory kind
 * and then by NUMA distance from the process's home domain.
 */
import { humanBytes } from '../../config/size';
import { alignDown, alignUp, findRun, freeBytes, insertFree, takeRange } from './extents';
import type { MemoryParams } from './params';
import { PAGE_4K, PAGE_SIZES, type DomainMemory, type LwkProc, type LwkRegion, type MemResult, type MemoryState, type RegionKind } from './types';

export interface LwkAllocation {
  /** The pieces allocated by this call (stored regions may merge with contiguous older ones). */
  readonly regions: readonly LwkRegion[];
  /** Bytes allocated: the request rounded up to 4 KiB (heap: to the heap step). */
  readonly bytes: number;
  /** Time to zero them: bytes x zeroNsPerByte. */
  readonly zeroNs: number;
}

/**
 * An index of `state.lwkProcs` by pid, kept beside the state (not in it, so checkpoints stay plain
 * data): a launch of thousands of processes must not search the list once per process.
 */
const procIndex = new WeakMap<MemoryState, Map<number, LwkProc>>();

function indexOf(state: MemoryState): Map<number, LwkProc> {
  let index = procIndex.get(state);
  if (index === undefined || index.size !== state.lwkProcs.length) {
    index = new Map(state.lwkProcs.map((p) => [p.pid, p]));
    procIndex.set(state, index);
  }
  return index;
}

export function lwkProc(state: MemoryState, pid: number): LwkProc | undefined {
  return indexOf(state).get(pid);
}

function ensureProc(state: MemoryState, pid: number, home: number): LwkProc {
  let p = lwkProc(state, pid);
  if (p === undefined) {
    p = { pid, home, brk: 0, heapMapped: 0 };
    const index = indexOf(state); // before the push: the index stays in step with the list
    state.lwkProcs.push(p);
    index.set(pid, p);
  } else if (p.home < 0 && home >= 0) p.home = home;
  return p;
}

/**
 * Candidate domains with LWK memory, best first: by the rank of their kind in `kindOrder`
 * (kinds not listed are left out), then by distance from `home` (if >= 0), then by id.
 */
export function lwkDomainOrder(state: MemoryState, params: MemoryParams, home: number): DomainMemory[] {
  const homeDom = home >= 0 ? state.domains[home] : undefined;
  const dist = (d: DomainMemory): number => (homeDom === undefined ? 0 : homeDom.distance[d.id]);
  return state.domains
    .filter((d) => d.lwkBytes > 0 && params.kindOrder.includes(d.kind))
    .sort((a, b) => params.kindOrder.indexOf(a.kind) - params.kindOrder.indexOf(b.kind) || dist(a) - dist(b) || a.id - b.id);
}

/** Insert keeping `regions` sorted by base; merge with a contiguous neighbour of the same pid, kind and page size. */
function addRegion(regions: LwkRegion[], r: LwkRegion): void {
  // The first region at or above r.base (regions are sorted by base): binary search.
  let lo = 0, hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].base < r.base) lo = mid + 1;
    else hi = mid;
  }
  const i = lo;
  const same = (o: LwkRegion | undefined): o is LwkRegion =>
    o !== undefined && o.pid === r.pid && o.kind === r.kind && o.pageSize === r.pageSize && o.numa === r.numa;
  const prev = regions[i - 1];
  const next = regions[i];
  if (same(prev) && prev.base + prev.bytes === r.base) {
    prev.bytes += r.bytes;
    if (same(next) && prev.base + prev.bytes === next.base) {
      prev.bytes += next.bytes;
      regions.splice(i, 1);
    }
  } else if (same(next) && r.base + r.bytes === next.base) {
    next.base = r.base;
    next.bytes += r.bytes;
  } else regions.splice(i, 0, { ...r });
}

/** Place `size` bytes (a multiple of 4 KiB, known to fit) domain by domain, largest pages first. */
function place(state: MemoryState, order: readonly DomainMemory[], pid: number, kind: RegionKind, size: number): LwkRegion[] {
  const out: LwkRegion[] = [];
  let remaining = size;
  for (const d of order) {
    while (remaining > 0) {
      let got: LwkRegion | null = null;
      for (const pageSize of PAGE_SIZES) {
        const want = alignDown(remaining, pageSize);
        const run = want > 0 ? findRun(d.lwkFree, pageSize, want) : null;
        if (run !== null) {
          got = { pid, kind, numa: d.id, base: run.base, bytes: run.bytes, pageSize };
          break;
        }
      }
      if (got === null) break;
      takeRange(d.lwkFree, got.base, got.bytes);
      d.lwkUsed += got.bytes;
      remaining -= got.bytes;
      addRegion(state.regions, got);
      out.push(got);
    }
    if (remaining === 0) break;
  }
  return out;
}

function badSize(bytes: number): boolean {
  return !Number.isFinite(bytes) || bytes <= 0;
}

/**
 * Allocate `bytes` of LWK memory for `pid` (rounded up to 4 KiB). A request is split into one
 * region per page size and contiguous run: 3 GiB + 6 MiB becomes a 3 GiB region of 1 GiB
 * pages and a 6 MiB region of 2 MiB pages. Fails (changing nothing) when the preferred kinds
 * lack the free bytes. `home`: the process's home domain, remembered for later calls.
 */
export function lwkAllocate(
  state: MemoryState,
  params: MemoryParams,
  pid: number,
  kind: RegionKind,
  bytes: number,
  home = -1,
): MemResult<LwkAllocation> {
  if (badSize(bytes)) return { ok: false, error: `cannot allocate ${bytes} bytes: the size must be positive` };
  const size = alignUp(bytes, PAGE_4K);
  // An explicit domain (the threads it is for run there) wins over the process's home.
  const procHome = lwkProc(state, pid)?.home ?? -1;
  const order = lwkDomainOrder(state, params, home >= 0 ? home : procHome);
  const available = order.reduce((s, d) => s + freeBytes(d.lwkFree), 0);
  if (available < size) {
    const kinds = params.kindOrder.join(' then ');
    return {
      ok: false,
      error: `out of LWK memory: pid ${pid} asks ${humanBytes(size)} of ${kind}, but only ${humanBytes(available)} is free in its ${kinds} domains`,
    };
  }
  const proc = ensureProc(state, pid, home);
  const regions = place(state, order, pid, kind, size);
  if (kind === 'heap') proc.heapMapped += size;
  return { ok: true, regions, bytes: size, zeroNs: size * params.zeroNsPerByte };
}

/**
 * brk: move the program break to `newBrk` bytes above the heap start. The heap is mapped in
 * steps of heapStepBytes (2 MiB), each zeroed. Lowering the break keeps the mapping (the
 * explorer's simplification), so growing again costs nothing until the mapped size is exceeded.
 */
export function lwkGrowHeap(state: MemoryState, params: MemoryParams, pid: number, newBrk: number): MemResult<LwkAllocation> {
  if (!Number.isFinite(newBrk) || newBrk < 0) return { ok: false, error: `cannot set the break to ${newBrk}: it must be >= 0` };
  const proc = lwkProc(state, pid);
  const mapped = proc?.heapMapped ?? 0;
  if (newBrk <= mapped) {
    if (proc !== undefined) proc.brk = newBrk;
    return { ok: true, regions: [], bytes: 0, zeroNs: 0 };
  }
  const r = lwkAllocate(state, params, pid, 'heap', alignUp(newBrk, params.heapStepBytes) - mapped);
  const after = lwkProc(state, pid);
  if (r.ok && after !== undefined) after.brk = newBrk;
  return r;
}

export interface LwkFreed {
  readonly freed: number;
  /** TLB shootdown IPIs: one per other CPU running threads of the process. */
  readonly shootdownIpis: number;
}

/**
 * munmap [base, base + bytes) (rounded up to 4 KiB) of `pid`'s regions. Unmapped parts of the
 * range are ignored, as munmap does; cutting through a large page is refused. `cpusRunning`:
 * CPUs currently running threads of `pid`, the caller's included (it flushes its own TLB).
 */
export function lwkFree(state: MemoryState, pid: number, base: number, bytes: number, cpusRunning: number): MemResult<LwkFreed> {
  if (badSize(bytes)) return { ok: false, error: `cannot unmap ${bytes} bytes: the size must be positive` };
  const end = base + alignUp(bytes, PAGE_4K);
  const hit = state.regions.filter((r) => r.pid === pid && r.base < end && base < r.base + r.bytes);
  if (hit.length === 0) return { ok: false, error: `pid ${pid} has no LWK memory in [0x${base.toString(16)}, 0x${end.toString(16)})` };
  for (const r of hit) {
    const lo = Math.max(base, r.base);
    const hi = Math.min(end, r.base + r.bytes);
    if ((lo - r.base) % r.pageSize !== 0 || (hi - r.base) % r.pageSize !== 0) {
      return { ok: false, error: `cannot unmap part of a ${humanBytes(r.pageSize)} page at 0x${(lo - ((lo - r.base) % r.pageSize)).toString(16)}` };
    }
  }
  let freed = 0;
  for (const r of hit) {
    const lo = Math.max(base, r.base);
    const hi = Math.min(end, r.base + r.bytes);
    cutRegion(state, r, lo, hi);
    const d = state.domains[r.numa];
    insertFree(d.lwkFree, lo, hi - lo);
    d.lwkUsed -= hi - lo;
    freed += hi - lo;
    if (r.kind === 'heap') shrinkHeap(state, pid, hi - lo);
  }
  return { ok: true, freed, shootdownIpis: Math.max(0, cpusRunning - 1) };
}

/** Remove [lo, hi) from region `r`, leaving up to two pieces. */
function cutRegion(state: MemoryState, r: LwkRegion, lo: number, hi: number): void {
  const i = state.regions.indexOf(r);
  const pieces: LwkRegion[] = [];
  if (lo > r.base) pieces.push({ ...r, bytes: lo - r.base });
  if (hi < r.base + r.bytes) pieces.push({ ...r, base: hi, bytes: r.base + r.bytes - hi });
  state.regions.splice(i, 1, ...pieces);
}

function shrinkHeap(state: MemoryState, pid: number, bytes: number): void {
  const p = lwkProc(state, pid);
  if (p === undefined) return;
  p.heapMapped = Math.max(0, p.heapMapped - bytes);
  p.brk = Math.min(p.brk, p.heapMapped);
}

/** At exit: every region of `pid` goes back to its pool. No shootdowns: the address space is gone. */
export function lwkReleaseProcess(state: MemoryState, pid: number): { readonly freed: number } {
  let freed = 0;
  for (let i = state.regions.length - 1; i >= 0; i--) {
    const r = state.regions[i];
    if (r.pid !== pid) continue;
    const d = state.domains[r.numa];
    insertFree(d.lwkFree, r.base, r.bytes);
    d.lwkUsed -= r.bytes;
    freed += r.bytes;
    state.regions.splice(i, 1);
  }
  const k = state.lwkProcs.findIndex((p) => p.pid === pid);
  if (k >= 0) state.lwkProcs.splice(k, 1);
  return { freed };
}

/**
 * Touch [base, base + bytes) of `pid`'s LWK memory. There is no fault path: the regions were
 * populated at allocation, so a mapped range always costs 0 faults; an unmapped one is an error.
 */
export function lwkTouch(state: MemoryState, pid: number, base: number, bytes: number): MemResult<{ readonly faults: 0; readonly faultNs: 0 }> {
  const end = base + bytes;
  const covered = state.regions
    .filter((r) => r.pid === pid)
    .reduce((s, r) => s + Math.max(0, Math.min(end, r.base + r.bytes) - Math.max(base, r.base)), 0);
  if (covered < bytes) return { ok: false, error: `segmentation fault: pid ${pid} touches unmapped LWK memory near 0x${base.toString(16)}` };
  return { ok: true, faults: 0, faultNs: 0 };
}

export function lwkRegionsOf(state: MemoryState, pid: number): LwkRegion[] {
  return state.regions.filter((r) => r.pid === pid);
}
