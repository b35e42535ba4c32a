/**
 * FFMK: a decoupled thread's Linux calls travel as microkernel IPC to L4Linux (an IPI each way),
 * never through mOS's shared-memory channels and their doorbells.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { FFMK_SYSCALLS } from '../../../src/engine/config/defaults';
import { Activity, Cause, Role } from '../../../src/engine/node/kinds';
import { IpiKind, Tr } from '../../../src/engine/node/events';
import { MS } from '../../../src/engine/kernel/time';
import { ROUTES } from '../../../src/engine/descriptors';
import { IpcReplyStage, IpcStage } from '../../../src/engine/designs/info/ffmk';
import { quietNode, recordsOf, runCollecting } from '../node/helpers';

type Route = { count: number; stagesMeanNs: Record<string, number> };
type Metrics = { syscalls: { routes: Record<string, Route> }; channels: { messages: number; ipis: number } };

const FFMK = PRESETS.ffmk;
const microkernel = FFMK.roles.flatMap((r, c) => (r === Role.Lwk ? [c] : []));

describe('ffmk: calls forwarded by microkernel IPC', () => {
  it('no channel inserts, no get_list, no doorbells: an IPI to L4Linux and one back per forwarded call', () => {
    const { sim, records } = runCollecting(FFMK, 40 * MS);
    const all = [...recordsOf(records)];
    expect(all.filter((r) => r.kind === Tr.ChannelInsert || r.kind === Tr.HandlerGetList || r.kind === Tr.IpiSkipped)).toEqual([]);
    const ipis = all.filter((r) => r.kind === Tr.IpiSend);
    expect(ipis.filter((r) => r.b === IpiKind.Channel || r.b === IpiKind.Reply)).toEqual([]);
    // Call ids are reused once a call is done: follow each id in order.
    const routed = new Map<number, number>();
    let forwarded = 0;
    for (const r of all) {
      if (r.kind === Tr.SyscallRoute) routed.set(r.a, r.b);
      if (r.kind === Tr.SyscallDone && ROUTES[routed.get(r.a) ?? 0].key === 'linux') forwarded++;
    }
    expect(forwarded).toBeGreaterThan(100);
    const out = ipis.filter((r) => r.b === IpiKind.Wakeup && microkernel.includes(r.cpu) && !microkernel.includes(r.a));
    const back = ipis.filter((r) => r.b === IpiKind.Wakeup && !microkernel.includes(r.cpu) && microkernel.includes(r.a));
    // Each completed call sent one of each; calls still in flight at the end may have sent only the first.
    expect(out.length).toBeGreaterThanOrEqual(forwarded);
    expect(back.length).toBeGreaterThanOrEqual(forwarded);
    expect(out.length - forwarded).toBeLessThanOrEqual(microkernel.length);
    const m = sim.snapshot().metrics as unknown as Metrics;
    expect(m.channels.messages).toBe(0);
    expect(m.channels.ipis).toBe(0);
    const linux = m.syscalls.routes.linux.stagesMeanNs;
    expect(linux['microkernel IPC']).toBeGreaterThan(0);
    expect(linux['IPC reply']).toBeGreaterThan(0);
    for (const stage of ['queue', 'IPI', 'handler', 'copy', 'reply']) expect(linux[stage] ?? 0).toBe(0);
  });

  it('each IPC leg costs the microkernel path plus one IPI, exactly, on a quiet node', () => {
    const config = quietNode({ workload: { kind: 'syscall', call: 'fstat', bytes: 0, thinkNs: 200_000, path: '/home/data' }, syscalls: { ...FFMK_SYSCALLS } });
    const { sim } = runCollecting(config, 5 * MS);
    const linux = sim.state.calls.routes[ROUTES.findIndex((r) => r.key === 'linux')];
    expect(linux.count).toBeGreaterThan(10);
    const leg = config.syscalls.ffmk!.ipcNs + config.syscalls.costs.ipiNs;
    expect(linux.stageSumNs[IpcStage] / linux.count).toBe(leg);
    expect(linux.stageSumNs[IpcReplyStage] / linux.count).toBe(leg);
  });

  it('a decoupled core idles while its thread waits for L4Linux, and no Linux noise reaches it', () => {
    const { records } = runCollecting(FFMK, 40 * MS);
    const onCores = [...recordsOf(records, Tr.IntrBegin)].filter((r) => microkernel.includes(r.cpu));
    expect(new Set(onCores.map((r) => r.a))).toEqual(new Set([Cause.Ipi]));
    const idle = [...recordsOf(records, Tr.Activity)].filter((r) => microkernel.includes(r.cpu) && r.a === Activity.Idle);
    expect(idle.length).toBeGreaterThan(100);
    // The shadow tasks run on L4Linux's CPUs, never on a decoupled core.
    for (const r of recordsOf(records, Tr.ProxyStart)) expect(microkernel).not.toContain(r.cpu);
  });
});
