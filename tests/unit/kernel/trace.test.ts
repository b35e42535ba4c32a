import { describe, expect, it } from 'vitest';
import { TraceRing } from '../../../src/engine/kernel/trace';

describe('TraceRing', () => {
  it('drains what was written since the last drain and counts what was overwritten', () => {
    const t = new TraceRing(8);
    for (let i = 0; i < 5; i++) t.emit(i, 1, 0, 0, i, 0);
    const first = t.drain();
    expect(Array.from(first.a)).toEqual([0, 1, 2, 3, 4]);
    expect(first.lost).toBe(0);
    for (let i = 5; i < 20; i++) t.emit(i, 1, 0, 0, i, 0);
    const second = t.drain();
    expect(second.lost).toBe(7);
    expect(second.first).toBe(12);
    expect(Array.from(second.a)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(t.drain().time.length).toBe(0);
  });

  it('hashes every field: any change to any record changes the hash', () => {
    const base = () => {
      const t = new TraceRing(4);
      t.emit(100, 2, 3, 4, 5, 6);
      t.emit(2 ** 40, 7, -1, 1000, 2 ** 35, 9);
      return t;
    };
    const h = base().hash;
    expect(base().hash).toBe(h);
    const variants: [number, number, number, number, number, number][] = [
      [101, 2, 3, 4, 5, 6], [100, 3, 3, 4, 5, 6], [100, 2, 4, 4, 5, 6], [100, 2, 3, 5, 5, 6], [100, 2, 3, 4, 6, 6], [100, 2, 3, 4, 5, 7],
    ];
    for (const v of variants) {
      const t = new TraceRing(4);
      t.emit(...v);
      t.emit(2 ** 40, 7, -1, 1000, 2 ** 35, 9);
      expect(t.hash).not.toBe(h);
    }
  });
});
