/** fast-check generators for the memory model: a node (topology + valid partition) and operation sequences. */
import fc from 'fast-check';
import type { Partition } from '../../../src/engine/config/partition';
import { GiB, KiB, MiB, type Topology } from '../../../src/engine/node/hardware';
import { REGION_KINDS, type RegionKind } from '../../../src/engine/node/memory';
import { twoSocketNode, xeonPhi7250Snc4Flat } from '../../../src/engine/node/topologies';
import { validPartition } from '../partition/arbitraries';

export const TOPOLOGIES: readonly Topology[] = [twoSocketNode(), xeonPhi7250Snc4Flat()];

export const node: fc.Arbitrary<{ topo: Topology; partition: Partition }> = fc
  .constantFrom(...TOPOLOGIES)
  .chain((topo) => validPartition(topo).map((partition) => ({ topo, partition })));

export const size: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 64 * KiB }),
  fc.integer({ min: 1, max: 64 * MiB }),
  fc.integer({ min: 1, max: 8 * GiB }),
  fc.constantFrom(2 * MiB, GiB, 3 * GiB + 6 * MiB),
);

export type LwkOp =
  | { readonly t: 'alloc'; readonly pid: number; readonly kind: RegionKind; readonly bytes: number; readonly home: number }
  | { readonly t: 'heap'; readonly pid: number; readonly brk: number }
  | { readonly t: 'free'; readonly pid: number; readonly pick: number; readonly at: number; readonly len: number; readonly skew: number; readonly cpus: number }
  | { readonly t: 'exit'; readonly pid: number };

const pid = fc.integer({ min: 1, max: 4 });

export const lwkOp: fc.Arbitrary<LwkOp> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('alloc' as const), pid, kind: fc.constantFrom(...REGION_KINDS), bytes: size, home: fc.integer({ min: -1, max: 7 }) }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('heap' as const), pid, brk: size }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('free' as const),
      pid,
      pick: fc.nat(),
      at: fc.nat(),
      len: fc.nat(),
      // Mostly page-aligned cuts; sometimes an arbitrary 4 KiB offset (may cut a large page).
      skew: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 511 }), weight: 1 }),
      cpus: fc.integer({ min: 1, max: 8 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('exit' as const), pid }), weight: 1 },
);

export type LinuxOp =
  | { readonly t: 'touch'; readonly pid: number; readonly numa: number; readonly bytes: number }
  | { readonly t: 'free'; readonly pid: number; readonly numa: number }
  | { readonly t: 'churn'; readonly numa: number; readonly bytes: number };

export const linuxOp: fc.Arbitrary<LinuxOp> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('touch' as const), pid, numa: fc.nat(7), bytes: fc.oneof(fc.integer({ min: 0, max: 4 * MiB }), fc.integer({ min: 0, max: 256 * MiB })) }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('free' as const), pid, numa: fc.nat(7) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('churn' as const), numa: fc.nat(7), bytes: fc.integer({ min: 1, max: 512 * MiB }) }), weight: 1 },
);
