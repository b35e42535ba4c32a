/**
 * Time travel in the worker: a seek anywhere (back, forward, past the frontier) gives the state
 * a direct run to that time has; a step back gives the state one event earlier; a command in
 * the past, or the removal of one, forks the run.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { MS, US } from '../../../src/engine/kernel/time';
import { Runner } from '../../../src/worker/runner';
import { PROTOCOL_VERSION, type Frame, type FromWorker, type TimelineReply } from '../../../src/worker/protocol';
import type { EngineCommand, LoggedCommand } from '../../../src/engine/kernel/simulation';
import { CheckpointRing } from '../../../src/worker/checkpointRing';

function harness(preset = 'mos-bsp', seed = 1, commands: readonly LoggedCommand[] = []) {
  const out: FromWorker[] = [];
  const queued: (() => void)[] = [];
  let wall = 0;
  // A checkpoint every 2 ms of simulated time: restores happen in short runs.
  const runner = new Runner({ now: () => (wall += 0.05), post: (m) => out.push(m), yieldThen: (fn) => queued.push(fn) }, 2 * MS);
  runner.handle({ type: 'init', version: PROTOCOL_VERSION, config: PRESETS[preset], seed, commands });
  const drain = () => {
    for (let i = 0; i < 1e6 && queued.length > 0; i++) queued.shift()!();
  };
  const frame = (): Frame => {
    runner.handle({ type: 'frameRequest', reuse: null });
    const f = out.filter((m) => m.type === 'frame').at(-1);
    if (f?.type !== 'frame') throw new Error('no frame');
    return f.frame;
  };
  const seek = (time: number) => {
    runner.handle({ type: 'seek', time });
    drain();
    return frame();
  };
  const log = () => {
    const m = out.filter((x) => x.type === 'commandLog').at(-1);
    return m?.type === 'commandLog' ? m.commands : [];
  };
  const timeline = (from: number, to: number): TimelineReply => {
    runner.handle({ type: 'timeline', id: 1, from, to, bins: 1e6 });
    const m = out.filter((x) => x.type === 'timeline').at(-1);
    if (m?.type !== 'timeline') throw new Error('no timeline');
    return m.reply;
  };
  return { runner, out, drain, frame, seek, log, timeline };
}

function direct(time: number, commands: readonly LoggedCommand[] = [], preset = 'mos-bsp') {
  const sim = createNodeSimulation(PRESETS[preset], 1, { commands });
  sim.runUntil(time);
  return sim;
}

const burst: EngineCommand = { type: 'inject-interrupt', cpu: 3, cause: 'device interrupt', durationNs: 40 * US };

describe('time travel (worker)', () => {
  it('a seek back, forward within the run and past its frontier gives the state of a direct run to that time', () => {
    const h = harness();
    h.seek(15 * MS);
    for (const t of [7.3 * MS, 0, 12 * MS, 3.1 * MS, 15 * MS, 21 * MS, 1 * MS]) {
      const f = h.seek(t);
      const d = direct(t);
      expect({ time: f.time, events: f.eventCount, hash: f.traceHash }).toEqual({ time: d.now, events: d.eventCount, hash: d.traceHash });
      expect(h.out).toContainEqual(expect.objectContaining({ type: 'ack', of: 'seek', time: t }));
    }
    // The frontier is the furthest the run has been, whatever the present.
    expect(h.frame().frontier).toBe(21 * MS);
  });

  it('takes checkpoints as bytes at the interval, and the seek only replays from the nearest one', () => {
    const h = harness();
    h.seek(20 * MS);
    h.runner.handle({ type: 'travelStats', id: 7 });
    const stats = h.out.find((m) => m.type === 'travelStats');
    expect(stats).toMatchObject({ type: 'travelStats', stats: { intervalNs: 2 * MS, frontier: 20 * MS } });
    // Each checkpoint of this node is tens of kB, not the megabytes numbers in JSON take.
    if (stats?.type !== 'travelStats') throw new Error('no stats');
    // Time zero and about one every 2 ms after it (taken at the first look past each interval).
    expect(stats.stats.checkpoints).toBeGreaterThanOrEqual(8);
    expect(stats.stats.checkpoints).toBeLessThanOrEqual(11);
    expect(stats.stats.bytes / stats.stats.checkpoints).toBeLessThan(100_000);
  });

  it('a step back gives the state one event earlier, again and again', () => {
    const h = harness();
    h.seek(4 * MS);
    const start = h.frame().eventCount;
    for (let k = 1; k <= 3; k++) {
      h.runner.handle({ type: 'stepBack' });
      const f = h.frame();
      const d = createNodeSimulation(PRESETS['mos-bsp'], 1);
      d.runUntil(Infinity, start - k);
      expect({ events: f.eventCount, hash: f.traceHash, time: f.time }).toEqual({ events: start - k, hash: d.traceHash, time: d.now });
    }
  });

  it('a command given in the past forks: later commands are dropped and the run is that of the new log', () => {
    const h = harness();
    h.seek(5 * MS);
    h.runner.handle({ type: 'command', command: burst });
    h.seek(10 * MS);
    h.runner.handle({ type: 'command', command: { ...burst, cpu: 5 } });
    expect(h.log().length).toBe(2);
    // Back before the second one, and inject something else: the second is gone.
    h.seek(8 * MS);
    h.runner.handle({ type: 'command', command: { type: 'signal', pid: 1000 } });
    const log = h.log();
    expect(log.map((c) => c.command.type)).toEqual(['inject-interrupt', 'signal']);
    expect(log[1].time).toBe(8 * MS);
    const f = h.seek(12 * MS);
    const d = direct(12 * MS, log);
    expect(f.traceHash).toBe(d.traceHash);
    expect(f.frontier).toBe(12 * MS);
    // Seeking back over the injections replays them exactly.
    expect(h.seek(6 * MS).traceHash).toBe(direct(6 * MS, log).traceHash);
    expect(h.seek(12 * MS).traceHash).toBe(d.traceHash);
    // The history is that of a fresh run with the new log: nothing of the dropped future.
    const fresh = harness('mos-bsp', 1, log);
    fresh.seek(12 * MS);
    const a = h.timeline(0, 12 * MS), b = fresh.timeline(0, 12 * MS);
    expect(a.spans.map((x) => Array.from(x))).toEqual(b.spans.map((x) => Array.from(x)));
  });

  it('a command added at the very moment of an earlier one keeps that one (an event at that instant too)', () => {
    const h = harness();
    for (let i = 0; i < 400; i++) h.runner.handle({ type: 'step' });
    // On to the last event of its instant (the next one is later).
    while (h.frame().nextEventTime === h.frame().time) h.runner.handle({ type: 'step' });
    const at = h.frame();
    h.runner.handle({ type: 'command', command: { type: 'signal', pid: 1001 } });
    h.seek(9 * MS);
    // Back to exactly that instant: its last event is at that time.
    expect(h.seek(at.time).eventCount).toBe(at.eventCount);
    h.runner.handle({ type: 'command', command: burst });
    const log = h.log();
    expect(log.map((c) => c.command.type)).toEqual(['signal', 'inject-interrupt']);
    expect(h.seek(9 * MS).traceHash).toBe(direct(9 * MS, log).traceHash);
  });

  it('a malformed command in the past is refused and forks nothing', () => {
    const h = harness();
    h.seek(5 * MS);
    h.runner.handle({ type: 'command', command: burst });
    h.seek(2 * MS);
    h.runner.handle({ type: 'command', command: { type: 'inject-interrupt', cpu: 999, cause: 'IPI', durationNs: 1 } });
    expect(h.out.filter((m) => m.type === 'commandResult').at(-1)).toMatchObject({ error: expect.stringMatching(/no CPU 999/) });
    expect(h.log().length).toBe(1);
    expect(h.frame().frontier).toBe(5 * MS);
  });

  it('removing an injection forks from just before it, and the history is that of the run without it', () => {
    const h = harness();
    h.seek(3 * MS);
    h.runner.handle({ type: 'command', command: burst });
    h.seek(6 * MS);
    h.runner.handle({ type: 'command', command: { ...burst, cpu: 4 } });
    h.seek(9 * MS);
    h.runner.handle({ type: 'removeCommand', index: 1 });
    expect(h.log().length).toBe(1);
    const at = h.frame();
    expect(at.time).toBe(6 * MS);
    const kept = h.log();
    const f = h.seek(9 * MS);
    expect(f.traceHash).toBe(direct(9 * MS, kept).traceHash);
    // The timeline after the fork is that of a fresh run with the kept log (no trace of the removed burst).
    const fresh = harness('mos-bsp', 1, kept);
    fresh.seek(9 * MS);
    const a = h.timeline(0, 9 * MS), b = fresh.timeline(0, 9 * MS);
    expect(a.spans.map((x) => Array.from(x))).toEqual(b.spans.map((x) => Array.from(x)));
    expect(Array.from(a.flows)).toEqual(Array.from(b.flows));
  });

  it('after a seek back, the timeline shows nothing of the future it already computed', () => {
    const h = harness();
    h.seek(10 * MS);
    h.seek(4 * MS);
    const reply = h.timeline(0, 10 * MS);
    for (const spans of reply.spans) for (let i = 1; i < spans.length; i += 4) expect(spans[i]).toBeLessThanOrEqual(4 * MS);
  });
});

describe('checkpoint ring', () => {
  it('stays bounded: when full it keeps every other checkpoint and doubles its interval', () => {
    const ring = new CheckpointRing(10, 8);
    for (let t = 0; t <= 1000; t++) if (ring.due(t)) ring.add({ time: t, eventCount: t, consumed: 0, bytes: new Uint8Array(100) });
    expect(ring.count).toBeLessThanOrEqual(8);
    expect(ring.bytes).toBe(ring.count * 100);
    expect(ring.intervalNs).toBeGreaterThan(10);
    // The whole run stays covered: time zero and a recent one.
    expect(ring.latestAtOrBefore(0)?.time).toBe(0);
    expect(1000 - ring.latestAtOrBefore(1000)!.time).toBeLessThanOrEqual(ring.intervalNs);
  });

  it('stays within its byte budget too (a bigger node has bigger checkpoints)', () => {
    const ring = new CheckpointRing(10, 1000, 5000);
    for (let t = 0; t <= 10_000; t++) if (ring.due(t)) ring.add({ time: t, eventCount: t, consumed: 0, bytes: new Uint8Array(300) });
    expect(ring.bytes).toBeLessThanOrEqual(5000);
    expect(ring.latestAtOrBefore(0)?.time).toBe(0);
  });
});

describe('frames after a jump', () => {
  it('carry a new epoch and none of the events on the way', () => {
    const h = harness();
    h.seek(2 * MS);
    const a = h.frame();
    h.seek(6 * MS);
    const b = h.frame();
    expect(b.epoch).not.toBe(a.epoch);
    expect(b.eventCountInFrame).toBe(0);
    h.runner.handle({ type: 'step' });
    const c = h.frame();
    expect(c.epoch).toBe(b.epoch);
    h.runner.handle({ type: 'stepBack' });
    expect(h.frame().epoch).not.toBe(c.epoch);
  });
});
