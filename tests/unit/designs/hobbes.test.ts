/**
 * Hobbes: the analytics reads the simulation's output through XEMEM attachments (no copy), and
 * the Linux enclave's noise stays on its own CPUs; interference through shared caches is the
 * only coupling besides the attachments themselves.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { interferenceExtraNs } from '../../../src/engine/node/cpu';
import { Cause, Role } from '../../../src/engine/node/kinds';
import { IpiKind, Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { analyticsCpus, hobbesEnclaves, ownerCpu } from '../../../src/engine/designs/hobbes';
import { outputsPublished, shareBytes } from '../../../src/engine/workloads/analytics';
import { recordsOf, runCollecting, type Rec } from '../node/helpers';

type Route = { count: number; stagesMeanNs: Record<string, number> };
type Metrics = { syscalls: { routes: Record<string, Route> } };

const HOBBES = PRESETS.hobbes;
const h = HOBBES.syscalls.hobbes!;
const simCpus = HOBBES.roles.flatMap((r, c) => (r === Role.Lwk ? [c] : []));

function withHobbes(over: Partial<typeof h>, interference = HOBBES.interference.perBusyCpu): NodeConfig {
  return { ...HOBBES, interference: { ...HOBBES.interference, perBusyCpu: interference }, syscalls: { ...HOBBES.syscalls, hobbes: { ...h, ...over } } };
}

describe('hobbes: enclaves', () => {
  it('the co-kernel owns the LWK CPUs and memory; the analytics runs on Linux CPUs that serve no syscall group', () => {
    const [sim, linux] = hobbesEnclaves(HOBBES);
    expect(sim.cpus).toEqual(simCpus);
    expect(sim.memory).toEqual(HOBBES.lwkMem);
    expect(linux.programCpus).toHaveLength(h.analyticsThreads);
    for (const cpu of linux.programCpus) {
      expect(HOBBES.roles[cpu]).toBe(Role.Linux);
      expect(sim.cpus).not.toContain(cpu);
    }
    expect(new Set([...sim.cpus, ...linux.cpus]).size).toBe(HOBBES.cpuCount);
  });
});

describe('hobbes: XEMEM', () => {
  it('moves the shared data with zero copies: one attachment per share and buffer, however many outputs are read', () => {
    const run = (ms: number) => {
      const sim = createNodeSimulation(HOBBES, 1);
      sim.runUntil(ms * MS);
      return { m: sim.snapshot().metrics as unknown as Metrics, outputs: outputsPublished(sim), read: sim.state.progress.perProcess.slice(-h.analyticsThreads) };
    };
    const short = run(60);
    const long = run(240);
    expect(long.outputs).toBeGreaterThan(short.outputs);
    expect(short.outputs).toBeGreaterThanOrEqual(h.buffers);
    // Every analytics process has read (in place) nearly every published output.
    for (const n of long.read) expect(n).toBeGreaterThanOrEqual(long.outputs - 1);
    for (const { m } of [short, long]) {
      const xemem = m.syscalls.routes.xemem;
      expect(xemem.count).toBe(h.analyticsThreads * h.buffers);
      expect(xemem.stagesMeanNs['XEMEM owner']).toBeGreaterThan(0);
      expect(xemem.stagesMeanNs['XEMEM map']).toBeGreaterThan(0);
      expect(xemem.stagesMeanNs.copy ?? 0).toBe(0);
    }
    // The copy stage is live in this very run: the simulation's forwarded writes copy their data.
    expect(long.m.syscalls.routes.linux.stagesMeanNs.copy).toBeGreaterThan(0);
  });

  it('an attach costs its page-frame list on the owner enclave\'s first CPU and the mapping on the attacher', () => {
    const { sim, records } = runCollecting(HOBBES, 40 * MS);
    expect(outputsPublished(sim)).toBeGreaterThanOrEqual(h.buffers);
    const requests = [...recordsOf(records, Tr.IpiSend)].filter((r) => r.b === IpiKind.Channel && analyticsCpus(HOBBES).includes(r.cpu));
    expect(requests.length).toBe(h.analyticsThreads * h.buffers);
    for (const r of requests) expect(r.a).toBe(ownerCpu(HOBBES));
    const pages = Math.ceil(shareBytes(HOBBES) / 4096);
    const owner = [...recordsOf(records, Tr.IntrBegin)].filter((r) => r.cpu === ownerCpu(HOBBES) && r.a === Cause.Ipi && r.b === HOBBES.syscalls.costs.ipiEntryNs + pages * h.pageNs);
    expect(owner.length).toBe(h.analyticsThreads * h.buffers);
  });
});

describe('hobbes: isolation', () => {
  const LINUX_NOISE: readonly number[] = [Cause.Tick, Cause.Daemon, Cause.DeviceIrq, Cause.Residual, Cause.PfsClient, Cause.Launch, Cause.RoundRobin];

  it('the Linux enclave\'s noise never reaches the simulation\'s CPUs; the only IPIs it sends there are XEMEM attachments', () => {
    const { records } = runCollecting(HOBBES, 120 * MS);
    const intr = [...recordsOf(records, Tr.IntrBegin)];
    const onSim = intr.filter((r) => simCpus.includes(r.cpu));
    expect(onSim.filter((r) => LINUX_NOISE.includes(r.a))).toEqual([]);
    // The noise is there, on the analytics' CPUs.
    const onAnalytics = intr.filter((r) => analyticsCpus(HOBBES).includes(r.cpu));
    expect(onAnalytics.filter((r) => r.a === Cause.Tick).length).toBeGreaterThan(0);
    expect(intr.filter((r) => !simCpus.includes(r.cpu) && r.a === Cause.Daemon).length).toBeGreaterThan(0);
    // IPIs into the co-kernel come from its own CPUs, except one attach request per share and buffer.
    const ipisIn = [...recordsOf(records, Tr.IpiSend)].filter((r) => simCpus.includes(r.a) && !simCpus.includes(r.cpu));
    expect(ipisIn.every((r) => r.b === IpiKind.Channel && analyticsCpus(HOBBES).includes(r.cpu))).toBe(true);
    expect(ipisIn.length).toBe(h.analyticsThreads * h.buffers);
    // The simulation's own Linux work (its proxies) never runs on the analytics' CPUs.
    const proxyCpus = new Set([...recordsOf(records, Tr.ProxyStart)].map((r) => r.cpu));
    for (const cpu of analyticsCpus(HOBBES)) expect(proxyCpus.has(cpu)).toBe(false);
  });

  it('until the first attachment, the simulation runs exactly as without the analytics, unless interference couples them', () => {
    const simRecords = (config: NodeConfig, untilNs: number): Rec[] => [...recordsOf(runCollecting(config, untilNs).records)].filter((r) => simCpus.includes(r.cpu) && r.time < untilNs);
    const firstAttach = (config: NodeConfig) => [...recordsOf(runCollecting(config, 40 * MS).records, Tr.IpiSend)].find((r) => r.b === IpiKind.Channel && analyticsCpus(config).includes(r.cpu))!.time;
    const quiet = withHobbes({}, 0);
    const until = firstAttach(quiet);
    expect(until).toBeGreaterThan(5 * MS);
    const without = simRecords(withHobbes({ analyticsThreads: 0 }, 0), until);
    expect(without.length).toBeGreaterThan(1000);
    expect(simRecords(quiet, until)).toEqual(without);
    // With the shared-cache rule on, the host's OS work (the analytics' dispatches included) stretches the simulation's compute.
    const coupled = simRecords(withHobbes({}), until);
    expect(coupled).not.toEqual(simRecords(withHobbes({ analyticsThreads: 0 }), until));
    expect(coupled.some((r) => r.kind === Tr.Interference)).toBe(true);
  });

  it('interference is the node-wide rule: the same recent OS work gives the same extra as under mOS', () => {
    const a = createNodeSimulation(HOBBES, 1);
    const b = createNodeSimulation(PRESETS['mos-bsp'], 1);
    for (const sim of [a, b]) {
      sim.state.noise.osRecentNs = 2 * MS;
      sim.state.noise.osRecentAt = 0;
    }
    expect(interferenceExtraNs(a, 1 * MS)).toBe(interferenceExtraNs(b, 1 * MS));
    expect(interferenceExtraNs(a, 1 * MS)).toBeGreaterThan(0);
  });
});
