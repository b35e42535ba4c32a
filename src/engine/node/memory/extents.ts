/**
 * Free lists of physically contiguous extents: ascending by base, coalesced. Plain arrays of
 * plain objects, edited in place.
 */
import type { Extent } from './types';

export function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}

export function alignDown(x: number, a: number): number {
  return Math.floor(x / a) * a;
}

/**
 * Where to put up to `want` bytes of `pageSize`-aligned pages: the first extent whose aligned
 * part holds all of it, else the largest aligned part (at least one page), else null.
 */
export function findRun(free: readonly Extent[], pageSize: number, want: number): Extent | null {
  let best: Extent | null = null;
  for (const e of free) {
    const start = alignUp(e.base, pageSize);
    const len = alignDown(e.base + e.bytes, pageSize) - start;
    if (len >= want) return { base: start, bytes: want };
    if (len >= pageSize && (best === null || len > best.bytes)) best = { base: start, bytes: len };
  }
  return best;
}

/** Remove [base, base + bytes) from the free list; it must lie inside one free extent. */
export function takeRange(free: Extent[], base: number, bytes: number): void {
  const i = free.findIndex((e) => e.base <= base && base + bytes <= e.base + e.bytes);
  if (i < 0) return;
  const e = free[i];
  const pieces: Extent[] = [];
  if (base > e.base) pieces.push({ base: e.base, bytes: base - e.base });
  const end = e.base + e.bytes;
  if (base + bytes < end) pieces.push({ base: base + bytes, bytes: end - base - bytes });
  free.splice(i, 1, ...pieces);
}

/** Give [base, base + bytes) back, merging with its neighbours. */
export function insertFree(free: Extent[], base: number, bytes: number): void {
  if (bytes <= 0) return;
  let i = 0;
  while (i < free.length && free[i].base < base) i++;
  free.splice(i, 0, { base, bytes });
  if (i + 1 < free.length && base + bytes === free[i + 1].base) {
    free[i].bytes += free[i + 1].bytes;
    free.splice(i + 1, 1);
  }
  if (i > 0 && free[i - 1].base + free[i - 1].bytes === base) {
    free[i - 1].bytes += free[i].bytes;
    free.splice(i, 1);
  }
}

export function freeBytes(free: readonly Extent[]): number {
  return free.reduce((s, e) => s + e.bytes, 0);
}
