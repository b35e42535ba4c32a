/**
 * Canvases whose views can draw them again as vectors: a view registers, for its canvas, a
 * function that draws its current content with any 2D context; an export hands it an
 * SvgContext. One per page (reached through the Page), keyed weakly by the canvas element.
 */
import { SvgContext } from './svgContext';

/** Draws the view's current content at CSS-pixel scale (no device-pixel transform) into `ctx`. */
export type VectorDraw = (ctx: SvgContext, width: number, height: number) => void;

export class CanvasExports {
  private readonly draws = new WeakMap<HTMLCanvasElement, VectorDraw>();
  private scratch: CanvasRenderingContext2D | null = null;

  /** Registers `draw` for `canvas`; returns its removal. */
  register(canvas: HTMLCanvasElement, draw: VectorDraw): () => void {
    this.draws.set(canvas, draw);
    return () => {
      if (this.draws.get(canvas) === draw) this.draws.delete(canvas);
    };
  }

  /** The canvas's drawing as SVG elements, or null when its view registered none. */
  vectors(canvas: HTMLCanvasElement): string | null {
    const draw = this.draws.get(canvas);
    if (!draw) return null;
    const r = canvas.getBoundingClientRect();
    const ctx = new SvgContext(r.width, r.height, (text, font) => this.measure(text, font), { width: r.width, height: r.height });
    draw(ctx, r.width, r.height);
    return ctx.elements();
  }

  private measure(text: string, font: string): number {
    this.scratch ??= document.createElement('canvas').getContext('2d');
    if (!this.scratch) return text.length * 7;
    this.scratch.font = font;
    return this.scratch.measureText(text).width;
  }
}
