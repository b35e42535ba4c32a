/**
 * Kitten: its own triage set (what it serves, what its HIO mask forwards, what it lacks), the
 * HIO ring of 128 entries (full: EBUSY; the stub takes the newest entry first), and its
 * round-robin timer at sched_hz.
 */
import { describe, expect, it } from 'vitest';
import '../../../src/engine/designs/syntaxes';
import { PRESETS } from '../../../src/engine/config/presets';
import type { NodeConfig, ReplayWorkload } from '../../../src/engine/config/nodeConfig';
import { applyOverrides } from '../../../src/engine/config/parseConfig';
import { Cause } from '../../../src/engine/node/kinds';
import { CHANNEL_DEPTH_SPAN, IpiKind, Tr } from '../../../src/engine/node/events';
import { MS, S } from '../../../src/engine/kernel/time';
import { dequeueEntry, enqueueEntry, type HioRing } from '../../../src/engine/designs/kitten/hio';
import { KITTEN } from '../../../src/engine/designs/kitten';
import { designSyntax } from '../../../src/engine/designs/registry';
import { topologyByName } from '../../../src/engine/node/topologies';
import { recordsOf, runCollecting } from '../node/helpers';

type Metrics = {
  syscalls: { routes: Record<string, { count: number }>; byName: Record<string, Record<string, number>> };
  design: { forwarded: number; rejected: number; maxInUse: number; enosys: number };
};

const ring = (n: number): HioRing => ({ calls: new Array<number>(n).fill(-1), states: new Array<number>(n).fill(0), offset: 0, forwarded: 0, rejected: 0, maxInUse: 0, enosys: 0 });

describe('kitten: the HIO ring as kernel/hio/hio.c runs it', () => {
  it('enqueue takes the first idle entry from the offset on; a full ring refuses (-EBUSY)', () => {
    const r = ring(4);
    expect([10, 11, 12, 13].map((id) => enqueueEntry(r, id))).toEqual([0, 1, 2, 3]);
    expect(enqueueEntry(r, 14)).toBe(-1);
    expect(r.offset).toBe(3);
  });

  it('dequeue scans backward from the offset: the newest pending entry first', () => {
    const r = ring(8);
    for (const id of [10, 11, 12]) enqueueEntry(r, id);
    const all = () => true;
    expect([dequeueEntry(r, all), dequeueEntry(r, all), dequeueEntry(r, all), dequeueEntry(r, all)]).toEqual([12, 11, 10, -1]);
    // An entry being processed is not idle: the next enqueue skips it.
    expect(enqueueEntry(r, 20)).toBe(3);
  });
});

describe('kitten: what it serves, forwards and lacks', () => {
  it('forwards file calls through the ring, serves the console and its own calls, and has no fsync', () => {
    const c = PRESETS.kitten;
    if (c.workload.kind !== 'bsp') throw new Error('bsp preset expected');
    const config: NodeConfig = { ...c, workload: { ...c.workload, checkpointEvery: 3, checkpointBytes: 1 << 20 } };
    const { sim, records } = runCollecting(config, 40 * MS);
    const m = sim.snapshot().metrics as unknown as Metrics;
    const by = m.syscalls.byName;
    expect(Object.keys(by.write)).toEqual(['linux']);
    expect(Object.keys(by.openat)).toEqual(['linux']);
    // fstat(1): fd 1 is Kitten's console (kfs), so the mask does not apply.
    expect(Object.keys(by.fstat)).toEqual(['lwk']);
    expect(Object.keys(by.getpid)).toEqual(['lwk']);
    // fsync is neither Kitten's nor in HIO's wrappers: -ENOSYS at once.
    expect(Object.keys(by.fsync)).toEqual(['lwk']);
    expect(m.design.enosys).toBe(by.fsync.lwk);
    // Every forwarded call went through the ring, one entry each; served by a stub on Linux.
    const inserts = [...recordsOf(records, Tr.ChannelInsert)];
    expect(inserts.length).toBe(m.design.forwarded);
    expect(m.design.forwarded).toBe(m.syscalls.routes.linux.count + (sim.state.calls.issued - sim.state.calls.completed));
    const stubCpus = new Set([...recordsOf(records, Tr.ProxyStart)].map((r) => r.cpu));
    expect([...stubCpus].every((cpu) => !sim.config.appCpus.includes(cpu))).toBe(true);
    // A notification only wakes a sleeping stub: fewer IPIs than entries.
    const doorbells = [...recordsOf(records, Tr.IpiSend)].filter((r) => r.b === IpiKind.Channel).length;
    expect(doorbells).toBeGreaterThan(0);
    expect(doorbells).toBeLessThan(inserts.length);
  });

  /** `threads` threads of one process, each making one slow forwarded call at once. */
  function crowd(threads: number, capacity: number): NodeConfig {
    const c = PRESETS.kitten;
    const workload: ReplayWorkload = {
      kind: 'replay',
      names: ['stat'],
      paths: ['/home/app/input'],
      processes: 1,
      threads: Array.from({ length: threads }, (_, k) => ({ tracedTid: k, process: 0, startNs: 0, calls: [0, 0, -1, 0, 0, -1, k] })),
    };
    return { ...c, workload, syscalls: { ...c.syscalls, channelCapacity: capacity, costs: { ...c.syscalls.costs, serviceNs: { ...c.syscalls.costs.serviceNs, meta: 1 * MS } } } };
  }

  it('holds at most 128 calls; the rest fail with EBUSY and never reach Linux', () => {
    const { sim, records } = runCollecting(crowd(200, 128), 400 * MS);
    const m = sim.snapshot().metrics as unknown as Metrics;
    expect(m.design.maxInUse).toBe(128);
    expect(m.design.rejected).toBeGreaterThan(0);
    expect(m.design.forwarded + m.design.rejected).toBe(200);
    expect(m.syscalls.routes.linux.count).toBe(m.design.forwarded);
    expect(m.syscalls.routes.lwk.count).toBe(m.design.rejected);
    const depths = [...recordsOf(records, Tr.ChannelInsert)].map((r) => r.b % CHANNEL_DEPTH_SPAN);
    expect(Math.max(...depths)).toBe(128);
    // A ring of 256 takes them all.
    const roomy = runCollecting(crowd(200, 256), 400 * MS).sim.snapshot().metrics as unknown as Metrics;
    expect(roomy.design).toMatchObject({ rejected: 0, forwarded: 200, maxInUse: 200 });
  });
});

