import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_PARAMS as P, PAGE_1G, PAGE_2M, PAGE_4K, tlbFactor, tlbReach } from '../../../src/engine/node/memory';

const page = fc.constantFrom(PAGE_4K, PAGE_2M, PAGE_1G);
const footprint = fc.integer({ min: 1, max: 2 ** 42 });

describe('TLB factor', () => {
  it('is >= 1, and exactly 1 when the footprint fits in the reach', () => {
    fc.assert(
      fc.property(page, footprint, (p, f) => {
        const x = tlbFactor(P, p, f);
        expect(x).toBeGreaterThanOrEqual(1);
        expect(x === 1).toBe(f <= tlbReach(P.tlb, p));
      }),
    );
  });
  it('grows with the footprint', () => {
    fc.assert(
      fc.property(page, footprint, footprint, (p, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tlbFactor(P, p, lo)).toBeLessThanOrEqual(tlbFactor(P, p, hi));
        if (lo > tlbReach(P.tlb, p) && lo * 1.001 < hi) expect(tlbFactor(P, p, lo)).toBeLessThan(tlbFactor(P, p, hi));
      }),
    );
  });
  it('is smaller for larger pages', () => {
    fc.assert(
      fc.property(footprint, (f) => {
        const [a, b, c] = [PAGE_4K, PAGE_2M, PAGE_1G].map((p) => tlbFactor(P, p, f));
        expect(b).toBeLessThanOrEqual(a);
        expect(c).toBeLessThanOrEqual(b);
        if (f > tlbReach(P.tlb, PAGE_4K)) expect(b).toBeLessThan(a);
      }),
    );
  });
});
