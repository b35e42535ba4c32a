/** The Memory view's enclaves: the co-kernel's memory and the host's, as cells and outlines. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { MEMORY_CELLS } from '../../../src/worker/protocol';
import { domainsOf } from '../../../src/app/views/memory/memoryModel';
import { enclaveCells, rangeOutline } from '../../../src/app/views/memory/enclaveMemory';

describe('enclave memory', () => {
  it('splits each domain between the co-kernel (its lwkmem) and the host (the rest)', () => {
    const c = PRESETS.hobbes;
    const domains = domainsOf(c);
    const [co, host] = enclaveCells(c, domains);
    expect(co.name).toContain('Pisces');
    expect(host.name).toContain('Linux host');
    domains.forEach((d, i) => {
      expect(co.ranges[i].bytes + host.ranges[i].bytes).toBe(d.bytes);
      // The co-kernel's cells end the block, the host's come before them, no overlap.
      expect(co.ranges[i].end).toBe(MEMORY_CELLS);
      expect(host.ranges[i].first).toBe(0);
      expect(host.ranges[i].end).toBe(co.ranges[i].first);
      const lwk = c.lwkMem.filter((m) => m.numa === d.id).reduce((a, m) => a + m.bytes, 0);
      expect(co.ranges[i].bytes).toBe(lwk);
    });
    expect(enclaveCells(PRESETS.mos, domainsOf(PRESETS.mos))).toEqual([]);
  });

  it('outlines a range of a row-major grid', () => {
    expect(rangeOutline(5, 5, 32)).toEqual([]);
    expect(rangeOutline(0, 32, 32)).toEqual([[0, 0], [32, 0], [32, 1], [0, 1]]);
    expect(rangeOutline(3, 10, 32)).toEqual([[3, 0], [10, 0], [10, 1], [3, 1]]);
    // From column 20 of row 0 to the end of row 7: a step at the top-left.
    expect(rangeOutline(20, 256, 32)).toEqual([[20, 0], [32, 0], [32, 7], [32, 7], [32, 8], [0, 8], [0, 1], [20, 1]]);
  });
});
