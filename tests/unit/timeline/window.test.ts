import { describe, expect, it } from 'vitest';
import { Activity } from '../../../src/engine/node/kinds';
import {
  applyZoomDelta, axisTicks, clampWindow, exactDuration, followSpan, followWindow, MIN_SPAN, pan, shortDuration, spanAt, summarizeLane, zoomAt,
} from '../../../src/app/views/timeline/window';

describe('timeline window math', () => {
  it('follows the present: a constant span, starting at 0 until it has passed', () => {
    expect(followSpan(1e6)).toBe(3e6);
    expect(followWindow(1e6, 3e6)).toEqual({ from: 0, to: 3e6 });
    expect(followWindow(10e6, 3e6)).toEqual({ from: 7e6, to: 10e6 });
  });

  it('zooms about an anchor and pans by a fraction', () => {
    expect(zoomAt({ from: 0, to: 100 }, 2)).toEqual({ from: 25, to: 75 });
    expect(zoomAt({ from: 0, to: 100 }, 2, 1)).toEqual({ from: 50, to: 100 });
    expect(zoomAt({ from: 0, to: 100 }, 0.5, 0)).toEqual({ from: 0, to: 200 });
    expect(pan({ from: 100, to: 200 }, -0.1)).toEqual({ from: 90, to: 190 });
  });

  it('clamps: never narrower than MIN_SPAN, never wider than the limit, never before 0', () => {
    expect(clampWindow({ from: 1000, to: 1001 }, 1e9).to - clampWindow({ from: 1000, to: 1001 }, 1e9).from).toBe(MIN_SPAN);
    expect(clampWindow({ from: -50, to: 50 }, 1e9)).toEqual({ from: 0, to: MIN_SPAN });
    const wide = clampWindow({ from: 0, to: 1e12 }, 1e9);
    expect(wide.to - wide.from).toBe(1e9);
  });

  it('turns d3-zoom transform changes into windows (identity, pan, zoom about the pointer)', () => {
    const w = { from: 1000, to: 2000 };
    expect(applyZoomDelta(w, { k: 1, x: 0 }, { k: 1, x: 0 }, 500)).toEqual(w);
    // Dragging the content 50 px right (a tenth of the width) shows earlier time.
    expect(applyZoomDelta(w, { k: 1, x: 0 }, { k: 1, x: 50 }, 500)).toEqual({ from: 900, to: 1900 });
    // Zooming 2x about x = 250 (the middle) keeps its time in the middle.
    const z = applyZoomDelta(w, { k: 1, x: 0 }, { k: 2, x: -250 }, 500);
    expect(z).toEqual({ from: 1250, to: 1750 });
    // Only the change between two events matters, not the transform's absolute value.
    expect(applyZoomDelta(w, { k: 4, x: -30 }, { k: 8, x: -60 - 250 }, 500)).toEqual(z);
  });

  it('formats durations short on the axis and exact in tooltips', () => {
    expect(shortDuration(1_500_000)).toBe('1.5 ms');
    expect(shortDuration(2_000_000)).toBe('2 ms');
    expect(shortDuration(0)).toBe('0 ns');
    expect(exactDuration(6970)).toBe('6.970 µs (6,970 ns)');
    expect(exactDuration(512)).toBe('512 ns');
  });

  it('labels axis ticks absolutely, or as offsets when absolute labels would collide', () => {
    const t = axisTicks({ from: 1e6, to: 2e6 }, 5);
    expect(t.map((x) => x.label)).toEqual(['1 ms', '1.2 ms', '1.4 ms', '1.6 ms', '1.8 ms', '2 ms']);
    const deep = axisTicks({ from: 3600e9, to: 3600e9 + 500 }, 5);
    expect(new Set(deep.map((x) => x.label)).size).toBe(deep.length);
    expect(deep[1].label.startsWith('+')).toBe(true);
  });

  it('summarises a lane: busiest non-idle activity, span count, shares largest first', () => {
    const s = Float64Array.from([0, 60, Activity.Idle, -1, 60, 90, Activity.App, 7, 90, 100, Activity.Tick, -1]);
    const sum = summarizeLane(s, { from: 0, to: 100 });
    expect(sum).toEqual({ spans: 3, busiest: 'application', shares: 'idle 60.0%, application 30.0%, timer tick 10.0%' });
    expect(summarizeLane(Float64Array.from([0, 100, Activity.Idle, -1]), { from: 0, to: 100 }).busiest).toBe('idle');
  });

  it('finds the span under a time, with slack for thin spans', () => {
    const s = Float64Array.from([0, 10, 1, 1, 20, 30, 2, 2, 30, 31, 3, 3]);
    expect(spanAt(s, 5)).toBe(0);
    expect(spanAt(s, 15)).toBe(-1);
    expect(spanAt(s, 15, 6)).toBe(1);
    expect(spanAt(s, 30.5)).toBe(2);
    expect(spanAt(s, 40)).toBe(-1);
    expect(spanAt(new Float64Array(0), 1)).toBe(-1);
  });
});
