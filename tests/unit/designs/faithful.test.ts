/**
 * The mechanisms a fair comparison depends on: proxies that Linux really schedules, the same
 * interference rule on every application CPU, PFS I/O that leaves the node under every design,
 * page faults only where memory is touched, barrier waits apart from syscall latency, and glibc
 * aggregation that aggregates.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { interferenceExtraNs } from '../../../src/engine/node/cpu';
import { Activity } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { syscallNumber } from '../../../src/engine/syscalls/table';
import { quietNode, recordsOf, runCollecting } from '../node/helpers';

type Metrics = {
  syscalls: { routes: Record<string, { count: number; maxNs: number; p99Ns: number; stagesMeanNs: Record<string, number> }>; sync: { count: number; meanNs: number }; byName: Record<string, Record<string, number>> };
  osnode: { served: number };
  noise: { interferenceNs: number };
  progress: { checkpoints: number };
};
const metricsOf = (config: NodeConfig, untilNs: number, seed = 1): Metrics => {
  const sim = createNodeSimulation(config, seed);
  sim.runUntil(untilNs);
  return sim.snapshot().metrics as unknown as Metrics;
};

/** Eight threads on LWK CPUs 1-8 (group of syscall CPU 0) calling fstat in step, with a pool of `k` proxies. */
function burstNode(k: number): NodeConfig {
  return quietNode({
    partition: 'lwkcpus=0.1-8 lwkmem=0:1G',
    workload: { kind: 'syscall', call: 'fstat', bytes: 0, thinkNs: 200_000, path: '/home/data' },
    syscalls: { proxyThreads: k, wait: 'block' },
  });
}

describe('proxies are Linux tasks that Linux schedules', () => {
  it('a pool of proxies of one pid serves calls on several Linux CPUs at once', () => {
    const { records } = runCollecting(burstNode(4), 20 * MS);
    const onProxy = new Set<number>();
    let most = 0;
    for (const r of recordsOf(records, Tr.Activity)) {
      if (r.a === Activity.Proxy) onProxy.add(r.cpu);
      else onProxy.delete(r.cpu);
      most = Math.max(most, onProxy.size);
    }
    expect(most).toBeGreaterThanOrEqual(2);
    const cpus = new Set([...recordsOf(records, Tr.ProxyStart)].map((r) => r.cpu));
    expect(cpus.size).toBeGreaterThanOrEqual(4);
  });

  it('the proxy-scheduling stage falls as the pool grows under concurrent calls', () => {
    const sched = (k: number) => metricsOf(burstNode(k), 20 * MS).syscalls.routes.linux.stagesMeanNs['proxy scheduling'];
    const [one, two, four] = [sched(1), sched(2), sched(4)];
    expect(two).toBeLessThan(one);
    expect(four).toBeLessThan(two);
  });

  it('pinned to the syscall CPU (syscalls.proxyAffinity), proxies all run there', () => {
    const base = burstNode(4);
    const pinned = { ...base, syscalls: { ...base.syscalls, proxyAffinity: 'syscall-cpu' as const } };
    const { records } = runCollecting(pinned, 10 * MS);
    expect(new Set([...recordsOf(records, Tr.ProxyStart)].map((r) => r.cpu))).toEqual(new Set([0]));
  });
});

describe('interference', () => {
  it('is one rule for every application CPU: the same recent OS work gives the same extra under the LWK and under Linux', () => {
    for (const [lwk, linux] of [['mos', 'linux'], ['mos-bsp', 'linux-bsp']]) {
      const a = createNodeSimulation(PRESETS[lwk], 1);
      const b = createNodeSimulation(PRESETS[linux], 1);
      for (const sim of [a, b]) {
        sim.state.noise.osRecentNs = 3 * MS;
        sim.state.noise.osRecentAt = 0;
      }
      expect(interferenceExtraNs(a, 1 * MS)).toBe(interferenceExtraNs(b, 1 * MS));
      expect(interferenceExtraNs(a, 1 * MS)).toBe(Math.round(1 * MS * PRESETS[lwk].interference.perBusyCpu * 0.3));
    }
  });

  it('reaches Linux application CPUs too (the old model applied it to LWK CPUs only)', () => {
    expect(metricsOf(PRESETS['linux-bsp'], 60 * MS).noise.interferenceNs).toBeGreaterThan(0);
    expect(metricsOf(PRESETS['mos-bsp'], 60 * MS).noise.interferenceNs).toBeGreaterThan(0);
  });
});

