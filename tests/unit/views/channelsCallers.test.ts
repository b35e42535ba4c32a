/** The Channels view draws each message from its caller's LWK CPU, grouped by channel. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { Role } from '../../../src/engine/node/kinds';
import { Runner } from '../../../src/worker/runner';
import { writeFrame } from '../../../src/worker/frameWriter';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { channelCount, channelValue } from '../../../src/worker/frameLayout';
import { PROTOCOL_VERSION, type Frame, type FromWorker } from '../../../src/worker/protocol';
import { ChannelsModel } from '../../../src/app/views/channels/model';
import { anchorPoint, hitTest, layoutChannels } from '../../../src/app/views/channels/layout';
import { frameEvents } from '../../../src/app/views/frameEvents';

const config = PRESETS['mos-bsp'];

/** Frames of a run, one per step, until `enough` of them. */
function frames(steps: number): Frame[] {
  const out: FromWorker[] = [];
  const runner = new Runner({ now: () => 0, post: (m) => out.push(m), yieldThen: () => {} });
  runner.handle({ type: 'init', version: PROTOCOL_VERSION, config, seed: 3 });
  for (let i = 0; i < steps; i++) runner.handle({ type: 'step' });
  return out.flatMap((m) => (m.type === 'frame' ? [m.frame] : []));
}

describe('Channels: callers', () => {
  const run = frames(3000);
  const last = run[run.length - 1];

  it.each([
    ['mos-bsp', 1200], ['mos-bsp', 560], ['xeon-phi', 1400], ['xeon-phi', 560],
  ] as const)('groups every LWK CPU with a Linux channel under that channel, once, left of the queues (%s, %i px)', (preset, width) => {
    const config = PRESETS[preset];
    const frame = { ...last, buffers: writeFrame(createNodeSimulation(config, 1), null, new Uint32Array(0)).buffers };
    const l = layoutChannels(width, frame, [], config);
    expect(l.bands.length).toBeGreaterThanOrEqual(2);
    expect(l.bands).toHaveLength(channelCount(frame.buffers.channels));
    const seen = l.bands.flatMap((b) => b.callers.map((c) => c.cpu));
    const expected = config.roles.flatMap((r, cpu) => (r === Role.Lwk && config.syscallCpuOf[cpu] >= 0 ? [cpu] : []));
    expect([...seen].sort((a, b) => a - b)).toEqual(expected);
    expect(l.left).toBeLessThan(width * 0.35);
    for (const b of l.bands) {
      const syscallCpu = channelValue(frame.buffers.channels, b.ch, 'syscallCpu');
      for (const c of b.callers) {
        expect(config.syscallCpuOf[c.cpu]).toBe(syscallCpu);
        expect(c.x + c.w).toBeLessThan(l.left);
        expect(c.y).toBeGreaterThanOrEqual(b.qy);
        expect(c.y + c.h).toBeLessThan(b.statsY - 6); // above the band's stats line
        expect(hitTest(l, c.x + c.w / 2, c.y + c.h / 2)).toEqual({ k: 'caller', ch: b.ch, cpu: c.cpu });
      }
      // Text stays clear of the tokens' paths: the doorbell labels above and below the arrow,
      // the handler's three lines inside its box.
      expect(b.arrowX1 - b.arrowX0).toBeGreaterThanOrEqual(110);
      expect(b.hh).toBeGreaterThanOrEqual(58);
    }
  });

  it("starts each inserted message's token at its sender's cell and marks the caller in flight until it sees the reply", () => {
    const m = new ChannelsModel(config);
    let checked = 0;
    run.forEach((f, i) => {
      m.ingest(f, i * 16);
      const inserts = frameEvents(f).filter((e) => e.type === 'channelInsert');
      if (inserts.length === 0) return;
      const l = layoutChannels(1200, f, m.pids, config);
      for (const e of inserts) {
        const token = m.tokens.find((t) => t.from.k === 'caller' && t.from.cpu === e.senderCpu && t.pid === e.pid)!;
        expect(token).toBeDefined();
        expect(token.from).toEqual({ k: 'caller', ch: e.channel, cpu: e.senderCpu });
        expect(token.to).toMatchObject({ k: 'slot', ch: e.channel });
        const cell = l.bands[e.channel].callers.find((c) => c.cpu === e.senderCpu)!;
        expect(anchorPoint(l, token.from)).toEqual({ x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 });
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(5);
    // Callers whose replies were all seen are not left marked.
    const seenAfterInsert = new Map<number, boolean>();
    for (const f of run) for (const e of frameEvents(f)) {
      if (e.type === 'channelInsert') seenAfterInsert.set(e.senderCpu, false);
      else if (e.type === 'replySeen' || e.type === 'syscallDone') seenAfterInsert.set(e.cpu, true);
    }
    for (const [cpu, done] of seenAfterInsert) expect(m.inFlight.has(cpu)).toBe(!done);
  });
});
