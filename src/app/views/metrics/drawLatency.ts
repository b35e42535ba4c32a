/**
 * Syscall latency per route, one row per route of the descriptor table: on the left a 100 % bar
 * of the stages' shares of the mean latency (a linear axis, so proportions read true), on the
 * right the latency itself on a log axis: p50 (circle), p99 (triangle), max (diamond) and the
 * mean (a bar). Colours and letters are the stages' own (STAGES), as in Syscall triage.
 */
import { scaleLog } from 'd3';
import { ROUTES, STAGES } from '../../../engine/descriptors';
import { formatDuration } from '../../../engine/kernel/time';
import { routeValue, stageMean } from '../../../worker/frameLayout';
import type { Theme } from '../../palette';
import { fmtInt } from '../memory/memoryModel';
import { canvasFont } from '../type';

export const LABEL_W = 128;
const ROW_H = 36;
/** Room for the two panels' headings. */
const TOP = 22;
const AXIS_H = 20;
const PANEL_GAP = 28;
const BAR_H = 14;

/** Canvas height for the routes registered now. */
export function latencyHeight(): number {
  return TOP + ROUTES.length * ROW_H + AXIS_H;
}

export interface LatencyLayout {
  /** The 100 % share bars. */
  readonly shareX: number;
  readonly shareW: number;
  /** The log-axis panel. */
  readonly logX0: number;
  readonly logX1: number;
  readonly top: number;
  readonly rowH: number;
}

export function latencyLayout(width: number): LatencyLayout {
  const shareW = Math.max(120, Math.min(300, (width - LABEL_W) * 0.36));
  const logX0 = LABEL_W + shareW + PANEL_GAP;
  return { shareX: LABEL_W, shareW, logX0, logX1: Math.max(logX0 + 40, width - 12), top: TOP, rowH: ROW_H };
}

export interface RouteStats {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly stages: readonly number[];
}

export function routeStats(routes: Float64Array, r: number): RouteStats {
  return {
    count: routeValue(routes, r, 'count'),
    p50: routeValue(routes, r, 'p50'),
    p99: routeValue(routes, r, 'p99'),
    max: routeValue(routes, r, 'max'),
    mean: routeValue(routes, r, 'mean'),
    stages: STAGES.map((_, s) => stageMean(routes, r, s)),
  };
}

export function latencyScale(routes: Float64Array, l: LatencyLayout) {
  let hi = 1000;
  for (let r = 0; r < ROUTES.length; r++) hi = Math.max(hi, routeValue(routes, r, 'max'));
  return scaleLog().domain([10, hi * 1.25]).range([l.logX0, l.logX1]).clamp(true);
}

export const ns = (x: number): string => formatDuration(x < 100 ? Math.round(x * 10) / 10 : Math.round(x));
/** Without trailing zeros: "828 µs", "143.8 µs" (axes and counters). */
export const nsShort = (x: number): string => ns(x).replace(/(\.\d*?)0+ /, '$1 ').replace(/\. /, ' ');

/** Segments of a route's share bar: [stage, x0, x1], linear in each stage's share of the total. */
export function shareSegments(st: RouteStats, x0: number, w: number): [number, number, number][] {
  const total = st.stages.reduce((a, b) => a + b, 0);
  const out: [number, number, number][] = [];
  if (total <= 0) return out;
  let x = x0;
  st.stages.forEach((v, s) => {
    if (v <= 0) return;
    const sw = (w * v) / total;
    out.push([s, x, x + sw]);
    x += sw;
  });
  return out;
}

function axes(ctx: CanvasRenderingContext2D, l: LatencyLayout, x: ReturnType<typeof latencyScale>, theme: Theme, width: number): void {
  const axisY = TOP + ROUTES.length * ROW_H;
  const grid = (px: number) => {
    ctx.strokeStyle = theme.muted;
    ctx.globalAlpha = 0.22;
    ctx.beginPath();
    ctx.moveTo(px, TOP);
    ctx.lineTo(px, axisY);
    ctx.stroke();
    ctx.globalAlpha = 1;
  };
  ctx.font = canvasFont(13, { bold: true });
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillStyle = theme.text;
  ctx.fillText('Share of the mean, by stage', l.shareX, 2);
  ctx.fillText('Latency (log scale)', l.logX0, 2);
  ctx.font = canvasFont(13);
  ctx.fillStyle = theme.muted;
  for (const p of [0, 0.25, 0.5, 0.75, 1]) {
    const px = Math.round(l.shareX + p * l.shareW) + 0.5;
    grid(px);
    // Quarter labels only where they fit ("75%" and "100%" need ~60 px between them).
    if (l.shareW < 240 && (p === 0.25 || p === 0.75)) continue;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = p === 0 ? 'left' : p === 1 ? 'right' : 'center';
    ctx.fillText(`${p * 100}%`, px, axisY + 4);
  }
  ctx.textAlign = 'center';
  const [, hi] = x.domain();
  for (let t = 10; t <= hi; t *= 10) {
    const px = Math.round(x(t)) + 0.5;
    grid(px);
    ctx.fillStyle = theme.muted;
    ctx.fillText(nsShort(t), Math.min(px, width - 28), axisY + 4);
  }
}

