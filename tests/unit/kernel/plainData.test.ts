import { describe, expect, it } from 'vitest';
import { clonePlain, decodePlain, encodePlain } from '../../../src/engine/kernel/plainData';

describe('plain-data codec (checkpoints)', () => {
  it('round-trips every kind of plain value exactly', () => {
    const value = {
      n: null, t: true, f: false, small: 7, big: 2 ** 52 + 1, neg: -123456789, frac: 0.1, negZero: -0,
      nan: NaN, inf: Infinity, ninf: -Infinity, text: 'héllo ✓', empty: '', list: [1, 'a', [null, { x: 2 }]],
      f64: new Float64Array([1.5, -0, NaN, 1e300]), i32: new Int32Array([-1, 0, 2 ** 31 - 1]), u8: new Uint8Array([0, 255]),
      u16: new Uint16Array([65535]), i16: new Int16Array([-32768]), u32: new Uint32Array([2 ** 32 - 1]), f32: new Float32Array([0.25]),
      zeros: new Float64Array(1000), sparse: Float64Array.from({ length: 300 }, (_, i) => (i % 97 === 0 ? i : 0)),
    };
    const back = clonePlain(value);
    expect(Object.is(back.negZero, -0)).toBe(true);
    expect(back.nan).toBeNaN();
    expect(back.f64).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f64[1], -0)).toBe(true);
    expect(Array.from(back.sparse)).toEqual(Array.from(value.sparse));
    expect(back).toEqual(value);
  });

  it('drops undefined members as JSON does (null inside arrays)', () => {
    expect(clonePlain({ a: undefined, b: [undefined, 1] })).toEqual({ b: [null, 1] });
  });

  it('stores typed arrays as bytes, and runs of zeros in a few bytes', () => {
    const dense = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) + 2);
    // 8 bytes a number plus a few of framing: JSON text would take ~18 per number.
    expect(encodePlain(dense).length).toBeLessThan(8000 + 32);
    expect(encodePlain(new Float64Array(100_000)).length).toBeLessThan(32);
  });

  it('interns object keys: after the first record, a key costs one byte', () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ identifier: i % 100, description: 1, somethingLong: 2 }));
    // Per record: tag and size (2), then per member a key reference, a tag and a one-byte number (3 x 3).
    expect(encodePlain(records).length).toBeLessThan(1000 * 11 + 100);
  });

  it('rejects bytes that are not in its format, or are cut short, with a message', () => {
    expect(() => decodePlain(new TextEncoder().encode('{"a":1}'))).toThrow(/not in this format/);
    const bytes = encodePlain({ a: new Float64Array([1, 2, 3]) });
    expect(() => decodePlain(bytes.subarray(0, bytes.length - 3))).toThrow(/unexpected end|overrun/);
  });
});
