/**
 * Geometry of the Channels canvas (CSS pixels) and hit testing. Each Linux channel is a band:
 * its callers (the LWK CPUs whose group it serves) as a grid on the left, the queue's slots, the
 * doorbell arrow and the syscall CPU's handler on the right. Tokens in flight travel in lanes
 * of their own (`tokenPath`): along the doorbell arrow, down a gutter at the right of the
 * handler boxes, along a row above the pid boxes and one below them; no text lies on a lane.
 */
import type { NodeConfig } from '../../../engine/config/nodeConfig';
import { Role } from '../../../engine/node/kinds';
import type { Frame } from '../../../worker/protocol';
import { channelCount, channelValue } from '../../../worker/frameLayout';
import type { Anchor } from './model';

/** Room between the queue and the handler: the doorbell arrow, 'no IPI' above it, 'queue non-empty' below. */
const ARROW = 128;
const HANDLER_W = 124;
/** The lane at the right of the handler boxes, down to the pid boxes. */
const GUTTER_W = 14;
const CELL_H = 14;
const GAP = 2;
/** Caller cells: size and pitch. */
const CALLER = 12;
const CALLER_PITCH = 14;
/** Room between the caller grid and the queue (an arrow). */
const CALLER_GAP = 22;
/** The caption under the caller grid. */
const CAPTION_H = 0;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface CallerCell extends Rect {
  readonly cpu: number;
}

export interface Band {
  readonly ch: number;
  readonly y: number;
  readonly qx: number;
  readonly qy: number;
  readonly cols: number;
  readonly rows: number;
  readonly cw: number;
  readonly capacity: number;
  readonly hx: number;
  readonly hy: number;
  readonly hw: number;
  readonly hh: number;
  readonly arrowX0: number;
  readonly arrowX1: number;
  readonly arrowY: number;
  readonly statsY: number;
  /** The LWK CPUs that send to this channel, one cell each. */
  readonly callers: readonly CallerCell[];
  /** Right edge of the caller grid. */
  readonly gridRight: number;
}

export interface ChannelsLayout {
  readonly width: number;
  /** Left edge of the queues. */
  readonly left: number;
  readonly bands: Band[];
  readonly pidY: number;
  readonly pidBoxes: { pid: number; x: number; y: number; w: number; h: number }[];
  /** The token lanes: the right gutter (x), the row above the pid boxes and the row below them (y). */
  readonly gutterX: number;
  readonly pidLaneY: number;
  readonly replyLaneY: number;
  /** The LWK reply channels' title, under their cells. */
  readonly lwkY: number;
  readonly lwkCells: { cpu: number; x: number; y: number; w: number; h: number }[];
  readonly height: number;
}

/** The LWK CPUs whose system calls go to the channel of `syscallCpu`. */
export function callersOf(config: NodeConfig, syscallCpu: number): number[] {
  const out: number[] = [];
  config.roles.forEach((role, cpu) => role === Role.Lwk && config.syscallCpuOf[cpu] === syscallCpu && out.push(cpu));
  return out;
}

/** Columns of the caller grids: about four rows, within a bounded share of the width. */
function callerColumns(width: number, most: number): number {
  const room = Math.floor((Math.max(100, Math.min(260, width * 0.28)) - 4) / CALLER_PITCH);
  return Math.max(1, Math.min(Math.ceil(most / 4), room));
}

