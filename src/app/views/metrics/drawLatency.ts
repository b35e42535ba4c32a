/**
 * Syscall latency per route on a log time axis: a bar to the mean, split into the stages'
 * shares of it (linear inside the bar), and markers for p50 (circle), p99 (triangle) and
 * max (diamond). Numbers from the frame's routes buffer.
 */
import { scaleLog } from 'd3';
import { ROUTE_NAMES, STAGE_NAMES } from '../../../engine/syscalls/calls';
import { formatDuration } from '../../../engine/kernel/time';
import { ROUTE_STRIDE } from '../../../worker/protocol';
import type { Theme } from '../../palette';
import { fmtInt } from '../memory/memoryModel';

export const ROUTE_LABELS: Readonly<Record<string, string>> = { glibc: 'glibc shim', lwk: 'LWK local', linux: 'Linux (shipped)', osnode: 'OS node' };

/** Paul Tol's colour-blind-safe sets (muted, then bright and light extras), with a letter per stage. */
export const STAGE_STYLES: readonly { fill: string; code: string; ink: string }[] = [
  { fill: '#332288', code: 'i', ink: '#ffffff' }, // intercept
  { fill: '#88CCEE', code: 'q', ink: '#111111' }, // queue
  { fill: '#117733', code: 'I', ink: '#ffffff' }, // IPI
  { fill: '#DDCC77', code: 'h', ink: '#111111' }, // handler
  { fill: '#CC6677', code: 'p', ink: '#111111' }, // proxy scheduling
  { fill: '#44AA99', code: 's', ink: '#111111' }, // service
  { fill: '#999933', code: 'c', ink: '#111111' }, // copy
  { fill: '#882255', code: 'r', ink: '#ffffff' }, // reply
  { fill: '#AA4499', code: 'R', ink: '#ffffff' }, // reply seen
  { fill: '#BBBBBB', code: 'n', ink: '#111111' }, // network
  { fill: '#EE8866', code: 'o', ink: '#111111' }, // OS-node queue
];

export const LABEL_W = 128;
const ROW_H = 32;
const TOP = 4;
const AXIS_H = 20;
export const LATENCY_HEIGHT = TOP + ROUTE_NAMES.length * ROW_H + AXIS_H;

export interface RouteStats {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly stages: readonly number[];
}

export function routeStats(routes: Float64Array, r: number): RouteStats {
  const o = r * ROUTE_STRIDE;
  return {
    count: routes[o] ?? 0,
    p50: routes[o + 1] ?? 0,
    p99: routes[o + 2] ?? 0,
    max: routes[o + 3] ?? 0,
    mean: routes[o + 4] ?? 0,
    stages: STAGE_NAMES.map((_, s) => routes[o + 5 + s] ?? 0),
  };
}

export function latencyScale(routes: Float64Array, width: number) {
  let hi = 1000;
  for (let r = 0; r < ROUTE_NAMES.length; r++) hi = Math.max(hi, routes[r * ROUTE_STRIDE + 3] ?? 0);
  return scaleLog().domain([10, hi * 1.25]).range([LABEL_W, width - 12]).clamp(true);
}

export const ns = (x: number): string => formatDuration(x < 100 ? Math.round(x * 10) / 10 : Math.round(x));
/** Without trailing zeros: "828 µs", "143.8 µs" (axes and counters). */
export const nsShort = (x: number): string => ns(x).replace(/(\.\d*?)0+ /, '$1 ').replace(/\. /, ' ');

/** Segments of a route's mean bar: [stage, x0, x1]. */
function segments(st: RouteStats, x0: number, x1: number): [number, number, number][] {
  const total = st.stages.reduce((a, b) => a + b, 0);
  const out: [number, number, number][] = [];
  if (total <= 0) return out;
  let x = x0;
  st.stages.forEach((v, s) => {
    if (v <= 0) return;
    const w = ((x1 - x0) * v) / total;
    out.push([s, x, x + w]);
    x += w;
  });
  return out;
}

