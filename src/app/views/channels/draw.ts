/**
 * Draws the Channels canvas: each Linux channel's callers, queue, doorbell and handler, the
 * per-pid channels and the LWK reply channels. Order: shapes, then the moving tokens, then all
 * text (with a halo) on top, so a token never hides a word.
 */
import { ACTIVITY_NAMES } from '../../../engine/node/kinds';
import { formatCpuList } from '../../../engine/config/cpuList';
import type { Frame } from '../../../worker/protocol';
import { channelValue, slotPid } from '../../../worker/frameLayout';
import { ACTIVITY_STYLES, fillFor } from '../../palette';
import { alongPath, slotRect, tokenPath, type Band, type ChannelsLayout } from './layout';
import type { ChannelsModel } from './model';
import { clamp, easeInOut, pidStyle, type ViewTheme } from './shared';
import { drawLabel, fitText, flushLabels, label, measure, resetText, text } from './text';
import { canvasFont, MIN_TEXT_PX } from '../type';

const FLASH_MS = 900;
const PROXY_FILL = '#CC79A7';
const FULL_FILL = '#D55E00';
const IPI_FILL = '#E69F00';

export interface DrawState {
  readonly now: number;
  readonly selected: number | null;
  readonly reduced: boolean;
}

function messageChip(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, pid: number, theme: ViewTheme, dim: boolean, outline: boolean): void {
  const st = pid >= 0 ? pidStyle(pid) : { fill: theme.muted, ink: theme.background, code: '' };
  ctx.globalAlpha = dim ? 0.3 : 1;
  ctx.fillStyle = st.fill;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 2);
  ctx.fill();
  if (outline) {
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  // A letter only where the cell holds the minimum text size (the colour and the tooltip tell the rest).
  if (w >= MIN_TEXT_PX && h >= MIN_TEXT_PX + 2 && st.code) text(ctx, st.code, x + w / 2, y + h / 2 + 0.5, canvasFont(13, { bold: true }), st.ink, 'center');
  ctx.globalAlpha = 1;
}

function arrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1 - 6, y1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 7, y1 - 4);
  ctx.lineTo(x1 - 7, y1 + 4);
  ctx.fill();
}

function bolt(ctx: CanvasRenderingContext2D, x: number, y: number, s: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x + 0.2 * s, y - s);
  ctx.lineTo(x - 0.45 * s, y + 0.1 * s);
  ctx.lineTo(x, y + 0.1 * s);
  ctx.lineTo(x - 0.2 * s, y + s);
  ctx.lineTo(x + 0.45 * s, y - 0.15 * s);
  ctx.lineTo(x, y - 0.15 * s);
  ctx.closePath();
  ctx.fill();
}