export function layoutChannels(width: number, frame: Frame | null, pids: readonly number[], config: NodeConfig): ChannelsLayout {
  const bands: Band[] = [];
  let y = 2;
  const n = frame ? channelCount(frame.buffers.channels) : 0;
  const groups = Array.from({ length: n }, (_, ch) => callersOf(config, channelValue(frame!.buffers.channels, ch, 'syscallCpu')));
  const gcols = callerColumns(width, Math.max(1, ...groups.map((g) => g.length)));
  const left = gcols * CALLER_PITCH + CALLER_GAP;
  const qw = Math.max(120, width - left - ARROW - HANDLER_W - GUTTER_W);
  for (let ch = 0; ch < n; ch++) {
    const capacity = Math.max(1, channelValue(frame!.buffers.channels, ch, 'capacity'));
    // As few rows as cells of at least 16 px allow (at most 6), filled evenly.
    const rows = Math.min(6, Math.ceil(capacity / Math.max(1, Math.floor(qw / 16))));
    const cols = Math.ceil(capacity / rows);
    const cw = qw / cols;
    const qy = y + 20;
    const qh = rows * (CELL_H + GAP) - GAP;
    const callers = groups[ch].map((cpu, i) => ({ cpu, x: (i % gcols) * CALLER_PITCH, y: qy + Math.floor(i / gcols) * CALLER_PITCH, w: CALLER, h: CALLER }));
    const gridH = Math.ceil(groups[ch].length / gcols) * CALLER_PITCH;
    // Three lines of text in the handler box: the CPU, what it runs, get_list's batch.
    const hh = Math.max(qh, 60, gridH + CAPTION_H);
    const hx = width - GUTTER_W - HANDLER_W + 4;
    bands.push({
      ch, y, qx: left, qy, cols, rows, cw, capacity, hx, hy: qy, hw: HANDLER_W - 6, hh,
      arrowX0: left + qw + 6, arrowX1: hx - 6, arrowY: qy + 28, statsY: qy + hh + 12,
      callers, gridRight: gcols * CALLER_PITCH - GAP,
    });
    y = qy + hh + 26;
  }
  // A line of its own for the 'fast: rates' note, then the per-pid channels.
  const pidY = y + 22;
  const gap = 8;
  const bw = pids.length ? Math.min(170, (width - gap * (pids.length - 1)) / pids.length) : 0;
  // Title, a lane, the boxes, a lane, the LWK reply cells with their numbers, their title.
  const pidLaneY = pidY + 24;
  const boxY = pidY + 34;
  const pidBoxes = pids.map((pid, i) => ({ pid, x: i * (bw + gap), y: boxY, w: bw, h: 44 }));
  const replyLaneY = boxY + 44 + 10;
  const cellsY = replyLaneY + 10;
  const lwkCells: ChannelsLayout['lwkCells'] = [];
  if (frame) {
    const cpus: number[] = [];
    frame.buffers.lwkDepth.forEach((d, cpu) => d >= 0 && cpus.push(cpu));
    const cw = cpus.length ? Math.min(22, width / cpus.length) : 0;
    cpus.forEach((cpu, i) => lwkCells.push({ cpu, x: i * cw, y: cellsY, w: cw, h: 20 }));
  }
  const lwkY = cellsY + 20 + 18;
  return { width, left, bands, pidY, pidBoxes, gutterX: width - GUTTER_W / 2, pidLaneY, replyLaneY, lwkY, lwkCells, height: lwkY + 18 };
}

export function slotRect(b: Band, idx: number): Rect {
  const i = Math.min(idx, b.capacity - 1);
  const r = Math.floor(i / b.cols), c = i % b.cols;
  return { x: b.qx + c * b.cw, y: b.qy + r * (CELL_H + GAP), w: b.cw - GAP, h: CELL_H };
}

const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

export function anchorPoint(l: ChannelsLayout, a: Anchor): { x: number; y: number } | null {
  switch (a.k) {
    case 'caller': {
      const b = l.bands[a.ch];
      const cell = b?.callers.find((c) => c.cpu === a.cpu);
      // A sender outside the group (not expected) enters at the grid's edge.
      return cell ? centre(cell) : b ? { x: b.gridRight + 8, y: b.qy + 7 } : null;
    }
    case 'slot': {
      const b = l.bands[a.ch];
      return b ? centre(slotRect(b, a.idx)) : null;
    }
    case 'handler': {
      // The handler box's left edge, where the doorbell arrow ends (its text stays clear).
      const b = l.bands[a.ch];
      return b ? { x: b.hx + 2, y: b.arrowY } : null;
    }
    case 'pid': {
      // Tokens meet a pid's box at its top edge (arriving) or leave from its bottom edge
      // (replies), never crossing the text inside it.
      const p = l.pidBoxes.find((x) => x.pid === a.pid);
      return p ? { x: p.x + p.w / 2, y: a.leaving ? p.y + p.h : p.y } : null;
    }
    case 'lwk': {
      const c = l.lwkCells.find((x) => x.cpu === a.cpu);
      return c ? centre(c) : null;
    }
  }
}

