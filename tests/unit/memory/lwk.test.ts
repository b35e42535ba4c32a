import { describe, expect, it } from 'vitest';
import { defaultMosPartition } from '../../../src/engine/config/partition';
import { encodePlain } from '../../../src/engine/kernel/plainData';
import { GiB, MiB } from '../../../src/engine/node/hardware';
import {
  DEFAULT_MEMORY_PARAMS,
  createMemoryState,
  lwkAllocate,
  lwkDomainOrder,
  lwkFree,
  lwkGrowHeap,
  lwkRegionsOf,
  lwkReleaseProcess,
  lwkTouch,
  memoryMetrics,
  type MemoryParams,
} from '../../../src/engine/node/memory';
import { twoSocketNode, xeonPhi7250Snc4Flat } from '../../../src/engine/node/topologies';

const P = DEFAULT_MEMORY_PARAMS;
const knl = xeonPhi7250Snc4Flat();
const two = twoSocketNode();
const knlState = () => createMemoryState(knl, defaultMosPartition(knl).lwkMem, { thp: false });
const twoState = () => createMemoryState(two, defaultMosPartition(two).lwkMem, { thp: false });

describe('layout', () => {
  it('puts each LWK pool at the top of its domain, Linux below', () => {
    const s = twoState();
    expect(s.domains.map((d) => [d.base / GiB, d.lwkBase / GiB, d.lwkBytes / GiB, d.linuxBytes / GiB])).toEqual([
      [0, 8, 88, 8],
      [96, 104, 88, 8],
    ]);
  });
  it('rounds a pool down to whole 2 MiB pages', () => {
    const s = createMemoryState(two, [{ numa: 0, bytes: 5 * MiB }], { thp: false });
    expect(s.domains[0].lwkBytes).toBe(4 * MiB);
    expect(s.domains[1].lwkBytes).toBe(0);
  });
});

describe('memory kind preference (Xeon Phi SNC-4 flat, MCDRAM = domains 4-7)', () => {
  it('prefers HBM, nearest quadrant first, then DDR by distance', () => {
    const s = knlState();
    expect(lwkDomainOrder(s, P, 1).map((d) => d.id)).toEqual([5, 4, 6, 7, 1, 0, 2, 3]);
  });
  it('puts a 2 GiB mmap in MCDRAM, in 1 GiB pages', () => {
    const s = knlState();
    const r = lwkAllocate(s, P, 1, 'mmap', 2 * GiB, 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.regions).toEqual([{ pid: 1, kind: 'mmap', numa: 4, base: 96 * GiB, bytes: 2 * GiB, pageSize: GiB }]);
  });
  it('spills over the other MCDRAM domains before touching DDR', () => {
    const s = knlState();
    const r = lwkAllocate(s, P, 1, 'heap', 10 * GiB, 1);
    expect(r.ok && r.regions.map((x) => [x.numa, x.bytes / GiB])).toEqual([
      [5, 4],
      [4, 4],
      [6, 2],
    ]);
    const more = lwkAllocate(s, P, 1, 'mmap', 7 * GiB);
    // The home domain (1) is remembered: HBM 6 then 7, then the local DDR.
    expect(more.ok && more.regions.map((x) => [x.numa, x.bytes / GiB])).toEqual([
      [6, 2],
      [7, 4],
      [1, 1],
    ]);
  });
  it('follows a DDR-first order, and leaves out kinds not listed', () => {
    const ddrFirst: MemoryParams = { ...P, kindOrder: ['DDR', 'HBM'] };
    const s = knlState();
    const r = lwkAllocate(s, ddrFirst, 1, 'mmap', GiB, 2);
    expect(r.ok && r.regions.map((x) => x.numa)).toEqual([2]);
    const ddrOnly: MemoryParams = { ...P, kindOrder: ['DDR'] };
    expect(lwkDomainOrder(s, ddrOnly, 0).map((d) => d.id)).toEqual([0, 1, 2, 3]);
    const hbmOnly: MemoryParams = { ...P, kindOrder: ['HBM'] };
    const fail = lwkAllocate(knlState(), hbmOnly, 1, 'mmap', 17 * GiB);
    expect(fail.ok).toBe(false);
    if (!fail.ok) expect(fail.error).toMatch(/out of LWK memory: pid 1 asks 17 GiB of mmap, but only 16 GiB is free in its HBM domains/);
  });
});