function fmtRate(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Caller cells: a call in flight fills the cell with its pid's colour and digit; a sender held by a full channel gets a thick outline. */
function drawCallers(ctx: CanvasRenderingContext2D, band: Band, m: ChannelsModel, theme: ViewTheme, selected: number | null): void {
  for (const c of band.callers) {
    const waiting = m.waitingFull.get(c.cpu);
    const pid = waiting ?? m.inFlight.get(c.cpu);
    if (pid !== undefined) messageChip(ctx, c.x, c.y, c.w, c.h, pid, theme, selected !== null && pid !== selected, pid === selected);
    if (waiting !== undefined) {
      ctx.strokeStyle = FULL_FILL;
      ctx.lineWidth = 2;
      ctx.strokeRect(c.x - 1, c.y - 1, c.w + 2, c.h + 2);
    }
  }
}

function drawBand(ctx: CanvasRenderingContext2D, band: Band, m: ChannelsModel, frame: Frame, theme: ViewTheme, s: DrawState): void {
  const { now, selected, reduced } = s;
  const b = frame.buffers;
  const v = (f: Parameters<typeof channelValue>[2]) => channelValue(b.channels, band.ch, f);
  const cpu = v('syscallCpu'), depth = v('depth'), waiting = v('waiting'), msgs = v('messages'), ipis = v('ipis');
  const right = band.qx + band.cols * band.cw - 2;
  const depthText = `depth ${depth} / ${band.capacity}`;
  const depthFont = canvasFont(13);
  label(depthText, right, band.y + 9, depthFont, theme.muted, 'right', theme.panel);
  // Senders waiting for a slot: counted in the heading, marked on their caller cells.
  const fullAt = m.full.get(band.ch);
  const flashing = fullAt !== undefined && now - fullAt < FLASH_MS;
  if (waiting > 0 || flashing) label(`${waiting} waiting: full ·`, right - measure(ctx, depthText, depthFont) - 5, band.y + 9, canvasFont(13, { bold: true }), FULL_FILL, 'right', theme.panel);
  drawCallers(ctx, band, m, theme, selected);
  for (let idx = 0; idx < band.capacity; idx++) {
    const r = slotRect(band, idx);
    const pid = slotPid(b, band.ch, idx);
    if (pid >= 0) messageChip(ctx, r.x, r.y, r.w, r.h, pid, theme, selected !== null && pid !== selected, pid === selected);
  }
  if (flashing) {
    ctx.strokeStyle = FULL_FILL;
    ctx.lineWidth = 2;
    ctx.strokeRect(band.qx - 2, band.qy - 2, band.cols * band.cw + 2, band.rows * 16 + 2);
  }
  // The doorbell: IPI sent or skipped.
  const d = m.decision.get(band.ch);
  const mid = (band.arrowX0 + band.arrowX1) / 2;
  if (d) {
    const fresh = now < d.at + Math.max(d.dur, FLASH_MS);
    ctx.globalAlpha = fresh ? 1 : 0.5;
    const fill = fresh ? theme.text : theme.muted;
    if (d.kind === 0) {
      // Above the arrow, clear of the IPI marks that fly along it.
      bolt(ctx, mid - 18, band.arrowY - 17, 7, fill);
      label('IPI', mid - 8, band.arrowY - 17, canvasFont(13, { bold: true }), fill, 'left', theme.panel);
    } else {
      ctx.strokeStyle = theme.text;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(mid - 24, band.arrowY - 17, 5, 0, Math.PI * 2);
      ctx.moveTo(mid - 27.5, band.arrowY - 13.5);
      ctx.lineTo(mid - 20.5, band.arrowY - 20.5);
      ctx.stroke();
      label('no IPI', mid - 15, band.arrowY - 17, canvasFont(13, { bold: true }), fill, 'left', theme.panel);
      label(d.kind === 1 ? 'queue non-empty' : 'channel polls', mid, band.arrowY + 17, canvasFont(13), fill, 'center', theme.panel);
    }
    ctx.globalAlpha = 1;
  }
  for (const f of m.ipis) {
    if (f.ch !== band.ch || now < f.start) continue;
    const p = reduced ? 1 : easeInOut(clamp((now - f.start) / f.dur, 0, 1));
    bolt(ctx, band.arrowX0 + (band.arrowX1 - band.arrowX0 - 10) * p + 4, band.arrowY, 8, IPI_FILL);
  }
  // The syscall CPU and its IPI handler.
  const act = b.cpuActivity[cpu] ?? 0;
  const style = ACTIVITY_STYLES[act] ?? ACTIVITY_STYLES[0];
  ctx.fillStyle = fillFor(style, theme);
  ctx.beginPath();
  ctx.roundRect(band.hx, band.hy, band.hw, band.hh, 5);
  ctx.fill();
  const ink = style.fill === 'var-idle' ? theme.text : style.ink;
  label(`CPU ${cpu}`, band.hx + 8, band.hy + 11, canvasFont(13, { bold: true }), ink);
  // What the CPU runs, cut to the box (the tooltip and the table give it whole).
  label(fitText(ctx, `${style.code ? style.code + ' ' : ''}${ACTIVITY_NAMES[act] ?? ''}`, band.hw - 14, canvasFont(13)), band.hx + 8, band.hy + 29, canvasFont(13), ink);
  const g = m.getList.get(band.ch);
  if (g && now - g.at < FLASH_MS * 1.5 && band.hh >= 58) label(`get_list ×${g.n}`, band.hx + 8, band.hy + 47, canvasFont(13, { bold: true }), ink);
  // Who calls into this channel, then its counts (the callers' list is cut to the width).
  const stats = statsLine(band.ch, msgs, ipis);
  const font = canvasFont(13);
  const callers = fitText(ctx, `LWK callers ${formatCpuList(band.callers.map((c) => c.cpu))}`, Math.max(40, band.hx + band.hw - measure(ctx, stats, font) - 14), font);
  label(`${callers} · ${stats}`, 0, band.statsY, font, theme.text, 'left', theme.panel);
}

export function drawChannels(ctx: CanvasRenderingContext2D, l: ChannelsLayout, m: ChannelsModel, frame: Frame, theme: ViewTheme, s: DrawState): void {
  const { now, selected, reduced } = s;
  resetText();
  ctx.textBaseline = 'middle';
  for (const band of l.bands) drawBand(ctx, band, m, frame, theme, s);
  if (m.aggregated(now)) {
    const r = m.rates();
    label(`fast: rates, not single messages · ${fmtRate(r.msgs)} msg/ms, ${fmtRate(r.ipis)} IPI/ms (simulated)`, l.gutterX - 10, l.bands.length ? l.bands[l.bands.length - 1].statsY + 20 : 10, canvasFont(13, { bold: true }), theme.accent, 'right', theme.panel);
  }
  drawPids(ctx, l, m, theme, selected);
  drawLwk(ctx, l, m, frame, theme, now);
  for (const t of m.tokens) {
    if (now < t.start) continue;
    const path = tokenPath(l, t.from, t.to);
    if (path.length === 0) continue;
    const p = reduced ? 1 : easeInOut(clamp((now - t.start) / t.dur, 0, 1));
    const { x, y } = alongPath(path, p);
    const dim = selected !== null && t.pid !== selected;
    if (t.reply) {
      ctx.globalAlpha = dim ? 0.3 : 1;
      ctx.strokeStyle = pidStyle(t.pid).fill;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      ctx.stroke();
      ctx.globalAlpha = 1;
    } else messageChip(ctx, x - 7, y - 6, 14, 12, t.pid, theme, dim, t.pid === selected && selected !== null);
  }
  flushLabels(ctx);
}

function drawPids(ctx: CanvasRenderingContext2D, l: ChannelsLayout, m: ChannelsModel, theme: ViewTheme, selected: number | null): void {
  if (!l.pidBoxes.length) label('no forwarded calls yet', 0, l.pidY + 46, canvasFont(13), theme.muted, 'left', theme.panel);
  for (const p of l.pidBoxes) {
    const st = pidStyle(p.pid);
    const s = m.pidState(p.pid);
    const dim = selected !== null && selected !== p.pid;
    ctx.globalAlpha = dim ? 0.4 : 1;
    ctx.strokeStyle = selected === p.pid ? theme.text : st.fill;
    ctx.lineWidth = selected === p.pid ? 3 : 2;
    ctx.beginPath();
    ctx.roundRect(p.x + 1, p.y + 1, p.w - 2, p.h - 2, 5);
    ctx.stroke();
    messageChip(ctx, p.x + 6, p.y + 6, 14, 13, p.pid, theme, false, false);
    const faded = dim ? theme.muted : theme.text;
    label(`channel[${m.pidText(p.pid)}]`, p.x + 25, p.y + 13, canvasFont(13, { bold: true }), faded, 'left', theme.panel);
    const queued = Math.min(s.pending, Math.floor((p.w - 70) / 9));
    ctx.globalAlpha = dim ? 0.4 : 1;
    for (let k = 0; k < queued; k++) messageChip(ctx, p.x + 6 + k * 9, p.y + 26, 7, 11, p.pid, theme, false, false);
    ctx.globalAlpha = dim ? 0.4 : 1;
    if (s.pending > queued || s.pending === 0) label(s.pending ? `+${s.pending - queued}` : '0 queued', p.x + 6 + queued * 9 + 2, p.y + 32, canvasFont(13), theme.muted, 'left', theme.panel);
    const code = s.serving > 0 ? 'X' : s.pending > 0 ? 'R' : '·';
    const state = s.serving > 0 ? 'run' : s.pending > 0 ? 'ready' : 'idle';
    ctx.fillStyle = s.serving > 0 ? PROXY_FILL : s.pending > 0 ? theme.idle : 'transparent';
    ctx.beginPath();
    ctx.roundRect(p.x + p.w - 56, p.y + 24, 50, 16, 3);
    ctx.fill();
    label(`${code} ${state}`, p.x + p.w - 31, p.y + 32, canvasFont(13, { bold: true }), s.serving > 0 ? '#111111' : faded, 'center');
    ctx.globalAlpha = 1;
  }
}

function drawLwk(ctx: CanvasRenderingContext2D, l: ChannelsLayout, m: ChannelsModel, frame: Frame, theme: ViewTheme, now: number): void {
  for (const c of l.lwkCells) {
    const depth = frame.buffers.lwkDepth[c.cpu];
    const cx = c.x + c.w / 2, cy = c.y + c.h / 2, r = Math.min(c.w, c.h) / 2 - 2;
    const seen = m.replySeenAt.get(c.cpu);
    if (depth > 0) {
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.stroke();
    } else if (seen !== undefined && now >= seen && now - seen < FLASH_MS) {
      ctx.fillStyle = theme.accent;
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = theme.background;
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      ctx.moveTo(cx - r * 0.5, cy);
      ctx.lineTo(cx - r * 0.1, cy + r * 0.45);
      ctx.lineTo(cx + r * 0.55, cy - r * 0.45);
      ctx.stroke();
    }
    const ipiAt = m.replyIpiAt.get(c.cpu);
    if (ipiAt !== undefined && now >= ipiAt && now - ipiAt < FLASH_MS) bolt(ctx, c.x + c.w - 3, c.y + 4, 4, IPI_FILL);
  }
}

const fmtInt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const statsCache = new Map<number, { msgs: number; ipis: number; line: string }>();

/** "n messages · m IPIs · r messages per IPI", formatted only when the counts change. */
function statsLine(ch: number, msgs: number, ipis: number): string {
  const c = statsCache.get(ch);
  if (c && c.msgs === msgs && c.ipis === ipis) return c.line;
  const line = `${fmtInt(msgs)} messages · ${fmtInt(ipis)} IPIs · ${ipis > 0 ? (msgs / ipis).toFixed(2) : '–'} messages per IPI`;
  statsCache.set(ch, { msgs, ipis, line });
  return line;
}

/** Shapes that do not change between frames: empty slots, caller cells, arrows (cached by the view, drawn under everything). */
export function drawBackground(ctx: CanvasRenderingContext2D, l: ChannelsLayout, theme: ViewTheme): void {
  ctx.strokeStyle = theme.border;
  ctx.lineWidth = 1;
  for (const band of l.bands) {
    for (const c of band.callers) ctx.strokeRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1);
    arrow(ctx, band.gridRight + 4, band.qy + 7, band.qx - 3, band.qy + 7, theme.muted);
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    for (let idx = 0; idx < band.capacity; idx++) {
      const r = slotRect(band, idx);
      ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    }
    arrow(ctx, band.arrowX0, band.arrowY, band.arrowX1, band.arrowY, theme.muted);
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
  }
  for (const c of l.lwkCells) ctx.strokeRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1);
}

