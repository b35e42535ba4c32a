/**
 * The parts of the Channels canvas that change only with the layout, the theme or the pixel
 * ratio, cached in two offscreen canvases: shapes (drawn first) and text (drawn last, over the
 * moving tokens).
 */
import type { Frame } from '../../../worker/protocol';
import { drawBackground, drawBackgroundText } from './draw';
import type { ChannelsLayout } from './layout';
import type { ViewTheme } from './shared';

export class Backdrop {
  private readonly shapes = document.createElement('canvas');
  private readonly text = document.createElement('canvas');
  private key = '';

  /** Redraws the caches if `key` (what they depend on) changed. */
  update(key: string, l: ChannelsLayout, frame: Frame, theme: ViewTheme, dpr: number): void {
    if (key === this.key) return;
    this.key = key;
    for (const [c, draw] of [
      [this.shapes, () => drawBackground(ctxOf(this.shapes, dpr), l, theme)],
      [this.text, () => drawBackgroundText(ctxOf(this.text, dpr), l, frame, theme)],
    ] as const) {
      c.width = Math.max(1, Math.round(l.width * dpr));
      c.height = Math.max(1, Math.round(l.height * dpr));
      draw();
    }
  }

  /** Forgets the caches (a theme change). */
  invalidate(): void {
    this.key = '';
  }

  drawShapes(ctx: CanvasRenderingContext2D): void {
    ctx.drawImage(this.shapes, 0, 0);
  }

  drawText(ctx: CanvasRenderingContext2D): void {
    ctx.drawImage(this.text, 0, 0);
  }
}

function ctxOf(c: HTMLCanvasElement, dpr: number): CanvasRenderingContext2D {
  const ctx = c.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
