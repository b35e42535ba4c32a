/** Draws the Channels canvas: Linux channel queues, IPIs, per-pid channels and LWK reply channels. */
import { ACTIVITY_NAMES } from '../../../engine/node/kinds';
import type { Frame } from '../../../worker/protocol';
import { channelValue, slotPid, waitingPid } from '../../../worker/frameLayout';
import { ACTIVITY_STYLES, fillFor } from '../../palette';
import { anchorPoint, LEFT, slotRect, type ChannelsLayout } from './layout';
import type { ChannelsModel } from './model';
import { clamp, easeInOut, pidStyle, type ViewTheme } from './shared';

const SANS = '"IBM Plex Sans", sans-serif';
const FLASH_MS = 900;
const PROXY_FILL = '#CC79A7';
const FULL_FILL = '#D55E00';

export interface DrawState {
  readonly now: number;
  readonly selected: number | null;
  readonly reduced: boolean;
}

/** The font last set by text() (setting ctx.font parses the string: skip it when unchanged). */
let lastFont = '';

function text(ctx: CanvasRenderingContext2D, s: string, x: number, y: number, font: string, fill: string, align: CanvasTextAlign = 'left'): void {
  if (font !== lastFont) {
    ctx.font = font;
    lastFont = font;
  }
  ctx.fillStyle = fill;
  ctx.textAlign = align;
  ctx.fillText(s, x, y);
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
  if (w >= 10 && st.code) text(ctx, st.code, x + w / 2, y + h / 2 + 0.5, `600 ${Math.min(10, h - 3)}px ${SANS}`, st.ink, 'center');
  ctx.globalAlpha = 1;
}

function arrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string): void {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
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

export function drawChannels(ctx: CanvasRenderingContext2D, l: ChannelsLayout, m: ChannelsModel, frame: Frame, theme: ViewTheme, s: DrawState): void {
  const { now, selected, reduced } = s;
  const b = frame.buffers;
  const agg = m.aggregated(now);
  lastFont = '';
  ctx.textBaseline = 'middle';
  for (const band of l.bands) {
    const v = (f: Parameters<typeof channelValue>[2]) => channelValue(b.channels, band.ch, f);
    const cpu = v('syscallCpu'), depth = v('depth'), waiting = v('waiting'), msgs = v('messages'), ipis = v('ipis');
    text(ctx, `depth ${depth} / ${band.capacity}`, band.qx + band.cols * band.cw - 2, band.y + 9, `12px ${SANS}`, theme.muted, 'right');
    // Senders waiting for a slot.
    const fullAt = m.full.get(band.ch);
    if (waiting > 0 || (fullAt !== undefined && now - fullAt < FLASH_MS)) {
      text(ctx, `${waiting} waiting: full`, 0, band.qy + 24, `600 11px ${SANS}`, FULL_FILL);
      for (let k = 0; k < Math.min(waiting, 12); k++) {
        const pid = waitingPid(b, band.ch, k);
        messageChip(ctx, (k % 6) * 14, band.qy + 34 + Math.floor(k / 6) * 14, 12, 12, pid, theme, selected !== null && pid !== selected, pid === selected);
      }
    }
    // The queue's slots.
    for (let idx = 0; idx < band.capacity; idx++) {
      const r = slotRect(band, idx);
      const pid = slotPid(b, band.ch, idx);
      if (pid >= 0) messageChip(ctx, r.x, r.y, r.w, r.h, pid, theme, selected !== null && pid !== selected, pid === selected);
    }
    if (fullAt !== undefined && now - fullAt < FLASH_MS) {
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
      if (d.kind === 0) {
        bolt(ctx, mid - 18, band.arrowY - 13, 7, fresh ? theme.text : theme.muted);
        text(ctx, 'IPI', mid - 8, band.arrowY - 13, `600 12px ${SANS}`, theme.text);
      } else {
        ctx.strokeStyle = theme.text;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.arc(mid - 24, band.arrowY - 13, 5, 0, Math.PI * 2);
        ctx.moveTo(mid - 27.5, band.arrowY - 9.5);
        ctx.lineTo(mid - 20.5, band.arrowY - 16.5);
        ctx.stroke();
        text(ctx, 'no IPI', mid - 15, band.arrowY - 13, `600 12px ${SANS}`, theme.text);
        text(ctx, d.kind === 1 ? 'queue non-empty' : 'channel polls', mid, band.arrowY + 12, `11px ${SANS}`, theme.text, 'center');
      }
      ctx.globalAlpha = 1;
    }
    for (const f of m.ipis) {
      if (f.ch !== band.ch || now < f.start) continue;
      const p = reduced ? 1 : easeInOut(clamp((now - f.start) / f.dur, 0, 1));
      bolt(ctx, band.arrowX0 + (band.arrowX1 - band.arrowX0 - 10) * p + 4, band.arrowY, 8, '#E69F00');
    }
    // The syscall CPU and its IPI handler.
    const act = b.cpuActivity[cpu] ?? 0;
    const style = ACTIVITY_STYLES[act] ?? ACTIVITY_STYLES[0];
    ctx.fillStyle = fillFor(style, theme);
    ctx.beginPath();
    ctx.roundRect(band.hx, band.hy, band.hw, band.hh, 5);
    ctx.fill();
    const ink = style.fill === 'var-idle' ? theme.text : style.ink;
    text(ctx, `CPU ${cpu}`, band.hx + 8, band.hy + 11, `600 12px ${SANS}`, ink);
    text(ctx, `${style.code ? style.code + ' ' : ''}${ACTIVITY_NAMES[act] ?? ''}`, band.hx + 8, band.hy + 26, `11px ${SANS}`, ink);
    const g = m.getList.get(band.ch);
    if (g && now - g.at < FLASH_MS * 1.5 && band.hh >= 44) text(ctx, `get_list ×${g.n}`, band.hx + 8, band.hy + 40, `600 11px ${SANS}`, ink);
    text(ctx, statsLine(band.ch, msgs, ipis), 0, band.statsY, `12px ${SANS}`, theme.text);
  }
  if (agg) {
    const r = m.rates();
    text(ctx, `fast: rates, not single messages · ${fmtRate(r.msgs)} msg/ms, ${fmtRate(r.ipis)} IPI/ms (simulated)`, l.width, l.bands.length ? l.bands[l.bands.length - 1].statsY + 14 : 10, `600 11px ${SANS}`, theme.accent, 'right');
  }
  drawPids(ctx, l, m, theme, selected);
  drawLwk(ctx, l, m, frame, theme, now);
  for (const t of m.tokens) {
    if (now < t.start) continue;
    const a = anchorPoint(l, t.from), z = anchorPoint(l, t.to);
    if (!a || !z) continue;
    const p = reduced ? 1 : easeInOut(clamp((now - t.start) / t.dur, 0, 1));
    const x = a.x + (z.x - a.x) * p, y = a.y + (z.y - a.y) * p;
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
}

function drawPids(ctx: CanvasRenderingContext2D, l: ChannelsLayout, m: ChannelsModel, theme: ViewTheme, selected: number | null): void {
  if (!l.pidBoxes.length) text(ctx, 'no forwarded calls yet', 0, l.pidY + 30, `12px ${SANS}`, theme.muted);
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
    ctx.globalAlpha = dim ? 0.4 : 1;
    text(ctx, `channel[${p.pid}]`, p.x + 25, p.y + 13, `600 12px ${SANS}`, theme.text);
    const queued = Math.min(s.pending, Math.floor((p.w - 70) / 9));
    for (let k = 0; k < queued; k++) messageChip(ctx, p.x + 6 + k * 9, p.y + 26, 7, 11, p.pid, theme, false, false);
    ctx.globalAlpha = dim ? 0.4 : 1;
    if (s.pending > queued || s.pending === 0) text(ctx, s.pending ? `+${s.pending - queued}` : '0 queued', p.x + 6 + queued * 9 + 2, p.y + 32, `11px ${SANS}`, theme.muted);
    const code = s.serving > 0 ? 'X' : s.pending > 0 ? 'R' : '·';
    const label = s.serving > 0 ? 'run' : s.pending > 0 ? 'ready' : 'idle';
    ctx.fillStyle = s.serving > 0 ? PROXY_FILL : s.pending > 0 ? theme.idle : 'transparent';
    ctx.beginPath();
    ctx.roundRect(p.x + p.w - 56, p.y + 24, 50, 16, 3);
    ctx.fill();
    text(ctx, `${code} ${label}`, p.x + p.w - 31, p.y + 32, `600 11px ${SANS}`, s.serving > 0 ? '#111111' : theme.text, 'center');
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
    if (ipiAt !== undefined && now >= ipiAt && now - ipiAt < FLASH_MS) bolt(ctx, c.x + c.w - 3, c.y + 4, 4, '#E69F00');
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

/** What does not change between frames: titles, empty slots, arrows, cell outlines (cached by the view). */
export function drawBackground(ctx: CanvasRenderingContext2D, l: ChannelsLayout, frame: Frame, theme: ViewTheme): void {
  lastFont = '';
  ctx.textBaseline = 'middle';
  for (const band of l.bands) {
    const cpu = channelValue(frame.buffers.channels, band.ch, 'syscallCpu');
    text(ctx, `Linux channel ${band.ch} → syscall CPU ${cpu}`, 0, band.y + 9, `600 13px ${SANS}`, theme.text);
    text(ctx, 'LWK callers', 0, band.qy + 7, `12px ${SANS}`, theme.muted);
    arrow(ctx, 70, band.qy + 7, LEFT - 4, band.qy + 7, theme.muted);
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    for (let idx = 0; idx < band.capacity; idx++) {
      const r = slotRect(band, idx);
      ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    }
    arrow(ctx, band.arrowX0, band.arrowY, band.arrowX1, band.arrowY, theme.muted);
  }
  text(ctx, 'Per-pid channels → proxies (routed by the IPI handler, then sched_run)', 0, l.pidY + 8, `600 13px ${SANS}`, theme.text);
  text(ctx, 'LWK reply channels (per caller CPU):  ◯ reply ready   ✓ reply seen', 0, l.lwkY + 8, `600 13px ${SANS}`, theme.text);
  for (const c of l.lwkCells) {
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1);
    if (c.cpu % 8 === 0 || c === l.lwkCells[0]) text(ctx, String(c.cpu), c.x + 1, c.y + c.h + 8, `10px ${SANS}`, theme.muted);
  }
}
