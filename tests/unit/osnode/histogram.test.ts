import { describe, expect, it } from 'vitest';
import { createLogHistogram, percentile, recordValue, summarize } from '../../../src/engine/osnode';

describe('log histogram', () => {
  it('is empty-safe', () => {
    expect(summarize(createLogHistogram())).toEqual({ count: 0, meanNs: 0, p50Ns: 0, p99Ns: 0, maxNs: 0 });
  });

  it('percentiles are within 2.2% of the exact order statistics', () => {
    const h = createLogHistogram();
    const xs = Array.from({ length: 10_000 }, (_, i) => 3 + i * i * 0.37);
    for (const x of xs) recordValue(h, x);
    for (const q of [0.01, 0.5, 0.9, 0.99, 1]) {
      const exact = xs[Math.ceil(q * xs.length) - 1];
      expect(Math.abs(percentile(h, q) - exact) / exact).toBeLessThanOrEqual(0.022);
    }
    expect(h.max).toBe(xs[xs.length - 1]);
    expect(summarize(h).meanNs).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 6);
  });

  it('zero waits land in the zero bin', () => {
    const h = createLogHistogram();
    for (let i = 0; i < 99; i++) recordValue(h, 0);
    recordValue(h, 1e6);
    expect(percentile(h, 0.5)).toBe(0);
    expect(percentile(h, 0.99)).toBe(0);
    expect(percentile(h, 1)).toBe(1e6);
  });
});
