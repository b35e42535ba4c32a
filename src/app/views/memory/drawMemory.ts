/**
 * Layout and drawing of the Memory view: one block of MEMORY_CELLS cells per NUMA domain.
 * Linux cells fill from the bottom with their used share (huge pages darker) and show
 * fragmentation as dots; LWK region cells take their kind's colour and letter, with a
 * pattern for the page size (4 KiB dots, 2 MiB stripes, 1 GiB solid). Page faults flash on
 * a separate overlay canvas, so the cells are redrawn only when they change.
 */
import { MEMORY_CELLS } from '../../../worker/protocol';
import type { Theme } from '../../palette';
import { cellKind, cellPid, formatBytes, owner, type DomainInfo } from './memoryModel';
import { cellColors, rasterCells, toRgb, type CellColors } from './rasterCells';
import { vectorCells } from './vectorCells';
import { isVectorContext } from '../vectorContext';
import { canvasFont, MIN_TEXT_PX } from '../type';
import { rangeOutline, type EnclaveCells } from './enclaveMemory';

export const COLS = 32;
const ROWS = MEMORY_CELLS / COLS;
const TITLE_H = 22;
const GAP = 12;

export interface Block {
  readonly domain: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly gridX: number;
  readonly gridY: number;
  readonly cell: number;
}

export interface MemLayout {
  readonly blocks: readonly Block[];
  readonly height: number;
}

/** Height of one enclave's label line under a block (designs with enclaves). */
const ENCLAVE_LINE_H = 20;
/** Enclave outlines: dashed for the first enclave, dotted for the next. */
const ENCLAVE_DASH: readonly number[][] = [[7, 4], [2, 3]];

/**
 * Two domains: one block per row (large cells). More: two columns, DDR beside its HBM on the
 * Xeon Phi. `enclaveLines`: label lines under each block, one per enclave of the design.
 */
export function layoutMemory(domains: readonly DomainInfo[], width: number, enclaveLines = 0): MemLayout {
  const n = domains.length;
  const perRow = n > 2 && width >= 440 ? 2 : 1;
  const rowsN = Math.ceil(n / perRow);
  const blockW = (width - (perRow - 1) * GAP) / perRow;
  const cell = Math.max(4, Math.min(20, Math.floor((blockW - 8) / COLS)));
  const h = TITLE_H + ROWS * cell + 8 + enclaveLines * ENCLAVE_LINE_H;
  const blocks = domains.map((d, i) => {
    const col = Math.floor(i / rowsN);
    const row = i % rowsN;
    const x = col * (blockW + GAP);
    const y = row * (h + GAP);
    return { domain: d.id, x, y, w: blockW, h, gridX: x + Math.floor((blockW - COLS * cell) / 2), gridY: y + TITLE_H, cell };
  });
  return { blocks, height: rowsN * (h + GAP) - GAP + 2 };
}

export function cellRect(b: Block, i: number): [number, number, number] {
  return [b.gridX + (i % COLS) * b.cell, b.gridY + Math.floor(i / COLS) * b.cell, b.cell - (b.cell >= 6 ? 1 : 0)];
}

export function hitTest(layout: MemLayout, x: number, y: number): { block: Block; cell: number } | null {
  for (const b of layout.blocks) {
    const cx = Math.floor((x - b.gridX) / b.cell);
    const cy = Math.floor((y - b.gridY) / b.cell);
    if (cx >= 0 && cx < COLS && cy >= 0 && cy < ROWS) return { block: b, cell: cy * COLS + cx };
  }
  return null;
}

/** Okabe-Ito colours per region kind, with a letter and an ink that reads on them. */
export const KIND_STYLES = [
  { fill: '#E69F00', code: 'T', ink: '#111111' },
  { fill: '#009E73', code: 'H', ink: '#ffffff' },
  { fill: '#CC79A7', code: 'S', ink: '#111111' },
  { fill: '#F0E442', code: 'M', ink: '#111111' },
] as const;
export const LINUX_4K = '#56B4E9';
export const LINUX_HUGE = '#0072B2';
export const LINUX_FREE = 'rgba(86, 180, 233, 0.22)';
export const FRAG = '#D55E00';
export const HBM_EDGE = '#882255';
export const FAULT = '#D55E00';

const HBM_TINT = 'rgba(136, 34, 85, 0.10)';

/** Pixel colours of the cells on DDR and on HBM blocks (their gaps take the block's background). */
export interface Patterns {
  readonly ddr: CellColors;
  readonly hbm: CellColors;
}

