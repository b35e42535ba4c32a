/**
 * Kitten + Palacios: a VM exit for every call that leaves the guest and every guest tick, and
 * compute stretched by two-dimensional page walks, exactly as the configured parameters say.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { Cause } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { recordsOf, runCollecting } from '../node/helpers';

type Metrics = {
  syscalls: { routes: Record<string, { count: number; stagesMeanNs: Record<string, number> }>; byName: Record<string, Record<string, number>> };
  design: { vmExits: number; callExits: number; tickExits: number; forwarded: number; rejected: number };
};

describe('kitten-palacios: VM exits', () => {
  it('pays one exit per call that leaves the guest and one per guest tick on each vCPU, and no other', () => {
    const config = PRESETS['kitten-palacios'];
    const vm = config.syscalls.vm!;
    const { sim, records } = runCollecting(config, 30 * MS);
    const m = sim.snapshot().metrics as unknown as Metrics;
    // From the trace: forwarded calls are the ring's entries, guest ticks the tick interruptions of the vCPUs.
    const forwarded = [...recordsOf(records, Tr.ChannelInsert)].length;
    const app = new Set(config.appCpus);
    const ticks = [...recordsOf(records, Tr.IntrBegin)].filter((r) => app.has(r.cpu) && r.a === Cause.Tick);
    expect(forwarded).toBeGreaterThan(0);
    expect(m.design.rejected).toBe(0);
    expect(m.design.callExits).toBe(forwarded);
    expect(m.design.tickExits).toBe(ticks.length);
    expect(m.design.vmExits).toBe(forwarded + ticks.length);
    // 1,000 Hz on 60 vCPUs after the launch: 60 ticks a millisecond.
    expect(ticks.length % app.size).toBe(0);
    expect(ticks.length).toBeGreaterThan(25 * app.size);
    // Each guest tick is an exit, the entry and the guest's tick handler.
    for (const t of ticks) expect(t.b).toBe(vm.exitNs + config.linux.tickNs);
    // Each forwarded call carries exactly one exit in its latency; calls the guest serves carry none.
    const linux = m.syscalls.routes.linux;
    const completed = linux.count;
    expect(completed).toBeGreaterThan(0);
    expect(linux.stagesMeanNs['VM exit']).toBeCloseTo(vm.exitNs, 6);
    expect(m.syscalls.routes.guest.count).toBeGreaterThan(0);
    expect(m.syscalls.routes.guest.stagesMeanNs['VM exit']).toBeUndefined();
    // What stays in the guest: ids and the console; what leaves it: the file calls.
    expect(Object.keys(m.syscalls.byName.getpid)).toEqual(['guest']);
    expect(Object.keys(m.syscalls.byName.fstat)).toEqual(['guest']);
    expect(Object.keys(m.syscalls.byName.write)).toEqual(['linux']);
  });

  it('a tickless guest (guestHz 0) leaves only the calls\' exits', () => {
    const c = PRESETS['kitten-palacios'];
    const config: NodeConfig = { ...c, syscalls: { ...c.syscalls, vm: { ...c.syscalls.vm!, guestHz: 0 } } };
    const { sim, records } = runCollecting(config, 20 * MS);
    const m = sim.snapshot().metrics as unknown as Metrics;
    expect(m.design.tickExits).toBe(0);
    expect(m.design.vmExits).toBe([...recordsOf(records, Tr.ChannelInsert)].length);
  });
});

describe('kitten-palacios: nested paging', () => {
  /** FWQ with an 8 MiB working set, nothing else on the node: each quantum's time is its work times the TLB factor. */
  function quiet(preset: 'kitten' | 'kitten-palacios', vm?: Partial<NonNullable<NodeConfig['syscalls']['vm']>>): NodeConfig {
    const c = PRESETS[preset];
    return {
      ...c,
      workload: { kind: 'fwq', quantumNs: 1 * MS },
      app: { workingSetBytes: 8 * 1024 * 1024, touchBytesPerSegment: 8 * 1024 * 1024 },
      interference: { ...c.interference, perBusyCpu: 0 },
      lwk: { ...c.lwk, rrQuantumNs: 0 },
      linux: { ...c.linux, daemons: [], nicIrqPerSec: 0 },
      syscalls: c.syscalls.vm ? { ...c.syscalls, vm: { ...c.syscalls.vm, guestHz: 0, ...vm } } : c.syscalls,
    };
  }

  const elapsed = (config: NodeConfig): Set<number> => {
    const { records } = runCollecting(config, 20 * MS);
    return new Set([...recordsOf(records, Tr.Quantum)].map((r) => r.a));
  };

  /** The factor from the configured parameters: (n+1)(m+1)-1 references per miss, a quarter of a native walk each. */
  const expected = (config: NodeConfig, guestLevels: number, hostLevels: number, tlbPage: number): number => {
    const { tlb } = config.memory;
    const entries = tlbPage >= 2 * 1024 * 1024 ? tlb.entries2m : tlb.entries4k;
    const miss = Math.max(0, 1 - (entries * tlbPage) / config.app.workingSetBytes);
    return 1 + tlb.accessesPerNs * miss * ((guestLevels + 1) * (hostLevels + 1) - 1) * (tlb.walkNs / 4);
  };

  it('stretches compute by the two-dimensional walk of 4 KiB guest pages over 2 MiB nested pages; Kitten alone not at all', () => {
    const q = 1 * MS;
    expect(elapsed(quiet('kitten'))).toEqual(new Set([q]));
    const vmConfig = quiet('kitten-palacios');
    const factor = expected(vmConfig, 4, 3, 4096);
    expect(factor).toBeGreaterThan(1);
    expect(elapsed(vmConfig)).toEqual(new Set([Math.round(q * factor)]));
    // With 4 KiB nested pages the walk is 24 references instead of 19.
    const small = quiet('kitten-palacios', { hostPageBytes: 4096 });
    expect(elapsed(small)).toEqual(new Set([Math.round(q * expected(small, 4, 4, 4096))]));
    // With 2 MiB pages in the guest too (THP), the 8 MiB fit in the TLB: no stretch.
    expect(elapsed(quiet('kitten-palacios', { guestPageBytes: 2 * 1024 * 1024 }))).toEqual(new Set([q]));
  });
});
