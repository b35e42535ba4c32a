import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { IpiKind, Tr } from '../../../src/engine/node/events';
import { syscallNumber } from '../../../src/engine/syscalls/table';
import { Route } from '../../../src/engine/syscalls/calls';
import { MS } from '../../../src/engine/kernel/time';
import { quietNode, recordsOf, runCollecting, type Rec } from '../node/helpers';

/** Latency of every completed call of `name`, from its SyscallIssue and SyscallDone records. */
function latencies(records: Parameters<typeof recordsOf>[0], name: string): number[] {
  const nr = syscallNumber(name);
  const open = new Map<number, Rec>();
  const out: number[] = [];
  for (const r of recordsOf(records)) {
    if (r.kind === Tr.SyscallIssue) open.set(r.a, r);
    if (r.kind === Tr.SyscallDone) {
      const issue = open.get(r.a)!;
      open.delete(r.a);
      if (issue.b === nr) out.push(r.time - issue.time);
    }
  }
  return out;
}

describe('the syscall path', () => {
  it('a forwarded call costs more than a local one by exactly its modelled stages', () => {
    const costs = PRESETS.mos.syscalls.costs;
    const linux = PRESETS.mos.linux;
    const run = (call: string) => {
      const config = quietNode({ workload: { kind: 'syscall', call, bytes: 0, thinkNs: 1 * MS, path: '/home/data' }, syscalls: { wait: 'spin', replyIpi: false } });
      return latencies(runCollecting(config, 30 * MS).records, call);
    };
    const local = run('getpid');
    const forwarded = run('fstat');
    expect(local.length).toBeGreaterThan(10);
    expect(forwarded.length).toBeGreaterThan(10);
    const entry = costs.interceptNs + costs.kernelEntryNs;
    expect(new Set(local)).toEqual(new Set([entry + costs.localNs]));
    const stages =
      costs.insertNs + // queue: the message goes into the Linux channel
      costs.ipiNs + // IPI to the syscall CPU
      costs.ipiEntryNs + costs.handlerBaseNs + costs.handlerPerMessageNs + // the handler routes one message
      linux.wakeupNs + linux.switchNs + // sched_run(pid) until the proxy runs
      costs.serviceNs.meta + // fstat served by the proxy (no data to copy)
      costs.replyNs + // reply posted on the LWK channel
      costs.pollNs; // the spinning caller sees it at its next poll
    expect(new Set(forwarded)).toEqual(new Set([entry + stages]));
  });

  it('McKernel-style shipping sends exactly one IPI per message; the paper\'s design coalesces', () => {
    const run = (preset: string) => {
      const sim = createNodeSimulation(PRESETS[preset], 2);
      sim.runUntil(120 * MS);
      return sim.state.channels.linux.reduce((a, c) => ({ messages: a.messages + c.inserts, ipis: a.ipis + c.ipis, transitions: a.transitions + c.transitions }), { messages: 0, ipis: 0, transitions: 0 });
    };
    const mck = run('mckernel');
    expect(mck.messages).toBeGreaterThan(100);
    expect(mck.ipis).toBe(mck.messages);
    const seed = run('mos-bsp');
    expect(seed.ipis).toBe(seed.transitions);
    expect(seed.ipis).toBeLessThan(seed.messages);
  });

  it('mOS as built runs forwarded calls on the syscall CPU and sends no channel messages', () => {
    const { sim, records } = runCollecting(PRESETS['mos-as-built'], 100 * MS);
    const migrations = [...recordsOf(records, Tr.Migrate)];
    expect(migrations.length).toBeGreaterThan(100);
    for (const m of migrations) {
      const thread = sim.state.threads.find((t) => t.pid === m.pid && (t.home === m.cpu || t.home === m.a))!;
      // Out to the thread's syscall CPU, and back home.
      expect([sim.config.syscallCpuOf[thread.home], thread.home]).toContain(m.a);
    }
    expect([...recordsOf(records, Tr.ChannelInsert)]).toEqual([]);
    expect([...recordsOf(records, Tr.IpiSend)].filter((r) => r.b === IpiKind.Channel)).toEqual([]);
    expect(sim.state.calls.routes[Route.Linux].count).toBeGreaterThan(100);
  });

  it('k small writes of s bytes through aggregation become floor(k s / B) shipped writes, the rest buffered', () => {
    const s = 1000;
    const config = quietNode({ workload: { kind: 'syscall', call: 'write', bytes: s, thinkNs: 20_000, path: '/home/out' } });
    const sim = createNodeSimulation(config, 1);
    sim.runUntil(40 * MS);
    const byName = sim.state.calls.byName.write;
    const k = byName[Route.Glibc];
    const shipped = byName[Route.Linux];
    const B = config.syscalls.aggregation.bufferBytes;
    expect(k).toBeGreaterThan(1000);
    expect(shipped).toBe(Math.floor((k * s) / B));
    const buffered = Object.values(sim.state.processes[0].aggregation).reduce((a, b) => a + b.bytes, 0);
    expect(buffered).toBe((k * s) % B);
    // The remainder goes out at close or exit: ceil(k s / B) writes in all.
    expect(shipped + (buffered > 0 ? 1 : 0)).toBe(Math.ceil((k * s) / B));
  });

  it('with OS nodes the PFS client count drops from N to K, and checkpoints go to an OS node', () => {
    const mos = createNodeSimulation(PRESETS['mos-bsp'], 1);
    mos.runUntil(200 * MS);
    const m = mos.snapshot().metrics.osnode as { pfsClients: number; pfsClientsDirect: number };
    expect(m.pfsClients).toBe(PRESETS['mos-bsp'].osnode.osNodes);
    expect(m.pfsClientsDirect).toBe(PRESETS['mos-bsp'].osnode.computeNodes);
    expect(mos.state.calls.routes[Route.OsNode].count).toBeGreaterThan(0);
    const linux = createNodeSimulation(PRESETS['linux-bsp'], 1);
    linux.runUntil(50 * MS);
    expect((linux.snapshot().metrics.osnode as { pfsClients: number }).pfsClients).toBe(PRESETS['linux-bsp'].osnode.computeNodes);
  });

  it('a full channel makes senders wait, and every call still completes', () => {
    const config = { ...PRESETS['mos-bsp'], syscalls: { ...PRESETS['mos-bsp'].syscalls, channelCapacity: 1 } };
    const { sim, records } = runCollecting(config, 80 * MS);
    expect([...recordsOf(records, Tr.ChannelFull)].length).toBeGreaterThan(0);
    for (const ch of sim.state.channels.linux) expect(ch.maxDepth).toBeLessThanOrEqual(1);
    expect(sim.state.calls.completed).toBeGreaterThan(1000);
  });
});
