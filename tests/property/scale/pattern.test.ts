import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advance, freeUntil, makePattern } from '../../../src/engine/scale/pattern';
import { walkNoise } from '../../../src/engine/scale/naiveModel';

const detour = fc.record({ startNs: fc.integer({ min: 0, max: 999 }), durationNs: fc.integer({ min: 0, max: 120 }) });
const pattern = fc.array(detour, { minLength: 1, maxLength: 6 }).map((ds) => makePattern(ds, 1000));

describe('detour patterns', () => {
  it('advance (closed-form search) equals walking detour by detour', () => {
    fc.assert(
      fc.property(pattern, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 5_000 }), (p, phase, t, w) => {
        expect(advance(p, phase, t, w)).toBe(walkNoise(p, phase, t, w));
      }),
      { numRuns: 2000 },
    );
  });

  it('freeUntil is the start of the next detour (or t inside one)', () => {
    fc.assert(
      fc.property(pattern, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 50_000 }), (p, phase, t) => {
        const f = freeUntil(p, phase, t);
        if (p.starts.length === 0) {
          expect(f).toBe(Infinity);
          return;
        }
        expect(f).toBeGreaterThanOrEqual(t);
        // Work up to f - t runs undisturbed; one ns more does not when f is a detour start.
        expect(walkNoise(p, phase, t, f - t)).toBe(f);
        expect(walkNoise(p, phase, t, f - t + 1)).toBeGreaterThan(f + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('wraps detours past the period end and merges overlaps', () => {
    const p = makePattern([{ startNs: 900, durationNs: 200 }, { startNs: 50, durationNs: 100 }, { startNs: 140, durationNs: 10 }], 1000);
    expect(Array.from(p.starts)).toEqual([0, 900]);
    expect(Array.from(p.ends)).toEqual([150, 1000]);
    expect(p.freeNs).toBe(750);
    expect(() => makePattern([{ startNs: 0, durationNs: 1000 }], 1000)).toThrow(/whole period/);
    expect(() => makePattern([{ startNs: 0, durationNs: 600 }, { startNs: 500, durationNs: 500 }], 1000)).toThrow(/no free time/);
  });
});
