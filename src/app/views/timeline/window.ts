/**
 * The timeline's window of simulated time and its math: following the present, zooming about
 * a point, panning, turning d3-zoom gestures into window changes, axis ticks, and what the
 * hidden table says about each CPU. Pure, so it is testable.
 */
import { scaleLinear } from 'd3';
import { formatDuration } from '../../../engine/kernel/time';
import { ACTIVITY_NAMES } from '../../../engine/node/kinds';
import { SPAN } from '../../../worker/frameLayout';

const S = SPAN.field;

export interface TimeWindow { readonly from: number; readonly to: number }

/** The narrowest window (ns): a few proxy stages. */
export const MIN_SPAN = 200;
/** Wall seconds of simulated history shown while following. */
export const FOLLOW_WALL_S = 3;

/** The span shown while following: FOLLOW_WALL_S of wall time at the requested speed. */
export function followSpan(nsPerSecond: number): number {
  return Math.max(2_000, Math.round(nsPerSecond * FOLLOW_WALL_S));
}

/** The window that ends at `now` (or starts at 0 until `span` has passed). */
export function followWindow(now: number, span: number): TimeWindow {
  const from = Math.max(0, now - span);
  return { from, to: from + span };
}

/** Keeps a window at least MIN_SPAN wide, at most `maxSpan`, and never before time 0. */
export function clampWindow(w: TimeWindow, maxSpan: number): TimeWindow {
  let span = Math.min(Math.max(w.to - w.from, MIN_SPAN), Math.max(MIN_SPAN, maxSpan));
  if (!Number.isFinite(span)) span = MIN_SPAN;
  const mid = (w.from + w.to) / 2;
  let from = Number.isFinite(mid) ? mid - span / 2 : 0;
  if (from < 0) from = 0;
  return { from, to: from + span };
}

/** Zooms by `factor` (> 1 zooms in) keeping the time at `anchor` (0..1 across the window) in place. */
export function zoomAt(w: TimeWindow, factor: number, anchor = 0.5): TimeWindow {
  const span = w.to - w.from;
  const t = w.from + span * anchor;
  const next = span / factor;
  return { from: t - next * anchor, to: t + next * (1 - anchor) };
}

/** Pans by a fraction of the window (positive moves later). */
export function pan(w: TimeWindow, fraction: number): TimeWindow {
  const d = (w.to - w.from) * fraction;
  return { from: w.from + d, to: w.to + d };
}

export interface ZoomTransformLike { readonly k: number; readonly x: number }

/**
 * A d3-zoom gesture moved the transform from `prev` to `next`: the content under screen x
 * moved to k·x + b. Returns the window whose content now fills [0, width].
 */
export function applyZoomDelta(w: TimeWindow, prev: ZoomTransformLike, next: ZoomTransformLike, width: number): TimeWindow {
  const k = next.k / prev.k;
  const b = next.x - k * prev.x;
  const span = w.to - w.from;
  const timeAt = (x: number) => w.from + (x / width) * span;
  return { from: timeAt((0 - b) / k), to: timeAt((width - b) / k) };
}

/** "1.5 ms" rather than "1.500 ms": formatDuration without trailing zeros. */
export function shortDuration(ns: number): string {
  return formatDuration(ns).replace(/(\.\d*?)0+ /, '$1 ').replace(/\. /, ' ');
}

/** A duration exactly, with units: "6.970 µs (6,970 ns)" (the ns only when the short form rounds). */
export function exactDuration(ns: number): string {
  const r = Math.round(ns);
  const short = formatDuration(r);
  return r < 1000 ? short : `${short} (${r.toLocaleString('en-US')} ns)`;
}

export interface Tick { readonly t: number; readonly label: string }

/**
 * Axis ticks for a window. Labels are absolute times; when the window is so narrow that they
 * would collide (hours in, nanoseconds apart) the ticks after the first show the offset "+…".
 */
export function axisTicks(w: TimeWindow, count: number): Tick[] {
  const ts = scaleLinear().domain([w.from, w.to]).ticks(Math.max(2, count));
  const labels = ts.map(shortDuration);
  if (new Set(labels).size === labels.length) return ts.map((t, i) => ({ t, label: labels[i] }));
  return ts.map((t, i) => ({ t, label: i === 0 ? shortDuration(t) : `+${shortDuration(t - ts[0])}` }));
}

export interface LaneSummary {
  readonly spans: number;
  /** The non-idle activity that took the most time ('idle' if none). */
  readonly busiest: string;
  /** Activities by share of the window, largest first: "application 92.7%, …". */
  readonly shares: string;
}

/** Summarises one CPU's spans (SPAN records) over a window. */
export function summarizeLane(spans: Float64Array, w: TimeWindow): LaneSummary {
  const total = new Float64Array(ACTIVITY_NAMES.length);
  for (let i = 0; i + SPAN.stride <= spans.length; i += SPAN.stride) {
    const a = spans[i + S.activity];
    if (a >= 0 && a < total.length) total[a] += Math.max(0, spans[i + S.end] - spans[i + S.start]);
  }
  let best = 0;
  for (let a = 1; a < total.length; a++) if (total[a] > total[best] || best === 0 && total[a] > 0) best = a;
  const span = Math.max(1, w.to - w.from);
  const shares = [...total.keys()]
    .filter((a) => total[a] > 0)
    .sort((a, b) => total[b] - total[a])
    .map((a) => `${ACTIVITY_NAMES[a]} ${((100 * total[a]) / span).toFixed(1)}%`)
    .join(', ');
  return { spans: spans.length / SPAN.stride, busiest: ACTIVITY_NAMES[best], shares };
}

/** The index (in SPAN records) of the span containing time t, or -1. Spans are sorted by start. */
export function spanAt(spans: Float64Array, t: number, slack = 0): number {
  const n = spans.length / SPAN.stride, start = (k: number) => spans[k * SPAN.stride + S.start];
  let lo = 0, hi = n - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start(mid) <= t + slack) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0 && spans[found * SPAN.stride + S.end] >= t - slack) return found;
  if (found + 1 < n && start(found + 1) <= t + slack) return found + 1;
  return -1;
}
