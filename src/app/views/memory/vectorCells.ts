/**
 * The cells as vector shapes, for exports (an SvgContext): the same colours and page-size
 * patterns as rasterCells' pixels (4 KiB a dot every 4 px, 2 MiB diagonal stripes, 1 GiB plain),
 * in CSS pixels.
 */
import { MEMORY_CELLS } from '../../../worker/protocol';
import { cellKind, cellPage, cellPid, linuxFrag, linuxHuge, linuxUsed, owner } from './memoryModel';
import type { CellColors, RasterBlock } from './rasterCells';

/** A packed little-endian RGBA colour as CSS. */
const css = (c: number) => `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`;

export function vectorCells(ctx: CanvasRenderingContext2D, b: RasterBlock, cells: Uint32Array, colors: CellColors, selectedPid: number | null): void {
  const gap = b.cell >= 6 ? 1 : 0;
  const s = b.cell - gap;
  const o = b.domain * MEMORY_CELLS;
  for (let i = 0; i < MEMORY_CELLS; i++) {
    const code = cells[o + i];
    const x = b.x + (i % b.cols) * b.cell;
    const y = b.y + Math.floor(i / b.cols) * b.cell;
    const w = owner(code);
    if (w === 0) {
      const used = linuxUsed(code);
      const usedH = used > 0 ? Math.max(1, used * s) : 0;
      const hugeH = linuxHuge(code) * usedH;
      ctx.fillStyle = css(colors.linuxFree);
      ctx.fillRect(x, y, s, s - usedH);
      ctx.fillStyle = css(colors.linux4k);
      ctx.fillRect(x, y + s - usedH, s, usedH - hugeH);
      ctx.fillStyle = css(colors.linuxHuge);
      ctx.fillRect(x, y + s - hugeH, s, hugeH);
      const frag = linuxFrag(code);
      const dots = frag >= 0.05 ? Math.min(4, Math.ceil(frag * 4)) : 0;
      const dot = Math.max(2, s / 7);
      ctx.fillStyle = css(colors.frag);
      for (let k = 0; k < dots; k++) ctx.fillRect(x + (k % 2 === 0 ? 1 : s - dot - 1), y + (k < 2 ? 1 : s / 2), dot, dot);
    } else if (w === 1) {
      ctx.fillStyle = css(colors.lwkFree);
      ctx.fillRect(x, y, s, s);
    } else {
      const dim = selectedPid !== null && cellPid(code) !== selectedPid ? 2 : 0;
      const k = colors.kinds[cellKind(code)];
      ctx.fillStyle = css(k[dim]);
      ctx.fillRect(x, y, s, s);
      const page = cellPage(code);
      if (page === 2) continue;
      ctx.fillStyle = css(k[dim + 1]);
      if (page === 0) {
        for (let dy = 1; dy < s; dy += 4) for (let dx = 1; dx < s; dx += 4) ctx.fillRect(x + dx, y + dy, 1, 1);
      } else {
        ctx.save();
        ctx.beginPath();
        ctx.rect(x, y, s, s);
        ctx.clip();
        ctx.strokeStyle = css(k[dim + 1]);
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        for (let d = -s; d < s; d += 6) {
          ctx.moveTo(x + d, y + s);
          ctx.lineTo(x + d + s, y);
        }
        ctx.stroke();
        ctx.restore();
      }
    }
  }
}