/** Text that does not change between frames: titles, captions, CPU numbers (cached, drawn over the tokens). */
export function drawBackgroundText(ctx: CanvasRenderingContext2D, l: ChannelsLayout, frame: Frame, theme: ViewTheme): void {
  resetText();
  ctx.textBaseline = 'middle';
  const put = (s: string, x: number, y: number, font: string, fill: string) => drawLabel(ctx, { s, x, y, font, fill, align: 'left', halo: theme.panel });
  for (const band of l.bands) {
    const cpu = channelValue(frame.buffers.channels, band.ch, 'syscallCpu');
    put(`Linux channel ${band.ch} → syscall CPU ${cpu}`, 0, band.y + 9, canvasFont(13, { bold: true }), theme.text);
  }
  put('Per-pid channels → proxies (routed by the IPI handler, then sched_run)', 0, l.pidY + 8, canvasFont(13, { bold: true }), theme.text);
  put('↑ LWK reply channels (per caller CPU):  ◯ reply ready   ✓ reply seen', 0, l.lwkY + 4, canvasFont(13, { bold: true }), theme.text);
  for (const c of l.lwkCells) {
    if (c.cpu % 8 === 0 || c === l.lwkCells[0]) put(String(c.cpu), c.x + 1, c.y + c.h + 8, canvasFont(13), theme.muted);
  }
}
