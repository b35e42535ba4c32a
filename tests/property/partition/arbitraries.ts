/** fast-check generators of valid partitions for a topology. */
import fc from 'fast-check';
import type { Topology } from '../../../src/engine/node/hardware';
import { LWK_PAGE_BYTES, type LwkGroup, type Partition } from '../../../src/engine/config/partition';
import { lwkCapacity } from '../../../src/engine/config/partitionTypes';

export function validPartition(topo: Topology): fc.Arbitrary<Partition> {
  const n = topo.cpus.length;
  return fc
    .record({
      // Per CPU: -1 = Linux, else a group slot 0..3.
      slot: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: n, maxLength: n }),
      syscallPick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
      memPick: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
        minLength: topo.numa.length,
        maxLength: topo.numa.length,
      }),
    })
    .map(({ slot, syscallPick, memPick }) => {
      const slots = [...slot];
      if (slots.every((s) => s >= 0)) slots[0] = -1; // keep one Linux CPU
      if (slots.every((s) => s < 0)) slots[n - 1] = 0; // and one LWK CPU
      const linux = slots.flatMap((s, cpu) => (s < 0 ? [cpu] : []));
      const groups: LwkGroup[] = [];
      for (let g = 0; g < 4; g++) {
        const lwkCpus = slots.flatMap((s, cpu) => (s === g ? [cpu] : []));
        if (lwkCpus.length > 0) groups.push({ syscallCpu: linux[syscallPick[g] % linux.length], lwkCpus });
      }
      const capacity = lwkCapacity(topo, new Set(linux.map((c) => topo.cpus[c].numa)));
      let lwkMem = topo.numa.flatMap((d) => {
        const units = Math.floor(capacity[d.id] / LWK_PAGE_BYTES);
        const f = memPick[d.id];
        if (f === undefined || units === 0) return [];
        return [{ numa: d.id, bytes: Math.max(1, Math.round(f * units)) * LWK_PAGE_BYTES }];
      });
      if (lwkMem.length === 0) lwkMem = [{ numa: topo.numa.length - 1, bytes: LWK_PAGE_BYTES }];
      return { groups, lwkMem };
    });
}

/** Strings made of partition-like pieces, to reach deep into the parser. */
export const partitionish: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom('lwkcpus=', 'lwkmem=', 'lwkcpu=', '=', '0', '1', '7', '13', '63', '300', '99999999999999999999', '-', ',', ':', '.', ' ', '\t', 'G', 'M', 'iB', 'B', 'x', 'é', ''),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
