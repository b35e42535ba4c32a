/**
 * Cells rendered as pixels: one ImageData per block written in a plain loop and put at once.
 * Thousands of small canvas fills (with patterns) rasterise slowly without a GPU; this costs
 * the same whatever the cells hold. Letters and selection outlines are drawn on top as vectors.
 */
import { MEMORY_CELLS } from '../../../worker/protocol';
import { cellKind, cellPage, cellPid, linuxFrag, linuxHuge, linuxUsed, owner } from './memoryModel';

type Rgb = readonly [number, number, number];

const probe = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d', { willReadFrequently: true }) : null;

/** Any CSS colour to RGB (alpha composited over `under`). */
export function toRgb(css: string, under: Rgb = [255, 255, 255]): Rgb {
  if (!probe) return under;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = `rgb(${under.join(',')})`;
  probe.fillRect(0, 0, 1, 1);
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const d = probe.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
/** Packed for a little-endian Uint32 view of RGBA bytes. */
const pack = (c: Rgb): number => ((255 << 24) | (Math.round(c[2]) << 16) | (Math.round(c[1]) << 8) | Math.round(c[0])) >>> 0;

export interface CellColors {
  readonly background: Rgb;
  readonly linuxFree: number;
  readonly linux4k: number;
  readonly linuxHuge: number;
  readonly frag: number;
  readonly lwkFree: number;
  /** Per kind: [plain, pattern ink, dimmed plain, dimmed pattern ink]. */
  readonly kinds: readonly (readonly [number, number, number, number])[];
  readonly gap: number;
}

export function cellColors(background: Rgb, c: { linuxFree: string; linux4k: string; linuxHuge: string; frag: string; lwkFree: string; kinds: readonly string[] }): CellColors {
  const black: Rgb = [0, 0, 0];
  return {
    background,
    linuxFree: pack(toRgb(c.linuxFree, background)),
    linux4k: pack(toRgb(c.linux4k, background)),
    linuxHuge: pack(toRgb(c.linuxHuge, background)),
    frag: pack(toRgb(c.frag, background)),
    lwkFree: pack(toRgb(c.lwkFree, background)),
    kinds: c.kinds.map((k) => {
      const rgb = toRgb(k, background);
      const ink = mix(rgb, black, 0.5);
      return [pack(rgb), pack(ink), pack(mix(background, rgb, 0.28)), pack(mix(background, ink, 0.28))] as const;
    }),
    gap: pack(background),
  };
}

export interface RasterBlock {
  readonly domain: number;
  /** Device pixels of the grid's top-left corner and of one cell (gap included). */
  readonly x: number;
  readonly y: number;
  readonly cell: number;
  readonly cols: number;
}

const images = new Map<string, ImageData>();
const rowsCache = new Map<string, Uint32Array>();

/** One pixel row of a page-size pattern: 4 KiB a dot every 4 px, 2 MiB diagonal stripes every 6 px. */
function patternRow(plain: number, ink: number, page: number, uy: number, cw: number, unit: number): Uint32Array {
  const phase = page === 0 ? uy % 4 : uy % 6;
  const key = `${plain}:${ink}:${page}:${phase}:${cw}:${unit}`;
  let row = rowsCache.get(key);
  if (row) return row;
  if (rowsCache.size > 512) rowsCache.clear();
  row = new Uint32Array(cw);
  for (let x = 0; x < cw; x++) {
    const ux = Math.floor(x / unit);
    row[x] = (page === 0 ? ux % 4 === 1 && phase === 1 : (ux + phase) % 6 < 1.5) ? ink : plain;
  }
  rowsCache.set(key, row);
  return row;
}

export function rasterCells(ctx: CanvasRenderingContext2D, b: RasterBlock, cells: Uint32Array, colors: CellColors, selectedPid: number | null, dpr: number): void {
  const rows = MEMORY_CELLS / b.cols;
  const x0 = Math.round(b.x), y0 = Math.round(b.y);
  const W = Math.round(b.x + b.cols * b.cell) - x0;
  const H = Math.round(b.y + rows * b.cell) - y0;
  if (W <= 0 || H <= 0) return;
  const key = `${W}x${H}`;
  let img = images.get(key);
  if (!img) images.set(key, (img = new ImageData(W, H)));
  const px = new Uint32Array(img.data.buffer);
  px.fill(colors.gap);
  const gap = b.cell >= 6 * dpr ? Math.max(1, Math.round(dpr)) : 0;
  const unit = Math.max(1, dpr);
  const o = b.domain * MEMORY_CELLS;
  for (let i = 0; i < MEMORY_CELLS; i++) {
    const code = cells[o + i];
    const cx = Math.round(b.x + (i % b.cols) * b.cell) - x0;
    const cy = Math.round(b.y + Math.floor(i / b.cols) * b.cell) - y0;
    const cw = Math.round(b.x + ((i % b.cols) + 1) * b.cell) - x0 - cx - gap;
    const ch = Math.round(b.y + (Math.floor(i / b.cols) + 1) * b.cell) - y0 - cy - gap;
    const w = owner(code);
    if (w === 0) {
      const used = linuxUsed(code);
      const usedRows = used > 0 ? Math.max(1, Math.round(used * ch)) : 0;
      const hugeRows = Math.round(linuxHuge(code) * usedRows);
      const frag = linuxFrag(code);
      const dots = frag >= 0.05 ? Math.min(4, Math.ceil(frag * 4)) : 0;
      const dot = Math.max(2, Math.round(cw / 7));
      for (let y = 0; y < ch; y++) {
        const fromBottom = ch - y;
        const color = fromBottom <= hugeRows ? colors.linuxHuge : fromBottom <= usedRows ? colors.linux4k : colors.linuxFree;
        px.fill(color, (cy + y) * W + cx, (cy + y) * W + cx + cw);
      }
      for (let k = 0; k < dots; k++) {
        const dx = k % 2 === 0 ? 1 : cw - dot - 1;
        const dy = k < 2 ? 1 : Math.floor(ch / 2);
        for (let y = 0; y < dot; y++) for (let x = 0; x < dot; x++) px[(cy + dy + y) * W + cx + dx + x] = colors.frag;
      }
    } else if (w === 1) {
      for (let y = 0; y < ch; y++) px.fill(colors.lwkFree, (cy + y) * W + cx, (cy + y) * W + cx + cw);
    } else {
      const dim = selectedPid !== null && cellPid(code) !== selectedPid ? 2 : 0;
      const k = colors.kinds[cellKind(code)];
      const plain = k[dim], ink = k[dim + 1];
      const page = cellPage(code);
      for (let y = 0; y < ch; y++) {
        const off = (cy + y) * W + cx;
        if (page === 2) px.fill(plain, off, off + cw);
        else px.set(patternRow(plain, ink, page, Math.floor(y / unit), cw, unit), off);
      }
    }
  }
  ctx.putImageData(img, x0, y0);
}
