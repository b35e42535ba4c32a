/**
 * The memory of one node as plain data (objects, arrays, numbers, typed arrays; no classes, no
 * Maps) so that it checkpoints to bytes with the plain-data codec. The rules that change it live
 * in lwk.ts (LWK regions) and linux.ts (Linux demand paging); see docs/memory.md.
 */
import type { MemoryKind } from '../hardware';

export const PAGE_4K = 4 * 1024;
export const PAGE_2M = 2 * 1024 * 1024;
export const PAGE_1G = 1024 * 1024 * 1024;
/** Largest first: the order in which the LWK tries page sizes. */
export const PAGE_SIZES: readonly number[] = [PAGE_1G, PAGE_2M, PAGE_4K];
/** 4 KiB pages per 2 MiB (transparent) huge page. */
export const SMALL_PER_HUGE = PAGE_2M / PAGE_4K;
/** Resolution of the Linux page accounting: the Linux part of each domain is split into this many cells. */
export const LINUX_CELLS = 256;

export type RegionKind = 'text' | 'heap' | 'stack' | 'mmap';
export const REGION_KINDS: readonly RegionKind[] = ['text', 'heap', 'stack', 'mmap'];

/** A physically contiguous range [base, base + bytes). */
export interface Extent {
  base: number;
  bytes: number;
}

/**
 * A physically contiguous piece of an LWK process's memory, mapped with one page size:
 * `base` is aligned to `pageSize` and `bytes` is a multiple of it. Pre-populated and zeroed
 * when allocated, so it never faults.
 */
export interface LwkRegion {
  readonly pid: number;
  readonly kind: RegionKind;
  readonly numa: number;
  base: number;
  bytes: number;
  readonly pageSize: number;
}

/** Per LWK process: its home domain (for NUMA distance) and its heap. */
export interface LwkProc {
  readonly pid: number;
  /** Domain whose distances order the candidates; -1: none (domain id order). */
  home: number;
  /** Program break, in bytes above the heap start. */
  brk: number;
  /** Bytes of its heap regions: brk rounded up to the heap step; lowering brk keeps them. */
  heapMapped: number;
}

/** Bytes one Linux process holds in one Linux cell, in 4 KiB pages and in 2 MiB huge pages. */
export interface LinuxPiece {
  readonly cell: number;
  small: number;
  huge: number;
}

/** One Linux process's anonymous memory on one domain, touched from offset 0 upwards. */
export interface LinuxProc {
  readonly pid: number;
  readonly numa: number;
  /** Bytes touched so far (a multiple of 4 KiB): pages below it are resident. */
  resident: number;
  /** Resident bytes backed by huge pages. */
  huge: number;
  readonly pieces: LinuxPiece[];
}

export interface DomainMemory {
  readonly id: number;
  readonly kind: MemoryKind;
  /** Physical range of the domain: domains are laid out in id order. */
  readonly base: number;
  readonly bytes: number;
  /** SLIT distances to every domain (copied from the topology). */
  readonly distance: readonly number[];
  /** LWK pool at the top of the domain: [lwkBase, base + bytes). */
  readonly lwkBase: number;
  readonly lwkBytes: number;
  /** Free LWK extents, ascending by base, coalesced (no two touch). */
  readonly lwkFree: Extent[];
  lwkUsed: number;
  /** Linux part: [base, lwkBase). */
  readonly linuxBytes: number;
  linuxUsed: number;
  linuxHuge: number;
  /** Page faults taken so far (4 KiB faults and huge-page faults). */
  faults: number;
  hugeFaults: number;
  /** Per Linux cell: used bytes, bytes in huge pages, fragmentation in [0, 1]. */
  readonly cellUsed: Float64Array;
  readonly cellHuge: Float64Array;
  readonly cellFrag: Float64Array;
}

export interface MemoryState {
  readonly domains: DomainMemory[];
  /** Ascending by base (physical addresses are global, so this also groups them by domain). */
  readonly regions: LwkRegion[];
  readonly lwkProcs: LwkProc[];
  readonly linuxProcs: LinuxProc[];
  /** Transparent huge pages for Linux processes (the tuned baseline). */
  readonly thp: boolean;
}

export type MemResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: string };
