/**
 * Drawing the timeline. Spans and flow arrows of one worker reply are rendered once, into an
 * offscreen canvas at the reply's own scale; every screen draw then places that bitmap under
 * the window shown (so zoom, pan and following the present cost one blit until the next reply),
 * with the group headers, lane labels, the "now" line and the time axis on top.
 */
import { ACTIVITY_STYLES } from '../../palette';
import { isVectorContext } from '../vectorContext';
import type { TimelineReply } from '../../../worker/protocol';
import { FLOW, SPAN } from '../../../worker/frameLayout';
import { flowEnd, HEADER_H, headerText, type LaneLayout } from './lanes';
import { canvasFont } from '../type';
import { axisTicks, type TimeWindow } from './window';

const S = SPAN.field;

export const GUTTER = 46;
const MAX_FLOW_HEADS = 600;

export interface TimelineTheme {
  readonly bg: string;
  readonly panel: string;
  readonly border: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
}

export function readTimelineTheme(el: Element): TimelineTheme {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg', '#fff'),
    panel: v('--panel', '#f5f6f8'),
    border: v('--border', '#d0d5dc'),
    text: v('--text', '#16191d'),
    muted: v('--muted', '#4a5360'),
    accent: v('--accent', '#0072b2'),
  };
}

/**
 * Forwarded-call arrows: a colour no activity uses (Paul Tol's vibrant magenta), drawn over a
 * halo of the background, so they never read as IPIs (black) or as a span.
 */
export const FLOW_COLOUR = '#EE3377';
/** Dashes of an arrow with an end in a folded group's "+N" strip (a CPU without a lane). */
export const FOLDED_DASH = [6, 4];
/** Arrows are drawn for every process only when they are at least this far apart on average (px). */
export const MIN_FLOW_GAP_PX = 8;

/** Which forwarded calls get an arrow: all when they can be told apart, else the selected process's. */
export type FlowsShown = 'all' | 'selected' | 'none';
export function flowsShown(flows: number, widthPx: number, selectedPid: number | null): FlowsShown {
  if (flows <= MAX_FLOW_HEADS && widthPx / flows >= MIN_FLOW_GAP_PX) return 'all';
  return selectedPid !== null ? 'selected' : 'none';
}

/** The palette's black (IPI) would vanish on a dark background: it takes the text colour instead. */
export function fillOf(act: number, theme: TimelineTheme): { fill: string; ink: string } {
  const style = ACTIVITY_STYLES[act];
  if (!style) return { fill: theme.muted, ink: theme.bg };
  return style.fill === '#000000' ? { fill: theme.text, ink: theme.bg } : { fill: style.fill, ink: style.ink };
}

/** Vertical extent of the coloured bar inside a lane (a 1 px gap between lanes tall enough). */
export function barOf(y: number, h: number): { y: number; h: number } {
  return h >= 6 ? { y: y + 1, h: h - 1 } : { y, h };
}

/** Arrows drawn: between two lanes, and with an end in a folded group's strip. */
export interface FlowCounts { readonly lanes: number; readonly folded: number }
const NO_FLOWS: FlowCounts = { lanes: 0, folded: 0 };

/**
 * Renders a reply's spans and flows into `off` (CSS width `width`, height of the lanes area).
 * Other processes' spans are dimmed while a pid is selected. Returns the width used (device px)
 * and the arrows drawn.
 */
export function renderReply(
  off: HTMLCanvasElement, reply: TimelineReply, layout: LaneLayout, theme: TimelineTheme, width: number, dpr: number, selectedPid: number | null,
): { pxWidth: number; flows: FlowCounts } {
  const pxW = Math.max(1, Math.round(width * dpr)), pxH = Math.max(1, Math.round(layout.lanesBottom * dpr));
  // Resizing a canvas costs milliseconds and follow mode's width varies a little with every
  // reply: the bitmap only grows (in steps of 256 px) and the part in use is `pxW` wide.
  const needW = Math.ceil(pxW / 256) * 256;
  if (off.width < pxW || off.width > 2 * needW) off.width = needW;
  if (off.height !== pxH) off.height = pxH;
  const ctx = off.getContext('2d');
  if (!ctx) return { pxWidth: 0, flows: NO_FLOWS };
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, Math.min(off.width, pxW + 2), pxH);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { pxWidth: pxW, flows: paintReply(ctx, reply, layout, theme, width, selectedPid) };
}

