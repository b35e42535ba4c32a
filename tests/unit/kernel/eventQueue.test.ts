import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/engine/kernel/eventQueue';
import { RngStream } from '../../../src/engine/kernel/rng';

describe('EventQueue', () => {
  it('pops events in time order, ties first-in-first-out, across growth', () => {
    const q = new EventQueue(16);
    const r = RngStream.seeded(7, 'test');
    const pushed: { t: number; id: number }[] = [];
    for (let id = 0; id < 5000; id++) {
      const t = r.int(50); // many ties
      q.push(t, 1, id, id * 2);
      pushed.push({ t, id });
    }
    const expected = [...pushed].sort((x, y) => x.t - y.t || x.id - y.id);
    for (const e of expected) {
      expect(q.pop()).toBe(true);
      expect([q.popTime, q.popA, q.popB]).toEqual([e.t, e.id, e.id * 2]);
    }
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('keeps FIFO order for equal times pushed while popping (hold pattern)', () => {
    const q = new EventQueue();
    for (let i = 0; i < 10; i++) q.push(5, 0, i, 0);
    const order: number[] = [];
    while (q.pop()) {
      order.push(q.popA);
      if (q.popA < 10) q.push(5, 0, q.popA + 10, 0);
    }
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('round-trips through its image', () => {
    const q = new EventQueue();
    for (let i = 0; i < 100; i++) q.push((i * 37) % 11, 2, i, -i);
    const copy = EventQueue.fromImage(q.image());
    while (q.pop()) {
      expect(copy.pop()).toBe(true);
      expect([copy.popTime, copy.popKind, copy.popA, copy.popB]).toEqual([q.popTime, q.popKind, q.popA, q.popB]);
    }
    expect(copy.size).toBe(0);
  });
});
