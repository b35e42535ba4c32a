/**
 * Every injection has the effect it names, on the target it names, and runs stay deterministic
 * with injections: the same command log gives the same trace hash, live or replayed, and a
 * checkpoint taken in the middle of an injection restores into a run that goes on identically.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation, restoreNodeSimulation } from '../../../src/engine/node/model';
import { MS, US } from '../../../src/engine/kernel/time';
import { CAUSE_COUNT, Cause, Role } from '../../../src/engine/node/kinds';
import { decodeBatch } from '../../../src/engine/trace/decode';
import { checkInjection, describeInjection, INJECTIONS } from '../../../src/engine/inject';
import type { EngineCommand } from '../../../src/engine/kernel/simulation';
import type { NodeSim } from '../../../src/engine/node/cpu';

const config = PRESETS['mos-bsp'];
const lwkCpu = config.roles.findIndex((r) => r === Role.Lwk);

/** Runs to `at`, applies `command` (if any), runs to `until`; returns the run and its decoded trace after `at`. */
function runWith(command: EngineCommand | null, at = 5 * MS, until = 15 * MS) {
  const sim = createNodeSimulation(config, 1);
  sim.runUntil(at);
  sim.drainTrace();
  if (command) expect(sim.command(command)).toBeNull();
  const events: ReturnType<typeof decodeBatch>[] = [];
  while (sim.now < until) {
    sim.runUntil(Math.min(until, sim.now + MS));
    const b = sim.drainTrace();
    for (let i = 0; i < b.kind.length; i++) events.push(decodeBatch(b, i));
  }
  return { sim, events };
}

const interruptions = (sim: NodeSim, cpu: number, cause: number) => sim.state.noise.interrupts[cpu * CAUSE_COUNT + cause] + sim.state.noise.idle[cpu * CAUSE_COUNT + cause];