/** A reply's spans, letters and flows at CSS-pixel scale, `width` wide (the offscreen bitmap, or an export's vectors). */
function paintReply(ctx: CanvasRenderingContext2D, reply: TimelineReply, layout: LaneLayout, theme: TimelineTheme, width: number, selectedPid: number | null): FlowCounts {
  const span = Math.max(1, reply.to - reply.from);
  const sx = width / span;
  // Two passes when a pid is selected: the others dimmed, then the selected one on top.
  const passes: Array<(pid: number) => boolean> = selectedPid === null ? [() => true] : [(p) => p !== selectedPid, (p) => p === selectedPid];
  passes.forEach((match, pass) => {
    ctx.globalAlpha = selectedPid !== null && pass === 0 ? 0.22 : 1;
    for (let act = 1; act < ACTIVITY_STYLES.length; act++) {
      ctx.fillStyle = fillOf(act, theme).fill;
      // fillRect on whole pixels: the fast path of a software canvas (a path of many rects is not).
      for (const lane of layout.lanes) {
        const s = reply.spans[lane.cpu];
        if (!s) continue;
        const bar = barOf(lane.y, lane.h);
        for (let i = 0; i < s.length; i += SPAN.stride) {
          if (s[i + S.activity] !== act || !match(s[i + S.pid])) continue;
          const x0 = Math.floor((s[i + S.start] - reply.from) * sx);
          const x1 = Math.max(x0 + 1, Math.round((s[i + S.end] - reply.from) * sx));
          ctx.fillRect(x0, bar.y, x1 - x0, bar.h);
        }
      }
    }
  });
  ctx.globalAlpha = 1;
  drawLetters(ctx, reply, layout, theme, sx, selectedPid);
  const shown = flowsShown(reply.flows.length / FLOW.stride, width, selectedPid);
  return shown === 'none' ? NO_FLOWS : drawFlows(ctx, reply, layout, theme, sx, shown === 'all' ? null : selectedPid, shown === 'selected');
}

function drawLetters(ctx: CanvasRenderingContext2D, reply: TimelineReply, layout: LaneLayout, theme: TimelineTheme, sx: number, selectedPid: number | null): void {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const lane of layout.lanes) {
    if (lane.h < 15) continue;
    const s = reply.spans[lane.cpu];
    if (!s) continue;
    ctx.font = canvasFont(13, { bold: true });
    for (let i = 0; i < s.length; i += SPAN.stride) {
      const w = (s[i + S.end] - s[i + S.start]) * sx;
      const act = s[i + S.activity];
      const style = ACTIVITY_STYLES[act];
      if (w < 13 || !style?.code) continue;
      ctx.globalAlpha = selectedPid !== null && s[i + S.pid] !== selectedPid ? 0.35 : 1;
      ctx.fillStyle = fillOf(act, theme).ink;
      ctx.fillText(style.code, (s[i + S.start] - reply.from) * sx + w / 2, lane.y + lane.h / 2 + 0.5);
    }
  }
  ctx.globalAlpha = 1;
}

/**
 * Arrows from the caller's CPU at issue time to the serving CPU at serve time. An end on a CPU
 * without a lane (its group folded) goes to the group's "+N" strip, and the arrow is dashed, so
 * calls leaving hidden LWK CPUs stay visible.
 */
function drawFlows(ctx: CanvasRenderingContext2D, reply: TimelineReply, layout: LaneLayout, theme: TimelineTheme, sx: number, selectedPid: number | null, onlySelected: boolean): FlowCounts {
  const f = reply.flows;
  const n = f.length / FLOW.stride, F = FLOW.field;
  if (n === 0) return NO_FLOWS;
  const heads = n <= MAX_FLOW_HEADS;
  const counts = { lanes: 0, folded: 0 };
  // Each arrow's ends once: y of the caller's and server's lane or strip (NaN: a CPU in no group), folded or not.
  const y0 = new Float64Array(n), y1 = new Float64Array(n), folded = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = i * FLOW.stride;
    const a = flowEnd(layout, f[k + F.callerCpu]), b = flowEnd(layout, f[k + F.serverCpu]);
    y0[i] = a ? a.y : NaN;
    y1[i] = b ? b.y : NaN;
    folded[i] = a?.folded || b?.folded ? 1 : 0;
  }
  for (const selected of onlySelected ? [true] : selectedPid === null ? [false] : [false, true]) {
    ctx.globalAlpha = selected ? 1 : selectedPid !== null ? 0.25 : 0.9;
    for (const dashed of [0, 1]) {
      ctx.beginPath();
      const tips: [number, number, number, number][] = [];
      let drawn = 0;
      for (let i = 0; i < n; i++) {
        const k = i * FLOW.stride;
        if ((selectedPid !== null && f[k + F.pid] === selectedPid) !== selected) continue;
        if (folded[i] !== dashed || Number.isNaN(y0[i]) || Number.isNaN(y1[i])) continue;
        const x0 = (f[k + F.issueTime] - reply.from) * sx, x1 = (f[k + F.serveTime] - reply.from) * sx;
        ctx.moveTo(x0, y0[i]);
        ctx.lineTo(x1, y1[i]);
        if (heads) tips.push([x0, y0[i], x1, y1[i]]);
        drawn++;
      }
      if (drawn === 0) continue;
      if (dashed) counts.folded += drawn;
      else counts.lanes += drawn;
      // A halo of the background under the arrow, then the arrow (dashed when an end is in a strip).
      ctx.setLineDash([]);
      ctx.strokeStyle = theme.bg;
      ctx.lineWidth = 4;
      ctx.stroke();
      if (dashed) ctx.setLineDash(FOLDED_DASH);
      ctx.strokeStyle = FLOW_COLOUR;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of tips) arrowHead(ctx, x0, y0, x1, y1);
      ctx.fillStyle = FLOW_COLOUR;
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  return counts;
}

