/**
 * The node model over random valid partitions and seeds: it runs, every interruption of an LWK
 * CPU is traced with a known cause (and only causes an LWK CPU can have), and LWK regions stay
 * disjoint and inside the LWK part of their domains.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validPartition } from '../partition/arbitraries';
import { buildNodeConfig } from '../../../src/engine/config/presets';
import { DEFAULT_SYSCALLS, UNTUNED_LINUX } from '../../../src/engine/config/defaults';
import { Cause, CAUSE_COUNT, Role } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { recordsOf, runCollecting, TWO_SOCKET } from '../../unit/node/helpers';

describe('node model over random partitions', () => {
  it('attributes every LWK interruption to a cause and keeps LWK memory inside its pool', () => {
    fc.assert(
      fc.property(validPartition(TWO_SOCKET), fc.integer({ min: 0, max: 1000 }), fc.constantFrom('fwq', 'bsp'), (partition, seed, kind) => {
        const workload = kind === 'fwq' ? ({ kind: 'fwq', quantumNs: 500_000 } as const) : ({ kind: 'bsp', processes: 2, computeNs: 300_000, haloBytes: 4096, syscallsPerIteration: 3, checkpointEvery: 5, checkpointBytes: 65536 } as const);
        const config = buildNodeConfig({ name: 'random', system: 'mos', topology: TWO_SOCKET, partition, linux: UNTUNED_LINUX, syscalls: DEFAULT_SYSCALLS, workload });
        const { sim, records } = runCollecting(config, 12 * MS, seed);
        const counted = new Array<number>(CAUSE_COUNT).fill(0);
        for (const r of recordsOf(records, Tr.IntrBegin)) {
          if (config.roles[r.cpu] !== Role.Lwk) continue;
          expect(r.a).toBeGreaterThanOrEqual(0);
          expect(r.a).toBeLessThan(CAUSE_COUNT);
          // No tick, daemon or device interrupt ever reaches an LWK CPU.
          expect([Cause.Tick, Cause.Daemon, Cause.DeviceIrq]).not.toContain(r.a);
          counted[r.a]++;
        }
        const fromCounters = new Array<number>(CAUSE_COUNT).fill(0);
        config.roles.forEach((role, cpu) => {
          if (role === Role.Lwk) for (let c = 0; c < CAUSE_COUNT; c++) fromCounters[c] += sim.state.noise.interrupts[cpu * CAUSE_COUNT + c] + sim.state.noise.idle[cpu * CAUSE_COUNT + c];
        });
        expect(counted).toEqual(fromCounters);
        const regions = [...sim.state.memory.regions].sort((a, b) => a.base - b.base);
        for (let i = 1; i < regions.length; i++) expect(regions[i].base).toBeGreaterThanOrEqual(regions[i - 1].base + regions[i - 1].bytes);
        for (const r of regions) {
          const d = sim.state.memory.domains[r.numa];
          expect(r.base).toBeGreaterThanOrEqual(d.lwkBase);
          expect(r.base + r.bytes).toBeLessThanOrEqual(d.base + d.bytes);
          expect(r.base % r.pageSize).toBe(0);
        }
      }),
      { numRuns: 15 },
    );
  });
});
