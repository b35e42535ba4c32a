/**
 * Simulated time is integer nanoseconds: every trace record's time and numbers, and every
 * metric that is a time, are whole numbers, in every preset (the old model had fault times
 * such as 704,291.57 ns).
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, PRESET_NAMES } from '../../../src/engine/config/presets';
import { MS } from '../../../src/engine/kernel/time';
import { recordsOf, runCollecting } from '../../unit/node/helpers';

describe('integer nanoseconds', () => {
  for (const name of PRESET_NAMES) {
    it(`${name}: every trace record has whole-number time and fields`, () => {
      const { sim, records } = runCollecting(PRESETS[name], 40 * MS, 3);
      let n = 0;
      for (const r of recordsOf(records)) {
        n++;
        if (!Number.isInteger(r.time) || !Number.isInteger(r.a) || !Number.isInteger(r.b)) {
          throw new Error(`record ${n} (kind ${r.kind}) at ${r.time}: a=${r.a} b=${r.b} is not whole`);
        }
      }
      expect(n).toBeGreaterThan(100);
      const m = sim.snapshot().metrics as { memory: { pageFaults: { faultNs: number } }; syscalls: { routes: Record<string, { maxNs: number; p50Ns: number; p99Ns: number }> } };
      expect(Number.isInteger(m.memory.pageFaults.faultNs)).toBe(true);
      for (const r of Object.values(m.syscalls.routes)) for (const v of [r.maxNs, r.p50Ns, r.p99Ns]) expect(Number.isInteger(v)).toBe(true);
    });
  }
});