function arrowHead(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  const a = Math.atan2(y1 - y0, x1 - x0), len = 8, spread = 0.5;
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - len * Math.cos(a - spread), y1 - len * Math.sin(a - spread));
  ctx.lineTo(x1 - len * Math.cos(a + spread), y1 - len * Math.sin(a + spread));
  ctx.closePath();
}

export interface Scene {
  readonly layout: LaneLayout;
  readonly theme: TimelineTheme;
  readonly width: number;
  readonly dpr: number;
  readonly view: TimeWindow;
  /** The offscreen bitmap and the window it covers, or null before the first reply. */
  readonly bitmap: { readonly canvas: HTMLCanvasElement; readonly pxWidth: number; readonly from: number; readonly to: number } | null;
  readonly now: number;
  readonly inspectedCpu: number | null;
  readonly selectedLanes: ReadonlySet<number>;
  readonly hover: { readonly cpu: number; readonly start: number; readonly end: number } | null;
  /** Which forwarded calls the bitmap shows arrows for (a note says why when not all). */
  readonly flows: FlowsShown;
  /** The selected process: the headers of its groups are marked. */
  readonly selectedPid: number | null;
  /** For a vector context (an export): the reply the bitmap was made from, drawn as shapes instead. */
  readonly reply?: { readonly reply: TimelineReply; readonly selectedPid: number | null } | null;
}

