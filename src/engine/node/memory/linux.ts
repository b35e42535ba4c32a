/**
 * Linux memory: 4 KiB pages with demand paging (the first touch of each page faults), and with
 * transparent huge pages (THP) a whole new 2 MiB-aligned extent may be backed by one huge page
 * (one fault instead of 512) with probability 1 - fragmentation of the cell it lands in.
 * Accounting is per cell (LINUX_CELLS per domain), not per page: see docs/memory.md.
 */
import { humanBytes } from '../../config/size';
import type { RngStream } from '../../kernel/rng';
import { alignDown, alignUp } from './extents';
import type { MemoryParams } from './params';
import { linuxCellCapacity } from './state';
import { LINUX_CELLS, PAGE_2M, PAGE_4K, SMALL_PER_HUGE, type DomainMemory, type LinuxProc, type MemResult, type MemoryState } from './types';

export interface LinuxTouch {
  /** Bytes that became resident in this call. */
  readonly bytes: number;
  /** Page faults taken: 4 KiB faults plus one per huge page. */
  readonly faults: number;
  readonly hugePages: number;
  readonly faultNs: number;
}

export function linuxProc(state: MemoryState, pid: number, numa: number): LinuxProc | undefined {
  return state.linuxProcs.find((p) => p.pid === pid && p.numa === numa);
}

/** Cost of `n` minor faults: clamped log-normal draws; above faultSamples, the mean of that many draws times n. */
export function faultCost(params: MemoryParams, rng: RngStream, n: number): number {
  const k = Math.min(n, params.faultSamples);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    sum += Math.min(params.faultMaxNs, Math.max(params.faultMinNs, rng.logNormal(params.faultNs, params.faultSigma)));
  }
  return k === n ? sum : (sum / k) * n;
}

/** Fills cells lowest first (a stand-in for the buddy allocator's placement), recording the process's pieces. */
function account(d: DomainMemory, proc: LinuxProc, cursor: { c: number }, bytes: number, huge: boolean): void {
  let left = bytes;
  while (left > 0 && cursor.c < LINUX_CELLS) {
    const c = cursor.c;
    const take = Math.min(left, linuxCellCapacity(d, c) - d.cellUsed[c]);
    if (take <= 0) {
      cursor.c++;
      continue;
    }
    d.cellUsed[c] += take;
    if (huge) d.cellHuge[c] += take;
    const last = proc.pieces[proc.pieces.length - 1];
    const piece = last !== undefined && last.cell === c ? last : { cell: c, small: 0, huge: 0 };
    if (piece !== last) proc.pieces.push(piece);
    if (huge) piece.huge += take;
    else piece.small += take;
    left -= take;
  }
}

function firstCellWithRoom(d: DomainMemory): number {
  let c = 0;
  while (c < LINUX_CELLS && d.cellUsed[c] >= linuxCellCapacity(d, c)) c++;
  return c;
}

/**
 * `pid` touches the first `bytes` of its anonymous memory on domain `numa`. Pages already
 * resident cost nothing; each new 4 KiB page faults once; with THP, each whole new 2 MiB extent
 * is one huge page (one fault, plus zeroing the rest of the 2 MiB) with probability 1 - the
 * fragmentation of its cell. Fails (changing nothing) when the domain's Linux memory is full.
 */
