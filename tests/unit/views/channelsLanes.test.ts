/** Tokens in flight in the Channels view travel in lanes of their own, clear of the text. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/engine/config/presets';
import { writeFrame } from '../../../src/worker/frameWriter';
import { createNodeSimulation } from '../../../src/engine/node/model';
import { alongPath, layoutChannels, tokenPath } from '../../../src/app/views/channels/layout';

describe('Channels: token lanes', () => {
  for (const width of [560, 900]) {
    it(`routes calls and replies along the lanes, never across a title or a box's text (${width} px)`, () => {
      const config = PRESETS['mos-bsp'];
      const sim = createNodeSimulation(config, 1);
      const frame = { ...writeFrame(sim, null, new Uint32Array(0)), seq: 1 } as unknown as Parameters<typeof layoutChannels>[1];
      const pids = [1000, 1001, 1002, 1003];
      const l = layoutChannels(width, frame, pids, config);
      const callerCpu = l.bands[0].callers[0].cpu;
      l.lwkCells.push({ cpu: callerCpu, x: 10, y: l.replyLaneY + 10, w: 20, h: 20 });
      for (const b of l.bands) {
        // A message goes on from its slot along the doorbell arrow, between the labels above and below it.
        const toHandler = tokenPath(l, { k: 'slot', ch: b.ch, idx: 40 }, { k: 'handler', ch: b.ch });
        expect(toHandler[1]).toEqual({ x: b.arrowX0, y: b.arrowY });
        expect(toHandler.at(-1)!.y).toBe(b.arrowY);
        // From the handler to a pid: out of the box's right edge, down the gutter right of every
        // handler box, along the row between the title and the boxes, into the box's top edge.
        const toPid = tokenPath(l, { k: 'handler', ch: b.ch }, { k: 'pid', pid: 1002 });
        const box = l.pidBoxes.find((p) => p.pid === 1002)!;
        for (const band of l.bands) expect(l.gutterX - 7).toBeGreaterThanOrEqual(band.hx + band.hw);
        expect(toPid.map((p) => p.x)).toContain(l.gutterX);
        expect(l.pidLaneY - 6).toBeGreaterThan(l.pidY + 8 + 7); // under the title
        expect(l.pidLaneY + 6).toBeLessThan(box.y); // above the boxes
        expect(toPid.at(-1)).toEqual({ x: box.x + box.w / 2, y: box.y });
      }
      // A reply leaves its box's bottom edge, runs between the boxes and the reply cells, drops into its cell.
      const reply = tokenPath(l, { k: 'pid', pid: 1001, leaving: true }, { k: 'lwk', cpu: callerCpu });
      const box = l.pidBoxes.find((p) => p.pid === 1001)!;
      expect(reply[0]).toEqual({ x: box.x + box.w / 2, y: box.y + box.h });
      expect(reply[1].y).toBe(l.replyLaneY);
      expect(l.replyLaneY - 6).toBeGreaterThan(box.y + box.h);
      expect(l.replyLaneY + 6).toBeLessThan(Math.min(...l.lwkCells.map((c) => c.y)));
      // The reply channels' title is under their cells (and their numbers), off every lane.
      expect(l.lwkY).toBeGreaterThan(Math.max(...l.lwkCells.map((c) => c.y + c.h)) + 14);
    });
  }

  it('moves a token along its path by length', () => {
    const path = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 30 }];
    expect(alongPath(path, 0)).toEqual({ x: 0, y: 0 });
    expect(alongPath(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(alongPath(path, 0.625)).toEqual({ x: 10, y: 15 });
    expect(alongPath(path, 1)).toEqual({ x: 10, y: 30 });
  });
});