export function drawScene(ctx: CanvasRenderingContext2D, sc: Scene): void {
  const { layout, theme, width, dpr, view } = sc;
  const laneW = Math.max(1, width - GUTTER);
  const sx = laneW / Math.max(1, view.to - view.from);
  const xOf = (t: number) => GUTTER + (t - view.from) * sx;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, layout.height);
  ctx.textBaseline = 'middle';
  // Group headers (those of the selected process's groups marked), and the "+N" strips of folded groups.
  for (const g of layout.groups) {
    if (sc.selectedPid !== null && g.pids.includes(sc.selectedPid)) {
      ctx.fillStyle = theme.accent;
      ctx.globalAlpha = 0.18;
      ctx.fillRect(0, g.y, width, HEADER_H - 1);
      ctx.globalAlpha = 1;
    }
    if (g.moreY >= 0) drawMoreStrip(ctx, sc, g.moreY, g.laneH, g.count - g.shown);
    ctx.fillStyle = theme.border;
    ctx.fillRect(0, g.y + HEADER_H - 1, width, 1);
    ctx.fillStyle = g.shown < g.count || g.expanded ? theme.text : theme.muted;
    ctx.font = canvasFont(13, { bold: true });
    ctx.textAlign = 'left';
    ctx.fillText(headerText(g), 2, g.y + HEADER_H / 2);
  }
  if (sc.flows === 'none' || sc.flows === 'selected') {
    ctx.fillStyle = theme.muted;
    ctx.font = canvasFont(13);
    ctx.textAlign = 'right';
    ctx.fillText(sc.flows === 'none' ? 'arrows: zoom in or select a process' : 'arrows: the selected process only', width - 2, HEADER_H / 2);
  }
  // Lane baselines, the inspected and the selected process's lanes.
  for (const lane of layout.lanes) {
    const highlight = lane.cpu === sc.inspectedCpu || sc.selectedLanes.has(lane.cpu);
    if (highlight) {
      ctx.fillStyle = theme.accent;
      ctx.globalAlpha = lane.cpu === sc.inspectedCpu ? 0.22 : 0.1;
      ctx.fillRect(0, lane.y, width, lane.h);
      ctx.globalAlpha = 1;
    } else if (lane.h >= 4) {
      ctx.fillStyle = theme.border;
      ctx.fillRect(GUTTER, lane.y + Math.floor(lane.h / 2), laneW, 1);
    }
  }
  const ticks = axisTicks(view, Math.max(2, Math.floor(laneW / 110)));
  ctx.fillStyle = theme.border;
  for (const t of ticks) ctx.fillRect(Math.round(xOf(t.t)), 0, 1, layout.lanesBottom);
  // The reply's bitmap, placed under the window shown.
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER, 0, laneW, layout.lanesBottom);
  ctx.clip();
  if (sc.reply && isVectorContext(ctx)) {
    const r = sc.reply.reply;
    const x0 = xOf(r.from), x1 = xOf(r.to);
    ctx.translate(x0, 0);
    paintReply(ctx, r, layout, theme, Math.max(1, x1 - x0), sc.reply.selectedPid);
    ctx.translate(-x0, 0);
  } else if (sc.bitmap && sc.bitmap.pxWidth > 0) {
    const x0 = xOf(sc.bitmap.from), x1 = xOf(sc.bitmap.to);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(sc.bitmap.canvas, 0, 0, sc.bitmap.pxWidth, sc.bitmap.canvas.height, x0, 0, x1 - x0, layout.lanesBottom);
  }
  if (sc.now >= view.from && sc.now <= view.to) {
    ctx.fillStyle = theme.accent;
    ctx.fillRect(Math.round(xOf(sc.now)) - 1, 0, 2, layout.lanesBottom);
  }
  if (sc.hover) {
    const li = layout.laneOf[sc.hover.cpu];
    if (li >= 0) {
      const lane = layout.lanes[li];
      ctx.strokeStyle = theme.text;
      ctx.lineWidth = 1.5;
      const x0 = xOf(sc.hover.start), x1 = xOf(sc.hover.end);
      ctx.strokeRect(x0 - 1, lane.y - 1, Math.max(2, x1 - x0 + 2), lane.h + 2);
    }
  }
  ctx.restore();
  drawLaneLabels(ctx, sc);
  drawAxis(ctx, sc, ticks.map((t) => ({ x: xOf(t.t), label: t.label })));
}

/** The strip standing for a folded group's hidden CPUs: "+N" in the gutter, a tinted band (arrows to them end here). */
function drawMoreStrip(ctx: CanvasRenderingContext2D, sc: Scene, y: number, h: number, hidden: number): void {
  const { theme, width } = sc;
  ctx.fillStyle = theme.panel;
  ctx.fillRect(GUTTER, y + 1, width - GUTTER, h - 2);
  ctx.fillStyle = theme.muted;
  ctx.font = canvasFont(13, { mono: true, bold: true });
  ctx.textAlign = 'right';
  ctx.fillText(`+${hidden}`, GUTTER - 6, y + h / 2);
  ctx.font = canvasFont(13);
  ctx.textAlign = 'left';
  ctx.fillText(`${hidden} more CPU${hidden === 1 ? '' : 's'} (click to show) · dashed arrows start or end on one of them`, GUTTER + 6, y + h / 2);
}

function drawLaneLabels(ctx: CanvasRenderingContext2D, sc: Scene): void {
  const { layout, theme } = sc;
  ctx.textAlign = 'right';
  // Every lane drawn is labelled (lanes are at least MIN_LANE tall).
  for (const lane of layout.lanes) {
    const highlight = lane.cpu === sc.inspectedCpu || sc.selectedLanes.has(lane.cpu);
    ctx.font = canvasFont(13, { mono: true, bold: highlight });
    ctx.fillStyle = highlight ? theme.text : theme.muted;
    ctx.fillText(String(lane.cpu), GUTTER - 6, lane.y + lane.h / 2);
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, sc: Scene, ticks: { x: number; label: string }[]): void {
  const { layout, theme, width } = sc;
  const y = layout.lanesBottom;
  ctx.fillStyle = theme.muted;
  ctx.fillRect(GUTTER, y, width - GUTTER, 1);
  ctx.font = canvasFont(13, { mono: true });
  ctx.textBaseline = 'top';
  let lastRight = -Infinity;
  for (const t of ticks) {
    ctx.fillRect(Math.round(t.x), y, 1, 5);
    const w = ctx.measureText(t.label).width;
    const left = Math.min(width - w, Math.max(GUTTER, t.x - w / 2));
    if (left < lastRight + 8) continue;
    ctx.textAlign = 'left';
    ctx.fillText(t.label, left, y + 7);
    lastRight = left + w;
  }
  ctx.textBaseline = 'middle';
}
