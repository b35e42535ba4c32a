/**
 * Canvases whose views can draw them again as vectors: a view registers, for its canvas, a
 * function that draws its current content with any 2D context; an export (exportRegion.ts)
 * hands it an SvgContext. One per page (reached through the Page), keyed weakly by the canvas.
 */
import type { SvgContext } from './svgContext';

/** Draws the view's current content at CSS-pixel scale (no device-pixel transform) into `ctx`. */
export type VectorDraw = (ctx: SvgContext, width: number, height: number) => void;

/**
 * The drawing functions of the views take a CanvasRenderingContext2D; an SvgContext implements
 * the part of it they use (tests/unit/export/svgContext.test.ts), so it stands in for one.
 */
export function asCanvasContext(ctx: SvgContext): CanvasRenderingContext2D {
  return ctx as unknown as CanvasRenderingContext2D;
}

export class CanvasExports {
  private readonly draws = new WeakMap<HTMLCanvasElement, VectorDraw>();

  /** Registers `draw` for `canvas`; returns its removal. */
  register(canvas: HTMLCanvasElement, draw: VectorDraw): () => void {
    this.draws.set(canvas, draw);
    return () => {
      if (this.draws.get(canvas) === draw) this.draws.delete(canvas);
    };
  }

  drawOf(canvas: HTMLCanvasElement): VectorDraw | undefined {
    return this.draws.get(canvas);
  }
}