export function drawLatency(ctx: CanvasRenderingContext2D, routes: Float64Array, theme: Theme, dpr: number, width: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, LATENCY_HEIGHT);
  const x = latencyScale(routes, width);
  const [lo, hi] = x.domain();
  const axisY = TOP + ROUTE_NAMES.length * ROW_H;
  // Grid and axis: powers of ten.
  ctx.font = '11px "IBM Plex Sans", sans-serif';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  for (let t = 10; t <= hi; t *= 10) {
    const px = Math.round(x(t)) + 0.5;
    ctx.strokeStyle = theme.muted;
    ctx.globalAlpha = 0.22;
    ctx.beginPath();
    ctx.moveTo(px, TOP);
    ctx.lineTo(px, axisY);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.muted;
    ctx.fillText(nsShort(t), Math.min(px, width - 24), axisY + 4);
  }
  ctx.textBaseline = 'middle';
  ROUTE_NAMES.forEach((name, r) => {
    const st = routeStats(routes, r);
    const cy = TOP + r * ROW_H + ROW_H / 2;
    ctx.textAlign = 'left';
    ctx.fillStyle = theme.text;
    ctx.font = '600 12.5px "IBM Plex Sans", sans-serif';
    ctx.fillText(ROUTE_LABELS[name] ?? name, 0, cy - 7);
    ctx.fillStyle = theme.muted;
    ctx.font = '11px "IBM Plex Sans", sans-serif';
    ctx.fillText(`${fmtInt(st.count)} calls`, 0, cy + 8);
    if (st.count <= 0) {
      ctx.fillText('no calls on this route yet', LABEL_W + 4, cy);
      return;
    }
    const x0 = x(lo);
    const x1 = Math.max(x0 + 2, x(st.mean));
    const segs = segments(st, x0, x1);
    ctx.font = '600 10px "IBM Plex Sans", sans-serif';
    ctx.textAlign = 'center';
    for (const [s, a, b] of segs) {
      const style = STAGE_STYLES[s];
      ctx.fillStyle = style.fill;
      ctx.fillRect(a, cy - 7, Math.max(1, b - a), 14);
      if (b - a >= 13) {
        ctx.fillStyle = style.ink;
        ctx.fillText(style.code, (a + b) / 2, cy + 0.5);
      }
    }
    if (segs.length === 0) {
      ctx.fillStyle = theme.muted;
      ctx.fillRect(x0, cy - 7, x1 - x0, 14);
    }
    // Whisker from p50 to max, then the markers.
    const p50 = x(Math.max(lo, st.p50)), p99 = x(Math.max(lo, st.p99)), mx = x(Math.max(lo, st.max));
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(p50, cy + 11);
    ctx.lineTo(mx, cy + 11);
    ctx.stroke();
    marker(ctx, 'circle', p50, cy + 11, theme);
    marker(ctx, 'triangle', p99, cy + 11, theme);
    marker(ctx, 'diamond', mx, cy + 11, theme);
  });
}

export function marker(ctx: CanvasRenderingContext2D, shape: 'circle' | 'triangle' | 'diamond', x: number, y: number, theme: Theme): void {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(x, y, 4, 0, Math.PI * 2);
  else if (shape === 'triangle') {
    ctx.moveTo(x, y - 5);
    ctx.lineTo(x + 5, y + 4);
    ctx.lineTo(x - 5, y + 4);
  } else {
    ctx.moveTo(x, y - 5.5);
    ctx.lineTo(x + 5, y);
    ctx.lineTo(x, y + 5.5);
    ctx.lineTo(x - 5, y);
  }
  ctx.closePath();
  ctx.fillStyle = theme.text;
  ctx.strokeStyle = theme.panel;
  ctx.lineWidth = 1.5;
  ctx.fill();
  ctx.stroke();
}

/** Tooltip lines for the route under (px, py), or null. */
export function latencyTooltip(routes: Float64Array, width: number, px: number, py: number): string[] | null {
  const r = Math.floor((py - TOP) / ROW_H);
  if (r < 0 || r >= ROUTE_NAMES.length) return null;
  const st = routeStats(routes, r);
  const name = ROUTE_NAMES[r];
  const lines = [`${ROUTE_LABELS[name]} (${name}): ${fmtInt(st.count)} calls`];
  if (st.count <= 0) return lines;
  lines.push(`p50 ${ns(st.p50)} · p99 ${ns(st.p99)} · max ${ns(st.max)} · mean ${ns(st.mean)}`);
  const x = latencyScale(routes, width);
  const over = segments(st, x(10), Math.max(x(10) + 2, x(st.mean))).find(([, a, b]) => px >= a && px < b)?.[0];
  const total = st.stages.reduce((a, b) => a + b, 0);
  st.stages.forEach((v, s) => {
    if (v > 0) lines.push(`${s === over ? '▸ ' : ''}${STAGE_NAMES[s]} [${STAGE_STYLES[s].code}]: ${ns(v)} mean (${Math.round((v / total) * 100)}%)`);
  });
  return lines;
}