describe('parallel-filesystem I/O', () => {
  const ckpt = (preset: string): NodeConfig => {
    const c = PRESETS[preset];
    if (c.workload.kind !== 'bsp') throw new Error('bsp preset expected');
    return { ...c, workload: { ...c.workload, checkpointEvery: 5, checkpointBytes: 1 << 20 } };
  };
  for (const preset of ['mos-bsp', 'linux-bsp', 'mckernel', 'mos-as-built']) {
    it(`${preset}: checkpoints reach the PFS and pay for it`, () => {
      const { sim, records } = runCollecting(ckpt(preset), 40 * MS);
      const submits = [...recordsOf(records, Tr.OsNodeSubmit)];
      expect(submits.length).toBeGreaterThan(0);
      const m = sim.snapshot().metrics as unknown as Metrics;
      expect(m.progress.checkpoints).toBeGreaterThan(0);
      // Every PFS request pays at least the PFS's own latency.
      const pfsLatency = sim.config.osnode.pfs.latencyNs;
      const slowest = Math.max(...Object.values(m.syscalls.routes).map((r) => r.maxNs));
      expect(slowest).toBeGreaterThan(pfsLatency);
    });
  }

  it('a node that is its own PFS client pays client work and contention; with OS nodes it does not', () => {
    const direct = PRESETS.mckernel;
    expect(direct.osnode.mode).toBe('direct');
    const sim = createNodeSimulation(direct, 1);
    sim.runUntil(400 * MS); // the client works ~10 times a second
    type N = { noise: { linux: { interrupts: Record<string, number>; idleInterrupts: Record<string, number> } } };
    const client = (m: N) => (m.noise.linux.interrupts['PFS client'] ?? 0) + (m.noise.linux.idleInterrupts['PFS client'] ?? 0);
    const m = sim.snapshot().metrics as unknown as N;
    expect(client(m)).toBeGreaterThan(0);
    const viaOsNodes = createNodeSimulation(PRESETS['mos-bsp'], 1);
    viaOsNodes.runUntil(400 * MS);
    expect(client(viaOsNodes.snapshot().metrics as unknown as N)).toBe(0);
  });
});

describe('metrics that measure what they say', () => {
  it('vDSO calls never carry page-fault time (Linux faults while it touches its working set)', () => {
    const m = metricsOf(PRESETS['linux-bsp'], 60 * MS) as Metrics & { memory?: unknown };
    const vdso = m.syscalls.routes.glibc;
    expect(vdso.count).toBeGreaterThan(0);
    // A tick may interrupt a vDSO call (1.5 µs); the first touch of 2 MiB is 512 faults of >= 0.6 µs each.
    expect(vdso.maxNs).toBeLessThan(20_000);
  });

  it('barrier waits are reported apart from the LWK route', () => {
    const m = metricsOf(PRESETS['mos-bsp'], 60 * MS);
    expect(m.syscalls.sync.count).toBeGreaterThan(0);
    // The LWK route now holds only the calls it serves (getpid & co.): sub-microsecond.
    expect(m.syscalls.routes.lwk.maxNs).toBeLessThan(5_000);
  });

  it('glibc aggregation cuts the forwarded writes of the BSP mini-app', () => {
    const on = PRESETS['mos-bsp'];
    const off = { ...on, syscalls: { ...on.syscalls, aggregation: { ...on.syscalls.aggregation, enabled: false } } };
    const writes = (c: NodeConfig) => metricsOf(c, 100 * MS).syscalls.byName.write?.linux ?? 0;
    const [withAgg, without] = [writes(on), writes(off)];
    expect(without).toBeGreaterThan(100);
    expect(withAgg).toBeLessThan(without / 4);
  });

  it('the IPI handler takes its list after the interrupt entry, not when the IPI arrives', () => {
    const config = burstNode(1);
    const { records } = runCollecting(config, 5 * MS);
    const ipis = [...recordsOf(records, Tr.IntrBegin)].filter((r) => r.cpu === 0);
    const getLists = [...recordsOf(records, Tr.HandlerGetList)];
    expect(getLists.length).toBeGreaterThan(0);
    for (const g of getLists) {
      const entry = ipis.filter((r) => r.time <= g.time).at(-1)!;
      expect(g.time - entry.time).toBeGreaterThanOrEqual(config.syscalls.costs.ipiEntryNs);
    }
  });
});

