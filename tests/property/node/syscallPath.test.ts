/**
 * Invariants of the syscall path over random configurations, workloads and seeds: every call
 * completes exactly once, no message is lost or duplicated, per-pid order is kept, IPIs follow
 * the empty -> non-empty rule (or go out on every message), and full queues only delay.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig } from '../../../src/engine/config/nodeConfig';
import { CHANNEL_DEPTH_SPAN, IpiKind, Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { recordsOf, runCollecting } from '../../unit/node/helpers';

const configArb = fc.record({
  preset: fc.constantFrom('mos-bsp', 'mckernel'),
  seed: fc.integer({ min: 0, max: 1000 }),
  capacity: fc.integer({ min: 1, max: 6 }),
  wait: fc.constantFrom('spin' as const, 'block' as const),
  replyIpi: fc.boolean(),
  proxyThreads: fc.integer({ min: 1, max: 3 }),
  ipiPolicy: fc.constantFrom('coalesce' as const, 'every' as const),
  syscallsPerIteration: fc.integer({ min: 1, max: 6 }),
  computeUs: fc.integer({ min: 50, max: 400 }),
});

type Params = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Params): NodeConfig {
  const base = PRESETS[c.preset];
  const w = base.workload.kind === 'bsp' ? base.workload : null;
  return {
    ...base,
    syscalls: { ...base.syscalls, channelCapacity: c.capacity, wait: c.wait, replyIpi: c.replyIpi, proxyThreads: c.proxyThreads, ipiPolicy: c.ipiPolicy },
    workload: { ...w!, syscallsPerIteration: c.syscallsPerIteration, computeNs: c.computeUs * 1000, checkpointEvery: 3 },
  };
}

describe('syscall path invariants', () => {
  it('hold for random configurations', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const config = build(c);
        const { sim, records } = runCollecting(config, 75 * MS, c.seed);
        // Every call: issue, route(s), done, in that order, exactly once per use of its id.
        const open = new Set<number>();
        let issued = 0, done = 0;
        const inserts = new Map<number, number[]>(); // channel cpu -> call ids in insert order
        const routed = new Map<number, number[]>(); // channel cpu -> call ids in routing order
        const routedPerPid = new Map<number, number[]>();
        const served = new Map<number, number[]>(); // pid -> call ids in proxy order
        const doorbells: Rec2[] = [];
        let emptyInserts = 0, allInserts = 0;
        const seenInChannel = new Set<number>();
        for (const r of recordsOf(records)) {
          switch (r.kind) {
            case Tr.SyscallIssue:
              expect(open.has(r.a)).toBe(false);
              open.add(r.a);
              issued++;
              break;
            case Tr.SyscallDone:
              expect(open.has(r.a)).toBe(true);
              open.delete(r.a);
              seenInChannel.delete(r.a);
              done++;
              break;
            case Tr.ChannelInsert:
              expect(seenInChannel.has(r.a)).toBe(false); // never inserted twice
              seenInChannel.add(r.a);
              // The record is the sender's; b packs the channel and the depth after the insert.
              push(inserts, sim.state.channels.linux[Math.floor(r.b / CHANNEL_DEPTH_SPAN)].cpu, r.a);
              allInserts++;
              if (r.b % CHANNEL_DEPTH_SPAN === 1) emptyInserts++;
              break;
            case Tr.HandlerRoute:
              push(routed, r.cpu, r.a);
              push(routedPerPid, r.pid, r.a);
              break;
            case Tr.ProxyStart:
              push(served, r.pid, r.a);
              break;
            case Tr.IpiSend:
              if (r.b === IpiKind.Channel) doorbells.push({ time: r.time, cpu: r.cpu });
              break;
          }
        }
        expect(issued - done).toBe(open.size);
        expect(sim.state.calls.issued).toBe(issued);
        expect(sim.state.calls.completed).toBe(done);
        expect(issued).toBeGreaterThan(0);
        // The handler routes each channel's messages in insert order; proxies serve each pid in routing order.
        for (const [cpu, ids] of routed) expect(ids).toEqual(inserts.get(cpu)!.slice(0, ids.length));
        for (const [pid, ids] of served) expect(ids).toEqual(routedPerPid.get(pid)!.slice(0, ids.length));
        // IPIs: on the empty -> non-empty transition only (so a message inserted after get_list,
        // which finds the queue empty, raises a new one), or on every message.
        if (c.ipiPolicy === 'every') expect(doorbells.length).toBe(allInserts);
        else expect(doorbells.length).toBe(emptyInserts);
        const transitions = sim.state.channels.linux.reduce((a, ch) => a + ch.transitions, 0);
        expect(transitions).toBe(emptyInserts);
        for (const ch of sim.state.channels.linux) expect(ch.maxDepth).toBeLessThanOrEqual(c.capacity);
      }),
      { numRuns: 12 },
    );
  });
});

interface Rec2 { time: number; cpu: number }

function push(m: Map<number, number[]>, k: number, v: number): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}
