import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketOf, bucketRange, coarseBins, createHistogram, LOG_LINEAR_BUCKETS, quantileOf, record } from '../../../src/engine/stats/logLinearHistogram';

function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

describe('log-linear histogram', () => {
  it('puts every value in a bucket whose range holds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), (v) => {
        const b = bucketOf(v);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(LOG_LINEAR_BUCKETS);
        const [lo, hi] = bucketRange(b);
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
        // A bucket is at most 1/128 of its lower bound wide.
        expect(hi - lo + 1).toBeLessThanOrEqual(Math.max(1, lo / 128));
      }),
    );
  });

  it('gives quantiles within 1 % of the exact ones (and exact below 256 ns)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 1e9 })), { minLength: 1, maxLength: 400 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, q) => {
          const h = createHistogram();
          for (const v of values) record(h, v);
          const sorted = [...values].sort((a, b) => a - b);
          const exact = exactQuantile(sorted, q);
          const got = quantileOf(h, q);
          if (exact < 256) expect(got).toBe(exact);
          else expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(0.01);
        },
      ),
    );
  });

  it('does not report p50 = p99 for a spread of latencies (the old coarse bins did)', () => {
    const h = createHistogram();
    for (let i = 0; i < 100; i++) record(h, 30_000 + i * 10);
    expect(quantileOf(h, 0.5)).toBeLessThan(quantileOf(h, 0.99));
    expect(Math.abs(quantileOf(h, 0.5) - 30_490)).toBeLessThanOrEqual(305);
  });

  it('coarse bins keep every count', () => {
    const h = createHistogram();
    const values = [0, 1, 7, 300, 300, 5000, 1e6, 3e9];
    for (const v of values) record(h, v);
    const bins = coarseBins(h);
    expect(bins.reduce((a, [, n]) => a + n, 0)).toBe(values.length);
    for (let i = 1; i < bins.length; i++) expect(bins[i][0]).toBeGreaterThan(bins[i - 1][0]);
  });
});
