/** The moving tokens of the triage view (one per call), or per-route rates at high speed. */
import { clamp, easeInOut, pidStyle, type ViewTheme } from '../channels/shared';
import { columnCenter, columnOfRoute, LANE_H, LANE_Y, triageGeometry, VB_W } from './geometry';
import { TriageModel, type CallToken } from './model';
import { canvasFont } from '../type';

const scratch: TokenPos = { x: 0, y: 0, alpha: 1 };

export interface TokenPos {
  x: number;
  y: number;
  alpha: number;
}

/** Where a call's token is at wall time `now` (viewBox units), or null if not visible. */
export function tokenPos(t: CallToken, now: number, reduced: boolean, out: TokenPos): TokenPos | null {
  const p1 = t.issueAt, p2 = TriageModel.phase2(t), p3 = TriageModel.phase3(t);
  if (now < p1 || now > p3 + t.dur) return null;
  const jx = ((t.jitter * 7.31) % 1) - 0.5;
  const y = LANE_Y + 7 + t.jitter * (LANE_H - 14);
  const g = triageGeometry();
  const colX = (col: number) => columnCenter(g, col) + jx * (g.columns[col].w - 22);
  const prog = (start: number) => (reduced ? 1 : easeInOut(clamp((now - start) / t.dur, 0, 1)));
  const route = t.route < 0 ? 1 : columnOfRoute(t.route);
  let from = 0, to = 1, p = prog(p1), alpha = 1;
  if (now >= p3) {
    from = route;
    to = 0;
    p = prog(p3);
    alpha = 1 - 0.7 * clamp((now - p3) / t.dur, 0, 1);
  } else if (now >= p2) {
    from = 1;
    to = route;
    p = prog(p2);
  }
  out.x = colX(from) + (colX(to) - colX(from)) * p;
  out.y = y;
  out.alpha = alpha;
  return out;
}

function fmtRate(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(1)}k` : x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

export function drawTokens(
  ctx: CanvasRenderingContext2D, m: TriageModel, theme: ViewTheme, now: number, scale: number,
  opts: { reduced: boolean; pid: number | null; name: string; routeBits: number },
): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  if (m.aggregated(now)) {
    const rates = m.rates();
    const max = Math.max(1, ...rates);
    const g = triageGeometry();
    // "1.2k calls/ms" fits a route column (VB_W is about the diagram's width in px).
    ctx.font = canvasFont(14, { bold: true, scale });
    rates.forEach((r, route) => {
      const col = columnOfRoute(route);
      if (!g.columns[col]) return;
      const x = columnCenter(g, col);
      const w = (g.columns[col].w - 20) * (r > 0 ? 0.15 + 0.85 * (Math.log1p(r) / Math.log1p(max)) : 0);
      const hl = opts.name !== '' && (opts.routeBits & (1 << route)) !== 0;
      ctx.fillStyle = hl ? theme.accent : theme.muted;
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x - w / 2, LANE_Y + 6, w, LANE_H - 12);
      ctx.globalAlpha = 1;
      ctx.fillStyle = theme.text;
      ctx.fillText(`${fmtRate(r)} calls/ms`, x, LANE_Y + LANE_H / 2);
    });
    ctx.fillStyle = theme.muted;
    ctx.font = canvasFont(14, { scale });
    ctx.fillText('fast: rates', columnCenter(g, 0), LANE_Y + LANE_H / 2);
    ctx.restore();
    return;
  }
  const r = m.calls.size > 300 ? 3 : 4;
  for (const t of m.calls.values()) {
    const p = tokenPos(t, now, opts.reduced, scratch);
    if (!p) continue;
    const st = pidStyle(t.pid);
    const named = opts.name !== '' && t.name === opts.name;
    const dim = (opts.pid !== null && t.pid !== opts.pid) || (opts.name !== '' && !named);
    ctx.globalAlpha = p.alpha * (dim ? 0.22 : 1);
    ctx.fillStyle = st.fill;
    ctx.beginPath();
    ctx.arc(p.x, p.y, named ? r + 1.5 : r, 0, Math.PI * 2);
    ctx.fill();
    if (named || (opts.pid !== null && t.pid === opts.pid)) {
      ctx.strokeStyle = theme.text;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  ctx.restore();
}

export function nearestToken(m: TriageModel, x: number, y: number, now: number, reduced: boolean): CallToken | null {
  let best: CallToken | null = null, bestD = 49;
  for (const t of m.calls.values()) {
    const p = tokenPos(t, now, reduced, scratch);
    if (!p) continue;
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  return best;
}

export const VIEWBOX_WIDTH = VB_W;
