/** Geometry of the Channels canvas (CSS pixels) and hit testing. */
import type { Frame } from '../../../worker/protocol';
import { channelCount, channelValue } from '../../../worker/frameLayout';
import type { Anchor } from './model';

export const LEFT = 96;
const ARROW = 84;
const HANDLER_W = 104;
const CELL_H = 14;
const GAP = 2;

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
}

export interface ChannelsLayout {
  readonly width: number;
  readonly bands: Band[];
  readonly pidY: number;
  readonly pidBoxes: { pid: number; x: number; y: number; w: number; h: number }[];
  readonly lwkY: number;
  readonly lwkCells: { cpu: number; x: number; y: number; w: number; h: number }[];
  readonly height: number;
}

export function layoutChannels(width: number, frame: Frame | null, pids: readonly number[]): ChannelsLayout {
  const bands: Band[] = [];
  let y = 2;
  const n = frame ? channelCount(frame.buffers.channels) : 0;
  const qw = Math.max(120, width - LEFT - ARROW - HANDLER_W);
  for (let ch = 0; ch < n; ch++) {
    const capacity = Math.max(1, channelValue(frame!.buffers.channels, ch, 'capacity'));
    // As few rows as cells of at least 16 px allow (at most 6), filled evenly.
    const rows = Math.min(6, Math.ceil(capacity / Math.max(1, Math.floor(qw / 16))));
    const cols = Math.ceil(capacity / rows);
    const cw = qw / cols;
    const qy = y + 20;
    const qh = rows * (CELL_H + GAP) - GAP;
    const hh = Math.max(qh, 44);
    const hx = width - HANDLER_W + 4;
    bands.push({
      ch, y, qx: LEFT, qy, cols, rows, cw, capacity, hx, hy: qy, hw: HANDLER_W - 6, hh,
      arrowX0: LEFT + qw + 6, arrowX1: hx - 6, arrowY: qy + Math.min(hh, 44) / 2, statsY: qy + hh + 12,
    });
    y = qy + hh + 26;
  }
  const pidY = y + 4;
  const gap = 8;
  const bw = pids.length ? Math.min(170, (width - gap * (pids.length - 1)) / pids.length) : 0;
  const pidBoxes = pids.map((pid, i) => ({ pid, x: i * (bw + gap), y: pidY + 18, w: bw, h: 44 }));
  const lwkY = pidY + 18 + 44 + 12;
  const lwkCells: ChannelsLayout['lwkCells'] = [];
  if (frame) {
    const cpus: number[] = [];
    frame.buffers.lwkDepth.forEach((d, cpu) => d >= 0 && cpus.push(cpu));
    const cw = cpus.length ? Math.min(22, width / cpus.length) : 0;
    cpus.forEach((cpu, i) => lwkCells.push({ cpu, x: i * cw, y: lwkY + 18, w: cw, h: 20 }));
  }
  return { width, bands, pidY, pidBoxes, lwkY, lwkCells, height: lwkY + 18 + 20 + 18 };
}

export function slotRect(b: Band, idx: number): { x: number; y: number; w: number; h: number } {
  const i = Math.min(idx, b.capacity - 1);
  const r = Math.floor(i / b.cols), c = i % b.cols;
  return { x: b.qx + c * b.cw, y: b.qy + r * (CELL_H + GAP), w: b.cw - GAP, h: CELL_H };
}

export function anchorPoint(l: ChannelsLayout, a: Anchor): { x: number; y: number } | null {
  switch (a.k) {
    case 'entry': {
      const b = l.bands[a.ch];
      return b ? { x: 8, y: b.qy + 7 } : null;
    }
    case 'slot': {
      const b = l.bands[a.ch];
      if (!b) return null;
      const r = slotRect(b, a.idx);
      return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
    }
    case 'handler': {
      const b = l.bands[a.ch];
      return b ? { x: b.hx + b.hw / 2, y: b.hy + b.hh / 2 } : null;
    }
    case 'pid': {
      const p = l.pidBoxes.find((x) => x.pid === a.pid);
      return p ? { x: p.x + p.w / 2, y: p.y + p.h / 2 } : null;
    }
    case 'lwk': {
      const c = l.lwkCells.find((x) => x.cpu === a.cpu);
      return c ? { x: c.x + c.w / 2, y: c.y + c.h / 2 } : null;
    }
  }
}

export type Hit =
  | { k: 'slot'; ch: number; idx: number }
  | { k: 'waiting'; ch: number }
  | { k: 'handler'; ch: number }
  | { k: 'ipi'; ch: number }
  | { k: 'pid'; pid: number }
  | { k: 'lwk'; cpu: number };

const inside = (x: number, y: number, r: { x: number; y: number; w: number; h: number }) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

export function hitTest(l: ChannelsLayout, x: number, y: number): Hit | null {
  for (const b of l.bands) {
    if (inside(x, y, { x: b.qx, y: b.qy, w: b.cols * b.cw, h: b.rows * (CELL_H + GAP) })) {
      const idx = Math.floor((y - b.qy) / (CELL_H + GAP)) * b.cols + Math.floor((x - b.qx) / b.cw);
      return idx < b.capacity ? { k: 'slot', ch: b.ch, idx } : null;
    }
    if (inside(x, y, { x: 0, y: b.qy, w: LEFT - 6, h: b.hh })) return { k: 'waiting', ch: b.ch };
    if (inside(x, y, { x: b.hx, y: b.hy, w: b.hw, h: b.hh })) return { k: 'handler', ch: b.ch };
    if (inside(x, y, { x: b.arrowX0, y: b.qy - 4, w: b.arrowX1 - b.arrowX0, h: b.hh + 8 })) return { k: 'ipi', ch: b.ch };
  }
  for (const p of l.pidBoxes) if (inside(x, y, p)) return { k: 'pid', pid: p.pid };
  for (const c of l.lwkCells) if (inside(x, y, c)) return { k: 'lwk', cpu: c.cpu };
  return null;
}