export function drawLatency(ctx: CanvasRenderingContext2D, routes: Float64Array, theme: Theme, dpr: number, width: number): void {
  const height = latencyHeight();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const l = latencyLayout(width);
  const x = latencyScale(routes, l);
  const [lo] = x.domain();
  axes(ctx, l, x, theme, width);
  ctx.textBaseline = 'middle';
  ROUTES.forEach((route, r) => {
    const st = routeStats(routes, r);
    const cy = TOP + r * ROW_H + ROW_H / 2;
    ctx.textAlign = 'left';
    ctx.fillStyle = theme.text;
    ctx.font = canvasFont(13.5, { bold: true });
    ctx.fillText(route.short, 0, cy - 8);
    ctx.fillStyle = theme.muted;
    ctx.font = canvasFont(13);
    ctx.fillText(`${fmtInt(st.count)} calls`, 0, cy + 9);
    if (st.count <= 0) {
      ctx.fillText('no calls on this route yet', l.shareX + 4, cy);
      return;
    }
    // The stages' shares: linear, the whole bar is the mean.
    ctx.font = canvasFont(13, { bold: true });
    ctx.textAlign = 'center';
    for (const [s, a, b] of shareSegments(st, l.shareX, l.shareW)) {
      const stage = STAGES[s];
      ctx.fillStyle = stage.colour;
      ctx.fillRect(a, cy - BAR_H / 2, Math.max(1, b - a), BAR_H);
      if (b - a >= stage.letter.length * 9 + 4) {
        ctx.fillStyle = stage.ink;
        ctx.fillText(stage.letter, (a + b) / 2, cy + 0.5);
      }
    }
    // The latency on the log axis: the mean as a bar, p50 to max as a whisker with markers.
    const x0 = x(lo);
    ctx.fillStyle = theme.muted;
    ctx.globalAlpha = 0.45;
    ctx.fillRect(x0, cy - 9, Math.max(2, x(Math.max(lo, st.mean)) - x0), 7);
    ctx.globalAlpha = 1;
    const p50 = x(Math.max(lo, st.p50)), p99 = x(Math.max(lo, st.p99)), mx = x(Math.max(lo, st.max));
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(p50, cy + 6);
    ctx.lineTo(mx, cy + 6);
    ctx.stroke();
    marker(ctx, 'circle', p50, cy + 6, theme);
    marker(ctx, 'triangle', p99, cy + 6, theme);
    marker(ctx, 'diamond', mx, cy + 6, theme);
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

/** Tooltip lines for the route under (px, py), or null; over a share bar, the stage under the pointer is marked. */
export function latencyTooltip(routes: Float64Array, width: number, px: number, py: number): string[] | null {
  const r = Math.floor((py - TOP) / ROW_H);
  if (r < 0 || r >= ROUTES.length) return null;
  const st = routeStats(routes, r);
  const route = ROUTES[r];
  const lines = [`${route.title} (${route.key}): ${fmtInt(st.count)} calls`];
  if (st.count <= 0) return lines;
  lines.push(`p50 ${ns(st.p50)} · p99 ${ns(st.p99)} · max ${ns(st.max)} · mean ${ns(st.mean)}`);
  const l = latencyLayout(width);
  const over = shareSegments(st, l.shareX, l.shareW).find(([, a, b]) => px >= a && px < b)?.[0];
  const total = st.stages.reduce((a, b) => a + b, 0);
  st.stages.forEach((v, s) => {
    if (v > 0) lines.push(`${s === over ? '▸ ' : ''}${STAGES[s].short} [${STAGES[s].letter}]: ${ns(v)} mean (${Math.round((v / total) * 100)}%)`);
  });
  return lines;
}
