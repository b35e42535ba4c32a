import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePlain } from '../../../src/engine/kernel/plainData';
import {
  DEFAULT_MEMORY_PARAMS as P,
  PAGE_4K,
  createMemoryState,
  lwkAllocate,
  lwkDomainOrder,
  lwkFree,
  lwkGrowHeap,
  lwkProc,
  lwkReleaseProcess,
  lwkTouch,
  memoryMetrics,
  type MemoryState,
} from '../../../src/engine/node/memory';
import { lwkOp, node, type LwkOp } from './arbitraries';

/** Every invariant as plain checks collecting problems, then one expect (expect() is slow in hot loops). */
function checkInvariants(s: MemoryState): void {
  const bad: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) bad.push(what);
  };
  for (let i = 1; i < s.regions.length; i++) {
    need(s.regions[i - 1].base + s.regions[i - 1].bytes <= s.regions[i].base, `regions ${i - 1} and ${i} overlap or are unsorted`);
  }
  for (const d of s.domains) {
    const poolEnd = d.lwkBase + d.lwkBytes;
    need(poolEnd === d.base + d.bytes, `domain ${d.id}: pool not at the top`);
    const mine = s.regions.filter((r) => r.numa === d.id);
    for (const r of mine) {
      const where = `region ${r.base}+${r.bytes}`;
      need(r.bytes > 0, `${where} empty`);
      need(r.base >= d.lwkBase && r.base + r.bytes <= poolEnd, `${where} outside the pool of domain ${d.id}`);
      need(r.base % r.pageSize === 0 && r.bytes % r.pageSize === 0, `${where} not aligned to ${r.pageSize}`);
      const t = lwkTouch(s, r.pid, r.base, r.bytes);
      need(t.ok && t.faults === 0 && t.faultNs === 0, `${where} faults`);
    }
    const used = mine.reduce((t, r) => t + r.bytes, 0);
    need(d.lwkUsed === used, `domain ${d.id}: lwkUsed ${d.lwkUsed} != ${used}`);
    let free = 0;
    d.lwkFree.forEach((e, i) => {
      need(e.bytes > 0 && e.base >= d.lwkBase && e.base + e.bytes <= poolEnd, `free extent ${i} of domain ${d.id} outside the pool`);
      if (i > 0) need(d.lwkFree[i - 1].base + d.lwkFree[i - 1].bytes < e.base, `free extents ${i - 1}, ${i} touch or overlap`);
      for (const r of mine) need(r.base + r.bytes <= e.base || e.base + e.bytes <= r.base, `free extent ${i} overlaps a region`);
      free += e.bytes;
    });
    need(used + free === d.lwkBytes, `domain ${d.id}: used + free != pool`);
  }
  for (const p of s.lwkProcs) {
    const heap = s.regions.filter((r) => r.pid === p.pid && r.kind === 'heap').reduce((t, r) => t + r.bytes, 0);
    need(p.heapMapped === heap, `pid ${p.pid}: heapMapped ${p.heapMapped} != heap regions ${heap}`);
  }
  expect(bad).toEqual([]);
}

function apply(s: MemoryState, op: LwkOp): void {
  const before = encodePlain(s);
  switch (op.t) {
    case 'alloc': {
      const home = op.home < s.domains.length ? op.home : -1;
      const procHome = lwkProc(s, op.pid)?.home ?? -1;
      const order = lwkDomainOrder(s, P, procHome >= 0 ? procHome : home);
      const available = order.reduce((t, d) => t + d.lwkBytes - d.lwkUsed, 0);
      const want = Math.ceil(op.bytes / PAGE_4K) * PAGE_4K;
      const r = lwkAllocate(s, P, op.pid, op.kind, op.bytes, home);
      expect(r.ok).toBe(available >= want);
      if (r.ok) {
        expect(r.regions.reduce((t, x) => t + x.bytes, 0)).toBe(want);
        expect(r.zeroNs).toBeCloseTo(want * P.zeroNsPerByte);
        // Largest pages first: at most one 1 GiB page's worth is left to smaller pages per domain run.
        for (const x of r.regions) expect(order.map((d) => d.id)).toContain(x.numa);
      } else expect(encodePlain(s)).toEqual(before);
      break;
    }
    case 'heap': {
      const r = lwkGrowHeap(s, P, op.pid, op.brk);
      if (r.ok) {
        const mapped = lwkProc(s, op.pid)?.heapMapped ?? 0;
        expect(mapped).toBeGreaterThanOrEqual(op.brk);
        // A growing heap ends on a step boundary (2 MiB).
        if (r.bytes > 0) expect(mapped % P.heapStepBytes).toBe(0);
      } else expect(encodePlain(s)).toEqual(before);
      break;
    }
    case 'free': {
      const mine = s.regions.filter((r) => r.pid === op.pid);
      if (mine.length === 0) return;
      const reg = mine[op.pick % mine.length];
      const pages = reg.bytes / reg.pageSize;
      const first = op.at % pages;
      const count = 1 + (op.len % (pages - first));
      const base = reg.base + first * reg.pageSize + op.skew * PAGE_4K;
      const r = lwkFree(s, op.pid, base, count * reg.pageSize, op.cpus);
      if (op.skew === 0) expect(r).toEqual({ ok: true, freed: count * reg.pageSize, shootdownIpis: op.cpus - 1 });
      if (!r.ok) expect(encodePlain(s)).toEqual(before);
      break;
    }
    case 'exit': {
      const held = s.regions.filter((r) => r.pid === op.pid).reduce((t, r) => t + r.bytes, 0);
      expect(lwkReleaseProcess(s, op.pid).freed).toBe(held);
      break;
    }
  }
}

describe('LWK regions', () => {
  it('stay disjoint, aligned, inside the pool, and never fault', () => {
    fc.assert(
      fc.property(node, fc.array(lwkOp, { maxLength: 30 }), ({ topo, partition }, ops) => {
        const s = createMemoryState(topo, partition.lwkMem, { thp: false });
        s.domains.forEach((d) => expect(d.lwkBytes).toBe(partition.lwkMem.find((m) => m.numa === d.id)?.bytes ?? 0));
        for (const op of ops) {
          apply(s, op);
          checkInvariants(s);
        }
        for (const pid of [1, 2, 3, 4]) lwkReleaseProcess(s, pid);
        for (const m of memoryMetrics(s)) expect(m.lwkFree).toBe(m.lwkBytes);
      }),
      { numRuns: 40 },
    );
  });
});