export function makePatterns(theme: Theme): Patterns {
  const panel = toRgb(theme.panel);
  const spec = { linuxFree: LINUX_FREE, linux4k: LINUX_4K, linuxHuge: LINUX_HUGE, frag: FRAG, lwkFree: theme.idle, kinds: KIND_STYLES.map((k) => k.fill) };
  return { ddr: cellColors(panel, spec), hbm: cellColors(toRgb(HBM_TINT, panel), spec) };
}

export interface DomainNote {
  /** Right-aligned text in the block title (numbers from the metrics). */
  readonly text: string;
}

export interface DrawInput {
  readonly layout: MemLayout;
  readonly domains: readonly DomainInfo[];
  readonly cells: Uint32Array | null;
  readonly notes: readonly (DomainNote | undefined)[];
  readonly selectedPid: number | null;
  readonly theme: Theme;
  readonly patterns: Patterns;
  readonly enclaves: readonly EnclaveCells[];
}

export function drawMemory(ctx: CanvasRenderingContext2D, input: DrawInput, dpr: number, width: number): void {
  const { layout, domains, cells, theme, patterns, selectedPid } = input;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, layout.height + 4);
  ctx.textBaseline = 'middle';
  for (const b of layout.blocks) {
    const d = domains[b.domain];
    const hbm = d.kind === 'HBM';
    // Frame: HBM (MCDRAM) blocks get a wine frame and tint, DDR a plain one.
    ctx.fillStyle = hbm ? HBM_TINT : 'transparent';
    ctx.strokeStyle = hbm ? HBM_EDGE : theme.muted;
    ctx.lineWidth = hbm ? 2 : 1;
    ctx.beginPath();
    ctx.roundRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1, 6);
    if (hbm) ctx.fill();
    ctx.globalAlpha = hbm ? 1 : 0.35;
    ctx.stroke();
    ctx.globalAlpha = 1;
    // Title: badge, domain and size; numbers on the right.
    const badge = hbm ? 'HBM' : 'DDR';
    ctx.font = canvasFont(13, { bold: true });
    const bw = ctx.measureText(badge).width + 10;
    ctx.fillStyle = hbm ? HBM_EDGE : theme.muted;
    ctx.beginPath();
    ctx.roundRect(b.x + 6, b.y + 3, bw, 18, 3);
    ctx.fill();
    ctx.fillStyle = hbm ? '#ffffff' : theme.panel;
    ctx.textAlign = 'left';
    ctx.fillText(badge, b.x + 11, b.y + 12);
    ctx.fillStyle = theme.text;
    ctx.font = canvasFont(13.5, { bold: true });
    const title = `NUMA ${d.id}${hbm ? ' MCDRAM' : ''} · ${formatBytes(d.bytes)}`;
    ctx.fillText(title, b.x + 12 + bw, b.y + 12);
    const note = input.notes[b.domain]?.text;
    if (note) {
      const left = b.x + 20 + bw + ctx.measureText(title).width;
      ctx.font = canvasFont(13);
      ctx.fillStyle = theme.muted;
      ctx.textAlign = 'right';
      if (ctx.measureText(note).width < b.x + b.w - 6 - left) ctx.fillText(note, b.x + b.w - 6, b.y + 12);
    }
    if (cells) drawCells(ctx, b, cells, theme, hbm ? patterns.hbm : patterns.ddr, selectedPid, dpr);
    drawEnclaves(ctx, b, input.enclaves, theme);
  }
}

