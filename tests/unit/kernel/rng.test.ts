import { describe, expect, it } from 'vitest';
import { Rng, RngStream } from '../../../src/engine/kernel/rng';

describe('Rng streams', () => {
  it('are reproducible for a seed and name', () => {
    const a = RngStream.seeded(3, 'x'), b = RngStream.seeded(3, 'x');
    for (let i = 0; i < 100; i++) expect(a.nextU32()).toBe(b.nextU32());
  });

  it('are independent: creating and using another stream does not shift one', () => {
    const alone = new Rng(9);
    const expected = Array.from({ length: 50 }, () => alone.stream('tick').next());
    const shared = new Rng(9);
    const got: number[] = [];
    for (let i = 0; i < 50; i++) {
      shared.stream(`new-source-${i % 3}`).next();
      got.push(shared.stream('tick').next());
    }
    expect(got).toEqual(expected);
  });

  it('differ between seeds and names', () => {
    expect(RngStream.seeded(1, 'a').nextU32()).not.toBe(RngStream.seeded(2, 'a').nextU32());
    expect(RngStream.seeded(1, 'a').nextU32()).not.toBe(RngStream.seeded(1, 'b').nextU32());
  });

  it('draw uniform numbers in [0,1) and exponentials with the right mean', () => {
    const r = RngStream.seeded(5, 'stats');
    const n = 200_000;
    let sum = 0, expSum = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      expSum += r.exp(10);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard errors: uniform sd 0.2887, exponential sd = mean.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * 0.2887 / Math.sqrt(n));
    expect(Math.abs(expSum / n - 10)).toBeLessThan(4 * 10 / Math.sqrt(n));
  });

  it('restores stream states from an image', () => {
    const r = new Rng(11);
    r.stream('a').next();
    r.stream('b').next();
    const copy = Rng.fromImage(11, r.image());
    expect(copy.stream('a').next()).toBe(r.stream('a').next());
    expect(copy.stream('b').next()).toBe(r.stream('b').next());
  });
});
