import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { LAUNCH_STEPS, Tr } from '../../../src/engine/node/events';
import { Role } from '../../../src/engine/node/kinds';
import { MS, US } from '../../../src/engine/kernel/time';
import { quietNode, recordsOf, runCollecting } from './helpers';
import { lwkRegionsOf } from '../../../src/engine/node/memory';

describe('launch, memory and signals', () => {
  it('the launch is traced step by step, in order, before any application thread runs', () => {
    const { sim, records } = runCollecting(PRESETS.mos, 30 * MS);
    const steps = [...recordsOf(records, Tr.Launch)].map((r) => r.a);
    expect(steps).toEqual(LAUNCH_STEPS.map((_, i) => i));
    const firstQuantum = [...recordsOf(records, Tr.Quantum)][0];
    expect(firstQuantum.time).toBeGreaterThan(sim.state.launchedAt);
    // Zeroing the reservation is a real cost, shared by the reserved LWK CPUs.
    const zeroed = [...recordsOf(records, Tr.Launch)].find((r) => r.a === 2)!.b;
    expect(zeroed).toBeGreaterThan(0);
    expect(sim.state.launchedAt).toBeGreaterThanOrEqual((zeroed * sim.config.memory.zeroNsPerByte) / sim.config.appCpus.length);
  });

  it('LWK memory takes no page faults after launch while Linux memory does; large pages give a TLB factor of 1', () => {
    const mos = createNodeSimulation(PRESETS['mos-bsp'], 1);
    mos.runUntil(150 * MS);
    const faultsOn = (sim: typeof mos, role: 'lwk' | 'linux') =>
      sim.config.roles.reduce<number>((a, r, cpu) => a + ((r === Role.Lwk) === (role === 'lwk') ? sim.state.pageFaults.count[cpu] : 0), 0);
    expect(mos.state.progress.iterations).toBeGreaterThan(0);
    expect(faultsOn(mos, 'lwk')).toBe(0);
    for (const p of mos.state.processes) {
      const regions = lwkRegionsOf(mos.state.memory, p.pid);
      expect(regions.some((r) => r.kind === 'heap' && r.pageSize >= 2 * 1024 * 1024)).toBe(true);
    }
    expect(mos.state.threads.filter((t) => t.kind === 'app').every((t) => t.tlbFactor === 1)).toBe(true);
    const linux = createNodeSimulation(PRESETS['linux-bsp'], 1);
    linux.runUntil(150 * MS);
    expect(faultsOn(linux, 'linux')).toBeGreaterThan(0);
    // 8 MiB per thread in 4 KiB pages: 2048 faults each, and a TLB that no longer covers it.
    expect(faultsOn(linux, 'linux')).toBe(linux.config.appCpus.length * 2048);
    expect(linux.state.threads.filter((t) => t.kind === 'app').every((t) => t.tlbFactor > 1)).toBe(true);
  });

  it('vDSO calls cost tens of ns and never enter the kernel', () => {
    const config = quietNode({ workload: { kind: 'syscall', call: 'clock_gettime', bytes: 0, thinkNs: 1000, path: '' } });
    const { sim, records } = runCollecting(config, 20 * MS);
    const routes = [...recordsOf(records, Tr.SyscallRoute)];
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.every((r) => r.b === 0)).toBe(true); // glibc: user space
    const glibc = sim.state.calls.routes[0];
    expect(glibc.maxNs).toBe(config.syscalls.costs.vdsoNs);
    expect([...recordsOf(records, Tr.SignalDelivered)]).toEqual([]);
  });

  it('with reply IPIs off, a signal waits for the next kernel entry; with them on, it arrives by IPI', () => {
    const workload = { kind: 'syscall', call: 'getpid', bytes: 0, thinkNs: 5 * MS, path: '' } as const;
    const delays = (replyIpi: boolean) => {
      const sim = createNodeSimulation(quietNode({ workload, syscalls: { replyIpi } }), 1);
      sim.runUntil(20 * MS);
      expect(sim.command({ type: 'signal', pid: 1000 })).toBeNull();
      sim.runUntil(40 * MS);
      return sim.state.signals;
    };
    const polled = delays(false);
    expect(polled.delivered).toBe(1);
    expect(polled.atKernelEntry).toBe(1);
    expect(polled.byIpi).toBe(0);
    // The thread computes 5 ms between calls: the signal waits for its next kernel entry.
    expect(polled.delaySumNs).toBeGreaterThan(100 * US);
    const ipi = delays(true);
    expect(ipi.byIpi).toBe(1);
    expect(ipi.delaySumNs).toBe(PRESETS.mos.syscalls.costs.ipiNs);
  });
});
