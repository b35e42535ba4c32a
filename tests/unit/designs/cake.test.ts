/**
 * CAKE: calls of the configured class go to the user-level agent (the agent route), and every
 * other call keeps the route it has under the paper's design.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { CAKE_DEFAULTS, CAKE_SYSCALLS } from '../../../src/engine/config/defaults';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { Role } from '../../../src/engine/node/kinds';
import { Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { ROUTES, Stage } from '../../../src/engine/descriptors';
import { AgentIoStage, AgentRoute } from '../../../src/engine/designs/info/cake';
import { quietNode, recordsOf, runCollecting } from '../node/helpers';

type Metrics = { syscalls: { byName: Record<string, Record<string, number>> } };

/** One thread calling `call` on `path` every 200 µs, under CAKE with the given class. */
function bench(call: string, path: string, cake: Partial<typeof CAKE_DEFAULTS>): NodeConfig {
  return quietNode({ workload: { kind: 'syscall', call, bytes: 0, thinkNs: 200_000, path }, syscalls: { ...CAKE_SYSCALLS, cake: { ...CAKE_DEFAULTS, ...cake } } });
}

function routesOf(config: NodeConfig, untilNs = 5 * MS): Map<string, number> {
  const { records } = runCollecting(config, untilNs);
  const out = new Map<string, number>();
  for (const r of recordsOf(records, Tr.SyscallRoute)) out.set(ROUTES[r.b].key, (out.get(ROUTES[r.b].key) ?? 0) + 1);
  return out;
}

describe('cake: the agent serves its class of calls, and only those', () => {
  it('by path prefix: calls on files under the prefix go to the agent, the same calls elsewhere to Linux', () => {
    const inside = routesOf(bench('fstat', '/agent/data', { prefix: '/agent/' }));
    expect([...inside.keys()]).toEqual(['agent']);
    expect(inside.get('agent')).toBeGreaterThan(10);
    const outside = routesOf(bench('fstat', '/home/data', { prefix: '/agent/' }));
    expect([...outside.keys()]).toEqual(['linux']);
  });

  it('by call name, except calls the LWK serves itself', () => {
    expect([...routesOf(bench('getuid', '/home/data', { prefix: '', calls: ['getuid'] })).keys()]).toEqual(['agent']);
    expect([...routesOf(bench('getuid', '/home/data', { prefix: '', calls: [] })).keys()]).toEqual(['linux']);
    // getpid is one of the LWK's own calls: naming it does not take it away from the LWK.
    expect([...routesOf(bench('getpid', '/home/data', { prefix: '', calls: ['getpid'] })).keys()]).toEqual(['lwk']);
  });

  it('in the preset, the BSP log goes to the agent while every other call keeps its route under function shipping', () => {
    const run = (config: NodeConfig) => {
      const sim = createNodeSimulation(config, 1);
      sim.runUntil(120 * MS);
      return (sim.snapshot().metrics as unknown as Metrics).syscalls.byName;
    };
    const cake = run(PRESETS.cake);
    const classless = run({ ...PRESETS.cake, syscalls: { ...PRESETS.cake.syscalls, cake: { ...CAKE_DEFAULTS, prefix: '', calls: [] } } });
    const agentCalls = Object.entries(cake).filter(([, routes]) => (routes.agent ?? 0) > 0).map(([name]) => name).sort();
    expect(agentCalls).toEqual(['openat', 'write']); // the log files' open and the flushes of their writes
    for (const routes of Object.values(classless)) expect(routes.agent ?? 0).toBe(0);
    for (const [name, routes] of Object.entries(cake)) {
      const others = Object.keys(routes).filter((r) => r !== 'agent');
      for (const r of others) expect(Object.keys(classless[name] ?? {}), `${name} on ${r}`).toContain(r);
    }
    // The metadata call on stdout and the checkpoint's fsync are not the agent's.
    expect(cake.fstat.agent ?? 0).toBe(0);
    expect(cake.fsync?.agent ?? 0).toBe(0);
  });

  it('the agent runs on Linux CPUs and its round trip is the queue, the doorbell, two device crossings and its own work', () => {
    const config = bench('fstat', '/agent/data', { prefix: '/agent/' });
    const { sim, records } = runCollecting(config, 5 * MS);
    for (const r of recordsOf(records, Tr.ProxyStart)) expect(config.roles[r.cpu]).not.toBe(Role.Lwk);
    const agent = sim.state.calls.routes[AgentRoute];
    expect(agent.count).toBeGreaterThan(10);
    const mean = (stage: number) => agent.stageSumNs[stage] / agent.count;
    const costs = config.syscalls.costs;
    expect(mean(Stage.Queue)).toBe(costs.insertNs);
    expect(mean(AgentIoStage)).toBe(costs.kernelEntryNs);
    expect(mean(Stage.Service)).toBe(CAKE_DEFAULTS.serviceNs);
    expect(mean(Stage.Reply)).toBe(costs.kernelEntryNs + costs.replyNs);
    // No IPI handler and no Linux service: none of the Linux route's own steps.
    expect(agent.stageSumNs[Stage.Handler]).toBe(0);
    expect(agent.stageSumNs[Stage.ProxySched]).toBe(0);
    // Its own work is exactly the configured cost: raising it raises every call's latency by the difference.
    const slower = bench('fstat', '/agent/data', { prefix: '/agent/', serviceNs: CAKE_DEFAULTS.serviceNs + 5_000 });
    const latency = (c: NodeConfig) => {
      const s = runCollecting(c, 5 * MS).sim.state.calls.routes[AgentRoute];
      return s.sumNs / s.count;
    };
    expect(latency(slower) - latency(config)).toBe(5_000);
  });
});