describe('injections', () => {
  it('an interrupt burst interrupts that CPU that many times, as device interrupts, and no other CPU', () => {
    const base = runWith(null).sim;
    const { sim } = runWith({ type: 'interrupt-burst', cpu: lwkCpu, count: 25, everyNs: 40 * US, durationNs: 3 * US });
    expect(interruptions(sim, lwkCpu, Cause.DeviceIrq) - interruptions(base, lwkCpu, Cause.DeviceIrq)).toBe(25);
    const other = (lwkCpu + 1) % config.cpuCount;
    expect(interruptions(sim, other, Cause.DeviceIrq)).toBe(interruptions(base, other, Cause.DeviceIrq));
  });

  it('a noisy daemon wakes on that CPU once a period for as long as asked, as a kernel daemon', () => {
    const base = runWith(null).sim;
    const { sim } = runWith({ type: 'noisy-daemon', cpu: lwkCpu, periodNs: 500 * US, durationNs: 50 * US, forNs: 4 * MS });
    expect(interruptions(sim, lwkCpu, Cause.Daemon) - interruptions(base, lwkCpu, Cause.Daemon)).toBe(8);
  });

  it('a signal to a process is sent and delivered to it', () => {
    const { sim, events } = runWith({ type: 'signal', pid: 1001 });
    expect(sim.state.signals.sent).toBe(1);
    expect(events.filter((e) => e.type === 'signalDelivered' && e.pid === 1001)).toHaveLength(1);
  });

  it('a syscall storm issues exactly that many calls of that name from that process', () => {
    const base = runWith(null, 5 * MS, 40 * MS);
    const { sim, events } = runWith({ type: 'syscall-storm', pid: 1002, count: 150, name: 'getppid' }, 5 * MS, 40 * MS);
    expect(base.sim.state.calls.byName.getppid).toBeUndefined();
    expect(sim.state.calls.byName.getppid?.reduce((a, b) => a + b, 0)).toBe(150);
    // Only that process issued more calls than before.
    const issuedBy = (evs: typeof events, pid: number) => evs.filter((e) => e.type === 'syscallIssue' && e.pid === pid).length;
    expect(issuedBy(events, 1002) - issuedBy(base.events, 1002)).toBeGreaterThanOrEqual(150);
  });

  it('stalled proxies take no message of their process until the stall ends, then serve them', () => {
    const at = 5 * MS, forNs = 4 * MS;
    const { events } = runWith({ type: 'stall-proxy', pid: 1000, forNs }, at, 20 * MS);
    const starts = events.filter((e) => e.type === 'proxyStart' && e.pid === 1000).map((e) => e.time);
    // A proxy already serving finishes that message (within a few µs); then nothing until the end.
    expect(starts.filter((t) => t > at + 100 * US && t < at + forNs)).toEqual([]);
    expect(starts.some((t) => t >= at + forNs)).toBe(true);
  });

  it('a channel held full makes its senders wait (channel full) and takes no message until released', () => {
    const at = 5 * MS, forNs = 3 * MS;
    const base = runWith(null, at, 20 * MS).events;
    const { events } = runWith({ type: 'fill-channel', channel: 0, forNs }, at, 20 * MS);
    expect(base.filter((e) => e.type === 'channelFull')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'channelFull' && e.time < at + forNs).length).toBeGreaterThan(0);
    const inserts = events.filter((e) => e.type === 'channelInsert' && e.channel === 0).map((e) => e.time);
    expect(inserts.filter((t) => t >= at && t < at + forNs)).toEqual([]);
    expect(inserts.some((t) => t >= at + forNs)).toBe(true);
  });

  it("a slow OS node makes the calls shipped to it wait in its queue", () => {
    const base = runWith(null, 5 * MS, 60 * MS).sim;
    const { sim } = runWith({ type: 'slow-osnode', forNs: 20 * MS }, 5 * MS, 60 * MS);
    expect(base.state.osnode.os.servedDetailed[0]).toBeGreaterThan(0);
    expect(sim.state.osnode.os.waitSumNs[0]).toBeGreaterThan(base.state.osnode.os.waitSumNs[0] + 1 * MS);
  });

  it('names what is wrong with a malformed or misdirected injection, and changes nothing', () => {
    const sim = createNodeSimulation(config, 1);
    sim.runUntil(1 * MS);
    const hash = sim.traceHash;
    expect(sim.command({ type: 'interrupt-burst', cpu: 999 })).toMatch(/no CPU 999/);
    expect(sim.command({ type: 'interrupt-burst', cpu: 1, colour: 'red' })).toMatch(/unknown field "colour"/);
    expect(sim.command({ type: 'interrupt-burst', cpu: 1, count: 1e9 })).toMatch(/count .* must be between 1 and 100000/);
    expect(sim.command({ type: 'signal', pid: 7 })).toMatch(/no process 7/);
    expect(sim.command({ type: 'fill-channel', channel: 40 })).toMatch(/no Linux channel 40/);
    expect(sim.command({ type: 'syscall-storm', pid: 1000, name: 'rm -rf' })).toMatch(/system call name/);
    expect(sim.command({ type: 'teleport' })).toMatch(/unknown injection "teleport"/);
    expect(sim.commandLog).toEqual([]);
    sim.runUntil(2 * MS);
    const clean = createNodeSimulation(config, 1);
    clean.runUntil(2 * MS);
    expect(sim.traceHash).toBe(clean.traceHash);
    void hash;
  });

  it('every injection describes itself from its defaults', () => {
    for (const spec of INJECTIONS) {
      const targets: Record<string, Record<string, number | string>> = { cpu: { cpu: 2 }, process: { pid: 1000 }, channel: { channel: 0 }, osnode: {}, node: { path: 'linux.tickNs', value: 900 } };
      const cmd: EngineCommand = { type: spec.type, ...targets[spec.target] };
      expect(checkInjection(cmd).ok, spec.type).toBe(true);
      expect(describeInjection(cmd)).not.toMatch(/undefined|NaN/);
    }
  });
});

describe('determinism with injections', () => {
  const commands: EngineCommand[] = [
    { type: 'interrupt-burst', cpu: lwkCpu, count: 30, everyNs: 70 * US, durationNs: 4 * US },
    { type: 'syscall-storm', pid: 1001, count: 80, name: 'getppid' },
    { type: 'fill-channel', channel: 0, forNs: 1 * MS },
    { type: 'stall-proxy', pid: 1002, forNs: 2 * MS },
  ];

  function live() {
    const sim = createNodeSimulation(config, 1);
    commands.forEach((c, i) => {
      sim.runUntil((3 + i) * MS);
      expect(sim.command(c)).toBeNull();
    });
    sim.runUntil(20 * MS);
    return sim;
  }

  it('the same command log gives the same trace hash, live or replayed', () => {
    const a = live();
    const replayed = createNodeSimulation(config, 1, { commands: a.commandLog });
    replayed.runUntil(20 * MS);
    expect(replayed.traceHash).toBe(a.traceHash);
    expect(replayed.commandLog).toEqual(a.commandLog);
    // And the injections changed the run.
    const clean = createNodeSimulation(config, 1);
    clean.runUntil(20 * MS);
    expect(clean.traceHash).not.toBe(a.traceHash);
  });

  it('a checkpoint in the middle of injections restores into a run that goes on identically', () => {
    const a = live();
    const b = createNodeSimulation(config, 1, { commands: a.commandLog });
    b.runUntil(3.02 * MS); // inside the burst, before the later commands
    const restored = restoreNodeSimulation(b.checkpoint());
    restored.runUntil(20 * MS);
    expect(restored.traceHash).toBe(a.traceHash);
  });
});
