import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePlain } from '../../../src/engine/kernel/plainData';
import { RngStream } from '../../../src/engine/kernel/rng';
import {
  DEFAULT_MEMORY_PARAMS as P,
  LINUX_CELLS,
  PAGE_2M,
  PAGE_4K,
  createMemoryState,
  linuxCellCapacity,
  linuxChurn,
  linuxFree,
  linuxProc,
  linuxTouch,
  memoryMetrics,
  type MemoryState,
} from '../../../src/engine/node/memory';
import { linuxOp, node } from './arbitraries';

function checkAccounting(s: MemoryState): void {
  for (const d of s.domains) {
    let used = 0;
    const bad: number[] = [];
    for (let c = 0; c < LINUX_CELLS; c++) {
      const ok =
        d.cellUsed[c] <= linuxCellCapacity(d, c) && d.cellHuge[c] <= d.cellUsed[c] && d.cellFrag[c] >= 0 && d.cellFrag[c] <= 1;
      if (!ok) bad.push(c);
      used += d.cellUsed[c];
    }
    // Plain checks in the loop, one expect: expect() is slow in hot loops.
    expect(bad).toEqual([]);
    const procs = s.linuxProcs.filter((p) => p.numa === d.id);
    expect(used).toBe(d.linuxUsed);
    expect(d.linuxUsed).toBe(procs.reduce((t, p) => t + p.resident, 0));
    expect(d.linuxHuge).toBe(procs.reduce((t, p) => t + p.huge, 0));
    expect(d.linuxUsed).toBeLessThanOrEqual(d.linuxBytes);
  }
}

describe('Linux demand paging', () => {
  it('faults exactly once per page on first touch (4 KiB, or one per huge page with THP)', () => {
    fc.assert(
      fc.property(node, fc.boolean(), fc.array(linuxOp, { maxLength: 25 }), fc.nat(), ({ topo, partition }, thp, ops, seed) => {
        const s = createMemoryState(topo, partition.lwkMem, { thp });
        const rng = RngStream.seeded(seed, 'memory');
        // Faults per (pid, numa) since its memory was last freed.
        const faults: Record<string, number> = {};
        for (const op of ops) {
          const numa = op.numa % s.domains.length;
          if (op.t === 'touch') {
            const key = `${op.pid}/${numa}`;
            const old = linuxProc(s, op.pid, numa)?.resident ?? 0;
            const before = encodePlain(s);
            const r = linuxTouch(s, P, rng, op.pid, numa, op.bytes);
            if (!r.ok) {
              expect(encodePlain(s)).toEqual(before);
              continue;
            }
            const target = Math.max(old, Math.ceil(op.bytes / PAGE_4K) * PAGE_4K);
            expect(r.bytes).toBe(target - old);
            expect(r.faults).toBe((r.bytes - r.hugePages * PAGE_2M) / PAGE_4K + r.hugePages);
            if (!thp) expect(r.hugePages).toBe(0);
            expect(r.hugePages).toBeLessThanOrEqual(Math.floor(r.bytes / PAGE_2M));
            expect(r.faultNs).toBeGreaterThanOrEqual(r.faults * P.faultMinNs - 1e-6);
            faults[key] = (faults[key] ?? 0) + r.faults;
            // Touching the same range again costs nothing.
            const again = linuxTouch(s, P, rng, op.pid, numa, op.bytes);
            expect(again.ok && again.faults).toBe(0);
          } else if (op.t === 'free') {
            linuxFree(s, P, op.pid, numa);
            delete faults[`${op.pid}/${numa}`];
          } else {
            const m = memoryMetrics(s)[numa].fragmentation;
            linuxChurn(s, P, rng, numa, op.bytes);
            expect(memoryMetrics(s)[numa].fragmentation).toBeGreaterThanOrEqual(m - 1e-12);
          }
          checkAccounting(s);
        }
        for (const p of s.linuxProcs) {
          const key = `${p.pid}/${p.numa}`;
          expect(faults[key] ?? 0).toBe((p.resident - p.huge) / PAGE_4K + p.huge / PAGE_2M);
        }
        const total = memoryMetrics(s).reduce((t, m) => t + m.faults, 0);
        expect(total).toBeGreaterThanOrEqual(Object.values(faults).reduce((t, x) => t + x, 0));
      }),
      { numRuns: 30 },
    );
  });
});
