/**
 * Frames as the page reads them: through the named layout (frameLayout.ts) and the trace
 * decoder. The routes buffer follows the descriptor tables, including routes and stages
 * registered after load (this file registers some: its module state is its own).
 */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { registerRoute, registerStage, ROUTES, STAGES } from '../../../src/engine/descriptors';
import { decodeBatch, type TraceEvent } from '../../../src/engine/trace/decode';
import { MS } from '../../../src/engine/kernel/time';
import { Runner } from '../../../src/worker/runner';
import { allocateBuffers, writeFrame } from '../../../src/worker/frameWriter';
import { channelCount, channelValue, eventAt, fwqValue, routeStride, routeValue, stageMean } from '../../../src/worker/frameLayout';
import { PROTOCOL_VERSION, type Frame, type FromWorker } from '../../../src/worker/protocol';

function runnerFrames(steps: number): Frame[] {
  const out: FromWorker[] = [];
  const runner = new Runner({ now: () => 0, post: (m) => out.push(m), yieldThen: () => {} });
  runner.handle({ type: 'init', version: PROTOCOL_VERSION, config: PRESETS['mos-bsp'], seed: 5 });
  for (let i = 0; i < steps; i++) runner.handle({ type: 'step' });
  return out.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
}

describe('frames read through the layout', () => {
  it('carry the animated trace records, decoded the same as the trace itself', () => {
    const frames = runnerFrames(4000);
    const fromFrames: TraceEvent[] = frames.flatMap((f) => Array.from({ length: f.eventCountInFrame }, (_, i) => eventAt(f.buffers.events, i)));
    expect(frames.every((f) => f.eventsDropped === 0)).toBe(true);
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 5);
    const direct: TraceEvent[] = [];
    for (let i = 0; i < 4000; i++) {
      sim.step();
      const b = sim.drainTrace();
      for (let j = 0; j < b.kind.length; j++) direct.push(decodeBatch(b, j));
    }
    const kinds = new Set(fromFrames.map((e) => e.type));
    expect(kinds.has('channelInsert')).toBe(true);
    expect(kinds.has('activity')).toBe(false); // not animated: the timeline asks the history
    expect(fromFrames).toEqual(direct.filter((e) => kinds.has(e.type)));
  });

  it('hold per-channel, per-CPU and per-route numbers where the layout says', () => {
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 2);
    sim.runUntil(40 * MS);
    const { buffers: b } = writeFrame(sim, null, new Uint32Array(0));
    const s = sim.state;
    expect(channelCount(b.channels)).toBe(s.channels.linux.length);
    s.channels.linux.forEach((ch, i) => {
      expect(channelValue(b.channels, i, 'syscallCpu')).toBe(ch.cpu);
      expect(channelValue(b.channels, i, 'capacity')).toBe(ch.capacity);
      expect(channelValue(b.channels, i, 'messages')).toBe(ch.inserts);
      expect(channelValue(b.channels, i, 'ipis')).toBe(ch.ipis);
    });
    const cpu = sim.config.appCpus[0];
    expect(fwqValue(b.fwq, cpu, 'quanta')).toBe(s.fwq.count[cpu]);
    const m = sim.snapshot().metrics as { syscalls: { routes: Record<string, { count: number; maxNs: number; meanNs: number; stagesMeanNs: Record<string, number> }> } };
    ROUTES.forEach((route, r) => {
      const want = m.syscalls.routes[route.key];
      expect(routeValue(b.routes, r, 'count')).toBe(want.count);
      expect(routeValue(b.routes, r, 'max')).toBe(want.maxNs);
      expect(routeValue(b.routes, r, 'mean')).toBeCloseTo(want.meanNs, 6);
      STAGES.forEach((st, k) => expect(stageMean(b.routes, r, k)).toBeCloseTo(want.stagesMeanNs[st.short] ?? 0, 6));
    });
    expect(routeValue(b.routes, 2, 'count')).toBeGreaterThan(0);
  });

  it('size the routes buffer from the tables at use time: a registered route and stage get their place', () => {
    const before = allocateBuffers(createNodeSimulation(PRESETS['mos-bsp'], 1)).routes.length;
    expect(before).toBe(ROUTES.length * (5 + STAGES.length));
    registerRoute({ key: 'testRoute', short: 'test', title: 'a test route', phrase: 'a test', colour: '#000000', ink: '#ffffff', letter: 'T' });
    registerStage({ key: 'testStage', short: 'test stage', title: 'a test stage', colour: '#000000', ink: '#ffffff', letter: 't' });
    expect(routeStride()).toBe(5 + STAGES.length);
    const sim = createNodeSimulation(PRESETS['mos-bsp'], 1);
    sim.runUntil(20 * MS);
    const stale = allocateBuffers(createNodeSimulation(PRESETS['mos-bsp'], 1));
    const { buffers } = writeFrame(sim, { ...stale, routes: new Float64Array(before) }, new Uint32Array(0));
    expect(buffers.routes.length).toBe(ROUTES.length * routeStride());
    const last = ROUTES.length - 1;
    expect(routeValue(buffers.routes, last, 'count')).toBe(0);
    expect(stageMean(buffers.routes, 2, STAGES.length - 1)).toBe(0);
    expect(routeValue(buffers.routes, 2, 'count')).toBe(sim.state.calls.routes[2].count);
  });
});
