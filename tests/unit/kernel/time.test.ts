import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, parseDuration } from '../../../src/engine/kernel/time';

describe('durations', () => {
  it('parse with units and reject junk with a message naming the input', () => {
    expect(parseDuration('10ms')).toEqual({ ok: true, ns: 10_000_000 });
    expect(parseDuration('2.5us')).toEqual({ ok: true, ns: 2_500 });
    expect(parseDuration('1s')).toEqual({ ok: true, ns: 1_000_000_000 });
    expect(parseDuration('250')).toEqual({ ok: true, ns: 250 });
    const bad = parseDuration('ten ms');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('ten ms');
  });

  it('format with a unit', () => {
    expect(formatDuration(1_500)).toBe('1.500 µs');
    expect(formatDuration(12_345_678)).toBe('12.35 ms');
    expect(formatClock(1_234_567_891)).toBe('1.234 567 891 s');
  });
});
