/**
 * Text on the Channels canvas. Labels are queued while shapes are drawn and written after the
 * moving tokens, with a halo of the background colour, so a token never covers a word.
 */

interface Label {
  readonly s: string;
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly fill: string;
  readonly align: CanvasTextAlign;
  /** Background colour for the halo, or null on a coloured box (the box is the contrast). */
  readonly halo: string | null;
}

/** The font last set (setting ctx.font parses the string: skip it when unchanged). */
let lastFont = '';
const queued: Label[] = [];

/** Callers draw on one context between two resetText() calls. */
function setFont(ctx: CanvasRenderingContext2D, font: string): void {
  if (font !== lastFont) {
    ctx.font = font;
    lastFont = font;
  }
}

/** Draws text now (inside shapes, such as a chip's digit). */
export function text(ctx: CanvasRenderingContext2D, s: string, x: number, y: number, font: string, fill: string, align: CanvasTextAlign = 'left'): void {
  setFont(ctx, font);
  ctx.fillStyle = fill;
  ctx.textAlign = align;
  ctx.fillText(s, x, y);
}

/** Queues a label for flushLabels (after the tokens). */
export function label(s: string, x: number, y: number, font: string, fill: string, align: CanvasTextAlign = 'left', halo: string | null = null): void {
  queued.push({ s, x, y, font, fill, align, halo });
}

/** Draws a label now, with its halo (the cached text layer). */
export function drawLabel(ctx: CanvasRenderingContext2D, l: Label): void {
  setFont(ctx, l.font);
  ctx.textAlign = l.align;
  if (l.halo) {
    ctx.strokeStyle = l.halo;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeText(l.s, l.x, l.y);
  }
  ctx.fillStyle = l.fill;
  ctx.fillText(l.s, l.x, l.y);
}

export function flushLabels(ctx: CanvasRenderingContext2D): void {
  ctx.textBaseline = 'middle';
  for (const l of queued) drawLabel(ctx, l);
  queued.length = 0;
}

/** Forgets the cached font: call it before drawing on a context. */
export function resetText(): void {
  lastFont = '';
  queued.length = 0;
}

/** Width of `s` in px at `font`. */
export function measure(ctx: CanvasRenderingContext2D, s: string, font: string): number {
  setFont(ctx, font);
  return ctx.measureText(s).width;
}

/** Cuts `s` to at most `width` px at `font` (with an ellipsis). */
export function fitText(ctx: CanvasRenderingContext2D, s: string, width: number, font: string): string {
  setFont(ctx, font);
  if (ctx.measureText(s).width <= width) return s;
  let n = s.length;
  while (n > 1 && ctx.measureText(`${s.slice(0, n)}…`).width > width) n--;
  return `${s.slice(0, n)}…`;
}