/** Each enclave's memory in this block: an outline around its cells and a label line below the grid. */
function drawEnclaves(ctx: CanvasRenderingContext2D, b: Block, enclaves: readonly EnclaveCells[], theme: Theme): void {
  let y = b.gridY + ROWS * b.cell + 4 + ENCLAVE_LINE_H / 2;
  for (const e of enclaves) {
    const r = e.ranges[b.domain];
    const dash = ENCLAVE_DASH[e.index % ENCLAVE_DASH.length];
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(dash);
    const pts = r ? rangeOutline(r.first, r.end, COLS) : [];
    if (pts.length > 0) {
      ctx.beginPath();
      pts.forEach(([c, row], i) => (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, b.gridX + c * b.cell - 0.5, b.gridY + row * b.cell - 0.5));
      ctx.closePath();
      ctx.stroke();
    }
    // The label: a sample of the outline, the enclave's name and its memory in this domain.
    ctx.beginPath();
    ctx.moveTo(b.gridX, y);
    ctx.lineTo(b.gridX + 22, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.text;
    ctx.font = canvasFont(13);
    ctx.textAlign = 'left';
    ctx.fillText(`enclave ${e.name}: ${formatBytes(r?.bytes ?? 0)}`, b.gridX + 28, y);
    y += ENCLAVE_LINE_H;
  }
}

function drawCells(ctx: CanvasRenderingContext2D, b: Block, cells: Uint32Array, theme: Theme, colors: CellColors, selectedPid: number | null, dpr: number): void {
  if (isVectorContext(ctx)) vectorCells(ctx, { domain: b.domain, x: b.gridX, y: b.gridY, cell: b.cell, cols: COLS }, cells, colors, selectedPid);
  else rasterCells(ctx, { domain: b.domain, x: b.gridX * dpr, y: b.gridY * dpr, cell: b.cell * dpr, cols: COLS }, cells, colors, selectedPid, dpr);
  const o = b.domain * MEMORY_CELLS;
  // Letters only where cells are large enough for the minimum text size.
  const letters = b.cell * 0.62 >= MIN_TEXT_PX;
  ctx.font = canvasFont(b.cell * 0.62, { bold: true });
  ctx.textAlign = 'center';
  ctx.strokeStyle = theme.text;
  ctx.lineWidth = b.cell >= 12 ? 2 : 1.5;
  for (let i = 0; i < MEMORY_CELLS; i++) {
    const code = cells[o + i];
    if (owner(code) !== 2) continue;
    const [x, y, s] = cellRect(b, i);
    const pid = cellPid(code);
    // One letter per run of cells of one region (a row start repeats it), not one per cell.
    if (letters && (i % COLS === 0 || cells[o + i - 1] !== code)) {
      const style = KIND_STYLES[cellKind(code)];
      ctx.globalAlpha = selectedPid !== null && pid !== selectedPid ? 0.28 : 1;
      ctx.fillStyle = style.ink;
      ctx.fillText(style.code, x + s / 2, y + s / 2 + 0.5);
      ctx.globalAlpha = 1;
    }
    if (selectedPid !== null && pid === selectedPid) {
      if (s >= 12) ctx.strokeRect(x + 1, y + 1, s - 2, s - 2);
      else ctx.strokeRect(x - 0.25, y - 0.25, s + 0.5, s + 0.5);
    }
  }
}

export interface Flash {
  readonly domain: number;
  readonly cell: number;
  readonly start: number;
  faults: number;
}

export const FLASH_MS = 700;
/** With reduced motion a fault leaves a still marker this long instead of a fading flash. */
export const MARK_MS = 1200;

/** Draws fault flashes; returns true while any is still visible. */
export function drawFlashes(ctx: CanvasRenderingContext2D, layout: MemLayout, flashes: readonly Flash[], now: number, reduced: boolean, dpr: number, width: number): boolean {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, layout.height + 4);
  let live = false;
  for (const f of flashes) {
    const b = layout.blocks.find((x) => x.domain === f.domain);
    if (!b) continue;
    const age = now - f.start;
    if (age > (reduced ? MARK_MS : FLASH_MS)) continue;
    live = true;
    const [x, y, s] = f.cell >= 0 ? cellRect(b, f.cell) : [b.gridX, b.gridY, b.cell];
    ctx.strokeStyle = FAULT;
    ctx.fillStyle = FAULT;
    if (reduced) {
      // A still marker: a ring and a corner flag on the cell, no fading.
      ctx.lineWidth = 2;
      ctx.strokeRect(x - 1.5, y - 1.5, s + 3, s + 3);
      ctx.beginPath();
      ctx.moveTo(x - 1, y - 1);
      ctx.lineTo(x + Math.max(5, s * 0.55), y - 1);
      ctx.lineTo(x - 1, y + Math.max(5, s * 0.55));
      ctx.closePath();
      ctx.fill();
      continue;
    }
    const t = age / FLASH_MS;
    ctx.globalAlpha = 1 - t;
    ctx.lineWidth = 2.5;
    const grow = 2 + t * 8;
    ctx.strokeRect(x - grow, y - grow, s + 2 * grow, s + 2 * grow);
    ctx.globalAlpha = (1 - t) * 0.5;
    ctx.fillRect(x, y, s, s);
    ctx.globalAlpha = (1 - t) * 0.8;
    ctx.lineWidth = 2;
    ctx.strokeRect(b.x + 1, b.y + 1, b.w - 2, b.h - 2);
    ctx.globalAlpha = 1;
  }
  return live;
}