describe('page sizes and zeroing', () => {
  it('splits 3 GiB + 6 MiB into 1 GiB pages and 2 MiB pages', () => {
    const s = twoState();
    const r = lwkAllocate(s, P, 7, 'mmap', 3 * GiB + 6 * MiB);
    expect(r.ok && r.regions.map((x) => [x.bytes, x.pageSize])).toEqual([
      [3 * GiB, GiB],
      [6 * MiB, 2 * MiB],
    ]);
    expect(r.ok && r.zeroNs).toBeCloseTo((3 * GiB + 6 * MiB) * P.zeroNsPerByte);
  });
  it('rounds small requests up to 4 KiB pages and charges zeroing per byte', () => {
    const s = twoState();
    const r = lwkAllocate(s, { ...P, zeroNsPerByte: 0.25 }, 7, 'stack', 5000);
    expect(r.ok && r.regions.map((x) => [x.bytes, x.pageSize])).toEqual([[8192, 4096]]);
    expect(r.ok && r.zeroNs).toBe(2048);
    expect(r.ok && r.bytes).toBe(8192);
  });
});

describe('heap growth in 2 MiB steps', () => {
  it('maps whole steps, zeroes only new ones, keeps the mapping when the break drops', () => {
    const s = twoState();
    const steps = [1, 3 * MiB, 4 * MiB, 1 * MiB, 4 * MiB, 4 * MiB + 1].map((brk) => {
      const r = lwkGrowHeap(s, P, 3, brk);
      return r.ok ? [r.bytes / MiB, r.zeroNs] : 'error';
    });
    const z = (mib: number): number => mib * MiB * P.zeroNsPerByte;
    expect(steps).toEqual([
      [2, z(2)],
      [2, z(2)],
      [0, 0],
      [0, 0],
      [0, 0],
      [2, z(2)],
    ]);
    // Contiguous steps merge into one region of 2 MiB pages.
    expect(lwkRegionsOf(s, 3).map((r) => [r.kind, r.bytes / MiB, r.pageSize / MiB])).toEqual([['heap', 6, 2]]);
  });
  it('uses 1 GiB pages for a large jump of the break', () => {
    const s = twoState();
    const r = lwkGrowHeap(s, P, 3, GiB + 1);
    expect(r.ok && r.regions.map((x) => [x.bytes / MiB, x.pageSize / MiB])).toEqual([
      [1024, 1024],
      [2, 2],
    ]);
  });
});

describe('free, exit and touch', () => {
  it('munmap returns the memory and counts shootdown IPIs for the other CPUs', () => {
    const s = twoState();
    const r = lwkAllocate(s, P, 4, 'mmap', 8 * MiB);
    if (!r.ok) throw new Error(r.error);
    const base = r.regions[0].base;
    const f = lwkFree(s, 4, base + 2 * MiB, 2 * MiB, 5);
    expect(f).toEqual({ ok: true, freed: 2 * MiB, shootdownIpis: 4 });
    expect(lwkRegionsOf(s, 4).map((x) => x.bytes / MiB)).toEqual([2, 4]);
    expect(lwkFree(s, 4, base, 2 * MiB, 1)).toEqual({ ok: true, freed: 2 * MiB, shootdownIpis: 0 });
    expect(lwkFree(s, 4, base, 2 * MiB, 1).ok).toBe(false);
  });
  it('refuses to cut through a large page', () => {
    const s = twoState();
    const r = lwkAllocate(s, P, 4, 'mmap', GiB);
    if (!r.ok) throw new Error(r.error);
    const before = encodePlain(s);
    const f = lwkFree(s, 4, r.regions[0].base, 2 * MiB, 1);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error).toMatch(/part of a 1 GiB page/);
    expect(encodePlain(s)).toEqual(before);
  });
  it('releases everything at exit', () => {
    const s = twoState();
    lwkAllocate(s, P, 4, 'text', 3 * MiB);
    lwkGrowHeap(s, P, 4, 100 * MiB);
    lwkAllocate(s, P, 5, 'stack', 64 * 1024);
    expect(lwkReleaseProcess(s, 4).freed).toBe(3 * MiB + 100 * MiB);
    expect(s.regions.map((r) => r.pid)).toEqual([5]);
    expect(memoryMetrics(s)[0].lwkUsed).toBe(64 * 1024);
    expect(s.lwkProcs.map((p) => p.pid)).toEqual([5]);
  });
  it('touching LWK memory never faults; unmapped memory is an error', () => {
    const s = twoState();
    const r = lwkAllocate(s, P, 4, 'mmap', 3 * GiB);
    if (!r.ok) throw new Error(r.error);
    expect(lwkTouch(s, 4, r.regions[0].base, 3 * GiB)).toEqual({ ok: true, faults: 0, faultNs: 0 });
    expect(lwkTouch(s, 4, r.regions[0].base + 3 * GiB, 1).ok).toBe(false);
    expect(lwkTouch(s, 5, r.regions[0].base, 1).ok).toBe(false);
  });
  it('rejects a non-positive size without throwing', () => {
    const s = twoState();
    expect(lwkAllocate(s, P, 1, 'mmap', 0).ok).toBe(false);
    expect(lwkAllocate(s, P, 1, 'mmap', Number.NaN).ok).toBe(false);
    expect(lwkGrowHeap(s, P, 1, -1).ok).toBe(false);
  });
});