describe('kitten: a stub busy with its own I/O', () => {
  it('is not woken by a new entry while its PFS write is in flight: every call completes once', () => {
    const c = PRESETS.kitten;
    const workload: ReplayWorkload = {
      kind: 'replay',
      names: ['write', 'stat'],
      paths: ['/pfs/ckpt', '/home/app/input'],
      processes: 1,
      threads: [
        { tracedTid: 0, process: 0, startNs: 0, calls: [0, 0, -1, 4 << 20, 0, -1, 0] },
        // Arrives while the stub waits for the PFS.
        { tracedTid: 1, process: 0, startNs: 0, calls: [100_000, 1, -1, 0, 1, -1, 1, 0, 1, -1, 0, 1, -1, 2] },
      ],
    };
    const { sim, records } = runCollecting({ ...c, workload }, 20 * MS);
    expect([...recordsOf(records, Tr.OsNodeSubmit)].length).toBe(1);
    expect([...recordsOf(records, Tr.ThreadExit)].length).toBe(2);
    expect(sim.state.calls.completed).toBe(3);
    expect(sim.state.calls.issued).toBe(3);
  });
});

describe('kitten: the round-robin timer at sched_hz', () => {
  it('interrupts each application CPU sched_hz times a second, and nothing else does', () => {
    const c = PRESETS.kitten;
    const fwq: NodeConfig = { ...c, workload: { kind: 'fwq', quantumNs: 1 * MS } };
    const { sim, records } = runCollecting(fwq, 1 * S);
    const app = new Set(sim.config.appCpus);
    const onApp = [...recordsOf(records, Tr.IntrBegin)].filter((r) => app.has(r.cpu));
    const rr = onApp.filter((r) => r.a === Cause.RoundRobin);
    expect(new Set(onApp.map((r) => r.a))).toEqual(new Set([Cause.RoundRobin]));
    expect(rr.length).toBe(app.size * 10); // sched_hz = 10: at 100, 200, ..., 1000 ms
  });

  it('is set with Kitten\'s boot parameter sched_hz, which prints back', () => {
    const syntax = designSyntax(KITTEN.id)!;
    const two = topologyByName('two-socket')!;
    expect(syntax.print(PRESETS.kitten)).toBe('sched_hz=10');
    expect(syntax.parse('sched_hz=100', two)).toEqual({ ok: true, overrides: { lwk: { rrQuantumNs: 10 * MS } }, warnings: [] });
    const r = applyOverrides({ preset: 'kitten', options: syntax.print(PRESETS.kitten) });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config).toEqual(PRESETS.kitten);
    expect(syntax.parse('sched_hz=0 hz=5', two)).toEqual({
      ok: false,
      errors: [
        { message: 'sched_hz takes the timer\'s rate, 1 to 10000 Hz, as sched_hz=10', start: 9, end: 10 },
        { message: 'unknown Kitten boot parameter "hz" (known: sched_hz)', start: 11, end: 13 },
      ],
    });
  });
});