export function linuxTouch(
  state: MemoryState,
  params: MemoryParams,
  rng: RngStream,
  pid: number,
  numa: number,
  bytes: number,
): MemResult<LinuxTouch> {
  const d = state.domains[numa];
  if (d === undefined) return { ok: false, error: `NUMA domain ${numa} does not exist` };
  if (!Number.isFinite(bytes) || bytes < 0) return { ok: false, error: `cannot touch ${bytes} bytes` };
  const existing = linuxProc(state, pid, numa);
  const resident = existing?.resident ?? 0;
  const target = alignUp(bytes, PAGE_4K);
  if (target <= resident) return { ok: true, bytes: 0, faults: 0, hugePages: 0, faultNs: 0 };
  const grow = target - resident;
  if (d.linuxUsed + grow > d.linuxBytes) {
    return { ok: false, error: `out of memory: Linux on NUMA domain ${numa} has ${humanBytes(d.linuxBytes - d.linuxUsed)} free, pid ${pid} needs ${humanBytes(grow)}` };
  }
  const proc = existing ?? { pid, numa, resident: 0, huge: 0, pieces: [] };
  if (existing === undefined) state.linuxProcs.push(proc);
  const cursor = { c: firstCellWithRoom(d) };
  let small = 0;
  let huge = 0;
  let off = resident;
  while (off < target) {
    if (state.thp && off % PAGE_2M === 0 && off + PAGE_2M <= target) {
      const isHuge = rng.bernoulli(1 - d.cellFrag[Math.min(cursor.c, LINUX_CELLS - 1)]);
      account(d, proc, cursor, PAGE_2M, isHuge);
      if (isHuge) huge++;
      else small += SMALL_PER_HUGE;
      off += PAGE_2M;
    } else {
      // Without THP everything is small pages; with it, only the partial extents at either end.
      const stop = state.thp ? Math.min(target, alignDown(off, PAGE_2M) + PAGE_2M) : target;
      account(d, proc, cursor, stop - off, false);
      small += (stop - off) / PAGE_4K;
      off = stop;
    }
  }
  proc.resident = target;
  proc.huge += huge * PAGE_2M;
  d.linuxUsed += grow;
  d.linuxHuge += huge * PAGE_2M;
  d.faults += small + huge;
  d.hugeFaults += huge;
  // Simulated time is whole nanoseconds.
  const faultNs = Math.round(faultCost(params, rng, small + huge) + huge * (PAGE_2M - PAGE_4K) * params.zeroNsPerByte);
  return { ok: true, bytes: grow, faults: small + huge, hugePages: huge, faultNs };
}

/** Raise a cell's fragmentation for `bytes` of 4 KiB-page churn in it. */
function fragment(d: DomainMemory, params: MemoryParams, c: number, bytes: number): void {
  const cap = linuxCellCapacity(d, c);
  if (cap <= 0) return;
  const f = d.cellFrag[c];
  d.cellFrag[c] = f + (1 - f) * Math.min(1, params.fragPerChurn * (bytes / cap));
}

/**
 * Free all of `pid`'s Linux memory on domain `numa` (or on every domain when `numa` is
 * omitted), e.g. at exit. Freed 4 KiB pages are churn: they raise their cells' fragmentation;
 * whole huge pages do not. Later touches fault again.
 */
export function linuxFree(state: MemoryState, params: MemoryParams, pid: number, numa?: number): { readonly freed: number } {
  let freed = 0;
  for (let i = state.linuxProcs.length - 1; i >= 0; i--) {
    const p = state.linuxProcs[i];
    if (p.pid !== pid || (numa !== undefined && p.numa !== numa)) continue;
    const d = state.domains[p.numa];
    for (const piece of p.pieces) {
      d.cellUsed[piece.cell] -= piece.small + piece.huge;
      d.cellHuge[piece.cell] -= piece.huge;
      fragment(d, params, piece.cell, piece.small);
    }
    d.linuxUsed -= p.resident;
    d.linuxHuge -= p.huge;
    freed += p.resident;
    state.linuxProcs.splice(i, 1);
  }
  return { freed };
}

/**
 * Background churn on domain `numa`: kernel daemons, the page cache and short-lived Linux
 * processes allocate and free `bytes` of 4 KiB pages, in up to 8 random cells, leaving
 * unmovable pages scattered in free memory. Fragmentation only grows (no compaction).
 */
export function linuxChurn(state: MemoryState, params: MemoryParams, rng: RngStream, numa: number, bytes: number): void {
  const d = state.domains[numa];
  if (d === undefined || d.linuxBytes <= 0 || !(bytes > 0)) return;
  const cells = Math.min(LINUX_CELLS, Math.ceil(d.linuxBytes / Math.max(1, linuxCellCapacity(d, 0))));
  const parts = Math.min(8, Math.max(1, Math.ceil(bytes / PAGE_4K)));
  for (let i = 0; i < parts; i++) fragment(d, params, rng.int(cells), bytes / parts);
}
