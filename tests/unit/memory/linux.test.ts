import { describe, expect, it } from 'vitest';
import { defaultMosPartition } from '../../../src/engine/config/partition';
import { RngStream } from '../../../src/engine/kernel/rng';
import { GiB, MiB } from '../../../src/engine/node/hardware';
import {
  DEFAULT_MEMORY_PARAMS,
  LINUX_CELLS,
  createMemoryState,
  faultCost,
  fragmentationIndex,
  linuxChurn,
  linuxFree,
  linuxTouch,
  memoryMetrics,
  type MemoryParams,
} from '../../../src/engine/node/memory';
import { twoSocketNode } from '../../../src/engine/node/topologies';

const two = twoSocketNode();
const clean: MemoryParams = { ...DEFAULT_MEMORY_PARAMS, initialFrag: 0 };
const state = (thp: boolean, params = clean) => createMemoryState(two, defaultMosPartition(two).lwkMem, { thp }, params);
const rng = () => RngStream.seeded(1, 'memory');

describe('demand paging without THP', () => {
  it('faults once per 4 KiB page on first touch only', () => {
    const s = state(false);
    const r = rng();
    const a = linuxTouch(s, clean, r, 9, 0, MiB);
    expect(a.ok && [a.faults, a.hugePages, a.bytes]).toEqual([256, 0, MiB]);
    expect(a.ok && a.faultNs).toBeGreaterThanOrEqual(256 * clean.faultMinNs);
    expect(a.ok && a.faultNs).toBeLessThanOrEqual(256 * clean.faultMaxNs);
    const again = linuxTouch(s, clean, r, 9, 0, MiB);
    expect(again.ok && [again.faults, again.faultNs]).toEqual([0, 0]);
    const more = linuxTouch(s, clean, r, 9, 0, 2 * MiB + 1);
    expect(more.ok && more.faults).toBe(257);
    expect(memoryMetrics(s)[0]).toMatchObject({ linuxUsed: 2 * MiB + 4096, faults: 513, hugeFaults: 0, hugeShare: 0 });
  });
  it('fails cleanly when Linux memory on the domain is full', () => {
    const s = state(false);
    const r = linuxTouch(s, clean, rng(), 9, 0, 9 * GiB);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/out of memory: Linux on NUMA domain 0 has 8 GiB free/);
    expect(s.linuxProcs).toEqual([]);
  });
});

describe('transparent huge pages', () => {
  it('backs whole 2 MiB extents with huge pages when memory is not fragmented', () => {
    const s = state(true);
    const r = linuxTouch(s, clean, rng(), 9, 0, 5 * MiB);
    // Two huge pages, then 1 MiB of 4 KiB pages at the end.
    expect(r.ok && [r.faults, r.hugePages]).toEqual([2 + 256, 2]);
    expect(r.ok && r.faultNs).toBeGreaterThanOrEqual(2 * (2 * MiB - 4096) * clean.zeroNsPerByte);
    expect(memoryMetrics(s)[0].hugeShare).toBeCloseTo((4 * MiB) / (5 * MiB));
  });
  it('forms no huge page in fully fragmented memory', () => {
    const s = state(true);
    s.domains[0].cellFrag.fill(1);
    const r = linuxTouch(s, clean, rng(), 9, 0, 64 * MiB);
    expect(r.ok && [r.faults, r.hugePages]).toEqual([64 * 256, 0]);
  });
  it('forms fewer huge pages as churn fragments memory', () => {
    const s = state(true);
    const r = rng();
    const before = fragmentationIndex(s.domains[0]);
    for (let i = 0; i < 200; i++) linuxChurn(s, clean, r, 0, 64 * MiB);
    const after = fragmentationIndex(s.domains[0]);
    expect(after).toBeGreaterThan(before + 0.3);
    const t = linuxTouch(s, clean, r, 9, 0, GiB);
    expect(t.ok && t.hugePages).toBeLessThan(400);
  });
});

describe('free', () => {
  it('returns the memory, fragments cells where 4 KiB pages were, and faults again later', () => {
    const s = state(false);
    const r = rng();
    linuxTouch(s, clean, r, 9, 0, 100 * MiB);
    linuxTouch(s, clean, r, 9, 1, 10 * MiB);
    expect(linuxFree(s, clean, 9, 0).freed).toBe(100 * MiB);
    expect(s.domains[0].linuxUsed).toBe(0);
    expect(s.domains[1].linuxUsed).toBe(10 * MiB);
    expect(Array.from(s.domains[0].cellUsed).every((x) => x === 0)).toBe(true);
    expect(s.domains[0].cellFrag[0]).toBeGreaterThan(0);
    const again = linuxTouch(s, clean, r, 9, 0, MiB);
    expect(again.ok && again.faults).toBe(256);
    expect(linuxFree(s, clean, 9).freed).toBe(MiB + 10 * MiB);
  });
});

describe('fault cost', () => {
  it('is clamped to [faultMinNs, faultMaxNs] per fault and scales beyond the sample count', () => {
    const r = rng();
    const one = faultCost(clean, r, 1);
    expect(one).toBeGreaterThanOrEqual(600);
    expect(one).toBeLessThanOrEqual(10_000);
    const many = faultCost(clean, r, 1_000_000);
    expect(many / 1_000_000).toBeGreaterThan(600);
    expect(many / 1_000_000).toBeLessThan(3000);
    expect(faultCost(clean, r, 0)).toBe(0);
  });
  it('is deterministic for a given stream state', () => {
    expect(faultCost(clean, rng(), 5000)).toBe(faultCost(clean, rng(), 5000));
  });
  it('has LINUX_CELLS cells per domain', () => {
    expect(state(false).domains[0].cellUsed.length).toBe(LINUX_CELLS);
  });
});