describe('partitions as mOS writes them', () => {
  it('a group without a syscall CPU ships through the nearest group\'s channel', () => {
    const config = quietNode({ partition: 'lwkcpus=1-4:14.15-18 lwkmem=0:1G', workload: { kind: 'syscall', call: 'fstat', bytes: 0, thinkNs: 100_000, path: '/home/data' } });
    expect(config.syscallCpuOf[2]).toBe(14);
    const { sim, records } = runCollecting(config, 5 * MS);
    expect(sim.state.channels.linux.map((c) => c.cpu)).toEqual([14]);
    const fromGroup1 = [...recordsOf(records, Tr.ChannelInsert)].filter((r) => r.cpu >= 1 && r.cpu <= 4);
    expect(fromGroup1.length).toBeGreaterThan(0);
  });
});

describe('choosing a design', () => {
  it('brings its own defaults and puts the application on its kernel', async () => {
    const { applyOverrides } = await import('../../../src/engine/config/parseConfig');
    const { Role } = await import('../../../src/engine/node/kinds');
    const toMck = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'mckernel' } });
    if (!toMck.ok) throw new Error(toMck.errors.join('\n'));
    expect(toMck.config.syscalls).toEqual(PRESETS.mckernel.syscalls);
    const toLinux = applyOverrides({ preset: 'mos-bsp', syscalls: { mechanism: 'native' } });
    if (!toLinux.ok) throw new Error(toLinux.errors.join('\n'));
    expect(toLinux.config.roles).toEqual(PRESETS['linux-bsp'].roles);
    expect(toLinux.config.appCpus).toEqual(PRESETS['linux-bsp'].appCpus);
    const toLwk = applyOverrides({ preset: 'linux-bsp', syscalls: { mechanism: 'shipping' } });
    if (!toLwk.ok) throw new Error(toLwk.errors.join('\n'));
    expect(toLwk.config.roles).toEqual(PRESETS['mos-bsp'].roles);
    expect(toLwk.config.appCpus.every((c) => toLwk.config.roles[c] === Role.Lwk)).toBe(true);
    // And it runs as the preset of that design does.
    const a = createNodeSimulation(toLwk.config, 1);
    const b = createNodeSimulation(PRESETS['mos-bsp'], 1);
    a.runUntil(10 * MS);
    b.runUntil(10 * MS);
    expect(a.traceHash).toBe(b.traceHash);
  });

  it('a cost set in a config file changes exactly the stages it should', async () => {
    const { applyOverrides } = await import('../../../src/engine/config/parseConfig');
    // One thread, one call at a time: every stage is exact.
    const base = quietNode({ workload: { kind: 'syscall', call: 'fstat', bytes: 0, thinkNs: 200_000, path: '/home/data' } });
    const r = applyOverrides({ preset: 'mos-bsp', syscalls: { costs: { serviceNs: { meta: 9000 } } } });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config.syscalls.costs.serviceNs.meta).toBe(9000);
    const slower = { ...base, syscalls: { ...base.syscalls, costs: r.config.syscalls.costs } };
    // Every fstat's latency, from its issue and done records: each grows by exactly the service's 7 µs.
    const fstatLatencies = (c: NodeConfig) => {
      const { records } = runCollecting(c, 10 * MS);
      const issued = new Map<number, number>();
      const out = new Set<number>();
      for (const rec of recordsOf(records)) {
        if (rec.kind === Tr.SyscallIssue && rec.b === syscallNumber('fstat')) issued.set(rec.a, rec.time);
        if (rec.kind === Tr.SyscallDone && issued.has(rec.a)) out.add(rec.time - issued.get(rec.a)!);
      }
      return out;
    };
    const before = fstatLatencies(base);
    const after = fstatLatencies(slower);
    expect(before.size).toBe(1);
    expect([...after]).toEqual([...before].map((x) => x + 9000 - base.syscalls.costs.serviceNs.meta));
  });
});
