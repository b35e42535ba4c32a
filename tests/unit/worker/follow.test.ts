/**
 * Lockstep in the worker (compare mode): 'follow' runs unpaced to the target and holds there,
 * processing every event at or before it, exactly as a direct run to that time does.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { MS } from '../../../src/engine/kernel/time';
import { Runner } from '../../../src/worker/runner';
import { PROTOCOL_VERSION, type Frame, type FromWorker } from '../../../src/worker/protocol';

/** A runner on a fake host: wall time moves `tick` ms per look, yields run when drained. */
function harness(preset: string, seed = 1, tick = 0.05) {
  const out: FromWorker[] = [];
  const queued: (() => void)[] = [];
  const sleeps: number[] = [];
  let wall = 0;
  const runner = new Runner({
    now: () => (wall += tick),
    post: (m) => out.push(m),
    yieldThen: (fn) => queued.push(fn),
    sleepThen: (ms, fn) => {
      sleeps.push(ms);
      wall += ms;
      queued.push(fn);
    },
  });
  runner.handle({ type: 'init', version: PROTOCOL_VERSION, config: PRESETS[preset], seed });
  const drain = () => {
    for (let i = 0; i < 1e6 && queued.length > 0; i++) queued.shift()!();
  };
  const frame = (): Frame => {
    runner.handle({ type: 'frameRequest', reuse: null });
    const f = out.filter((m) => m.type === 'frame').at(-1);
    if (f?.type !== 'frame') throw new Error('no frame');
    return f.frame;
  };
  return { runner, out, drain, frame, sleeps, wall: () => wall };
}

describe('follow (compare mode lockstep)', () => {
  it('reaches the target exactly, as a direct run does, and acknowledges it when paused', () => {
    const h = harness('mos-bsp');
    h.runner.handle({ type: 'follow', target: 5 * MS, playing: false });
    h.drain();
    const f = h.frame();
    const direct = createNodeSimulation(PRESETS['mos-bsp'], 1);
    direct.runUntil(5 * MS);
    expect(f.time).toBe(5 * MS);
    expect(f.running).toBe(false);
    expect(f.eventCount).toBe(direct.eventCount);
    expect(f.traceHash).toBe(direct.traceHash);
    expect(f.nextEventTime).toBe(direct.queue.peekTime());
    expect(f.nextEventTime).toBeGreaterThan(5 * MS);
    expect(h.out).toContainEqual(expect.objectContaining({ type: 'ack', of: 'follow', running: false, time: 5 * MS }));
  });

  it('brings two designs to the same simulated time, and steps to the earlier next event', () => {
    const a = harness('mos-bsp'), b = harness('linux-bsp');
    for (const h of [a, b]) h.runner.handle({ type: 'follow', target: 3 * MS, playing: false });
    a.drain();
    b.drain();
    const [fa, fb] = [a.frame(), b.frame()];
    expect(fa.time).toBe(fb.time);
    const next = Math.min(fa.nextEventTime, fb.nextEventTime);
    for (const h of [a, b]) h.runner.handle({ type: 'follow', target: next, playing: false });
    a.drain();
    b.drain();
    const [ga, gb] = [a.frame(), b.frame()];
    expect(ga.time).toBe(next);
    expect(gb.time).toBe(next);
    // Events happened in the run whose event was next (and only at that time).
    const stepped = fa.nextEventTime === next ? [fa, ga] : [fb, gb];
    expect(stepped[1].eventCount).toBeGreaterThan(stepped[0].eventCount);
  });

  it('while playing, frames say running, no acknowledgement is sent, and a new target moves it on', () => {
    const h = harness('linux-bsp');
    h.runner.handle({ type: 'follow', target: 1 * MS, playing: true });
    h.drain();
    expect(h.frame()).toMatchObject({ time: 1 * MS, running: true });
    h.runner.handle({ type: 'follow', target: 2 * MS, playing: true });
    h.drain();
    expect(h.frame()).toMatchObject({ time: 2 * MS, running: true });
    expect(h.out.some((m) => m.type === 'ack' && m.of === 'follow')).toBe(false);
  });

  it('events left at the current time (after single steps) are run by a target at that time', () => {
    const h = harness('mos-bsp');
    for (let i = 0; i < 40; i++) h.runner.handle({ type: 'step' });
    const before = h.frame();
    h.runner.handle({ type: 'follow', target: before.time, playing: false });
    h.drain();
    const after = h.frame();
    expect(after.time).toBe(before.time);
    expect(after.nextEventTime).toBeGreaterThan(after.time);
  });

  it('computes at most its share of each window, sleeping the rest, and still reaches the same state', () => {
    const h = harness('mos-bsp', 1, 1);
    h.runner.handle({ type: 'follow', target: 20 * MS, playing: true, share: 0.5 });
    h.drain();
    const f = h.frame();
    const direct = createNodeSimulation(PRESETS['mos-bsp'], 1);
    direct.runUntil(20 * MS);
    expect(f.traceHash).toBe(direct.traceHash);
    expect(h.sleeps.length).toBeGreaterThan(0);
    // About half of the wall time was spent sleeping.
    const slept = h.sleeps.reduce((a, b) => a + b, 0);
    expect(slept / h.wall()).toBeGreaterThan(0.3);
    // At the whole share, it never sleeps.
    const g = harness('mos-bsp', 1, 1);
    g.runner.handle({ type: 'follow', target: 20 * MS, playing: true });
    g.drain();
    expect(g.sleeps).toEqual([]);
  });
});
