/** Drawing of the Core partitions canvas: tiles, IPI arcs, the selection. Pure canvas calls, no React. */
import type { Frame } from '../../../worker/protocol';
import { flightAt } from '../../../worker/frameLayout';
import { ACTIVITY_STYLES, fillFor, type Theme } from '../../palette';
import { ENCLAVE_PAD, type CpuLayout, type GroupBox, type TileRect } from '../cpuLayout';
import { IPI_KIND_NAMES } from '../../../engine/node/events';
import { canvasFont } from '../type';

export interface CoreDrawState {
  readonly selectedPid: number | null;
  readonly inspectedCpu: number | null;
  readonly reducedMotion: boolean;
}

/** One colour per IPI purpose (Okabe-Ito), plus a dash pattern so colour is not the only cue. */
const IPI_STYLE: readonly { color: string; dash: number[] }[] = [
  { color: '#E69F00', dash: [] }, // channel doorbell
  { color: '#56B4E9', dash: [6, 3] }, // reply
  { color: '#009E73', dash: [2, 3] }, // wake-up
  { color: '#CC79A7', dash: [8, 3, 2, 3] }, // TLB shootdown
  { color: '#D55E00', dash: [1, 2] }, // signal
];

export function ipiLegend(): { name: string; color: string; dash: number[] }[] {
  return IPI_KIND_NAMES.map((name, i) => ({ name, ...IPI_STYLE[i] }));
}

function center(t: TileRect): [number, number] {
  return [t.x + t.w / 2, t.y + t.h / 2];
}

export function drawCores(ctx: CanvasRenderingContext2D, layout: CpuLayout, tileOf: readonly (TileRect | undefined)[], frame: Frame | null, theme: Theme, st: CoreDrawState, dpr: number, width: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, layout.height + 10);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const g of layout.groups) {
    if (g.enclave) enclaveBoundary(ctx, g, theme);
    ctx.fillStyle = g.enclave ? theme.text : theme.muted;
    ctx.font = canvasFont(14, { bold: true });
    ctx.fillText(g.title, g.x + (g.enclave ? ENCLAVE_PAD + 4 : 0), g.y + (g.enclave ? ENCLAVE_PAD + 12 : 11));
  }
  // A box per core around its SMT siblings, and each socket's label at its first row.
  ctx.strokeStyle = theme.muted;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.55;
  for (const c of layout.cores) {
    ctx.beginPath();
    ctx.roundRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1, 5);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.muted;
  ctx.font = canvasFont(13, { bold: true });
  for (const s of layout.sockets) ctx.fillText(s.text, s.x, s.y);
  for (const t of layout.tiles) drawTile(ctx, t, frame, theme, st);
  if (frame) drawFlights(ctx, tileOf, frame, st.reducedMotion);
}

function drawTile(ctx: CanvasRenderingContext2D, t: TileRect, frame: Frame | null, theme: Theme, st: CoreDrawState): void {
  const act = frame ? frame.buffers.cpuActivity[t.cpu] : 0;
  const pid = frame ? frame.buffers.cpuPid[t.cpu] : -1;
  const style = ACTIVITY_STYLES[act] ?? ACTIVITY_STYLES[0];
  const dimmed = st.selectedPid !== null && pid !== st.selectedPid;
  ctx.globalAlpha = dimmed ? 0.35 : 1;
  ctx.fillStyle = fillFor(style, theme);
  ctx.beginPath();
  ctx.roundRect(t.x, t.y, t.w, t.h, 4);
  ctx.fill();
  ctx.fillStyle = style.fill === 'var-idle' ? theme.text : style.ink;
  ctx.textAlign = 'center';
  ctx.font = canvasFont(t.w * 0.34, { mono: true });
  ctx.fillText(String(t.cpu), t.x + t.w / 2, t.y + t.h * 0.3);
  if (style.code) {
    ctx.font = canvasFont(t.w * 0.34, { bold: true });
    ctx.fillText(style.code, t.x + t.w / 2, t.y + t.h * 0.74);
  }
  ctx.globalAlpha = 1;
  if (st.selectedPid !== null && pid === st.selectedPid) outline(ctx, t, theme.text, 2.5);
  if (st.inspectedCpu === t.cpu) outline(ctx, t, '#E69F00', 3);
}

/** An enclave's boundary: a dashed outline around all its CPUs, its name as the group's title. */
function enclaveBoundary(ctx: CanvasRenderingContext2D, g: GroupBox, theme: Theme): void {
  ctx.strokeStyle = theme.text;
  ctx.lineWidth = 2.5;
  ctx.setLineDash([8, 4]);
  ctx.beginPath();
  ctx.roundRect(g.x + 1.5, g.y + 1.5, g.w - 3, g.h - 3, 8);
  ctx.stroke();
  ctx.setLineDash([]);
}

function outline(ctx: CanvasRenderingContext2D, t: TileRect, color: string, w: number): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = w;
  ctx.beginPath();
  ctx.roundRect(t.x - 2, t.y - 2, t.w + 4, t.h + 4, 6);
  ctx.stroke();
}

/** IPIs as arcs from sender to receiver; a dot shows how far each has travelled in simulated time. */
function drawFlights(ctx: CanvasRenderingContext2D, tileOf: readonly (TileRect | undefined)[], frame: Frame, reducedMotion: boolean): void {
  const f = frame.buffers.flights;
  for (let i = 0; i < frame.flightCount; i++) {
    const { kind, from: fromCpu, to: toCpu, start, end } = flightAt(f, i);
    const from = tileOf[fromCpu], to = tileOf[toCpu];
    if (!from || !to) continue;
    const progress = end > start ? Math.min(1, Math.max(0, (frame.time - start) / (end - start))) : 1;
    const [x0, y0] = center(from);
    const [x1, y1] = center(to);
    const mx = (x0 + x1) / 2, my = Math.min(y0, y1) - Math.max(30, Math.abs(x1 - x0) * 0.25);
    const style = IPI_STYLE[kind] ?? IPI_STYLE[0];
    ctx.strokeStyle = style.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(style.dash);
    ctx.globalAlpha = progress >= 1 ? 0.45 : 0.95;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.quadraticCurveTo(mx, my, x1, y1);
    ctx.stroke();
    ctx.setLineDash([]);
    const p = reducedMotion ? 1 : progress;
    const q = 1 - p;
    const px = q * q * x0 + 2 * q * p * mx + p * p * x1;
    const py = q * q * y0 + 2 * q * p * my + p * p * y1;
    ctx.fillStyle = style.color;
    ctx.beginPath();
    ctx.arc(px, py, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalAlpha = 1;
  }
}

export function tileAt(layout: CpuLayout, x: number, y: number): TileRect | undefined {
  return layout.tiles.find((t) => x >= t.x && x <= t.x + t.w && y >= t.y && y <= t.y + t.h);
}