/**
 * The way a token goes from one anchor to another, as points, through the lanes: a message into
 * a slot and on along the doorbell arrow to the handler; from the handler down the right gutter
 * and along the row above the pid boxes; a reply down from its pid's box, along the row below
 * the boxes and down into its caller's cell.
 */
export function tokenPath(l: ChannelsLayout, from: Anchor, to: Anchor): { x: number; y: number }[] {
  const a = anchorPoint(l, from), z = anchorPoint(l, to);
  if (!a || !z) return [];
  if (from.k === 'slot' && to.k === 'handler') {
    const b = l.bands[to.ch];
    return b ? [a, { x: b.arrowX0, y: b.arrowY }, z] : [a, z];
  }
  if (from.k === 'handler' && to.k === 'pid') {
    const b = l.bands[from.ch];
    if (!b) return [a, z];
    const right = { x: b.hx + b.hw, y: b.arrowY };
    return [right, { x: l.gutterX, y: b.arrowY }, { x: l.gutterX, y: l.pidLaneY }, { x: z.x, y: l.pidLaneY }, z];
  }
  if (from.k === 'pid' && to.k === 'lwk') return [a, { x: a.x, y: l.replyLaneY }, { x: z.x, y: l.replyLaneY }, z];
  return [a, z];
}

/** The point a fraction `p` of the way along a path of points. */
export function alongPath(pts: readonly { x: number; y: number }[], p: number): { x: number; y: number } {
  if (pts.length === 1) return pts[0];
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  let want = Math.max(0, Math.min(1, p)) * total;
  for (let i = 1; i < pts.length; i++) {
    const len = Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    if (want <= len || i === pts.length - 1) {
      const f = len > 0 ? Math.min(1, want / len) : 1;
      return { x: pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, y: pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f };
    }
    want -= len;
  }
  return pts[pts.length - 1];
}

export type Hit =
  | { k: 'slot'; ch: number; idx: number }
  | { k: 'caller'; ch: number; cpu: number }
  | { k: 'handler'; ch: number }
  | { k: 'ipi'; ch: number }
  | { k: 'pid'; pid: number }
  | { k: 'lwk'; cpu: number };

const inside = (x: number, y: number, r: Rect) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

export function hitTest(l: ChannelsLayout, x: number, y: number): Hit | null {
  for (const b of l.bands) {
    if (inside(x, y, { x: b.qx, y: b.qy, w: b.cols * b.cw, h: b.rows * (CELL_H + GAP) })) {
      const idx = Math.floor((y - b.qy) / (CELL_H + GAP)) * b.cols + Math.floor((x - b.qx) / b.cw);
      return idx < b.capacity ? { k: 'slot', ch: b.ch, idx } : null;
    }
    // Cells and the gaps between them.
    const cell = b.callers.find((c) => inside(x, y, { x: c.x, y: c.y, w: CALLER_PITCH, h: CALLER_PITCH }));
    if (cell) return { k: 'caller', ch: b.ch, cpu: cell.cpu };
    if (inside(x, y, { x: b.hx, y: b.hy, w: b.hw, h: b.hh })) return { k: 'handler', ch: b.ch };
    if (inside(x, y, { x: b.arrowX0, y: b.qy - 4, w: b.arrowX1 - b.arrowX0, h: b.hh + 8 })) return { k: 'ipi', ch: b.ch };
  }
  for (const p of l.pidBoxes) if (inside(x, y, p)) return { k: 'pid', pid: p.pid };
  for (const c of l.lwkCells) if (inside(x, y, c)) return { k: 'lwk', cpu: c.cpu };
  return null;
}
