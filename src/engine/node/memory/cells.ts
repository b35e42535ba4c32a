/**
 * A compact picture of one domain's physical memory for drawing: `cellCount` equal cells from
 * the domain's lowest address to its highest, each one 32-bit code (see docs/memory.md):
 *
 *   bits 0-1  owner: 0 Linux, 1 LWK free, 2 LWK region
 *   Linux:      bits 8-15 used share, 16-23 huge-page share of the used bytes, 24-31 fragmentation (each x 255)
 *   LWK region: bits 2-3 kind (text, heap, stack, mmap), 4-5 page size (0: 4 KiB, 1: 2 MiB, 2: 1 GiB), 8-31 pid
 *
 * A cell straddling the Linux/LWK boundary shows the side with more bytes in it; an LWK cell
 * shows whichever owner (a region, or free) has the most bytes in it.
 */
import { linuxCellBytes, linuxCellCapacity } from './state';
import { LINUX_CELLS, PAGE_1G, PAGE_2M, REGION_KINDS, type DomainMemory, type LwkRegion, type MemoryState, type RegionKind } from './types';

export const CELL_LINUX = 0;
export const CELL_LWK_FREE = 1;
export const CELL_LWK_REGION = 2;

export type DecodedCell =
  | { readonly owner: 'linux'; readonly used: number; readonly huge: number; readonly frag: number }
  | { readonly owner: 'lwk-free' }
  | { readonly owner: 'lwk'; readonly pid: number; readonly kind: RegionKind; readonly pageSize: number };

const PAGE_CODES: readonly number[] = [4096, PAGE_2M, PAGE_1G];

const byte = (x: number): number => Math.max(0, Math.min(255, Math.round(x * 255)));

export function encodeLinuxCell(used: number, huge: number, frag: number): number {
  return (CELL_LINUX | (byte(used) << 8) | (byte(huge) << 16) | (byte(frag) << 24)) >>> 0;
}

export function encodeRegionCell(r: Pick<LwkRegion, 'pid' | 'kind' | 'pageSize'>): number {
  const page = r.pageSize >= PAGE_1G ? 2 : r.pageSize >= PAGE_2M ? 1 : 0;
  return (CELL_LWK_REGION | (REGION_KINDS.indexOf(r.kind) << 2) | (page << 4) | ((r.pid & 0xffffff) << 8)) >>> 0;
}

export function decodeCell(code: number): DecodedCell {
  const owner = code & 3;
  if (owner === CELL_LWK_FREE) return { owner: 'lwk-free' };
  if (owner === CELL_LWK_REGION) {
    return { owner: 'lwk', pid: code >>> 8, kind: REGION_KINDS[(code >>> 2) & 3], pageSize: PAGE_CODES[(code >>> 4) & 3] };
  }
  return { owner: 'linux', used: ((code >>> 8) & 255) / 255, huge: ((code >>> 16) & 255) / 255, frag: (code >>> 24) / 255 };
}

/** Bytes one of `cellCount` cells of domain `domain` stands for (divide by 4096 for pages). */
export function memoryCellBytes(state: MemoryState, domain: number, cellCount: number): number {
  return state.domains[domain].bytes / cellCount;
}

/** Linux code for [a, b) (physical addresses inside the Linux part): overlap-weighted over the accounting cells. */
function linuxCode(d: DomainMemory, a: number, b: number): number {
  const cb = linuxCellBytes(d);
  let span = 0;
  let used = 0;
  let huge = 0;
  let frag = 0;
  const first = Math.max(0, Math.floor((a - d.base) / cb));
  for (let j = first; j < LINUX_CELLS; j++) {
    const lo = d.base + j * cb;
    if (lo >= b) break;
    const cap = linuxCellCapacity(d, j);
    const ov = Math.min(b, lo + cap) - Math.max(a, lo);
    if (ov <= 0 || cap <= 0) continue;
    span += ov;
    used += (d.cellUsed[j] * ov) / cap;
    huge += (d.cellHuge[j] * ov) / cap;
    frag += d.cellFrag[j] * ov;
  }
  if (span <= 0) return encodeLinuxCell(0, 0, 0);
  return encodeLinuxCell(used / span, used > 0 ? huge / used : 0, frag / span);
}

export function memoryCells(state: MemoryState, domain: number, cellCount: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, Math.floor(cellCount)));
  const d = state.domains[domain];
  if (d === undefined || out.length === 0) return out;
  const regions = state.regions.filter((r) => r.numa === d.id);
  const size = d.bytes / out.length;
  let k = 0; // first region that may overlap the current cell (regions ascend and are disjoint)
  for (let i = 0; i < out.length; i++) {
    const a = d.base + i * size;
    const b = i === out.length - 1 ? d.base + d.bytes : a + size;
    const linuxPart = Math.max(0, Math.min(b, d.lwkBase) - a);
    if (linuxPart * 2 >= b - a) {
      out[i] = linuxCode(d, a, Math.min(b, d.lwkBase));
      continue;
    }
    const lo = Math.max(a, d.lwkBase);
    while (k < regions.length && regions[k].base + regions[k].bytes <= lo) k++;
    let best: LwkRegion | undefined;
    let bestOv = 0;
    let taken = 0;
    for (let j = k; j < regions.length && regions[j].base < b; j++) {
      const r = regions[j];
      const ov = Math.min(b, r.base + r.bytes) - Math.max(lo, r.base);
      taken += ov;
      if (ov > bestOv) {
        best = r;
        bestOv = ov;
      }
    }
    out[i] = best !== undefined && bestOv > b - lo - taken ? encodeRegionCell(best) : CELL_LWK_FREE;
  }
  return out;
}
