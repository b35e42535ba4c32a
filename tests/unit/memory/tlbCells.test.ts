import { describe, expect, it } from 'vitest';
import { defaultMosPartition } from '../../../src/engine/config/partition';
import { decodePlain, encodePlain } from '../../../src/engine/kernel/plainData';
import { RngStream } from '../../../src/engine/kernel/rng';
import { GiB, KiB, MiB } from '../../../src/engine/node/hardware';
import {
  CELL_LWK_FREE,
  DEFAULT_MEMORY_PARAMS as P,
  createMemoryState,
  decodeCell,
  encodeLinuxCell,
  encodeRegionCell,
  linuxTlbFactor,
  linuxTouch,
  lwkAllocate,
  memoryCellBytes,
  memoryCells,
  processTlbFactor,
  tlbFactor,
  tlbReach,
  type MemoryState,
} from '../../../src/engine/node/memory';
import { twoSocketNode } from '../../../src/engine/node/topologies';

const two = twoSocketNode();

describe('TLB factor', () => {
  it('is 1 within the reach and follows 1 + rate x miss share x walk beyond it', () => {
    expect(tlbReach(P.tlb, 4 * KiB)).toBe(6 * MiB);
    expect(tlbFactor(P, 4 * KiB, 6 * MiB)).toBe(1);
    expect(tlbFactor(P, 4 * KiB, 12 * MiB)).toBeCloseTo(1 + 0.002 * 0.5 * 150);
    expect(tlbFactor(P, 2 * MiB, 6 * GiB)).toBeCloseTo(1 + 0.002 * 0.5 * 112.5);
    expect(tlbFactor(P, GiB, 32 * GiB)).toBeCloseTo(1 + 0.002 * 0.5 * 75);
    expect(tlbFactor(P, GiB, 32 * GiB, 0)).toBe(1);
  });
  it('is smaller for larger pages', () => {
    const f = (page: number): number => tlbFactor(P, page, 64 * GiB);
    expect(f(4 * KiB)).toBeGreaterThan(f(2 * MiB));
    expect(f(2 * MiB)).toBeGreaterThan(f(GiB));
  });
  it('comes from the regions of an LWK process and the pages of a Linux process', () => {
    const s = createMemoryState(two, defaultMosPartition(two).lwkMem, { thp: false });
    expect(processTlbFactor(s, P, 1)).toBe(1);
    lwkAllocate(s, P, 1, 'mmap', 8 * GiB);
    expect(processTlbFactor(s, P, 1)).toBe(1); // 8 GiB in 1 GiB pages: within the 16 GiB reach
    linuxTouch(s, P, RngStream.seeded(1, 'm'), 2, 0, GiB);
    expect(linuxTlbFactor(s, P, 2, 0)).toBeCloseTo(tlbFactor(P, 4 * KiB, GiB));
  });
});

describe('cells', () => {
  it('round-trips the encoding', () => {
    expect(decodeCell(encodeRegionCell({ pid: 123456, kind: 'stack', pageSize: GiB }))).toEqual({ owner: 'lwk', pid: 123456, kind: 'stack', pageSize: GiB });
    expect(decodeCell(encodeRegionCell({ pid: 1, kind: 'heap', pageSize: 4096 }))).toEqual({ owner: 'lwk', pid: 1, kind: 'heap', pageSize: 4096 });
    expect(decodeCell(encodeLinuxCell(1, 0, 0.5))).toEqual({ owner: 'linux', used: 1, huge: 0, frag: 128 / 255 });
    expect(decodeCell(CELL_LWK_FREE)).toEqual({ owner: 'lwk-free' });
  });
  it('draws Linux at the bottom, LWK regions and free LWK memory above', () => {
    const s = createMemoryState(two, defaultMosPartition(two).lwkMem, { thp: false });
    expect(memoryCellBytes(s, 0, 96)).toBe(GiB);
    lwkAllocate(s, P, 77, 'heap', 4 * GiB);
    linuxTouch(s, P, RngStream.seeded(1, 'm'), 5, 0, GiB);
    const cells = Array.from(memoryCells(s, 0, 96), decodeCell);
    expect(cells[0]).toMatchObject({ owner: 'linux', used: 1 });
    expect(cells[1]).toMatchObject({ owner: 'linux', used: 0 });
    expect(cells.slice(8, 12)).toEqual(Array(4).fill({ owner: 'lwk', pid: 77, kind: 'heap', pageSize: GiB }));
    expect(cells[12]).toEqual({ owner: 'lwk-free' });
    expect(cells.filter((c) => c.owner === 'linux')).toHaveLength(8);
  });
});

describe('checkpoint', () => {
  it('survives the plain-data codec and goes on identically', () => {
    const run = (s: MemoryState): unknown => {
      const r = RngStream.seeded(3, 'x');
      return [lwkAllocate(s, P, 1, 'mmap', 3 * GiB + 5), linuxTouch(s, P, r, 2, 1, 300 * MiB), memoryCells(s, 1, 64)];
    };
    const a = createMemoryState(two, defaultMosPartition(two).lwkMem, { thp: true });
    lwkAllocate(a, P, 9, 'text', 10 * MiB);
    const b = decodePlain<MemoryState>(encodePlain(a));
    expect(run(b)).toEqual(run(a));
    expect(encodePlain(b)).toEqual(encodePlain(a));
  });
});
